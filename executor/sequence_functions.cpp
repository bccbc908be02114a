#include "executor/sequence_functions.h"

#include <fmt/format.h>

#include "planner/engine_call_binder.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

Value next_value(uint32_t sequence_oid, ExecContext& context) {
  int64_t value = context.catalog.next_sequence_value(sequence_oid);
  context.sequences.record(sequence_oid, value);
  return Value::int8(value);
}

// The sequence a call works on: fixed at bind time, or named by its first argument's text
// (looked up like a relation name in a query: public, then pg_catalog).
struct SequenceTarget {
  uint32_t oid = 0;
  std::string name;
  size_t first_arg = 0;  // where the function's own arguments start in expr.args
};

SequenceTarget sequence_target(const BoundExpr& expr, const Row& row, ExecContext& context) {
  if (expr.sequence_oid != 0) return {expr.sequence_oid, expr.qualifier, 0};
  Value text = evaluate(*expr.args.at(0), row, context);
  if (text.is_null()) return {0, "", 1};
  ast::QualifiedName name = parse_relation_name(std::string(text.as_text()), -1);
  auto relation = context.catalog.find_relation(name.schema.value_or("public"), name.name, context.snapshot);
  if (!relation && !name.schema) relation = context.catalog.find_relation("pg_catalog", name.name, context.snapshot);
  if (!relation) {
    std::string shown = name.schema ? fmt::format("{}.{}", *name.schema, name.name) : name.name;
    throw SqlError(sqlstate::kUndefinedTable, fmt::format("relation \"{}\" does not exist", shown));
  }
  if (relation->relkind != 'S') {
    throw SqlError(sqlstate::kWrongObjectType, fmt::format("\"{}\" is not a sequence", relation->name));
  }
  return {relation->oid, relation->name, 1};
}

}  // namespace

Value evaluate_nextval(const BoundExpr& expr, ExecContext& context) {
  return next_value(expr.sequence_oid, context);
}

namespace {

Value currval(const SequenceTarget& target, ExecContext& context) {
  auto it = context.sequences.current_values.find(target.oid);
  if (it == context.sequences.current_values.end()) {
    throw SqlError(sqlstate::kObjectNotInPrerequisiteState,
                   fmt::format("currval of sequence \"{}\" is not yet defined in this session",
                               target.name));
  }
  return Value::int8(it->second);
}

Value lastval(ExecContext& context) {
  const SequenceSessionState& state = context.sequences;
  if (!state.last_used) {
    throw SqlError(sqlstate::kObjectNotInPrerequisiteState,
                   "lastval is not yet defined in this session");
  }
  // PostgreSQL fails the same way when the sequence was dropped since.
  Snapshot& snapshot = context.snapshot;
  if (!context.catalog.relation_by_oid(*state.last_used, snapshot)) {
    throw SqlError(sqlstate::kObjectNotInPrerequisiteState,
                   "lastval is not yet defined in this session");
  }
  return Value::int8(state.current_values.at(*state.last_used));
}

Value setval(const BoundExpr& expr, const SequenceTarget& target, const Row& row, ExecContext& context) {
  size_t at = target.first_arg;
  Value value = evaluate(*expr.args[at], row, context);
  Value is_called = expr.args.size() > at + 1 ? evaluate(*expr.args[at + 1], row, context) : Value::boolean(true);
  if (value.is_null() || is_called.is_null()) return Value::null(TypeId::Int8);  // strict
  context.catalog.set_sequence_value(target.oid, value.as_int(), is_called.as_bool());
  // Only a called position is what currval reports; lastval still names the sequence
  // nextval used last (PostgreSQL's do_setval).
  if (is_called.as_bool()) context.sequences.current_values[target.oid] = value.as_int();
  return Value::int8(value.as_int());
}

}  // namespace

Value evaluate_sequence_function(const BoundExpr& expr, const Row& row, ExecContext& context) {
  if (expr.name == "lastval") return lastval(context);
  SequenceTarget target = sequence_target(expr, row, context);
  if (target.oid == 0) return Value::null(TypeId::Int8);  // strict: a NULL name
  if (expr.name == "currval") return currval(target, context);
  if (expr.name == "nextval") return next_value(target.oid, context);
  return setval(expr, target, row, context);
}

}  // namespace chalkdb
