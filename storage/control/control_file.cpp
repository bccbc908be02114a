#include "storage/control/control_file.h"

#include <boost/crc.hpp>
#include <array>
#include <cstring>

#include "sql/error/sql_error.h"
#include "storage/common/disk_format.h"

namespace chalkdb {

namespace {

using ControlBytes = std::array<std::byte, disk::kControlFileSize>;

template <typename T>
void put(ControlBytes& bytes, size_t offset, T value) {
  std::memcpy(bytes.data() + offset, &value, sizeof value);
}

template <typename T>
T get(const ControlBytes& bytes, size_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof value);
  return value;
}

uint32_t crc_of(const ControlBytes& bytes) {
  boost::crc_32_type crc;
  crc.process_bytes(bytes.data(), disk::kControlCrcOffset);
  return crc.checksum();
}

[[noreturn]] void throw_corrupt(const std::string& why) {
  throw SqlError(sqlstate::kDataCorrupted, "invalid control file: " + why);
}

}  // namespace

void ControlFile::create(FileSystem& fs, const std::filesystem::path& data_directory) {
  write(fs, data_directory, ControlData{});
}

ControlData ControlFile::read(FileSystem& fs, const std::filesystem::path& data_directory) {
  auto file = fs.open(data_directory / disk::kControlFileName, OpenMode::MustExist);
  ControlBytes bytes{};
  if (file->read(0, bytes) != bytes.size()) throw_corrupt("file is too short");
  if (get<uint32_t>(bytes, disk::kControlMagicOffset) != disk::kControlMagic) {
    throw_corrupt("bad magic number");
  }
  if (get<uint32_t>(bytes, disk::kControlCrcOffset) != crc_of(bytes)) {
    throw_corrupt("incorrect checksum");
  }
  auto version = get<uint32_t>(bytes, disk::kControlVersionOffset);
  if (version != disk::kControlFormatVersion) {
    throw_corrupt("format version " + std::to_string(version) + ", this server reads " +
                  std::to_string(disk::kControlFormatVersion));
  }
  return {get<uint64_t>(bytes, disk::kControlNextXidOffset),
          get<uint32_t>(bytes, disk::kControlNextOidOffset),
          get<uint8_t>(bytes, disk::kControlCleanShutdownOffset) != 0};
}

void ControlFile::write(FileSystem& fs, const std::filesystem::path& data_directory,
                        const ControlData& data) {
  ControlBytes bytes{};
  put<uint32_t>(bytes, disk::kControlMagicOffset, disk::kControlMagic);
  put<uint32_t>(bytes, disk::kControlVersionOffset, disk::kControlFormatVersion);
  put<uint64_t>(bytes, disk::kControlNextXidOffset, data.next_xid);
  put<uint32_t>(bytes, disk::kControlNextOidOffset, data.next_oid);
  put<uint8_t>(bytes, disk::kControlCleanShutdownOffset, data.clean_shutdown ? 1 : 0);
  put<uint32_t>(bytes, disk::kControlCrcOffset, crc_of(bytes));
  // Write a temporary and rename it over the old file: a crash leaves one or the other whole.
  std::filesystem::path temp = data_directory / disk::kControlTempFileName;
  {
    auto file = fs.open(temp, OpenMode::CreateIfMissing);
    file->truncate(0);
    file->write(0, bytes);
    file->sync();
  }
  fs.rename(temp, data_directory / disk::kControlFileName);
  fs.sync_directory(data_directory / disk::kGlobalDirectory);
}

ControlFile::ControlFile(FileSystem& fs, std::filesystem::path data_directory)
    : fs_(fs), data_directory_(std::move(data_directory)) {
  ControlData data = read(fs_, data_directory_);
  was_clean_shutdown_ = data.clean_shutdown;
  next_xid_ = std::max(data.next_xid, kFirstNormalTransactionId);
  next_oid_ = std::max(data.next_oid, kFirstNormalObjectId);
  first_xid_of_run_ = next_xid_;
  std::lock_guard lock(mutex_);
  persist_limits();
}

void ControlFile::persist_limits() {
  xid_limit_ = next_xid_ + disk::kXidReservation;
  // OIDs wrap around to FirstNormalObjectId like PostgreSQL's GetNewObjectId.
  oid_limit_ = next_oid_ > UINT32_MAX - disk::kOidReservation ? UINT32_MAX
                                                              : next_oid_ + disk::kOidReservation;
  write(fs_, data_directory_, {xid_limit_, oid_limit_, false});
}

TransactionId ControlFile::allocate_xid() {
  std::lock_guard lock(mutex_);
  if (next_xid_ >= xid_limit_) persist_limits();
  return next_xid_++;
}

Oid ControlFile::allocate_oid() {
  std::lock_guard lock(mutex_);
  if (next_oid_ == UINT32_MAX) next_oid_ = kFirstNormalObjectId;
  if (next_oid_ >= oid_limit_) persist_limits();
  return next_oid_++;
}

TransactionId ControlFile::next_xid() const {
  std::lock_guard lock(mutex_);
  return next_xid_;
}

void ControlFile::mark_clean_shutdown() {
  std::lock_guard lock(mutex_);
  write(fs_, data_directory_, {next_xid_, next_oid_, true});
}

}  // namespace chalkdb
