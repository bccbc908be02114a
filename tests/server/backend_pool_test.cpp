#include "server/backend/backend_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <latch>
#include <set>

namespace chalkdb {
namespace {

using namespace std::chrono_literals;

TEST(BackendPoolTest, SessionsRunConcurrently) {
  // Each session waits for all the others: this only finishes if none shares a thread.
  constexpr int kSessions = 8;
  BackendPool pool;
  std::latch all_running(kSessions);
  std::atomic<int> finished{0};
  for (int i = 0; i < kSessions; ++i) {
    pool.run([&] {
      all_running.arrive_and_wait();
      ++finished;
    });
  }
  ASSERT_TRUE(pool.wait_until_idle(30s));
  EXPECT_EQ(finished, kSessions);
}

TEST(BackendPoolTest, ThreadsAreReusedByLaterSessions) {
  BackendPool pool;
  std::set<std::thread::id> threads;
  std::mutex mutex;
  for (int i = 0; i < 5; ++i) {
    pool.run([&] {
      std::lock_guard lock(mutex);
      threads.insert(std::this_thread::get_id());
    });
    ASSERT_TRUE(pool.wait_until_idle(30s));
  }
  EXPECT_EQ(threads.size(), 1u);
}

TEST(BackendPoolTest, WaitUntilIdleTimesOutWhileASessionRuns) {
  BackendPool pool;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  pool.run([released] { released.wait(); });
  EXPECT_FALSE(pool.wait_until_idle(50ms));
  release.set_value();
  EXPECT_TRUE(pool.wait_until_idle(30s));
}

TEST(BackendPoolTest, ShutDownWaitsForRunningSessions) {
  std::atomic<bool> done{false};
  {
    BackendPool pool;
    pool.run([&] {
      std::this_thread::sleep_for(50ms);
      done = true;
    });
    pool.shut_down();
    EXPECT_TRUE(done);
  }
}

}  // namespace
}  // namespace chalkdb
