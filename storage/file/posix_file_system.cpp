#include "storage/file/posix_file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

// PostgreSQL words file errors as `could not <verb> file "<path>": <strerror>`.
[[noreturn]] void throw_io_error(std::string_view verb, const std::filesystem::path& path,
                                 int error_number) {
  throw SqlError(sqlstate::kIoError, "could not " + std::string(verb) + " file \"" +
                                         path.string() + "\": " + std::strerror(error_number));
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

class PosixFile final : public File {
 public:
  PosixFile(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {}

  size_t read(uint64_t offset, std::span<std::byte> out) override {
    size_t done = 0;
    while (done < out.size()) {
      ssize_t n = ::pread(fd_.get(), out.data() + done, out.size() - done,
                          static_cast<off_t>(offset + done));
      if (n < 0) {
        if (errno == EINTR) continue;
        throw_io_error("read", path_, errno);
      }
      if (n == 0) break;
      done += static_cast<size_t>(n);
    }
    return done;
  }

  void write(uint64_t offset, std::span<const std::byte> data) override {
    size_t done = 0;
    while (done < data.size()) {
      ssize_t n = ::pwrite(fd_.get(), data.data() + done, data.size() - done,
                           static_cast<off_t>(offset + done));
      if (n < 0) {
        if (errno == EINTR) continue;
        throw_io_error("write to", path_, errno);
      }
      done += static_cast<size_t>(n);
    }
  }

  uint64_t size() override {
    struct stat st {};
    if (::fstat(fd_.get(), &st) != 0) throw_io_error("stat", path_, errno);
    return static_cast<uint64_t>(st.st_size);
  }

  void extend(uint64_t new_size) override {
    if (new_size > size()) resize(new_size, "extend");
  }

  void truncate(uint64_t new_size) override { resize(new_size, "truncate"); }

  void sync() override {
    if (::fsync(fd_.get()) != 0) throw_io_error("fsync", path_, errno);
  }

  const std::filesystem::path& path() const override { return path_; }

 private:
  void resize(uint64_t new_size, std::string_view verb) {
    if (::ftruncate(fd_.get(), static_cast<off_t>(new_size)) != 0) {
      throw_io_error(verb, path_, errno);
    }
  }

  FileDescriptor fd_;
  std::filesystem::path path_;
};

}  // namespace

std::unique_ptr<File> PosixFileSystem::open(const std::filesystem::path& path, OpenMode mode) {
  int flags = O_RDWR | O_CLOEXEC | (mode == OpenMode::CreateIfMissing ? O_CREAT : 0);
  int fd = ::open(path.c_str(), flags, 0600);
  if (fd < 0) throw_io_error("open", path, errno);
  return std::make_unique<PosixFile>(fd, path);
}

bool PosixFileSystem::exists(const std::filesystem::path& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

void PosixFileSystem::remove(const std::filesystem::path& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) throw_io_error("remove", path, errno);
}

void PosixFileSystem::rename(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) throw_io_error("rename", from, errno);
}

void PosixFileSystem::create_directories(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error) throw_io_error("create directory for", path, error.value());
}

std::vector<std::string> PosixFileSystem::list(const std::filesystem::path& directory) {
  std::vector<std::string> names;
  std::error_code error;
  for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    names.push_back(it->path().filename().string());
  }
  if (error) throw_io_error("read directory", directory, error.value());
  return names;
}

void PosixFileSystem::sync_directory(const std::filesystem::path& directory) {
  FileDescriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) throw_io_error("open", directory, errno);
  if (::fsync(fd.get()) != 0) throw_io_error("fsync", directory, errno);
}

}  // namespace chalkdb
