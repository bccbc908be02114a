#include "sql/types/statement_clock.h"

#include "sql/types/datetime.h"

namespace chalkdb::statement_clock {

namespace {
thread_local int64_t transaction_started = 0;
thread_local int64_t statement_started = 0;
}  // namespace

void set_transaction_start(int64_t micros) { transaction_started = micros; }
void set_statement_start(int64_t micros) { statement_started = micros; }

int64_t transaction_start() {
  return transaction_started != 0 ? transaction_started : current_timestamp();
}

int64_t statement_start() { return statement_started != 0 ? statement_started : current_timestamp(); }

}  // namespace chalkdb::statement_clock
