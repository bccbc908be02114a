// RelationFiles: one file per relation, base/<relfilenode>, addressed in 8 KiB blocks.
//
// Files are opened lazily and kept open; the block count of each relation is cached so
// extending a relation is a cheap, serialised operation (PostgreSQL's relation extension
// lock). Unlike PostgreSQL there are no 1 GiB segments and no forks (FSM, VM) yet.
// Thread-safe.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <unordered_map>

#include "storage/common/disk_format.h"
#include "storage/common/ids.h"
#include "storage/file/file_system.h"

namespace chalkdb {

class RelationFiles {
 public:
  RelationFiles(FileSystem& fs, std::filesystem::path data_directory);

  // Creates an empty file for a new relation (durably: the directory entry is synced).
  void create(Oid relfilenode);
  bool exists(Oid relfilenode);
  // Closes and unlinks the relation's file; no error if it is already gone.
  void remove(Oid relfilenode);

  BlockNumber block_count(Oid relfilenode);
  void read_block(Oid relfilenode, BlockNumber block, std::span<std::byte, disk::kPageSize> out);
  void write_block(Oid relfilenode, BlockNumber block,
                   std::span<const std::byte, disk::kPageSize> data);
  // Appends one zeroed block and returns its number.
  BlockNumber extend(Oid relfilenode);
  void sync(Oid relfilenode);
  void sync_all();

  // The path as PostgreSQL's error messages show it, relative to the data directory.
  static std::string relative_path(Oid relfilenode);

 private:
  struct OpenRelation {
    std::unique_ptr<File> file;
    BlockNumber blocks = 0;
    std::mutex mutex;  // serialises I/O on this file and extension
  };
  std::shared_ptr<OpenRelation> open_relation(Oid relfilenode);

  FileSystem& fs_;
  std::filesystem::path data_directory_;
  std::mutex mutex_;  // guards relations_ (the map, not the files)
  std::unordered_map<Oid, std::shared_ptr<OpenRelation>> relations_;
};

}  // namespace chalkdb
