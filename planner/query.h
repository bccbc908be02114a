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
#include "sql/ast/ast.h"
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

enum class AggregateKind {
  CountStar, Count, Sum, Avg, Min, Max, StringAgg, BoolAnd, BoolOr,
  VarSamp, VarPop, StddevSamp, StddevPop,
  Grouping,  // GROUPING(args): which of `grouping_args` the output row is not grouped by
};

struct SortKey {
  BoundExprPtr expr;
  bool descending = false;
  bool nulls_first = false;
};

struct AggregateCall {
  AggregateKind kind = AggregateKind::CountStar;
  std::string name;          // as PostgreSQL prints it: count, sum, ...
  BoundExprPtr arg;          // null for count(*)
  BoundExprPtr delimiter;    // string_agg's second argument
  bool distinct = false;
  BoundExprPtr filter;              // FILTER (WHERE ...): rows failing it are not aggregated
  std::vector<SortKey> order_by;    // string_agg(x, ',' ORDER BY y): input order
  std::vector<BoundExprPtr> grouping_args;  // GROUPING(...) as written
  std::vector<int> grouping_keys;           // GROUPING(...): their Query::group_keys indexes
  DataType result_type;
};

// A window of the query (identical OVER clauses share one) and the window functions over it.
// Frame offsets are evaluated once, when execution starts, like PostgreSQL's.
struct WindowFrameSpec {
  ast::FrameMode mode = ast::FrameMode::Range;
  ast::FrameBoundKind start = ast::FrameBoundKind::UnboundedPreceding;
  ast::FrameBoundKind end = ast::FrameBoundKind::CurrentRow;
  BoundExprPtr start_offset, end_offset;
  ast::FrameExclusion exclusion = ast::FrameExclusion::NoOthers;
  // RANGE with an offset: key + offset and key - offset for the ORDER BY key's type.
  BinaryFunction range_add = nullptr, range_subtract = nullptr;
  DataType range_type;  // their result type: keys are compared with the bounds in it
};

struct WindowClause {
  std::vector<BoundExprPtr> partition_by;
  std::vector<SortKey> order_by;
  WindowFrameSpec frame;
};

enum class WindowFunctionKind {
  RowNumber, Rank, DenseRank, PercentRank, CumeDist, Ntile, Lag, Lead, FirstValue, LastValue,
  NthValue, Aggregate,
};

struct WindowCall {
  WindowFunctionKind kind = WindowFunctionKind::RowNumber;
  std::string name;
  std::vector<BoundExprPtr> args;  // evaluated over the window's input rows
  AggregateCall aggregate;         // kind == Aggregate
  int window = 0;                  // index into Query::windows
  DataType result_type;
};

struct TargetEntry {
  BoundExprPtr expr;
  std::string name;        // column header
  uint32_t table_oid = 0;  // RowDescription: source table and column, when a plain column
  int16_t column_number = 0;
};

struct Query {
  std::vector<RangeEntry> range_table;
  std::vector<BoundExprPtr> quals;  // WHERE and JOIN ... ON conjuncts (inner joins only)

  bool has_aggregation = false;
  std::vector<BoundExprPtr> group_keys;
  // GROUPING SETS / ROLLUP / CUBE: the sets, as group_keys indexes (empty: plain GROUP BY).
  std::vector<std::vector<int>> grouping_sets;
  std::vector<AggregateCall> aggregates;
  BoundExprPtr having;

  std::vector<WindowClause> windows;
  std::vector<WindowCall> window_calls;  // WindowRef i reads window_calls[i]'s result

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
// and `row` computes the new version from it. DELETE needs only the row ids.
struct ModifyQuery {
  ModifyKind kind = ModifyKind::Insert;
  std::shared_ptr<const TableInfo> table;
  std::unique_ptr<Query> source;
  std::vector<std::vector<BoundExprPtr>> values_rows;  // INSERT ... VALUES: full table rows
  std::vector<BoundExprPtr> row;
};

}  // namespace chalkdb
