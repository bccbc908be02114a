#include "sql/types/conditional_functions.h"

#include "sql/types/comparison.h"

namespace chalkdb {

namespace {

template <bool Greatest>
Value extreme_of(std::span<const Value> values) {
  const Value* best = nullptr;
  for (const Value& v : values) {
    if (v.is_null()) continue;
    if (best == nullptr) {
      best = &v;
      continue;
    }
    int c = compare_values(v, *best);
    if (Greatest ? c > 0 : c < 0) best = &v;
  }
  return best != nullptr ? *best : (values.empty() ? Value() : Value::null(values[0].type()));
}

}  // namespace

Value greatest_of(std::span<const Value> values) { return extreme_of<true>(values); }
Value least_of(std::span<const Value> values) { return extreme_of<false>(values); }

}  // namespace chalkdb
