#include "server/backend/backend_pool.h"

namespace chalkdb {

BackendPool::~BackendPool() { shut_down(); }

// The thread is created before the session is queued, so if creating it fails (the system is
// out of threads) the caller's exception leaves nothing behind.
void BackendPool::run(std::function<void()> session) {
  std::lock_guard lock(mutex_);
  if (idle_threads_ <= queue_.size()) threads_.emplace_back([this] { work(); });
  queue_.push_back(std::move(session));
  work_available_.notify_one();
}

bool BackendPool::wait_until_idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return became_idle_.wait_for(lock, timeout, [this] { return running_ == 0 && queue_.empty(); });
}

void BackendPool::shut_down() {
  {
    std::unique_lock lock(mutex_);
    became_idle_.wait(lock, [this] { return running_ == 0 && queue_.empty(); });
    stopping_ = true;
  }
  work_available_.notify_all();
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void BackendPool::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    ++idle_threads_;
    work_available_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    --idle_threads_;
    if (queue_.empty()) return;  // stopping
    std::function<void()> session = std::move(queue_.front());
    queue_.pop_front();
    ++running_;
    lock.unlock();
    session();  // sessions report their own errors; see Backend::run
    lock.lock();
    --running_;
    if (running_ == 0 && queue_.empty()) became_idle_.notify_all();
  }
}

}  // namespace chalkdb
