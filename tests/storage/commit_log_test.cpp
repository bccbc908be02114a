#include "storage/mvcc/commit_log.h"

#include <gtest/gtest.h>

#include <fstream>

#include "storage/file/posix_file_system.h"
#include "tests/storage/memory_file_system.h"
#include "tests/storage/temp_directory.h"

namespace chalkdb {
namespace {

class CommitLogTest : public ::testing::Test {
 protected:
  testing::TempDirectory dir_;
  PosixFileSystem fs_;
  std::filesystem::path clog_dir() const { return dir_.path() / "pg_xact"; }
};

TEST_F(CommitLogTest, UnknownXidsAreInProgressAndSpecialXidsCommitted) {
  CommitLog clog(fs_, clog_dir());
  EXPECT_EQ(clog.status(100), XidStatus::InProgress);
  EXPECT_EQ(clog.status(kBootstrapTransactionId), XidStatus::Committed);
  EXPECT_EQ(clog.status(kFrozenTransactionId), XidStatus::Committed);
  EXPECT_EQ(clog.status(kInvalidTransactionId), XidStatus::Aborted);
}

TEST_F(CommitLogTest, StatusesAreKeptPerXid) {
  CommitLog clog(fs_, clog_dir());
  clog.set_committed(3);
  clog.set_aborted(4);
  clog.set_committed(6);
  clog.flush();
  EXPECT_EQ(clog.status(3), XidStatus::Committed);
  EXPECT_EQ(clog.status(4), XidStatus::Aborted);
  EXPECT_EQ(clog.status(5), XidStatus::InProgress);
  EXPECT_EQ(clog.status(6), XidStatus::Committed);
}

TEST_F(CommitLogTest, CommitIsReportedOnlyOnceFlushed) {
  CommitLog clog(fs_, clog_dir());
  clog.set_committed(10);
  EXPECT_EQ(clog.status(10), XidStatus::InProgress);
  clog.flush();
  EXPECT_EQ(clog.status(10), XidStatus::Committed);
}

TEST_F(CommitLogTest, PersistsAcrossReopenIncludingLaterSegments) {
  // 32768 xids per page, 32 pages per segment: this xid lives in segment 0002.
  const TransactionId far = 2 * 32 * 32768 + 5;
  {
    CommitLog clog(fs_, clog_dir());
    clog.set_committed(7);
    clog.set_aborted(8);
    clog.set_committed(far);
    clog.set_aborted(far + 1);
    clog.flush();
  }
  EXPECT_TRUE(std::filesystem::exists(clog_dir() / "0000"));
  EXPECT_TRUE(std::filesystem::exists(clog_dir() / "0002"));
  EXPECT_FALSE(std::filesystem::exists(clog_dir() / "0001"));
  CommitLog reopened(fs_, clog_dir());
  EXPECT_EQ(reopened.status(7), XidStatus::Committed);
  EXPECT_EQ(reopened.status(8), XidStatus::Aborted);
  EXPECT_EQ(reopened.status(9), XidStatus::InProgress);
  EXPECT_EQ(reopened.status(far), XidStatus::Committed);
  EXPECT_EQ(reopened.status(far + 1), XidStatus::Aborted);
}

TEST_F(CommitLogTest, TwoBitsPerXidLikePostgres) {
  {
    CommitLog clog(fs_, clog_dir());
    clog.set_committed(4);  // byte 1, bits 0-1
    clog.set_aborted(5);    // byte 1, bits 2-3
    clog.flush();
  }
  std::ifstream segment(clog_dir() / "0000", std::ios::binary);
  std::vector<char> bytes(8192);
  segment.read(bytes.data(), 8192);
  EXPECT_EQ(static_cast<uint8_t>(bytes[1]), 0b1001);
}

TEST_F(CommitLogTest, UnflushedStatusIsLostInACrash) {
  testing::MemoryFileSystem fs;
  {
    CommitLog clog(fs, "pg_xact");
    clog.set_committed(3);
    clog.flush();
    clog.set_committed(4);  // never flushed
  }
  testing::MemoryFileSystem after(fs.crash());
  CommitLog reopened(after, "pg_xact");
  EXPECT_EQ(reopened.status(3), XidStatus::Committed);
  EXPECT_EQ(reopened.status(4), XidStatus::InProgress);
}

TEST_F(CommitLogTest, AbortInProgressMarksOnlyUnfinishedXids) {
  CommitLog clog(fs_, clog_dir());
  clog.set_committed(3);
  clog.set_aborted(4);
  clog.flush();
  clog.abort_in_progress(kFirstNormalTransactionId, 40000);
  EXPECT_EQ(clog.status(3), XidStatus::Committed);
  EXPECT_EQ(clog.status(4), XidStatus::Aborted);
  EXPECT_EQ(clog.status(5), XidStatus::Aborted);
  EXPECT_EQ(clog.status(39999), XidStatus::Aborted);  // on the second page
  EXPECT_EQ(clog.status(40000), XidStatus::InProgress);
}

}  // namespace
}  // namespace chalkdb
