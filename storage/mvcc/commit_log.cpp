#include "storage/mvcc/commit_log.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

struct XidPosition {
  uint64_t page;
  size_t byte;
  unsigned shift;
};

XidPosition position_of(TransactionId xid) {
  uint64_t in_page = xid % disk::kClogXactsPerPage;
  return {xid / disk::kClogXactsPerPage, static_cast<size_t>(in_page / disk::kClogXactsPerByte),
          static_cast<unsigned>((in_page % disk::kClogXactsPerByte) * disk::kClogBitsPerXact)};
}

std::optional<uint64_t> parse_segment_name(const std::string& name) {
  if (name.size() < 4 || name.find_first_not_of("0123456789ABCDEF") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoull(name, nullptr, 16);
}

}  // namespace

CommitLog::CommitLog(FileSystem& fs, std::filesystem::path directory)
    : fs_(fs), directory_(std::move(directory)) {
  fs_.create_directories(directory_);
  load_segments();
}

std::filesystem::path CommitLog::segment_path(uint64_t segment) const {
  char name[32];
  std::snprintf(name, sizeof name, "%04llX", static_cast<unsigned long long>(segment));
  return directory_ / name;
}

void CommitLog::load_segments() {
  for (const std::string& name : fs_.list(directory_)) {
    auto segment = parse_segment_name(name);
    if (!segment) continue;
    auto file = fs_.open(directory_ / name, OpenMode::MustExist);
    uint64_t size = file->size();
    for (uint64_t i = 0; i * disk::kClogPageSize < size && i < disk::kClogPagesPerSegment; ++i) {
      auto page = std::make_unique<ClogPage>();
      page->fill(0);
      file->read(i * disk::kClogPageSize, std::as_writable_bytes(std::span(*page)));
      pages_[*segment * disk::kClogPagesPerSegment + i] = std::move(page);
    }
  }
}

XidStatus CommitLog::status(TransactionId xid) const {
  if (xid < kFirstNormalTransactionId) {
    return xid == kInvalidTransactionId ? XidStatus::Aborted : XidStatus::Committed;
  }
  XidPosition at = position_of(xid);
  std::shared_lock lock(mutex_);
  auto it = pages_.find(at.page);
  if (it == pages_.end()) return XidStatus::InProgress;
  auto bits = static_cast<uint8_t>(((*it->second)[at.byte] >> at.shift) & 0x3);
  if (bits == disk::kClogCommitted && unflushed_commits_.contains(xid)) {
    return XidStatus::InProgress;
  }
  return bits == disk::kClogSubCommitted ? XidStatus::InProgress : static_cast<XidStatus>(bits);
}

CommitLog::ClogPage& CommitLog::page_for_write(uint64_t page_number) {
  auto& page = pages_[page_number];
  if (!page) {
    page = std::make_unique<ClogPage>();
    page->fill(0);
  }
  return *page;
}

void CommitLog::set_status(TransactionId xid, XidStatus status) {
  XidPosition at = position_of(xid);
  ClogPage& page = page_for_write(at.page);
  auto mask = static_cast<uint8_t>(0x3u << at.shift);
  page[at.byte] = static_cast<uint8_t>((page[at.byte] & ~mask) |
                                       (static_cast<uint8_t>(status) << at.shift));
  dirty_pages_.insert(at.page);
}

void CommitLog::set_committed(TransactionId xid) {
  std::unique_lock lock(mutex_);
  set_status(xid, XidStatus::Committed);
  unflushed_commits_.insert(xid);
}

void CommitLog::set_aborted(TransactionId xid) {
  std::unique_lock lock(mutex_);
  set_status(xid, XidStatus::Aborted);
}

void CommitLog::flush() {
  std::lock_guard flush_lock(flush_mutex_);
  std::map<uint64_t, ClogPage> to_write;  // copies, so readers are not blocked during I/O
  std::set<TransactionId> commits;
  {
    std::unique_lock lock(mutex_);
    for (uint64_t page : dirty_pages_) to_write[page] = *pages_.at(page);
    dirty_pages_.clear();
    commits = unflushed_commits_;
  }
  try {
    write_pages(to_write);
  } catch (...) {
    std::unique_lock lock(mutex_);
    for (auto& [page, bytes] : to_write) dirty_pages_.insert(page);
    throw;
  }
  std::unique_lock lock(mutex_);
  for (TransactionId xid : commits) unflushed_commits_.erase(xid);
}

void CommitLog::write_pages(const std::map<uint64_t, ClogPage>& pages) {
  bool created_segment = false;
  std::unique_ptr<File> file;
  uint64_t open_segment = UINT64_MAX;
  auto finish_segment = [&] {
    if (file) file->sync();
  };
  for (const auto& [page_number, bytes] : pages) {
    uint64_t segment = page_number / disk::kClogPagesPerSegment;
    if (segment != open_segment) {
      finish_segment();
      std::filesystem::path path = segment_path(segment);
      created_segment |= !fs_.exists(path);
      file = fs_.open(path, OpenMode::CreateIfMissing);
      open_segment = segment;
    }
    file->write((page_number % disk::kClogPagesPerSegment) * disk::kClogPageSize,
                std::as_bytes(std::span(bytes)));
  }
  finish_segment();
  if (created_segment) fs_.sync_directory(directory_);
}

void CommitLog::abort_in_progress(TransactionId from, TransactionId to) {
  std::unique_lock lock(mutex_);
  for (TransactionId xid = std::max(from, kFirstNormalTransactionId); xid < to; ++xid) {
    XidPosition at = position_of(xid);
    auto it = pages_.find(at.page);
    bool in_progress = it == pages_.end() || (((*it->second)[at.byte] >> at.shift) & 0x3) == 0;
    if (in_progress) set_status(xid, XidStatus::Aborted);
  }
}

}  // namespace chalkdb
