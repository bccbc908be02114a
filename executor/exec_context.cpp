#include "executor/exec_context.h"

#include "sql/error/sql_error.h"

namespace chalkdb {

void ExecContext::check_for_cancel() const {
  if (cancel_requested.load(std::memory_order_relaxed))
    throw SqlError(sqlstate::kQueryCanceled, "canceling statement due to user request");
}

TransactionId ExecContext::write_xid() {
  if (transaction.xid() == kInvalidTransactionId) {
    transactions.assign_xid(transaction);
    snapshot.own_xid = transaction.xid();
  }
  return transaction.xid();
}

}  // namespace chalkdb
