#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace collapse {

// A set of files written whole or not at all (core/README.md, "Files"): every file is first written
// under a temporary name beside its destination and checked; only when all of them are complete are the
// files they replace moved aside and the new ones renamed into place. A failure (an unwritable folder,
// a full disk, a rename refused) removes what was written and puts the previous files back, then
// throws std::runtime_error naming the file.
class OutputFiles {
public:
    // A file whose contents arrive in pieces while they are computed (a long run's metrics.csv): each
    // piece goes straight to the file's temporary, so memory holds none of it, and commit() places the
    // file with the others.
    class Stream {
    public:
        // Throws std::runtime_error naming the file when the disk refuses the piece.
        void append(std::string_view text);

    private:
        friend class OutputFiles;
        Stream(std::filesystem::path path, std::filesystem::path temporary);
        void finish();

        std::filesystem::path path_;
        std::filesystem::path temporary_;
        std::ofstream out_;
        std::uintmax_t written_ = 0;
    };

    OutputFiles() = default;
    // Every file goes under `root` (the user's --out), and a symbolic link met on the way down from it to
    // a file's folder is refused: it would carry the files out of the folder the user named.
    explicit OutputFiles(std::filesystem::path root) : root_(std::move(root)) {}
    OutputFiles(const OutputFiles&) = delete;
    OutputFiles& operator=(const OutputFiles&) = delete;
    // What was streamed and not committed (a run cancelled or failed) is removed, with the folders made
    // for it.
    ~OutputFiles();

    void add(std::filesystem::path path, std::string contents);
    // Every file added or streamed, in order.
    std::vector<std::filesystem::path> destinations() const;
    // Makes the folders `path` needs and opens its temporary now; throws std::runtime_error naming what
    // cannot be made.
    Stream& stream(std::filesystem::path path);
    void commit();

private:
    // Creates the folders above `path` that are missing, remembering them so that a failure removes them.
    void makeFolderFor(const std::filesystem::path& path);
    // The temporary `path` is written under, its folders made and what a killed writer left cleared.
    std::filesystem::path prepareTemporary(const std::filesystem::path& path);
    void discard();

    std::vector<std::pair<std::filesystem::path, std::string>> files_;
    std::vector<std::unique_ptr<Stream>> streams_;
    std::vector<std::filesystem::path> createdFolders_;
    std::filesystem::path root_;
    bool committed_ = false;
};

// The name a file (or folder) is written under before it is complete: NAME inside a private folder made
// for it beside the destination, NAME.partial-HOST-PID-RANDOM/, by mkdir and for this user alone, so
// that processes writing the same file at once (shards of a sweep in a shared folder) never write into
// each other's temporaries, no one can plant a link at the name written, and a later run recognises
// what a killed one left (removeStaleTemporaries). Throws std::runtime_error when the folder cannot be
// made. Once the temporary is renamed into place or given up, removeTemporary() clears its folder.
std::filesystem::path temporaryPathFor(const std::filesystem::path& path);
// Removes a temporary of temporaryPathFor() with its private folder, whatever is left in it.
void removeTemporary(const std::filesystem::path& temporary);

// Whether `name` is a temporary of the file called `fileName` (NAME.partial-… or NAME.previous-…), written
// by a process of any machine that is writing or replacing it now or was killed while doing so.
bool isTemporaryOf(const std::string& name, const std::string& fileName);

// Removes the temporaries in the folder of `path` that a process of this machine no longer running left
// behind (killed while writing), and puts back a previous file that such a process had moved aside and
// not replaced; once a folder for each process.
void removeStaleTemporaries(const std::filesystem::path& path);

// Writes one file whole or not at all, as OutputFiles does.
void writeFileWhole(const std::filesystem::path& path, std::string contents);
// Writes a file the user named (a scenario, a sweep, a figure) whole or not at all, into a folder that
// exists: a mistyped path is refused, not made. Throws std::runtime_error "cannot write PATH: why".
void writeUserFile(const std::filesystem::path& path, std::string contents);

// What stands in the way of writing `path` (a file, or with `folder` a folder of files), found before any
// work is done: a missing or unwritable folder above it, or something of the other kind in its place.
// Empty when nothing does.
std::string outputTargetProblem(const std::filesystem::path& path, bool folder);

} // namespace collapse
