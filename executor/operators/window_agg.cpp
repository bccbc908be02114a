#include "executor/operators/window_agg.h"

#include <fmt/format.h>

#include "executor/operators/aggregate_state.h"
#include "sql/error/sql_error.h"
#include "sql/types/cast.h"
#include "sql/types/comparison.h"

namespace chalkdb {

namespace {

bool is_negative(const Value& v) {
  switch (v.type()) {
    case TypeId::Int2:
    case TypeId::Int4:
    case TypeId::Int8: return v.as_int() < 0;
    case TypeId::Float4:
    case TypeId::Float8: return v.as_float() < 0;
    case TypeId::Numeric: return v.as_numeric().is_negative();
    default: return false;
  }
}

// Frame offsets: evaluated once, never NULL or negative (PostgreSQL's 22004 / 22013).
Value frame_offset(const BoundExprPtr& expr, const char* which, ExecContext& context) {
  if (!expr) return Value();
  Value value = evaluate(*expr, Row{}, context);
  if (value.is_null()) {
    throw SqlError(sqlstate::kNullValueNotAllowed,
                   fmt::format("frame {} offset must not be null", which));
  }
  if (is_negative(value)) {
    throw SqlError(sqlstate::kInvalidPrecedingOrFollowingSize,
                   fmt::format("frame {} offset must not be negative", which));
  }
  return value;
}

bool values_equal(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() == b.is_null();
  return compare_values(a, b) == 0;
}

}  // namespace

void WindowAgg::open() {
  count_loop();
  input_->open();
  rows_.clear();
  next_ = 0;
  evaluate_offsets();
  RowBatch batch;
  while (input_->next(batch)) {
    context_.check_for_cancel();
    for (auto& row : batch) rows_.push_back(std::move(row));
  }
  size_t begin = 0;
  while (begin < rows_.size()) {
    size_t end = begin + 1;
    while (end < rows_.size() && same_keys(rows_[begin], rows_[end], node_.partition_keys)) ++end;
    context_.check_for_cancel();
    process_partition(begin, end);
    begin = end;
  }
}

void WindowAgg::produce(RowBatch& out) {
  while (out.size() < kBatchSize && next_ < rows_.size()) emit(std::move(rows_[next_++]), out);
}

void WindowAgg::evaluate_offsets() {
  start_offset_ = frame_offset(node_.frame.start_offset, "starting", context_);
  end_offset_ = frame_offset(node_.frame.end_offset, "ending", context_);
}

bool WindowAgg::same_keys(const Row& a, const Row& b, const std::vector<SortSpec>& keys) const {
  for (const auto& key : keys)
    if (!values_equal(a[key.slot], b[key.slot])) return false;
  return true;
}

PeerGroups WindowAgg::peer_groups(size_t begin, size_t end) const {
  PeerGroups peers;
  peers.group_of.reserve(end - begin);
  for (size_t i = begin; i < end; ++i) {
    if (i == begin || !same_keys(rows_[i - 1], rows_[i], node_.window_order_keys))
      peers.group_start.push_back(i - begin);
    peers.group_of.push_back(peers.group_start.size() - 1);
  }
  peers.group_start.push_back(end - begin);
  return peers;
}

// RANGE with an offset compares keys in the type key ± offset yields (date + interval is a
// timestamp).
std::vector<Value> WindowAgg::range_keys(size_t begin, size_t end) const {
  const auto& frame = node_.frame;
  bool has_offset = frame.start_offset || frame.end_offset;
  if (frame.mode != ast::FrameMode::Range || !has_offset) return {};
  int slot = node_.window_order_keys.at(0).slot;
  std::vector<Value> keys;
  keys.reserve(end - begin);
  for (size_t i = begin; i < end; ++i) {
    const Value& key = rows_[i][slot];
    keys.push_back(key.is_null() || key.type() == frame.range_type.id
                       ? key
                       : cast_value(key, frame.range_type, CastContext::Implicit));
  }
  return keys;
}

void WindowAgg::process_partition(size_t begin, size_t end) {
  PeerGroups peers = peer_groups(begin, end);
  bool descending = !node_.window_order_keys.empty() && node_.window_order_keys[0].descending;
  WindowFrame frame(node_.frame, peers, end - begin, start_offset_, end_offset_,
                    range_keys(begin, end), descending);
  std::vector<std::vector<Value>> results;
  for (const auto& call : node_.window_calls) results.push_back(compute(call, begin, end, peers, frame));
  for (size_t i = begin; i < end; ++i)
    for (auto& result : results) rows_[i].push_back(std::move(result[i - begin]));
}

std::vector<Value> WindowAgg::evaluate_all(const BoundExpr& expr, size_t begin, size_t end) {
  std::vector<Value> values;
  values.reserve(end - begin);
  for (size_t i = begin; i < end; ++i) values.push_back(evaluate(expr, rows_[i], context_));
  return values;
}

std::vector<Value> WindowAgg::compute(const WindowCall& call, size_t begin, size_t end,
                                      const PeerGroups& peers, const WindowFrame& frame) {
  switch (call.kind) {
    case WindowFunctionKind::RowNumber:
    case WindowFunctionKind::Rank:
    case WindowFunctionKind::DenseRank:
    case WindowFunctionKind::PercentRank:
    case WindowFunctionKind::CumeDist:
      return ranking(call, begin, end, peers);
    case WindowFunctionKind::Ntile: return ntile(call, begin, end);
    case WindowFunctionKind::Lag:
    case WindowFunctionKind::Lead: return lag_lead(call, begin, end);
    case WindowFunctionKind::FirstValue:
    case WindowFunctionKind::LastValue:
    case WindowFunctionKind::NthValue: return frame_value(call, begin, end, frame);
    case WindowFunctionKind::Aggregate: return aggregate(call, begin, end, frame);
  }
  return {};
}

std::vector<Value> WindowAgg::ranking(const WindowCall& call, size_t begin, size_t end,
                                      const PeerGroups& peers) {
  size_t n = end - begin;
  std::vector<Value> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    size_t group = peers.group_of[i];
    int64_t rank = static_cast<int64_t>(peers.group_start[group]) + 1;
    switch (call.kind) {
      case WindowFunctionKind::RowNumber: out.push_back(Value::int8(static_cast<int64_t>(i) + 1)); break;
      case WindowFunctionKind::Rank: out.push_back(Value::int8(rank)); break;
      case WindowFunctionKind::DenseRank: out.push_back(Value::int8(static_cast<int64_t>(group) + 1)); break;
      case WindowFunctionKind::PercentRank:
        out.push_back(Value::float8(n > 1 ? static_cast<double>(rank - 1) / static_cast<double>(n - 1) : 0.0));
        break;
      default:  // cume_dist: rows up to the last peer over the partition size
        out.push_back(Value::float8(static_cast<double>(peers.group_end(group)) / static_cast<double>(n)));
        break;
    }
  }
  return out;
}

// PostgreSQL's ntile: the bucket count is read at the partition's first row; the first
// (rows % buckets) buckets get one row more.
std::vector<Value> WindowAgg::ntile(const WindowCall& call, size_t begin, size_t end) {
  size_t n = end - begin;
  Value buckets = evaluate(*call.args[0], rows_[begin], context_);
  if (buckets.is_null()) return std::vector<Value>(n, Value::null(TypeId::Int4));
  if (buckets.as_int() <= 0)
    throw SqlError(sqlstate::kInvalidArgumentForNtile, "argument of ntile must be greater than zero");
  size_t count = static_cast<size_t>(buckets.as_int());
  size_t per_bucket = n / count, remainder = n % count;
  std::vector<Value> out;
  out.reserve(n);
  size_t bucket = 1, in_bucket = 0;
  for (size_t i = 0; i < n; ++i) {
    size_t size = per_bucket + (bucket <= remainder ? 1 : 0);
    if (in_bucket >= size) {
      ++bucket;
      in_bucket = 0;
    }
    out.push_back(Value::int4(static_cast<int32_t>(bucket)));
    ++in_bucket;
  }
  return out;
}

std::vector<Value> WindowAgg::lag_lead(const WindowCall& call, size_t begin, size_t end) {
  size_t n = end - begin;
  std::vector<Value> values = evaluate_all(*call.args[0], begin, end);
  std::vector<Value> out;
  out.reserve(n);
  int64_t direction = call.kind == WindowFunctionKind::Lag ? -1 : 1;
  for (size_t i = 0; i < n; ++i) {
    int64_t offset = 1;
    if (call.args.size() >= 2) {
      Value v = evaluate(*call.args[1], rows_[begin + i], context_);
      if (v.is_null()) {
        out.push_back(Value::null(call.result_type.id));
        continue;
      }
      offset = v.as_int();
    }
    int64_t target = static_cast<int64_t>(i) + direction * offset;
    if (target >= 0 && target < static_cast<int64_t>(n)) {
      out.push_back(values[static_cast<size_t>(target)]);
    } else if (call.args.size() == 3) {
      out.push_back(evaluate(*call.args[2], rows_[begin + i], context_));
    } else {
      out.push_back(Value::null(call.result_type.id));
    }
  }
  return out;
}

std::vector<Value> WindowAgg::frame_value(const WindowCall& call, size_t begin, size_t end,
                                          const WindowFrame& frame) {
  size_t n = end - begin;
  std::vector<Value> values = evaluate_all(*call.args[0], begin, end);
  std::vector<Value> out;
  out.reserve(n);
  const Value null = Value::null(call.result_type.id);
  for (size_t i = 0; i < n; ++i) {
    FrameRows rows = frame.rows(i);
    int64_t nth = 1;
    if (call.kind == WindowFunctionKind::NthValue) {
      Value v = evaluate(*call.args[1], rows_[begin + i], context_);
      if (v.is_null()) {
        out.push_back(null);
        continue;
      }
      nth = v.as_int();
      if (nth <= 0) {
        throw SqlError(sqlstate::kInvalidArgumentForNthValue,
                       "argument of nth_value must be greater than zero");
      }
    }
    const Value* found = nullptr;
    if (call.kind == WindowFunctionKind::LastValue) {
      for (size_t j = rows.end; j > rows.start; --j) {
        if (rows.contains(j - 1)) {
          found = &values[j - 1];
          break;
        }
      }
    } else {
      int64_t seen = 0;
      for (size_t j = rows.start; j < rows.end && !found; ++j) {
        if (!rows.is_excluding() && call.kind == WindowFunctionKind::NthValue) {
          // Without exclusions the nth row is found by position.
          size_t target = rows.start + static_cast<size_t>(nth - 1);
          if (target < rows.end) found = &values[target];
          break;
        }
        if (rows.contains(j) && ++seen == nth) found = &values[j];
      }
    }
    out.push_back(found ? *found : null);
  }
  return out;
}

std::vector<Value> WindowAgg::aggregate(const WindowCall& call, size_t begin, size_t end,
                                        const WindowFrame& frame) {
  size_t n = end - begin;
  const AggregateCall& agg = call.aggregate;
  static const Value kNone;
  std::vector<Value> args = agg.arg ? evaluate_all(*agg.arg, begin, end) : std::vector<Value>(n);
  std::vector<Value> delimiters = agg.delimiter ? evaluate_all(*agg.delimiter, begin, end) : std::vector<Value>();
  std::vector<bool> included(n, true);
  if (agg.filter) {
    for (size_t i = 0; i < n; ++i) included[i] = evaluate_condition(*agg.filter, rows_[begin + i], context_);
  }
  auto add = [&](AggregateState& state, size_t row) {
    if (included[row]) state.add(args[row], delimiters.empty() ? kNone : delimiters[row]);
  };
  std::vector<Value> out;
  out.reserve(n);
  bool incremental = node_.frame.start == ast::FrameBoundKind::UnboundedPreceding &&
                     node_.frame.exclusion == ast::FrameExclusion::NoOthers;
  if (incremental) {
    // The frame only grows: add the rows it gained since the previous row.
    AggregateState state(agg);
    size_t added = 0;
    for (size_t i = 0; i < n; ++i) {
      size_t frame_end = frame.rows(i).end;
      while (added < frame_end) add(state, added++);
      out.push_back(state.result());
    }
    return out;
  }
  FrameRows previous;
  bool have_previous = false;
  for (size_t i = 0; i < n; ++i) {
    FrameRows rows = frame.rows(i);
    bool same_frame = have_previous && !rows.is_excluding() && rows.start == previous.start &&
                      rows.end == previous.end;
    if (!same_frame) {
      AggregateState state(agg);
      for (size_t j = rows.start; j < rows.end; ++j)
        if (rows.contains(j)) add(state, j);
      out.push_back(state.result());
    } else {
      out.push_back(out.back());
    }
    previous = rows;
    have_previous = true;
  }
  return out;
}

}  // namespace chalkdb
