// SessionRegistry: the live backends of the server — it hands out connection slots up to
// max_connections, the (process id, secret key) pairs clients get in BackendKeyData, and routes
// CancelRequests and server shutdown to the right backend.
//
// Unlike PostgreSQL, every user is a superuser here, so there are no reserved slots: the
// connection after max_connections gets FATAL 53300 "sorry, too many clients already".
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>

namespace chalkdb {

// What the registry can ask of a running backend; called from other threads, must not block.
class BackendControl {
 public:
  virtual ~BackendControl() = default;
  virtual void cancel_statement() = 0;
  // Server shutdown: stop the statement if one runs and end the session.
  virtual void terminate() = 0;
  // Last resort when terminate() was not enough: cut the connection both ways.
  virtual void disconnect() = 0;
};

class SessionRegistry {
 public:
  // A reserved connection slot; released (and the backend unregistered) when destroyed.
  class Slot {
   public:
    Slot(Slot&& other) noexcept;
    Slot& operator=(Slot&&) = delete;
    Slot(const Slot&) = delete;
    ~Slot();

    int32_t process_id() const { return process_id_; }
    int32_t secret_key() const { return secret_key_; }
    // Makes the backend reachable for cancel and shutdown; if shutdown has already begun the
    // backend is told to terminate at once.
    void attach(BackendControl& backend);
    // After this the backend may be destroyed: no cancel or shutdown call reaches it.
    void detach();

   private:
    friend class SessionRegistry;
    Slot(SessionRegistry* registry, int32_t process_id, int32_t secret_key)
        : registry_(registry), process_id_(process_id), secret_key_(secret_key) {}

    SessionRegistry* registry_;
    int32_t process_id_;
    int32_t secret_key_;
  };

  explicit SessionRegistry(size_t max_connections);

  // A process id for a new connection, used in its log lines before it has a slot.
  int32_t next_process_id();

  // nullopt when max_connections slots are taken.
  std::optional<Slot> try_reserve(int32_t process_id);

  // Cancels the statement of the backend with this key; a wrong key is ignored silently,
  // as in PostgreSQL.
  void cancel(int32_t process_id, int32_t secret_key);

  void terminate_all();
  void disconnect_all();

  size_t active_sessions() const;

 private:
  struct Entry {
    int32_t secret_key = 0;
    BackendControl* backend = nullptr;
  };

  void release(int32_t process_id);
  void attach(int32_t process_id, BackendControl* backend);

  const size_t max_connections_;
  std::atomic<int32_t> next_process_id_;
  mutable std::mutex mutex_;
  std::map<int32_t, Entry> entries_;
  bool terminating_ = false;
};

}  // namespace chalkdb
