#include "executor/operators/limit.h"

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

int64_t evaluate_count(const BoundExprPtr& expr, ExecContext& context, const char* what,
                       int64_t otherwise) {
  if (!expr) return otherwise;
  Value v = evaluate(*expr, Row{}, context);
  if (v.is_null()) return otherwise;
  if (v.as_int() < 0) {
    throw SqlError(SqlState{std::string_view(what[0] == 'L' ? "2201W" : "2201X")},
                   std::string(what) + " must not be negative");
  }
  return v.as_int();
}

}  // namespace

void Limit::open() {
  count_loop();
  to_skip_ = evaluate_count(node_.offset, context_, "OFFSET", 0);
  remaining_ = evaluate_count(node_.limit, context_, "LIMIT", -1);
  input_->open();
}

void Limit::produce(RowBatch& out) {
  RowBatch batch;
  while (out.empty() && remaining_ != 0 && input_->next(batch)) {
    for (auto& row : batch) {
      if (to_skip_ > 0) {
        --to_skip_;
        continue;
      }
      if (remaining_ == 0) break;
      if (remaining_ > 0) --remaining_;
      emit(std::move(row), out);
    }
  }
}

}  // namespace chalkdb
