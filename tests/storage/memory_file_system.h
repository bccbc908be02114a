// MemoryFileSystem: a FileSystem kept in memory that can simulate a power loss.
//
// Every file keeps its current bytes and the bytes last made durable by sync(). crash()
// returns the disk as it would be found after a power cut (only synced contents survive)
// and freezes this instance, so whatever the dying engine still writes is lost, as on a dead
// machine. Creations, removals and renames are treated as immediately durable.
#pragma once

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "sql/error/sql_error.h"
#include "storage/file/file_system.h"

namespace chalkdb::testing {

class MemoryFileSystem final : public FileSystem {
 public:
  struct Disk {
    struct Contents {
      std::vector<std::byte> current;
      std::vector<std::byte> durable;
    };
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<Contents>> files;
    std::set<std::string> directories;
    bool frozen = false;
    size_t syncs = 0;
  };

  MemoryFileSystem() : disk_(std::make_shared<Disk>()) {}
  explicit MemoryFileSystem(std::shared_ptr<Disk> disk) : disk_(std::move(disk)) {}

  // The disk after a power cut now; this file system ignores all later writes.
  std::shared_ptr<Disk> crash() {
    std::lock_guard lock(disk_->mutex);
    disk_->frozen = true;
    auto after = std::make_shared<Disk>();
    after->directories = disk_->directories;
    for (const auto& [path, contents] : disk_->files) {
      auto copy = std::make_shared<Disk::Contents>();
      copy->current = copy->durable = contents->durable;
      after->files[path] = copy;
    }
    return after;
  }
  std::shared_ptr<Disk> disk() const { return disk_; }

  std::unique_ptr<File> open(const std::filesystem::path& path, OpenMode mode) override {
    std::lock_guard lock(disk_->mutex);
    auto it = disk_->files.find(path.string());
    if (it == disk_->files.end()) {
      if (mode == OpenMode::MustExist) {
        throw SqlError(sqlstate::kIoError, "could not open file \"" + path.string() +
                                               "\": No such file or directory");
      }
      if (!disk_->frozen) {
        it = disk_->files.emplace(path.string(), std::make_shared<Disk::Contents>()).first;
      } else {
        return std::make_unique<MemoryFile>(disk_, std::make_shared<Disk::Contents>(), path);
      }
    }
    return std::make_unique<MemoryFile>(disk_, it->second, path);
  }
  bool exists(const std::filesystem::path& path) override {
    std::lock_guard lock(disk_->mutex);
    return disk_->files.contains(path.string()) || disk_->directories.contains(path.string());
  }
  void remove(const std::filesystem::path& path) override {
    std::lock_guard lock(disk_->mutex);
    if (!disk_->frozen) disk_->files.erase(path.string());
  }
  void rename(const std::filesystem::path& from, const std::filesystem::path& to) override {
    std::lock_guard lock(disk_->mutex);
    if (disk_->frozen) return;
    auto it = disk_->files.find(from.string());
    if (it == disk_->files.end()) {
      throw SqlError(sqlstate::kIoError, "could not rename file \"" + from.string() +
                                             "\": No such file or directory");
    }
    auto contents = it->second;
    disk_->files.erase(it);
    disk_->files.insert_or_assign(to.string(), std::move(contents));
  }
  void create_directories(const std::filesystem::path& path) override {
    std::lock_guard lock(disk_->mutex);
    for (std::filesystem::path p = path; !p.empty() && p != p.root_path(); p = p.parent_path()) {
      disk_->directories.insert(p.string());
    }
  }
  std::vector<std::string> list(const std::filesystem::path& directory) override {
    std::lock_guard lock(disk_->mutex);
    std::vector<std::string> names;
    auto add_children = [&](const std::string& path) {
      std::filesystem::path p(path);
      if (p.parent_path() == directory) names.push_back(p.filename().string());
    };
    for (const auto& [path, contents] : disk_->files) add_children(path);
    for (const auto& path : disk_->directories) add_children(path);
    return names;
  }
  void sync_directory(const std::filesystem::path&) override {}

 private:
  class MemoryFile final : public File {
   public:
    MemoryFile(std::shared_ptr<Disk> disk, std::shared_ptr<Disk::Contents> contents,
               std::filesystem::path path)
        : disk_(std::move(disk)), contents_(std::move(contents)), path_(std::move(path)) {}
    size_t read(uint64_t offset, std::span<std::byte> out) override {
      std::lock_guard lock(disk_->mutex);
      const auto& bytes = contents_->current;
      if (offset >= bytes.size()) return 0;
      size_t n = std::min<size_t>(out.size(), bytes.size() - offset);
      std::memcpy(out.data(), bytes.data() + offset, n);
      return n;
    }
    void write(uint64_t offset, std::span<const std::byte> data) override {
      std::lock_guard lock(disk_->mutex);
      if (disk_->frozen) return;
      auto& bytes = contents_->current;
      if (bytes.size() < offset + data.size()) bytes.resize(offset + data.size());
      std::memcpy(bytes.data() + offset, data.data(), data.size());
    }
    uint64_t size() override {
      std::lock_guard lock(disk_->mutex);
      return contents_->current.size();
    }
    void extend(uint64_t new_size) override {
      std::lock_guard lock(disk_->mutex);
      if (disk_->frozen) return;
      if (contents_->current.size() < new_size) contents_->current.resize(new_size);
    }
    void truncate(uint64_t new_size) override {
      std::lock_guard lock(disk_->mutex);
      if (disk_->frozen) return;
      contents_->current.resize(new_size);
    }
    void sync() override {
      std::lock_guard lock(disk_->mutex);
      if (disk_->frozen) return;
      contents_->durable = contents_->current;
      ++disk_->syncs;
    }
    const std::filesystem::path& path() const override { return path_; }

   private:
    std::shared_ptr<Disk> disk_;
    std::shared_ptr<Disk::Contents> contents_;
    std::filesystem::path path_;
  };

  std::shared_ptr<Disk> disk_;
};

}  // namespace chalkdb::testing
