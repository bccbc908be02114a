// Query: a bound statement — the binder's output and the optimizer's input.
//
// Like PostgreSQL's Query: a range table (the relations and table functions in FROM), the
// join quals and WHERE clause as a list of conjuncts, aggregation (GROUP BY keys, aggregate
// calls, HAVING), the target list, ORDER BY and LIMIT/OFFSET. Expressions above the
// aggregation refer to its output through GroupKey/AggregateRef nodes. INSERT, UPDATE and
// DELETE wrap a Query that produces their input rows.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "planner/bound_expr.h"
#include "storage/catalog/catalog.h"

namespace chalkdb {

struct RangeEntry {
  enum class Kind { Table, Function };
  Kind kind = Kind::Table;
  std::string alias;  // the name that qualifies its columns (alias or table name)
  // Table entries list the table's columns, then the system column ctid (not expanded by *).
  std::vector<std::string> column_names;
  std::vector<DataType> column_types;
  size_t visible_columns = 0;
  std::shared_ptr<const TableInfo> table;  // Table
  std::string function_name;               // Function
  std::vector<BoundExprPtr> function_args;  // Function
};

enum class AggregateKind { CountStar, Count, Sum, Avg, Min, Max };

struct AggregateCall {
  AggregateKind kind = AggregateKind::CountStar;
  std::string name;          // as PostgreSQL prints it: count, sum, ...
  BoundExprPtr arg;          // null for count(*)
  bool distinct = false;
  DataType result_type;
};

struct TargetEntry {
  BoundExprPtr expr;
  std::string name;        // column header
  uint32_t table_oid = 0;  // RowDescription: source table and column, when a plain column
  int16_t column_number = 0;
};

struct SortKey {
  BoundExprPtr expr;
  bool descending = false;
  bool nulls_first = false;
};

struct Query {
  std::vector<RangeEntry> range_table;
  std::vector<BoundExprPtr> quals;  // WHERE and JOIN ... ON conjuncts (inner joins only)

  bool has_aggregation = false;
  std::vector<BoundExprPtr> group_keys;
  std::vector<AggregateCall> aggregates;
  BoundExprPtr having;

  std::vector<TargetEntry> targets;
  bool distinct = false;
  std::vector<SortKey> order_by;
  BoundExprPtr limit;   // constant-foldable expressions, evaluated when execution starts
  BoundExprPtr offset;
};

enum class ModifyKind { Insert, Update, Delete };

// INSERT / UPDATE / DELETE. `source` produces the input rows. For INSERT, `row` computes the
// new table row from a source row (Column nodes whose slot is the source column). For
// UPDATE, `source` scans the target table (range-table entry 0, its row id in the last slot)
// and `row` computes the new version from it. DELETE's source emits the old row and its row
// id. UPDATE ... FROM and DELETE ... USING join further range-table entries into `source`.
// RETURNING expressions read the table row (the new one for INSERT and UPDATE, the old one
// for DELETE) as range-table entry 0; columns of other entries they read are carried after
// the row id in the source's output (`returning_inputs`, in that order).
struct ModifyQuery {
  ModifyKind kind = ModifyKind::Insert;
  std::shared_ptr<const TableInfo> table;
  std::unique_ptr<Query> source;
  std::vector<std::vector<BoundExprPtr>> values_rows;  // INSERT ... VALUES: full table rows
  std::vector<BoundExprPtr> row;
  std::vector<TargetEntry> returning;
  std::vector<std::pair<int, int>> returning_inputs;  // (rte, attno) of other entries
};

}  // namespace chalkdb
