// BoundExpr: a typed, name-resolved expression — what the binder makes of an ast::Expr.
//
// Every node knows its result type. Operators and functions are resolved once, at bind time,
// to the function that computes them, so evaluation never looks anything up. Column
// references name their range-table entry and attribute (for EXPLAIN) and, once the planner
// has placed them, the slot they read in their operator's input row. Nodes are immutable and
// shared between plan nodes through shared_ptr<const BoundExpr>, like PostgreSQL's Expr trees.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "sql/types/cast.h"
#include "sql/types/type_id.h"
#include "sql/value/value.h"

namespace chalkdb {

struct BoundExpr;
struct EngineFunction;
struct TableFunction;
using BoundExprPtr = std::shared_ptr<const BoundExpr>;
struct Query;
struct PlanNode;

enum class BoundExprKind {
  Constant,     // value
  Column,       // column (rte, attno) → slot
  Param,        // $index (1-based)
  Cast,         // args[0] converted to `type`
  Operator,     // binary operator: binary_fn(args[0], args[1]); strict
  Unary,        // unary operator: unary_fn(args[0]); strict
  Function,     // scalar function: function(args); strict
  EngineCall,   // scalar engine function (planner/engine_function.h): reads engine state
  And, Or, Not, // three-valued logic over bool args
  IsNull,       // args[0] IS NULL (negated: IS NOT NULL)
  IsDistinct,   // args[0] IS DISTINCT FROM args[1] (negated: IS NOT DISTINCT FROM)
  Case,         // args = [cond1, result1, cond2, result2, ..., else?]; has_else
  Coalesce,     // first non-null of args
  InList,       // args[0] IN (args[1..]) with per-element equality in `in_equals`
  ArrayAny,     // args[0] op ANY/ALL (args[1], an array): binary_fn per element; negated = ALL
  ArrayBuild,   // ARRAY[args...] of element type array_element_type(type)
  Subscript,    // args[0][args[1]] or, has_else set, the slice args[0][args[1]:args[2]]
  GroupKey,     // output slot `index` of an aggregation: a GROUP BY key
  AggregateRef, // output slot of an aggregation: aggregate `index`
  WindowRef,    // result of window function `index` (Query::window_calls), set by WindowAgg
  SetFunction,  // a set-returning call in the select list (name(args), table_function or
                // generate_series; `index` numbers it): ProjectSet computes it into `slot`
  NextVal,      // nextval(sequence_oid): non-transactional sequence increment
  SequenceFunction, // currval / setval / lastval (name), on sequence_oid (not lastval)
  Sleep,        // pg_sleep(args[0] seconds): waits, interruptible by a cancel request
  SetConfig,    // set_config(name, value, is_local): changes a session setting, returns it
  CurrentSetting, // current_setting(name)
  SubPlan,      // a subquery in an expression: see the sublink fields below
  ExecParam,    // a value an enclosing plan sets: an outer column of a correlated subquery
};

// What a subquery in an expression computes (PostgreSQL's SubLinkType).
enum class SubLinkType { Exists, Expr, Any, All };

using UnaryFunction = Value (*)(const Value&);
using BinaryFunction = Value (*)(const Value&, const Value&);
using NaryFunction = Value (*)(std::span<const Value>);

struct BoundExpr {
  BoundExprKind kind = BoundExprKind::Constant;
  DataType type;
  int location = -1;  // 0-based offset in the query text, -1 when synthesized
  std::vector<BoundExprPtr> args;

  Value constant;            // Constant
  int rte = -1;              // Column: range-table entry
  int attno = -1;            // Column: 0-based column of that entry
  int slot = -1;             // Column: input slot, set by the planner
  int index = -1;            // Param (1-based), GroupKey, AggregateRef
  std::string name;          // operator text, function name, column name (for EXPLAIN)
  std::string qualifier;     // Column: table alias (for EXPLAIN when several relations);
                             // NextVal, SequenceFunction: the sequence's name
  BinaryFunction binary_fn = nullptr;
  UnaryFunction unary_fn = nullptr;
  NaryFunction function = nullptr;
  const EngineFunction* engine_function = nullptr;  // EngineCall
  const TableFunction* table_function = nullptr;    // SetFunction other than generate_series
  std::vector<BinaryFunction> in_equals;  // InList
  bool negated = false;      // IsNull, IsDistinct, InList
  bool has_else = false;     // Case
  bool strict = true;        // Function: NULL argument gives NULL without a call
  CastContext cast_context = CastContext::Implicit;  // Cast
  uint32_t sequence_oid = 0; // NextVal, SequenceFunction

  // SubPlan: args[i] (over the enclosing row) sets exec param param_ids[i] before each run;
  // for Any/All, args.back() is the test (operand op ExecParam test_param) applied to each
  // subquery row. The binder sets `subquery`, the planner `subplan` and `index` (its
  // number in EXPLAIN). Uncorrelated subplans run once per statement.
  // ExecParam: `index` is the param id; name/qualifier name the outer column for EXPLAIN.
  SubLinkType sublink_type = SubLinkType::Exists;
  std::shared_ptr<const Query> subquery;
  std::shared_ptr<const PlanNode> subplan;
  std::vector<int> param_ids;
  int test_param = -1;
  bool correlated = false;
  int display_param = -1;  // SubPlan run once (InitPlan): the $n EXPLAIN shows for its value
};

// Convenience constructors used by the binder and planner.
BoundExprPtr make_constant(Value value, DataType type, int location = -1);
BoundExprPtr make_column(int rte, int attno, DataType type, std::string name,
                         std::string qualifier);
BoundExprPtr make_bool_op(BoundExprKind kind, std::vector<BoundExprPtr> args);

// True when the two trees compute the same thing (GROUP BY matching, join clause analysis).
bool same_expression(const BoundExpr& a, const BoundExpr& b);

// The range-table entries an expression reads (sorted, unique).
std::vector<int> referenced_rtes(const BoundExpr& expr);

// Splits a conjunction into its AND-ed parts.
void flatten_conjunction(const BoundExprPtr& expr, std::vector<BoundExprPtr>& out);

}  // namespace chalkdb
