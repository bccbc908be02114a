// ControlFile: global/control — next transaction id, next OID, clean-shutdown flag and format
// version (docs/formats/control_file.md), and the allocator of xids and OIDs.
//
// Ids are handed out from memory; the file records a limit reserved ahead (kXidReservation,
// kOidReservation) and is rewritten only when the limit is reached, so allocation rarely does
// I/O, and after a crash allocation resumes at the limit: some ids are skipped, none reused.
// A clean shutdown records the exact next values. The file is replaced atomically (write a
// temporary, fsync, rename, fsync the directory) and carries a CRC-32.
// Thread-safe.
#pragma once

#include <filesystem>
#include <mutex>

#include "storage/common/ids.h"
#include "storage/file/file_system.h"

namespace chalkdb {

struct ControlData {
  TransactionId next_xid = kFirstNormalTransactionId;
  Oid next_oid = kFirstNormalObjectId;
  bool clean_shutdown = false;
};

class ControlFile {
 public:
  // Creates the file with initial values.
  static void create(FileSystem& fs, const std::filesystem::path& data_directory);
  // Reads the file; afterwards the data directory counts as running (not cleanly shut down).
  ControlFile(FileSystem& fs, std::filesystem::path data_directory);

  // Whether the previous run ended with mark_clean_shutdown() (read at open).
  bool was_clean_shutdown() const { return was_clean_shutdown_; }
  // The first xid handed out by this run; xids below it belong to earlier runs.
  TransactionId first_xid_of_run() const { return first_xid_of_run_; }

  TransactionId allocate_xid();
  Oid allocate_oid();
  TransactionId next_xid() const;

  // Records the exact next ids and the clean-shutdown flag.
  void mark_clean_shutdown();

 private:
  static ControlData read(FileSystem& fs, const std::filesystem::path& data_directory);
  static void write(FileSystem& fs, const std::filesystem::path& data_directory,
                    const ControlData& data);
  void persist_limits();  // caller holds mutex_

  FileSystem& fs_;
  std::filesystem::path data_directory_;
  mutable std::mutex mutex_;
  TransactionId next_xid_;
  TransactionId xid_limit_;
  Oid next_oid_;
  Oid oid_limit_;
  bool was_clean_shutdown_ = false;
  TransactionId first_xid_of_run_;
};

}  // namespace chalkdb
