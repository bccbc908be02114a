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
#include "planner/engine_function.h"
#include "sql/ast/ast.h"
#include "storage/catalog/catalog.h"

namespace chalkdb {

struct Query;

enum class SetOpKind { Union, Intersect, Except };

struct RangeEntry {
  // Subquery: a query in FROM (or an inlined WITH query). SetOperation: UNION/INTERSECT/EXCEPT
  // of `inputs` (a chain of the same operator flattened, as PostgreSQL's Append).
  // RecursiveUnion: WITH RECURSIVE's `inputs` {non-recursive term, recursive term}; WorkTable:
  // the recursive term's reference to the rows of the previous iteration.
  enum class Kind { Table, Function, Subquery, SetOperation, RecursiveUnion, WorkTable };
  Kind kind = Kind::Table;
  std::string alias;  // the name that qualifies its columns (alias or table name)
  // Table entries list the table's columns, then the system column ctid (not expanded by *).
  std::vector<std::string> column_names;
  std::vector<DataType> column_types;
  size_t visible_columns = 0;
  std::shared_ptr<const TableInfo> table;  // Table
  std::shared_ptr<const TableInfo> view;   // Subquery: the view it stands for, if one
  std::string function_name;               // Function
  std::vector<BoundExprPtr> function_args;  // Function
  const EngineFunction* engine_function = nullptr;  // Function other than generate_series
  std::vector<std::shared_ptr<const Query>> inputs;  // Subquery (one), SetOperation, RecursiveUnion
  SetOpKind set_op = SetOpKind::Union;               // SetOperation
  bool set_all = false;                              // SetOperation, RecursiveUnion (UNION ALL)
  int worktable_id = -1;                             // RecursiveUnion, WorkTable
  std::string cte_name;                              // RecursiveUnion: shown as "CTE Scan on"
  // LATERAL subqueries and functions in FROM: the earlier FROM items' columns they read, as
  // (exec param id, column); the join sets them from each outer row.
  std::vector<std::pair<int, BoundExprPtr>> lateral_params;
};

// The FROM clause as PostgreSQL's join tree: leaves are range-table entries, inner nodes are
// joins with their own ON/USING conditions. Inner-join conditions behave like WHERE
// conditions; outer-join conditions stay with their join.
enum class JoinType { Inner, Left, Right, Full, Semi, Anti };

struct JoinTreeNode {
  int rte = -1;  // a leaf when >= 0
  JoinType join_type = JoinType::Inner;
  std::shared_ptr<const JoinTreeNode> left, right;
  std::vector<BoundExprPtr> quals;
};

enum class AggregateKind {
  CountStar, Count, Sum, Avg, Min, Max, StringAgg, BoolAnd, BoolOr,
  ArrayAgg, JsonAgg, JsonbAgg, JsonObjectAgg, JsonbObjectAgg,
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
  BoundExprPtr delimiter;    // the second argument: string_agg's delimiter, json_object_agg's value
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
  int id = -1;                     // index into Query::window_calls (a WindowRef's index)
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
  // FROM items in order; empty means every range-table entry is its own item.
  std::vector<std::shared_ptr<const JoinTreeNode>> from;
  std::vector<BoundExprPtr> quals;  // WHERE conjuncts
  // Unqualified names of JOIN ... USING / NATURAL columns, resolved to the merged column.
  std::vector<std::pair<std::string, BoundExprPtr>> merged_columns;

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
  std::vector<BoundExprPtr> distinct_on;  // DISTINCT ON keys (over the select list's input)
  std::vector<SortKey> order_by;
  BoundExprPtr limit;   // constant-foldable expressions, evaluated when execution starts
  BoundExprPtr offset;
  bool limit_with_ties = false;
};

// The query's FROM items: `from`, or each range-table entry as an item of its own when
// `from` is empty.
inline std::vector<std::shared_ptr<const JoinTreeNode>> from_items(const Query& query) {
  std::vector<std::shared_ptr<const JoinTreeNode>> items = query.from;
  if (items.empty()) {
    for (size_t r = 0; r < query.range_table.size(); ++r) {
      auto leaf = std::make_shared<JoinTreeNode>();
      leaf->rte = static_cast<int>(r);
      items.push_back(std::move(leaf));
    }
  }
  return items;
}

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
  std::string target_alias;  // INSERT INTO t AS alias (EXPLAIN shows it)
  // INSERT ... ON CONFLICT DO UPDATE: the new version of a conflicting row and the update's
  // WHERE, over the existing row (entry 0) and the proposed row (entry 1, EXCLUDED).
  std::vector<BoundExprPtr> conflict_update_row;
  BoundExprPtr conflict_update_where;
};

}  // namespace chalkdb
