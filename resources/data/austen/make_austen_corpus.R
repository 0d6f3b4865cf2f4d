#!/usr/bin/Rscript
# Regenerates the bundled Jane Austen corpus, austen.txt, from Debian's r-cran-janeaustenr package.
#
# Writes Austen's six completed novels as one UTF-8 plain-text file with Unix newlines, in the order of
# janeaustenr::austen_books(): Sense and Sensibility, Pride and Prejudice, Mansfield Park, Emma,
# Northanger Abbey, Persuasion. Each novel starts with its title line as the package has it. The text
# lines are kept as the package has them (leading indentation included), except that trailing spaces
# are removed and each run of empty lines becomes a single empty line: one empty line separates
# paragraphs, headings and the like, and two empty lines separate one novel from the next (the only
# place where two occur). Empty lines at the start and end of each novel are dropped, and the file
# ends with a single newline. Strings are written as their UTF-8 bytes, so the output is the same
# byte for byte whatever the locale.
#
# Usage: Rscript make_austen_corpus.R [OUTPUT_DIR]

novels <- c(sensesensibility = "Sense and Sensibility", prideprejudice = "Pride and Prejudice",
            mansfieldpark = "Mansfield Park", emma = "Emma", northangerabbey = "Northanger Abbey",
            persuasion = "Persuasion")

script_dir <- function() {
    file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
    if (length(file_arg) == 0) return(getwd())
    dirname(normalizePath(sub("^--file=", "", file_arg[1]), mustWork = TRUE))
}

arguments <- commandArgs(trailingOnly = TRUE)
output <- if (length(arguments) > 0) arguments[1] else script_dir()

utf8_lines <- function(lines) {
    latin1 <- Encoding(lines) == "latin1"
    lines[latin1] <- iconv(lines[latin1], from = "latin1", to = "UTF-8")
    if (!all(validUTF8(lines))) stop("the package text is not valid UTF-8")
    lines
}

tidy <- function(lines) {
    lines <- sub("[ \t\r]+$", "", lines, useBytes = TRUE)
    empty <- lines == ""
    keep <- !(empty & c(TRUE, head(empty, -1)))  # the first empty line of each run only
    lines <- lines[keep]
    while (length(lines) > 0 && lines[1] == "") lines <- lines[-1]
    while (length(lines) > 0 && lines[length(lines)] == "") lines <- lines[-length(lines)]
    lines
}

corpus <- character(0)
for (name in names(novels)) {
    lines <- tidy(utf8_lines(getExportedValue("janeaustenr", name)))
    if (length(corpus) > 0) corpus <- c(corpus, "", "")
    corpus <- c(corpus, lines)
    cat(sprintf("%s: %d lines\n", novels[[name]], length(lines)))
}

dir.create(output, showWarnings = FALSE, recursive = TRUE)
path <- file.path(output, "austen.txt")
connection <- file(path, open = "wb")
writeLines(corpus, connection, sep = "\n", useBytes = TRUE)
close(connection)
cat(sprintf("%s: %d lines, %.0f bytes, from janeaustenr %s\n", path, length(corpus), file.size(path),
            as.character(utils::packageVersion("janeaustenr"))))
