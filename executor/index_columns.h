// IndexColumns: picks an index's key and INCLUDE column values out of a table row
// (PostgreSQL's FormIndexDatum), shared by index maintenance, CREATE INDEX and amcheck so all
// three form the same leaf entries.
#pragma once

#include <span>
#include <vector>

#include "sql/value/value.h"
#include "storage/catalog/table_info.h"

namespace chalkdb {

class IndexColumns {
 public:
  explicit IndexColumns(const IndexInfo& index);

  // Overwrite `out` with the row's key / INCLUDE values, in index column order.
  void key(std::span<const Value> row, std::vector<Value>& out) const { pick(key_slots_, row, out); }
  void include(std::span<const Value> row, std::vector<Value>& out) const {
    pick(include_slots_, row, out);
  }
  bool has_include() const { return !include_slots_.empty(); }

 private:
  static void pick(const std::vector<size_t>& slots, std::span<const Value> row,
                   std::vector<Value>& out);

  std::vector<size_t> key_slots_;      // positions of the key columns in a table row
  std::vector<size_t> include_slots_;  // and of the INCLUDE columns
};

}  // namespace chalkdb
