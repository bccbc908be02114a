#include "executor/sequence_functions.h"

#include <fmt/format.h>

#include "sql/error/sql_error.h"

namespace chalkdb {

Value evaluate_nextval(const BoundExpr& expr, ExecContext& context) {
  int64_t value = context.catalog.next_sequence_value(expr.sequence_oid);
  context.sequences.record(expr.sequence_oid, value);
  return Value::int8(value);
}

namespace {

Value currval(const BoundExpr& expr, ExecContext& context) {
  auto it = context.sequences.current_values.find(expr.sequence_oid);
  if (it == context.sequences.current_values.end()) {
    throw SqlError(sqlstate::kObjectNotInPrerequisiteState,
                   fmt::format("currval of sequence \"{}\" is not yet defined in this session",
                               expr.qualifier));
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

Value setval(const BoundExpr& expr, const Row& row, ExecContext& context) {
  Value value = evaluate(*expr.args[0], row, context);
  Value is_called = expr.args.size() > 1 ? evaluate(*expr.args[1], row, context) : Value::boolean(true);
  if (value.is_null() || is_called.is_null()) return Value::null(TypeId::Int8);  // strict
  context.catalog.set_sequence_value(expr.sequence_oid, value.as_int(), is_called.as_bool());
  // Only a called position is what currval reports; lastval still names the sequence
  // nextval used last (PostgreSQL's do_setval).
  if (is_called.as_bool()) context.sequences.current_values[expr.sequence_oid] = value.as_int();
  return Value::int8(value.as_int());
}

}  // namespace

Value evaluate_sequence_function(const BoundExpr& expr, const Row& row, ExecContext& context) {
  if (expr.name == "currval") return currval(expr, context);
  if (expr.name == "lastval") return lastval(context);
  return setval(expr, row, context);
}

}  // namespace chalkdb
