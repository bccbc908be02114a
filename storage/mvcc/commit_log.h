// CommitLog: the fate of every transaction, 2 bits per xid (PostgreSQL's pg_xact / clog).
//
// Status is in progress (00), committed (01) or aborted (10); an xid never written reads as
// in progress. The log lives in 8 KiB pages (32768 xids each) grouped 32 to a segment file
// pg_xact/XXXX, like PostgreSQL's SLRU. Unlike PostgreSQL all pages touched stay cached in
// memory (8 KiB per 32768 xids, read when the log is opened) instead of a small SLRU buffer. set_committed() and
// set_aborted() change the cached page; flush() writes dirty pages and fsyncs them, which is
// what makes a commit durable — a commit is reported only once flushed. Xids below kFirstNormalTransactionId are always committed.
// Thread-safe.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>

#include "storage/common/disk_format.h"
#include "storage/common/ids.h"
#include "storage/file/file_system.h"

namespace chalkdb {

enum class XidStatus : uint8_t {
  InProgress = disk::kClogInProgress,
  Committed = disk::kClogCommitted,
  Aborted = disk::kClogAborted,
};

class CommitLog {
 public:
  CommitLog(FileSystem& fs, std::filesystem::path directory);

  XidStatus status(TransactionId xid) const;
  bool is_committed(TransactionId xid) const { return status(xid) == XidStatus::Committed; }
  void set_committed(TransactionId xid);
  void set_aborted(TransactionId xid);
  // Writes the dirty pages and fsyncs their segment files.
  void flush();

  // Marks every xid in [from, to) still in progress as aborted: after a crash these
  // transactions can never commit (PostgreSQL reaches the same state through recovery).
  void abort_in_progress(TransactionId from, TransactionId to);

 private:
  using ClogPage = std::array<uint8_t, disk::kClogPageSize>;
  void load_segments();
  void write_pages(const std::map<uint64_t, ClogPage>& pages);
  ClogPage& page_for_write(uint64_t page_number);  // caller holds the unique lock
  void set_status(TransactionId xid, XidStatus status);
  std::filesystem::path segment_path(uint64_t segment) const;

  FileSystem& fs_;
  std::filesystem::path directory_;
  mutable std::shared_mutex mutex_;
  std::map<uint64_t, std::unique_ptr<ClogPage>> pages_;  // every page, loaded when opened
  std::set<uint64_t> dirty_pages_;
  // Commits recorded in a page but not yet fsynced: they read as in progress until flush()
  // makes them durable, so no reader can set a commit hint bit that a crash would falsify.
  std::set<TransactionId> unflushed_commits_;
  std::mutex flush_mutex_;  // one flush at a time
};

}  // namespace chalkdb
