#include "storage/file/relation_files.h"

#include <string>

#include "sql/error/sql_error.h"

namespace chalkdb {

RelationFiles::RelationFiles(FileSystem& fs, std::filesystem::path data_directory)
    : fs_(fs), data_directory_(std::move(data_directory)) {}

std::string RelationFiles::relative_path(Oid relfilenode) {
  return std::string(disk::kRelationDirectory) + "/" + std::to_string(relfilenode);
}

void RelationFiles::create(Oid relfilenode) {
  auto relation = std::make_shared<OpenRelation>();
  relation->file = fs_.open(data_directory_ / relative_path(relfilenode), OpenMode::CreateIfMissing);
  relation->blocks = static_cast<BlockNumber>(relation->file->size() / disk::kPageSize);
  fs_.sync_directory(data_directory_ / disk::kRelationDirectory);
  std::lock_guard lock(mutex_);
  relations_[relfilenode] = std::move(relation);
}

bool RelationFiles::exists(Oid relfilenode) {
  {
    std::lock_guard lock(mutex_);
    if (relations_.contains(relfilenode)) return true;
  }
  return fs_.exists(data_directory_ / relative_path(relfilenode));
}

void RelationFiles::remove(Oid relfilenode) {
  std::shared_ptr<OpenRelation> relation;
  {
    std::lock_guard lock(mutex_);
    auto it = relations_.find(relfilenode);
    if (it != relations_.end()) {
      relation = std::move(it->second);
      relations_.erase(it);
    }
  }
  if (relation) {
    std::lock_guard file_lock(relation->mutex);  // let in-flight I/O finish
  }
  fs_.remove(data_directory_ / relative_path(relfilenode));
}

std::shared_ptr<RelationFiles::OpenRelation> RelationFiles::open_relation(Oid relfilenode) {
  std::lock_guard lock(mutex_);
  auto& slot = relations_[relfilenode];
  if (!slot) {
    auto relation = std::make_shared<OpenRelation>();
    try {
      relation->file = fs_.open(data_directory_ / relative_path(relfilenode), OpenMode::MustExist);
    } catch (...) {
      relations_.erase(relfilenode);
      throw;
    }
    relation->blocks = static_cast<BlockNumber>(relation->file->size() / disk::kPageSize);
    slot = std::move(relation);
  }
  return slot;
}

BlockNumber RelationFiles::block_count(Oid relfilenode) {
  auto relation = open_relation(relfilenode);
  std::lock_guard lock(relation->mutex);
  return relation->blocks;
}

void RelationFiles::read_block(Oid relfilenode, BlockNumber block,
                               std::span<std::byte, disk::kPageSize> out) {
  auto relation = open_relation(relfilenode);
  std::lock_guard lock(relation->mutex);
  size_t n = relation->file->read(uint64_t{block} * disk::kPageSize, out);
  if (n != disk::kPageSize) {
    // PostgreSQL's mdread wording.
    throw SqlError(sqlstate::kDataCorrupted,
                   "could not read block " + std::to_string(block) + " in file \"" +
                       relative_path(relfilenode) + "\": read only " + std::to_string(n) +
                       " of " + std::to_string(disk::kPageSize) + " bytes");
  }
}

void RelationFiles::write_block(Oid relfilenode, BlockNumber block,
                                std::span<const std::byte, disk::kPageSize> data) {
  auto relation = open_relation(relfilenode);
  std::lock_guard lock(relation->mutex);
  relation->file->write(uint64_t{block} * disk::kPageSize, data);
  if (block >= relation->blocks) relation->blocks = block + 1;
}

BlockNumber RelationFiles::extend(Oid relfilenode) {
  auto relation = open_relation(relfilenode);
  std::lock_guard lock(relation->mutex);
  BlockNumber block = relation->blocks;
  if (block == kInvalidBlockNumber - 1) {
    throw SqlError(sqlstate::kProgramLimitExceeded,
                   "cannot extend file \"" + relative_path(relfilenode) +
                       "\" beyond " + std::to_string(block) + " blocks");
  }
  relation->file->extend(uint64_t{block + 1} * disk::kPageSize);
  relation->blocks = block + 1;
  return block;
}

void RelationFiles::sync(Oid relfilenode) {
  auto relation = open_relation(relfilenode);
  std::lock_guard lock(relation->mutex);
  relation->file->sync();
}

void RelationFiles::sync_all() {
  std::vector<std::shared_ptr<OpenRelation>> open;
  {
    std::lock_guard lock(mutex_);
    for (auto& [oid, relation] : relations_) open.push_back(relation);
  }
  for (auto& relation : open) {
    std::lock_guard lock(relation->mutex);
    relation->file->sync();
  }
}

}  // namespace chalkdb
