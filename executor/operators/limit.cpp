#include "executor/operators/limit.h"

#include "executor/operators/unique.h"
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
  last_.clear();
  ties_done_ = false;
  input_->open();
}

void Limit::produce(RowBatch& out) {
  RowBatch batch;
  auto more = [&] { return remaining_ != 0 || (node_.with_ties && !ties_done_ && !last_.empty()); };
  while (out.empty() && more() && input_->next(batch)) {
    for (auto& row : batch) {
      if (to_skip_ > 0) {
        --to_skip_;
        continue;
      }
      if (remaining_ == 0) {
        if (!node_.with_ties || last_.empty() ||
            !equal_on_sort_keys(node_.sort_keys, node_.sort_keys.size(), last_, row)) {
          ties_done_ = true;
          break;
        }
        emit(std::move(row), out);
        continue;
      }
      if (remaining_ > 0) --remaining_;
      if (node_.with_ties && remaining_ == 0) last_ = row;
      emit(std::move(row), out);
    }
  }
}

}  // namespace chalkdb
