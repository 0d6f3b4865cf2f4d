#include "core/output_files.h"

#include <cerrno>
#include <cstdio>
#include <csignal>
#include <cstring>
#include <fstream>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <system_error>

#include <sys/stat.h>
#include <unistd.h>

namespace collapse {

namespace fs = std::filesystem;

namespace {

// A temporary is written inside a private folder beside its destination, NAME.partial-HOST-PID-RANDOM/,
// made by mkdir: mkdir never follows a link or reuses a name that is there, and the folder is this user's
// alone, so no one who can write in the destination's folder can plant a link where the program writes
// (a guessed name only makes mkdir try another). A replaced file waits as NAME.previous-HOST-PID-RANDOM
// until the new set is in. The host matters on a folder shared by a cluster's nodes: only this
// machine's processes can be known to be gone.
constexpr const char* kPartialMark = ".partial-";
constexpr const char* kPreviousMark = ".previous-";

const std::string& hostName()
{
    static const std::string name = [] {
        char buffer[256] = {};
        if (::gethostname(buffer, sizeof buffer - 1) != 0 || buffer[0] == '\0') {
            return std::string("host");
        }
        std::string host(buffer);
        for (char& c : host) {
            c = c == '/' ? '_' : c;
        }
        return host;
    }();
    return name;
}

// NAME + mark + HOST-PID-RANDOM: a name no other process, here or on another machine, would choose.
fs::path markedPath(const fs::path& path, const char* mark)
{
    static std::mutex mutex;
    static std::mt19937_64 random = [] {
        std::random_device device;
        return std::mt19937_64((std::uint64_t{device()} << 32) ^ device() ^ static_cast<std::uint64_t>(::getpid()));
    }();
    std::uint64_t draw;
    {
        const std::lock_guard lock(mutex);
        draw = random();
    }
    char suffix[24];
    std::snprintf(suffix, sizeof suffix, "%012llx", static_cast<unsigned long long>(draw & 0xffffffffffffULL));
    fs::path marked = path;
    marked += mark + hostName() + "-" + std::to_string(::getpid()) + "-" + suffix;
    return marked;
}

// Whether a process of this id runs on this machine.
bool processRuns(long pid)
{
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

// For a temporary or previous file of this machine, NAME.mark-HOST-PID-RANDOM: NAME, the mark and the
// process; nothing for any other name.
struct Marked {
    std::string name;
    const char* mark = nullptr;
    long pid = 0;
};
std::optional<Marked> parseMarked(const std::string& entry)
{
    for (const char* mark : {kPartialMark, kPreviousMark}) {
        const std::string owner = mark + hostName() + "-";
        const std::size_t at = entry.rfind(owner);
        if (at == std::string::npos || at == 0) {
            continue;
        }
        const std::string rest = entry.substr(at + owner.size());
        const std::size_t dash = rest.find('-');
        const std::string digits = rest.substr(0, dash);
        if (dash == std::string::npos || digits.empty() || digits.size() > 9 ||
            digits.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        return Marked{entry.substr(0, at), mark, std::stol(digits)};
    }
    return std::nullopt;
}

void writeTemporary(const fs::path& path, const fs::path& temporary, const std::string& contents)
{
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
        throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(errno));
    }
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.flush();
    out.close();
    if (!out) {
        throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(errno != 0 ? errno : EIO));
    }
    // The size on disk is the size written: a full disk cannot leave a short file behind unnoticed.
    std::error_code error;
    if (fs::file_size(temporary, error) != contents.size() || error) {
        throw std::runtime_error("cannot write " + path.string() + ": the disk took only part of it");
    }
}

} // namespace

fs::path temporaryPathFor(const fs::path& path)
{
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    for (int attempt = 0; attempt < 16; ++attempt) {
        const fs::path place = markedPath(path, kPartialMark);
        if (::mkdir(place.c_str(), 0700) == 0) {
            return place / path.filename();
        }
        if (errno != EEXIST) {
            throw std::runtime_error("cannot write " + path.string() + ": cannot create a folder in " + folder.string() +
                                     ": " + std::strerror(errno));
        }
    }
    throw std::runtime_error("cannot write " + path.string() + ": " + folder.string() +
                             " holds every name tried for its temporary");
}

void removeTemporary(const fs::path& temporary)
{
    std::error_code ignored;
    const fs::path place = temporary.parent_path();
    // Only a folder this program made: its name says so.
    if (parseMarked(place.filename().string()) && !fs::is_symlink(place, ignored)) {
        fs::remove_all(place, ignored);
    }
}

bool isTemporaryOf(const std::string& name, const std::string& fileName)
{
    for (const char* mark : {kPartialMark, kPreviousMark}) {
        const std::string prefix = fileName + mark;
        if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0) {
            return true;
        }
    }
    return false;
}

void removeStaleTemporaries(const fs::path& path)
{
    std::error_code error;
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    // Once a folder for each process: a sweep writes thousands of cells into one, and a look through
    // the whole folder for every one of them would make the sweep's time grow with the square of its
    // cells. What a killed process left is cleared at the first write; this process leaves nothing.
    {
        static std::mutex mutex;
        static std::set<std::string> swept;
        const std::lock_guard lock(mutex);
        if (!swept.insert(fs::absolute(folder, error).lexically_normal().string()).second) {
            return;
        }
    }
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        const auto marked = parseMarked(entry.path().filename().string());
        if (!marked || processRuns(marked->pid)) {
            continue;  // another machine's, a running process's, or no temporary
        }
        std::error_code ignored;
        const fs::path destination = folder / marked->name;
        if (marked->mark == kPreviousMark && !fs::exists(destination, ignored) && !fs::is_symlink(destination, ignored)) {
            fs::rename(entry.path(), destination, ignored);  // the killed commit had not placed the new file
        } else if (!fs::is_symlink(entry.path(), ignored)) {
            fs::remove_all(entry.path(), ignored);
        } else {
            fs::remove(entry.path(), ignored);
        }
    }
}

void writeFileWhole(const fs::path& path, std::string contents)
{
    OutputFiles file;
    file.add(path, std::move(contents));
    file.commit();
}

void writeUserFile(const fs::path& path, std::string contents)
{
    if (const std::string problem = outputTargetProblem(path, false); !problem.empty()) {
        throw std::runtime_error("cannot write " + path.string() + ": " + problem);
    }
    writeFileWhole(path, std::move(contents));
}

std::string outputTargetProblem(const fs::path& path, bool folder)
{
    std::error_code error;
    const fs::path absolute = fs::absolute(path, error);
    if (fs::exists(absolute, error)) {
        if (folder && !fs::is_directory(absolute, error)) {
            return path.string() + " exists and is not a folder";
        }
        if (!folder && fs::is_directory(absolute, error)) {
            return path.string() + " is a folder";
        }
    }
    // The nearest folder that exists must take new files.
    fs::path existing = absolute.parent_path();
    while (!existing.empty() && !fs::exists(existing, error)) {
        if (!folder) {
            return "the folder " + existing.string() + " does not exist";
        }
        existing = existing.parent_path();
    }
    if (!fs::is_directory(existing, error)) {
        return existing.string() + " is not a folder";
    }
    if (::access(existing.c_str(), W_OK | X_OK) != 0) {
        return "cannot write into " + existing.string() + ": " + std::strerror(errno);
    }
    return {};
}

OutputFiles::Stream::Stream(fs::path path, fs::path temporary)
    : path_(std::move(path)), temporary_(std::move(temporary)), out_(temporary_, std::ios::binary | std::ios::trunc)
{
    if (!out_) {
        throw std::runtime_error("cannot write " + path_.string() + ": " + std::strerror(errno));
    }
}

void OutputFiles::Stream::append(std::string_view text)
{
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out_) {
        throw std::runtime_error("cannot write " + path_.string() + ": " + std::strerror(errno != 0 ? errno : EIO));
    }
    written_ += text.size();
}

// The checks writeTemporary makes: the close succeeded and the disk holds every byte appended.
void OutputFiles::Stream::finish()
{
    out_.close();
    if (!out_) {
        throw std::runtime_error("cannot write " + path_.string() + ": " + std::strerror(errno != 0 ? errno : EIO));
    }
    std::error_code error;
    if (fs::file_size(temporary_, error) != written_ || error) {
        throw std::runtime_error("cannot write " + path_.string() + ": the disk took only part of it");
    }
}

OutputFiles::~OutputFiles()
{
    if (!committed_) {
        discard();
    }
}

void OutputFiles::discard()
{
    std::error_code ignored;
    for (const auto& stream : streams_) {
        stream->out_.close();
        removeTemporary(stream->temporary_);
    }
    for (auto folder = createdFolders_.rbegin(); folder != createdFolders_.rend(); ++folder) {
        fs::remove(*folder, ignored);  // only removes a folder that is still empty
    }
}

void OutputFiles::makeFolderFor(const fs::path& path)
{
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (!root_.empty()) {
        // Compared as absolute paths without "." or "..", and without a trailing separator ("out/").
        const auto normal = [](const fs::path& given) {
            fs::path made = fs::absolute(given).lexically_normal();
            return made.has_filename() || !made.has_relative_path() ? made : made.parent_path();
        };
        const fs::path below = normal(folder).lexically_relative(normal(root_));
        if (below.empty() || *below.begin() == "..") {
            throw std::runtime_error("cannot write " + path.string() + ": it is not inside " + root_.string());
        }
        fs::path step = normal(root_);
        std::error_code ignored;
        for (const fs::path& part : below) {
            if (part == ".") {
                continue;
            }
            step /= part;
            if (fs::is_symlink(step, ignored)) {
                throw std::runtime_error("cannot write " + path.string() + ": " + step.string() +
                                         " is a symbolic link, which would carry the files out of " + root_.string());
            }
        }
    }
    std::vector<fs::path> missing;
    for (fs::path f = fs::absolute(folder); !fs::exists(f); f = f.parent_path()) {
        missing.push_back(f);
    }
    std::error_code error;
    fs::create_directories(folder, error);
    if (error) {
        throw std::runtime_error("cannot create folder " + folder.string() + ": " + error.message());
    }
    createdFolders_.insert(createdFolders_.end(), missing.rbegin(), missing.rend());
}

void OutputFiles::add(fs::path path, std::string contents)
{
    files_.emplace_back(std::move(path), std::move(contents));
}

std::vector<fs::path> OutputFiles::destinations() const
{
    std::vector<fs::path> paths;
    for (const auto& stream : streams_) {
        paths.push_back(stream->path_);
    }
    for (const auto& [path, contents] : files_) {
        paths.push_back(path);
    }
    return paths;
}

fs::path OutputFiles::prepareTemporary(const fs::path& path)
{
    makeFolderFor(path);
    removeStaleTemporaries(path);
    return temporaryPathFor(path);
}

OutputFiles::Stream& OutputFiles::stream(fs::path path)
{
    fs::path temporary = prepareTemporary(path);
    streams_.push_back(std::unique_ptr<Stream>(new Stream(std::move(path), std::move(temporary))));
    return *streams_.back();
}

void OutputFiles::commit()
{
    std::vector<std::pair<fs::path, fs::path>> written;  // destination, its temporary
    std::vector<std::pair<fs::path, fs::path>> movedAside;  // destination, its previous file
    std::vector<fs::path> placed;
    const auto undo = [&] {
        std::error_code ignored;
        for (const auto& path : placed) {
            fs::remove(path, ignored);
        }
        for (const auto& [destination, previous] : movedAside) {
            fs::rename(previous, destination, ignored);
        }
        for (const auto& [destination, temporary] : written) {
            removeTemporary(temporary);
        }
        discard();
    };
    try {
        for (const auto& stream : streams_) {
            stream->finish();
            written.emplace_back(stream->path_, stream->temporary_);
        }
        for (const auto& [path, contents] : files_) {
            written.emplace_back(path, prepareTemporary(path));
            writeTemporary(path, written.back().second, contents);
        }
        for (const auto& [destination, temporary] : written) {
            std::error_code error;
            if (fs::exists(destination, error) || fs::is_symlink(destination, error)) {
                const fs::path previous = markedPath(destination, kPreviousMark);
                fs::rename(destination, previous, error);
                if (error) {
                    throw std::runtime_error("cannot replace " + destination.string() + ": " + error.message());
                }
                movedAside.emplace_back(destination, previous);
            }
            fs::rename(temporary, destination, error);
            if (error) {
                throw std::runtime_error("cannot write " + destination.string() + ": " + error.message());
            }
            placed.push_back(destination);
            removeTemporary(temporary);
        }
    } catch (...) {
        undo();
        committed_ = true;  // undone: nothing is left for the destructor
        throw;
    }
    committed_ = true;
    std::error_code ignored;
    for (const auto& [destination, previous] : movedAside) {
        fs::remove(previous, ignored);
    }
}

} // namespace collapse
