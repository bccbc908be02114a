// BackendPool: the threads sessions run on. Each session keeps one thread for its whole life
// (a statement may block for seconds on a lock wait, so sessions never share a thread);
// threads are reused by later sessions instead of being created per connection. PostgreSQL
// forks a process per connection instead.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace chalkdb {

class BackendPool {
 public:
  BackendPool() = default;
  BackendPool(const BackendPool&) = delete;
  BackendPool& operator=(const BackendPool&) = delete;
  ~BackendPool();

  // Runs `session` on an idle thread, or on a new one when all are busy; throws
  // std::system_error if no thread can be created.
  void run(std::function<void()> session);

  // Waits until no session runs; false if `timeout` passed first.
  bool wait_until_idle(std::chrono::milliseconds timeout);

  // Waits for running sessions to end, then stops every thread.
  void shut_down();

 private:
  void work();

  std::mutex mutex_;
  std::condition_variable work_available_;
  std::condition_variable became_idle_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> threads_;
  size_t idle_threads_ = 0;
  size_t running_ = 0;
  bool stopping_ = false;
};

}  // namespace chalkdb
