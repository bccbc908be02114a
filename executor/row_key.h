// RowKey: hashing and equality of whole rows with NULLs equal to each other (IS NOT DISTINCT
// FROM), as grouping, DISTINCT and the set operations compare rows.
#pragma once

#include <vector>

#include "sql/types/comparison.h"
#include "sql/value/value.h"

namespace chalkdb {

struct RowKeyHash {
  size_t operator()(const std::vector<Value>& row) const {
    size_t h = 0;
    for (const auto& value : row) h = h * 31 + (value.is_null() ? 0x9e3779b9 : hash_value(value));
    return h;
  }
};

struct RowKeyEqual {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i].is_null() || b[i].is_null()) {
        if (a[i].is_null() != b[i].is_null()) return false;
        continue;
      }
      if (compare_values(a[i], b[i]) != 0) return false;
    }
    return true;
  }
};

}  // namespace chalkdb
