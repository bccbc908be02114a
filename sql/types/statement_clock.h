// The times now(), statement_timestamp() and clock_timestamp() report, per session thread.
//
// A session runs on one backend thread for its whole life, so the session records its
// transaction's and statement's start here (microseconds since 2000-01-01 UTC) and the
// date/time functions, which are plain functions of their arguments, read them back. When a
// caller never set them (a test driving functions directly), both read the clock.
#pragma once

#include <cstdint>

namespace chalkdb::statement_clock {

void set_transaction_start(int64_t micros);
void set_statement_start(int64_t micros);
int64_t transaction_start();  // now(), current_timestamp, current_date, localtimestamp
int64_t statement_start();    // statement_timestamp()

}  // namespace chalkdb::statement_clock
