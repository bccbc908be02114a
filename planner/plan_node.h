// PlanNode: one node of a physical plan, as EXPLAIN shows it.
//
// Plans are immutable once built; the executor builds its operator tree (with its own
// execution state) from them. Each node has PostgreSQL-style estimates (startup and total
// cost, rows, width). A node computes "raw" rows — a scan's table columns plus its row id, a
// join's left columns followed by the right's, an aggregation's group keys followed by its
// aggregate values — keeps those passing `filter`, and emits `projection` of them when a
// projection is present (PostgreSQL folds projection into every node the same way).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "planner/bound_expr.h"
#include "planner/index_path.h"
#include "planner/query.h"

namespace chalkdb {

enum class PlanKind {
  SeqScan,        // a table, page by page
  IndexScan,      // a table through a B-tree index (index_scan), in index order
  FunctionScan,   // generate_series or an engine function (planner/engine_function.h)
  ValuesScan,     // INSERT ... VALUES rows
  Result,         // one row from no input (SELECT without FROM)
  SubqueryScan,   // the rows of a subquery's plan (its only child)
  CteScan,        // the rows of a WITH RECURSIVE query's plan (its only child, shown as "CTE x")
  WorkTableScan,  // the previous iteration's rows inside a Recursive Union
  Append,         // all rows of each child in turn (UNION ALL)
  SetOp,          // HashSetOp: INTERSECT / EXCEPT [ALL] over an Append of flagged rows
  RecursiveUnion, // WITH RECURSIVE: the first child, then the second repeated on new rows
  Unique,         // drops rows equal on the first `unique_columns` sort keys to the previous

  NestedLoop,     // join: every left row with every right row passing join_filter
  HashJoin,       // join: hash the right (inner) side on hash_right_keys
  Hash,           // the inner side of a HashJoin, shown as its own node like PostgreSQL
  Materialize,    // keeps its input's rows so a nested loop can rescan them cheaply
  Aggregate,      // plain aggregation (no GROUP BY): exactly one row
  HashAggregate,  // grouped aggregation in a hash table
  GroupAggregate, // grouped aggregation over input sorted by the group keys
  WindowAgg,      // window functions over its input, sorted by partition and order keys
  Sort,
  Limit,
  ModifyTable,    // INSERT / UPDATE / DELETE
};

// INSERT ... ON CONFLICT: what to do with a row that conflicts in an arbiter index.
enum class OnConflictAction { None, Nothing, Update };

struct SortSpec {
  int slot = 0;  // in the child's output
  bool descending = false;
  bool nulls_first = false;
  BoundExprPtr expr;  // what it sorts by, for EXPLAIN's "Sort Key"
};

struct PlanNode {
  PlanKind kind = PlanKind::Result;
  std::vector<std::unique_ptr<PlanNode>> children;

  // Estimates, in PostgreSQL's cost units.
  double startup_cost = 0;
  double total_cost = 0;
  double rows = 0;
  int width = 0;

  BoundExprPtr filter;                   // rows failing it are dropped ("Filter:")
  std::vector<BoundExprPtr> projection;  // empty: emit raw rows
  size_t raw_width = 0;                  // number of raw columns

  // Scans
  int rte = -1;
  std::string relation_name;  // table or function name, for EXPLAIN
  std::string alias;
  std::shared_ptr<const TableInfo> table;
  std::vector<BoundExprPtr> function_args;  // FunctionScan
  const EngineFunction* engine_function = nullptr;  // FunctionScan other than generate_series
  std::vector<std::vector<BoundExprPtr>> values_rows;  // ValuesScan
  std::shared_ptr<const IndexScanSpec> index_scan;     // IndexScan

  // Joins (join_type is relative to the children: Left keeps unmatched outer rows, Right
  // unmatched inner rows)
  JoinType join_type = JoinType::Inner;
  BoundExprPtr join_filter;  // NestedLoop "Join Filter:"
  std::vector<BoundExprPtr> hash_left_keys, hash_right_keys;  // HashJoin: over each side's rows
  std::vector<BinaryFunction> hash_equals;
  // NestedLoop over a LATERAL inner side: exec params set from each outer row (over its row)
  // before the inner side is rescanned.
  std::vector<std::pair<int, BoundExprPtr>> nest_params;
  std::vector<BoundExprPtr> hash_clauses;  // for EXPLAIN's "Hash Cond:"

  // Aggregation: group keys and aggregate arguments are evaluated over the child's rows.
  std::vector<BoundExprPtr> group_keys;
  std::vector<std::vector<int>> grouping_sets;  // GROUPING SETS: group_keys indexes per set
  std::vector<AggregateCall> aggregates;

  // Sort; Limit WITH TIES and Unique compare rows on these keys
  std::vector<SortSpec> sort_keys;
  bool with_ties = false;
  size_t unique_columns = 0;

  // Set operations and WITH RECURSIVE
  SetOpKind set_op = SetOpKind::Union;
  bool set_all = false;
  int worktable_id = -1;

  // WindowAgg: its input is sorted by these keys (slots of the input row); each output row is
  // the input row followed by the window functions' results. Function arguments and frame
  // offsets are evaluated over input rows.
  std::vector<SortSpec> partition_keys, window_order_keys;
  WindowFrameSpec frame;
  std::vector<WindowCall> window_calls;

  // Limit: evaluated once when execution starts.
  BoundExprPtr limit, offset;

  // ModifyTable
  ModifyKind modify_kind = ModifyKind::Insert;
  std::vector<BoundExprPtr> new_row;  // INSERT: table row from the child's row
  OnConflictAction on_conflict = OnConflictAction::None;
  std::vector<IndexInfo> arbiter_indexes;  // empty with ON CONFLICT DO NOTHING: every unique index
  // DO UPDATE: the new version and "Conflict Filter:", over the existing row followed by the
  // proposed (EXCLUDED) row.
  std::vector<BoundExprPtr> conflict_update_row;
  BoundExprPtr conflict_filter;
};

// A statement ready to run: the plan, the result columns the client sees, and how many of
// the plan's output columns are visible (the rest are sort keys carried along).
struct PlannedQuery {
  std::unique_ptr<PlanNode> root;
  std::vector<TargetEntry> result_columns;
  bool returns_rows = true;
};

}  // namespace chalkdb
