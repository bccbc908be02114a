// PosixFileSystem: FileSystem over POSIX file descriptors (pread/pwrite/fsync).
#pragma once

#include "storage/file/file_system.h"

namespace chalkdb {

class PosixFileSystem final : public FileSystem {
 public:
  std::unique_ptr<File> open(const std::filesystem::path& path, OpenMode mode) override;
  bool exists(const std::filesystem::path& path) override;
  void remove(const std::filesystem::path& path) override;
  void rename(const std::filesystem::path& from, const std::filesystem::path& to) override;
  void create_directories(const std::filesystem::path& path) override;
  std::vector<std::string> list(const std::filesystem::path& directory) override;
  void sync_directory(const std::filesystem::path& directory) override;
};

}  // namespace chalkdb
