#include "executor/prepared_sql.h"

#include <fmt/format.h>

#include <utility>

#include "executor/expression_evaluator.h"
#include "executor/operator.h"
#include "executor/portal.h"
#include "executor/statement_runner.h"
#include "planner/binder.h"
#include "planner/expression_binder.h"
#include "sql/error/sql_error.h"
#include "sql/types/cast.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

constexpr SqlState kDuplicatePreparedStatement{"42P05"};

Value argument_value(const ast::Expr& argument, DataType type, int number, ExecContext& context) {
  Binder binder(context.catalog, context.snapshot);
  Query query;
  ExpressionBinder expressions(binder, query);
  expressions.set_clause("EXECUTE parameter", false);
  BoundExprPtr bound = expressions.bind(argument);
  if (bound->type.id != TypeId::Unknown && bound->type.id != type.id &&
      !can_cast(bound->type.id, type.id, CastContext::Assignment)) {
    throw SqlError(sqlstate::kDatatypeMismatch,
                   fmt::format("parameter ${} of type {} cannot be coerced to the expected type {}", number,
                               format_type(bound->type), format_type(type)))
        .with_hint("You will need to rewrite or cast the expression.")
        .with_position(argument.location + 1);
  }
  bound = ExpressionBinder::coerce(bound, type, CastContext::Assignment);
  return evaluate(*bound, Row{}, context);
}

}  // namespace

void throw_unknown_prepared_statement(const std::string& name) {
  throw SqlError(sqlstate::kInvalidSqlStatementName,
                 fmt::format("prepared statement \"{}\" does not exist", name));
}

void run_prepare(const ast::PrepareStmt& prepare, PreparedStatements& statements,
                 ExecContext& context, ResultSink& sink) {
  if (statements.contains(prepare.name)) {
    throw SqlError(kDuplicatePreparedStatement,
                   fmt::format("prepared statement \"{}\" already exists", prepare.name));
  }
  std::vector<DataType> types;
  for (const ast::TypeName& type : prepare.parameter_types)
    types.push_back(DataType{resolve_type_name(type.name, type.modifiers).id});
  // The statement is parsed again from its own text, so the prepared statement owns its tree.
  std::shared_ptr<PreparedStatement> prepared;
  try {
    prepared = parse_prepared(prepare.statement->text, std::move(types));
    analyse_prepared(*prepared, context);
  } catch (SqlError& error) {
    // Positions in the statement's own text become positions in the PREPARE command's.
    if (error.position) error.position = *error.position + prepare.statement->location;
    throw;
  }
  statements[prepare.name] = std::move(prepared);
  sink.command_complete("PREPARE");
}

namespace {

// The statement EXECUTE names and its arguments, coerced to the parameter types.
std::pair<std::shared_ptr<const PreparedStatement>, std::vector<Value>> statement_and_arguments(
    const ast::ExecuteStmt& execute, const PreparedStatements& statements, ExecContext& context) {
  auto found = statements.find(execute.name);
  if (found == statements.end()) throw_unknown_prepared_statement(execute.name);
  std::shared_ptr<const PreparedStatement> statement = found->second;
  const std::vector<DataType>& types = statement->parameter_types;
  if (execute.arguments.size() != types.size()) {
    throw SqlError(sqlstate::kSyntaxError,
                   fmt::format("wrong number of parameters for prepared statement \"{}\"", execute.name))
        .with_detail(fmt::format("Expected {} parameters but got {}.", types.size(), execute.arguments.size()));
  }
  std::vector<Value> values;
  for (size_t i = 0; i < types.size(); ++i)
    values.push_back(argument_value(*execute.arguments[i], types[i], static_cast<int>(i + 1), context));
  return {std::move(statement), std::move(values)};
}

}  // namespace

void run_execute(const ast::ExecuteStmt& execute, const PreparedStatements& statements,
                 ExecContext& context, ResultSink& sink) {
  auto [statement, values] = statement_and_arguments(execute, statements, context);
  Portal portal(statement, std::move(values), &context);
  if (!portal.columns().empty()) sink.row_description(portal.columns());
  portal.run(0, sink);
}

void run_explain_execute(const ast::ExplainStmt& explain, const PreparedStatements& statements,
                         ExecContext& context, ResultSink& sink) {
  StatementRunner::check_explain_format(explain);
  StatementRunner::PlanningMeter meter;
  auto [statement, values] =
      statement_and_arguments(static_cast<const ast::ExecuteStmt&>(*explain.statement), statements, context);
  if (!statement->is_plannable()) {
    throw SqlError(sqlstate::kFeatureNotSupported, "EXPLAIN of this statement is not supported")
        .with_position(explain.statement->location + 1);
  }
  PlanCache::Choice choice =
      statement->plans->plan_for(*statement->statement, statement->parameter_types, values, context);
  ExecContext explain_context = context;
  if (choice.generic) explain_context.parameters = &values;
  StatementRunner(explain_context).explain(*choice.plan, explain, meter, sink);
}

void run_deallocate(const ast::DeallocateStmt& deallocate, PreparedStatements& statements,
                    ResultSink& sink) {
  if (!deallocate.name) {
    statements.clear();
    return sink.command_complete("DEALLOCATE ALL");
  }
  if (statements.erase(*deallocate.name) == 0) throw_unknown_prepared_statement(*deallocate.name);
  sink.command_complete("DEALLOCATE");
}

}  // namespace chalkdb
