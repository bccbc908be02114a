#include "executor/database.h"

#include "executor/engine.h"
#include "executor/functions/engine_functions.h"

#include <fmt/format.h>

#include "sql/error/sql_error.h"

namespace chalkdb {

Database::Database(std::unique_ptr<Engine> engine) : engine_(std::move(engine)) {}

Database::~Database() { shutdown(); }

std::unique_ptr<Database> Database::open(const DatabaseOptions& options) {
  register_engine_functions();
  auto engine = std::make_unique<Engine>();
  engine->storage = StorageEngine::open(options.data_directory, options.shared_buffers_pages);
  engine->transactions = std::make_unique<TransactionManager>(*engine->storage);
  return std::unique_ptr<Database>(new Database(std::move(engine)));
}

std::unique_ptr<Session> Database::create_session(SessionOptions options) {
  // One database per data directory for now, named as PostgreSQL's default one.
  if (options.database != "postgres") {
    throw SqlError(sqlstate::kInvalidCatalogName,
                   fmt::format("database \"{}\" does not exist", options.database))
        .with_severity(Severity::Fatal);
  }
  return std::make_unique<Session>(*this, std::move(options));
}

void Database::shutdown() {
  if (!engine_ || !engine_->storage) return;
  engine_->storage->shutdown();
}

}  // namespace chalkdb
