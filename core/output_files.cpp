#include "core/output_files.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include <unistd.h>

namespace collapse {

namespace fs = std::filesystem;

namespace {

// Temporaries are NAME.partial-HOST-PID; a replaced file waits as NAME.previous-HOST-PID until the new
// set is in. The host matters on a folder shared by a cluster's nodes: only this machine's processes can
// be known to be gone.
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

fs::path markedPath(const fs::path& path, const char* mark, long pid)
{
    fs::path marked = path;
    marked += mark + hostName() + "-" + std::to_string(pid);
    return marked;
}

// Whether a process of this id runs on this machine.
bool processRuns(long pid)
{
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
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
    return markedPath(path, kPartialMark, static_cast<long>(::getpid()));
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
    const std::string name = path.filename().string();
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        const std::string entryName = entry.path().filename().string();
        for (const char* mark : {kPartialMark, kPreviousMark}) {
            const std::string prefix = name + mark;
            if (entryName.size() <= prefix.size() || entryName.compare(0, prefix.size(), prefix) != 0) {
                continue;
            }
            const std::string owner = prefix + hostName() + "-";
            if (entryName.compare(0, owner.size(), owner) != 0) {
                continue;  // another machine's, or no temporary of ours
            }
            const std::string digits = entryName.substr(owner.size());
            if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9 ||
                processRuns(std::stol(digits))) {
                continue;
            }
            std::error_code ignored;
            if (mark == kPreviousMark && !fs::exists(path, ignored)) {
                fs::rename(entry.path(), path, ignored);  // the killed commit had not placed the new file
            } else {
                fs::remove_all(entry.path(), ignored);
            }
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
        fs::remove(stream->temporary_, ignored);
    }
    for (auto folder = createdFolders_.rbegin(); folder != createdFolders_.rend(); ++folder) {
        fs::remove(*folder, ignored);  // only removes a folder that is still empty
    }
}

void OutputFiles::makeFolderFor(const fs::path& path)
{
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
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
    const long pid = static_cast<long>(::getpid());
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
            fs::remove(temporary, ignored);
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
            if (fs::exists(destination, error)) {
                const fs::path previous = markedPath(destination, kPreviousMark, pid);
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
