// A comparison operator (= <> < > <= >=) built from a three-way comparison function, for the
// operator catalogs of types whose order is not compare_values' plain one (arrays, jsonb).
#pragma once

#include <string_view>
#include <vector>

#include "sql/types/builtin_entry.h"

namespace chalkdb {

template <int (*Compare)(const Value&, const Value&)>
void add_comparison_operators(std::vector<OperatorEntry>& ops, TypeId type) {
  ops.push_back({"=", type, type, TypeId::Bool,
                 [](const Value& a, const Value& b) { return Value::boolean(Compare(a, b) == 0); }});
  ops.push_back({"<>", type, type, TypeId::Bool,
                 [](const Value& a, const Value& b) { return Value::boolean(Compare(a, b) != 0); }});
  ops.push_back({"<", type, type, TypeId::Bool,
                 [](const Value& a, const Value& b) { return Value::boolean(Compare(a, b) < 0); }});
  ops.push_back({">", type, type, TypeId::Bool,
                 [](const Value& a, const Value& b) { return Value::boolean(Compare(a, b) > 0); }});
  ops.push_back({"<=", type, type, TypeId::Bool,
                 [](const Value& a, const Value& b) { return Value::boolean(Compare(a, b) <= 0); }});
  ops.push_back({">=", type, type, TypeId::Bool,
                 [](const Value& a, const Value& b) { return Value::boolean(Compare(a, b) >= 0); }});
}

}  // namespace chalkdb
