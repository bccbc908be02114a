// Database: the engine, usable without the network.
//
// Opening a data directory creates it on first use (no init step) or recovers it, and brings
// up the buffer pool, transaction manager and catalog. Sessions are created from it; the
// server wraps it, tests can drive it directly.
#pragma once

#include <filesystem>
#include <memory>

#include "executor/session.h"

namespace chalkdb {

struct DatabaseOptions {
  std::filesystem::path data_directory = "chalkdb-data";
  size_t shared_buffers_pages = 16384;  // 128 MiB of 8 KiB pages, PostgreSQL's default
};

class Database {
 public:
  static std::unique_ptr<Database> open(const DatabaseOptions& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  std::unique_ptr<Session> create_session(SessionOptions options);

  // Flushes all dirty pages and closes files; also done by the destructor.
  void shutdown();

  struct Engine;  // storage, transaction manager, catalog: defined in database.cpp
  Engine& engine() { return *engine_; }

 private:
  explicit Database(std::unique_ptr<Engine> engine);
  std::unique_ptr<Engine> engine_;
};

}  // namespace chalkdb
