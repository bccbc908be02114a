// StorageEngine: one open data directory — its files, buffer pool, commit log, id allocator
// and catalog.
//
// open() creates the directory on first use (no separate initdb step: it writes the version
// marker, the control file and the bootstrapped system tables) or opens an existing one. When
// an existing directory is opened, every transaction of earlier runs that has no commit record
// is marked aborted in the commit log — after a crash that is all the recovery MVCC needs while
// commits force their pages to disk (see txn/transaction_manager.h). shutdown() flushes everything and
// records a clean shutdown; the destructor does it if it was not called.
//
// Layout: CHALKDB_VERSION (marker), global/control, base/<relfilenode> (one file per
// relation), pg_xact/ (commit log). See docs/formats/.
#pragma once

#include <filesystem>
#include <memory>

#include "storage/buffer/buffer_pool.h"
#include "storage/catalog/catalog.h"
#include "storage/control/control_file.h"
#include "storage/file/file_system.h"
#include "storage/file/relation_files.h"
#include "storage/heap/written_relations.h"
#include "storage/mvcc/commit_log.h"

namespace chalkdb {

class StorageEngine {
 public:
  static std::unique_ptr<StorageEngine> open(const std::filesystem::path& data_directory,
                                             size_t buffer_pool_frames);
  // With an injected file system (tests that simulate crashes).
  static std::unique_ptr<StorageEngine> open(const std::filesystem::path& data_directory,
                                             size_t buffer_pool_frames,
                                             std::unique_ptr<FileSystem> fs);
  // Use open(); the key keeps construction to it.
  class Key {
    friend class StorageEngine;
    Key() = default;
  };
  StorageEngine(Key, std::filesystem::path data_directory, size_t frames,
                std::unique_ptr<FileSystem> fs);
  ~StorageEngine();
  StorageEngine(const StorageEngine&) = delete;
  StorageEngine& operator=(const StorageEngine&) = delete;

  void shutdown();

  const std::filesystem::path& data_directory() const { return data_directory_; }
  FileSystem& file_system() { return *fs_; }
  RelationFiles& relation_files() { return *relation_files_; }
  BufferPool& buffer_pool() { return *buffer_pool_; }
  CommitLog& commit_log() { return *commit_log_; }
  ControlFile& control_file() { return *control_; }
  WrittenRelations& written_relations() { return written_; }
  Catalog& catalog() { return *catalog_; }
  bool was_clean_shutdown() const { return was_clean_shutdown_; }

 private:
  bool prepare_directory();  // returns true if the directory is new
  void check_version_marker();
  void write_version_marker();
  void abort_unfinished_transactions();

  std::filesystem::path data_directory_;
  std::unique_ptr<FileSystem> fs_;
  std::unique_ptr<RelationFiles> relation_files_;
  std::unique_ptr<BufferPool> buffer_pool_;
  std::unique_ptr<ControlFile> control_;
  std::unique_ptr<CommitLog> commit_log_;
  WrittenRelations written_;
  std::unique_ptr<Catalog> catalog_;
  bool was_clean_shutdown_ = false;
  bool shut_down_ = false;
};

}  // namespace chalkdb
