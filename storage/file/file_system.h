// FileSystem: the storage engine's only way to touch files (LevelDB's Env idea).
//
// Everything that reads or writes the data directory goes through this interface, so a test
// can substitute an implementation that, say, drops writes that were never fsynced to
// simulate a power loss. PosixFileSystem is the real one. Failures are thrown as SqlError with
// SQLSTATE 58030 (io_error) and PostgreSQL-style messages ("could not open file ...").
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace chalkdb {

// An open file. Not synchronised: callers serialise access to one File.
class File {
 public:
  virtual ~File() = default;
  // Reads up to out.size() bytes at `offset`; returns how many were read (short at EOF).
  virtual size_t read(uint64_t offset, std::span<std::byte> out) = 0;
  virtual void write(uint64_t offset, std::span<const std::byte> data) = 0;
  virtual uint64_t size() = 0;
  // Grows the file to `new_size` bytes, the new bytes reading as zeros.
  virtual void extend(uint64_t new_size) = 0;
  virtual void truncate(uint64_t new_size) = 0;
  // Makes every completed write durable (fsync).
  virtual void sync() = 0;
  virtual const std::filesystem::path& path() const = 0;
};

enum class OpenMode { MustExist, CreateIfMissing };

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual std::unique_ptr<File> open(const std::filesystem::path& path, OpenMode mode) = 0;
  virtual bool exists(const std::filesystem::path& path) = 0;
  virtual void remove(const std::filesystem::path& path) = 0;  // no error if missing
  virtual void rename(const std::filesystem::path& from, const std::filesystem::path& to) = 0;
  virtual void create_directories(const std::filesystem::path& path) = 0;
  // File names (not paths) directly inside `directory`.
  virtual std::vector<std::string> list(const std::filesystem::path& directory) = 0;
  // Makes creations, renames and removals inside `directory` durable.
  virtual void sync_directory(const std::filesystem::path& directory) = 0;
};

}  // namespace chalkdb
