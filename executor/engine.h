// Database::Engine: the parts of the engine a Database owns — storage (files, buffer pool,
// commit log, catalog) and the transaction manager.
#pragma once

#include <memory>

#include "executor/database.h"
#include "executor/temp_tables.h"
#include "storage/storage_engine.h"
#include "txn/transaction_manager.h"

namespace chalkdb {

struct Database::Engine {
  std::unique_ptr<StorageEngine> storage;
  std::unique_ptr<TransactionManager> transactions;
  TempSchemaNumbers temp_schema_numbers;
};

}  // namespace chalkdb
