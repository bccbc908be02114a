#include "executor/operator.h"

namespace chalkdb {

bool Operator::next(RowBatch& out) {
  auto start = std::chrono::steady_clock::now();
  BufferUsage buffers_at_start = open_pending_ ? open_mark_ : thread_buffer_usage();
  open_pending_ = false;
  out.clear();
  produce(out);
  stats_.buffers += thread_buffer_usage() - buffers_at_start;
  auto elapsed = std::chrono::steady_clock::now() - start;
  stats_.total_time += elapsed;
  if (!out.empty() && !stats_.produced_first) {
    stats_.produced_first = true;
    stats_.first_row_time = stats_.total_time;
  }
  stats_.rows += static_cast<double>(out.size());
  return !out.empty();
}

size_t output_width(const PlanNode& node) {
  return node.projection.empty() ? node.raw_width : node.projection.size();
}

Row null_extended(const Row& row, size_t nulls, bool nulls_first) {
  Row joined;
  joined.reserve(row.size() + nulls);
  if (!nulls_first) joined.insert(joined.end(), row.begin(), row.end());
  joined.resize(joined.size() + nulls, Value::null(TypeId::Unknown));
  if (nulls_first) joined.insert(joined.end(), row.begin(), row.end());
  return joined;
}

void Operator::emit(Row&& raw, RowBatch& out) {
  if (node_.filter && !evaluate_condition(*node_.filter, raw, context_)) {
    stats_.removed_by_filter += 1;
    return;
  }
  if (node_.projection.empty()) {
    out.push_back(std::move(raw));
    return;
  }
  Row projected;
  projected.reserve(node_.projection.size());
  for (const auto& expr : node_.projection) projected.push_back(evaluate(*expr, raw, context_));
  out.push_back(std::move(projected));
}

}  // namespace chalkdb
