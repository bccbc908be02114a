#include "storage/storage_engine.h"

#include <string>

#include "sql/error/sql_error.h"
#include "storage/file/posix_file_system.h"

namespace chalkdb {

std::unique_ptr<StorageEngine> StorageEngine::open(const std::filesystem::path& data_directory,
                                                   size_t buffer_pool_frames) {
  return open(data_directory, buffer_pool_frames, std::make_unique<PosixFileSystem>());
}

std::unique_ptr<StorageEngine> StorageEngine::open(const std::filesystem::path& data_directory,
                                                   size_t buffer_pool_frames,
                                                   std::unique_ptr<FileSystem> fs) {
  return std::make_unique<StorageEngine>(Key{}, data_directory, buffer_pool_frames,
                                         std::move(fs));
}

StorageEngine::StorageEngine(Key, std::filesystem::path data_directory, size_t frames,
                             std::unique_ptr<FileSystem> fs)
    : data_directory_(std::move(data_directory)), fs_(std::move(fs)) {
  bool fresh = prepare_directory();
  relation_files_ = std::make_unique<RelationFiles>(*fs_, data_directory_);
  buffer_pool_ = std::make_unique<BufferPool>(*relation_files_, frames);
  if (fresh) ControlFile::create(*fs_, data_directory_);
  control_ = std::make_unique<ControlFile>(*fs_, data_directory_);
  was_clean_shutdown_ = control_->was_clean_shutdown();
  commit_log_ = std::make_unique<CommitLog>(*fs_, data_directory_ / disk::kCommitLogDirectory);
  catalog_ = std::make_unique<Catalog>(*buffer_pool_, *relation_files_, *commit_log_, written_,
                                       *control_);
  if (fresh) {
    catalog_->bootstrap();
    buffer_pool_->flush_all();
    write_version_marker();  // last: a directory without it was never completely set up
  } else {
    abort_unfinished_transactions();
  }
  catalog_->load();
}

StorageEngine::~StorageEngine() {
  try {
    shutdown();
  } catch (...) {
    // Nothing is lost: without the clean-shutdown mark the next open treats this run as a
    // crash, and every acknowledged commit is already on disk.
  }
}

bool StorageEngine::prepare_directory() {
  if (fs_->exists(data_directory_ / disk::kVersionFileName)) {
    check_version_marker();
    return false;
  }
  if (fs_->exists(data_directory_) && !fs_->list(data_directory_).empty()) {
    // initdb's wording; the directory holds something that is not a ChalkDB data directory.
    throw SqlError(sqlstate::kObjectNotInPrerequisiteState,
                   "directory \"" + data_directory_.string() + "\" exists but is not empty");
  }
  fs_->create_directories(data_directory_ / disk::kGlobalDirectory);
  fs_->create_directories(data_directory_ / disk::kRelationDirectory);
  fs_->create_directories(data_directory_ / disk::kCommitLogDirectory);
  return true;
}

void StorageEngine::check_version_marker() {
  auto file = fs_->open(data_directory_ / disk::kVersionFileName, OpenMode::MustExist);
  std::string contents(64, '\0');
  contents.resize(file->read(0, std::as_writable_bytes(std::span(contents))));
  if (contents != disk::kVersionFileContents) {
    throw SqlError(sqlstate::kObjectNotInPrerequisiteState,
                   "database files are incompatible with server")
        .with_detail("The data directory has format version " +
                     contents.substr(0, contents.find('\n')) +
                     ", which is not compatible with this version " +
                     std::string(disk::kVersionFileContents.substr(0, 1)) + ".");
  }
}

void StorageEngine::write_version_marker() {
  auto file = fs_->open(data_directory_ / disk::kVersionFileName, OpenMode::CreateIfMissing);
  file->write(0, std::as_bytes(std::span(disk::kVersionFileContents)));
  file->sync();
  fs_->sync_directory(data_directory_);
}

void StorageEngine::abort_unfinished_transactions() {
  // No transaction of an earlier run is still running: whatever has no commit record never
  // will. Marking them aborted lets "in progress" in the log mean "running now".
  commit_log_->abort_in_progress(kFirstNormalTransactionId, control_->first_xid_of_run());
  commit_log_->flush();
}

void StorageEngine::shutdown() {
  if (shut_down_) return;
  catalog_->shutdown();
  buffer_pool_->flush_all();
  commit_log_->flush();
  control_->mark_clean_shutdown();
  shut_down_ = true;
}

}  // namespace chalkdb
