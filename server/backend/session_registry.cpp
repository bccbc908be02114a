#include "server/backend/session_registry.h"

#include <unistd.h>

#include <limits>
#include <random>

namespace chalkdb {

namespace {

int32_t random_secret_key() {
  std::random_device entropy;  // /dev/urandom: keys must not be guessable from earlier ones
  return static_cast<int32_t>(entropy());
}

}  // namespace

SessionRegistry::Slot::Slot(Slot&& other) noexcept
    : registry_(other.registry_), process_id_(other.process_id_), secret_key_(other.secret_key_) {
  other.registry_ = nullptr;
}

SessionRegistry::Slot::~Slot() {
  if (registry_ != nullptr) registry_->release(process_id_);
}

void SessionRegistry::Slot::attach(BackendControl& backend) {
  registry_->attach(process_id_, &backend);
}

void SessionRegistry::Slot::detach() { registry_->attach(process_id_, nullptr); }

// Process ids start above the server's own so log lines look like PostgreSQL's.
SessionRegistry::SessionRegistry(size_t max_connections)
    : max_connections_(max_connections), next_process_id_(static_cast<int32_t>(::getpid()) + 1) {}

int32_t SessionRegistry::next_process_id() {
  int32_t id = next_process_id_.fetch_add(1);
  if (id <= 0 || id == std::numeric_limits<int32_t>::max()) {
    next_process_id_.store(2);
    id = next_process_id_.fetch_add(1);
  }
  return id;
}

std::optional<SessionRegistry::Slot> SessionRegistry::try_reserve(int32_t process_id) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= max_connections_ || entries_.contains(process_id)) return std::nullopt;
  int32_t secret_key = random_secret_key();
  entries_[process_id] = Entry{secret_key, nullptr};
  return Slot(this, process_id, secret_key);
}

void SessionRegistry::cancel(int32_t process_id, int32_t secret_key) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(process_id);
  if (it == entries_.end() || it->second.secret_key != secret_key) return;
  if (it->second.backend != nullptr) it->second.backend->cancel_statement();
}

void SessionRegistry::terminate_all() {
  std::lock_guard lock(mutex_);
  terminating_ = true;
  for (auto& [process_id, entry] : entries_) {
    if (entry.backend != nullptr) entry.backend->terminate();
  }
}

void SessionRegistry::disconnect_all() {
  std::lock_guard lock(mutex_);
  for (auto& [process_id, entry] : entries_) {
    if (entry.backend != nullptr) entry.backend->disconnect();
  }
}

size_t SessionRegistry::active_sessions() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

void SessionRegistry::release(int32_t process_id) {
  std::lock_guard lock(mutex_);
  entries_.erase(process_id);
}

void SessionRegistry::attach(int32_t process_id, BackendControl* backend) {
  std::lock_guard lock(mutex_);
  entries_.at(process_id).backend = backend;
  if (backend != nullptr && terminating_) backend->terminate();
}

}  // namespace chalkdb
