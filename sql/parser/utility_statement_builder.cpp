#include "sql/parser/utility_statement_builder.h"

#include <fmt/format.h>

#include "sql/error/sql_error.h"
#include "sql/parser/identifier.h"
#include "sql/parser/option_value.h"
#include "sql/parser/parse_tree.h"
#include "sql/parser/string_literal.h"
#include "sql/parser/syntax_error.h"

namespace chalkdb {

namespace {

using P = ChalkSqlParser;

std::string isolation_level(P::IsolationLevelContext* context) {
  switch (context->getStop()->getType()) {
    case P::UNCOMMITTED: return "read uncommitted";
    case P::COMMITTED: return "read committed";
    case P::READ: return "repeatable read";
    default: return "serializable";
  }
}

std::string variable_name(P::VarNameContext* context) {
  std::string name;
  for (auto* part : context->colId()) {
    if (!name.empty()) name += '.';
    name += identifier_name(part);
  }
  return name;
}

std::string set_value(P::VarValueContext* context) {
  if (context->numericOnly()) return numeric_text(context->numericOnly());
  return boolean_or_string(context->booleanOrString());
}

std::string zone_value(P::ZoneValueContext* context) {
  if (context->sconst()) return decode_string_literal(*context->getStart());
  if (context->numericOnly()) return numeric_text(context->numericOnly());
  return fold_identifier(context->getText());
}

// The name SHOW and RESET use for their special spellings.
std::string setting_name(antlr4::ParserRuleContext* context, P::VarNameContext* name) {
  if (name) return variable_name(name);
  if (context->getToken(P::ALL, 0)) return "all";
  if (context->getToken(P::ZONE, 0)) return "timezone";
  return "transaction_isolation";
}

// ---- EXPLAIN options -----------------------------------------------------------------------

struct ExplainOption {
  std::string name;
  std::optional<std::string> value;
  bool integer = false;
  int location = 0;
};

ExplainOption explain_option(P::ExplainOptionContext* context) {
  ExplainOption option;
  option.name = fold_identifier(context->getStart()->getText());
  if (context->nonReservedWord()) option.name = identifier_name(context->nonReservedWord());
  option.location = location_of(context);
  if (P::ExplainOptionValueContext* value = context->explainOptionValue()) {
    if (value->numericOnly()) {
      option.value = numeric_text(value->numericOnly());
      option.integer = value->numericOnly()->ICONST() != nullptr;
    } else {
      option.value = boolean_or_string(value->booleanOrString());
    }
  }
  return option;
}

// defGetBoolean(): no argument means true; otherwise 0/1 or true/false/on/off.
bool boolean_option(const ExplainOption& option) {
  if (!option.value) return true;
  std::string value = fold_identifier(*option.value);
  if (option.integer && (value == "0" || value == "1")) return value == "1";
  if (!option.integer && (value == "true" || value == "on")) return true;
  if (!option.integer && (value == "false" || value == "off")) return false;
  throw SqlError(sqlstate::kSyntaxError, fmt::format("{} requires a Boolean value", option.name));
}

std::string format_option(const ExplainOption& option) {
  if (!option.value) throw SqlError(sqlstate::kSyntaxError, fmt::format("{} requires a parameter", option.name));
  // Compared case-sensitively, as PostgreSQL does: FORMAT JSON is folded, FORMAT 'JSON' is not.
  const std::string& format = *option.value;
  if (format == "text" || format == "xml" || format == "json" || format == "yaml") return format;
  throw SqlError(sqlstate::kInvalidParameterValue,
                 fmt::format("unrecognized value for EXPLAIN option \"{}\": \"{}\"", option.name, *option.value))
      .with_position(option.location + 1);
}

}  // namespace

std::unique_ptr<ast::TransactionStmt> UtilityStatementBuilder::transaction(P::TransactionStmtContext* context) {
  auto statement = std::make_unique<ast::TransactionStmt>(location_of(context));
  statement->start_transaction = dynamic_cast<P::StartStmtContext*>(context) != nullptr;
  if (dynamic_cast<P::CommitStmtContext*>(context)) {
    statement->transaction_kind = ast::TransactionKind::Commit;
    return statement;
  }
  if (dynamic_cast<P::RollbackStmtContext*>(context)) {
    statement->transaction_kind = ast::TransactionKind::Rollback;
    return statement;
  }
  P::TransactionModeListContext* modes = context->getRuleContext<P::TransactionModeListContext>(0);
  if (modes == nullptr) return statement;
  for (auto* mode : modes->transactionMode()) {
    if (auto* isolation = dynamic_cast<P::IsolationModeContext*>(mode)) {
      statement->isolation_level = isolation_level(isolation->isolationLevel());
    } else if (dynamic_cast<P::ReadOnlyModeContext*>(mode)) {
      statement->read_only = true;
    } else if (dynamic_cast<P::ReadWriteModeContext*>(mode)) {
      statement->read_only = false;
    }
  }
  return statement;
}

std::unique_ptr<ast::SetStmt> UtilityStatementBuilder::set(P::SetStmtContext* context) {
  auto set = std::make_unique<ast::SetStmt>(location_of(context));
  set->local = context->LOCAL() != nullptr;
  P::SetRestContext* rest = context->setRest();
  if (auto* variable = dynamic_cast<P::SetVariableContext*>(rest)) {
    set->name = variable_name(variable->varName());
    for (auto* value : variable->varValue()) set->values.push_back(set_value(value));
  } else if (auto* zone = dynamic_cast<P::SetTimeZoneContext*>(rest)) {
    set->name = "timezone";
    P::ZoneValueContext* value = zone->zoneValue();
    if (!value->DEFAULT() && !value->LOCAL()) set->values.push_back(zone_value(value));
  } else if (auto* names = dynamic_cast<P::SetNamesContext*>(rest)) {
    set->name = "client_encoding";
    if (names->sconst()) set->values.push_back(decode_string_literal(*names->sconst()->getStart()));
  } else if (auto* schema = dynamic_cast<P::SetSchemaContext*>(rest)) {
    set->name = "search_path";
    set->values.push_back(decode_string_literal(*schema->sconst()->getStart()));
  } else if (auto* transaction = dynamic_cast<P::SetTransactionContext*>(rest)) {
    set_transaction_mode(*set, transaction->transactionModeList(), "transaction_");
  } else {
    auto* characteristics = static_cast<P::SetSessionCharacteristicsContext*>(rest);
    set_transaction_mode(*set, characteristics->transactionModeList(), "default_transaction_");
  }
  return set;
}

void UtilityStatementBuilder::set_transaction_mode(ast::SetStmt& set, P::TransactionModeListContext* modes,
                                                   const std::string& prefix) {
  std::vector<P::TransactionModeContext*> list = modes->transactionMode();
  if (list.size() > 1) {
    throw SqlError(sqlstate::kFeatureNotSupported, "setting several transaction modes at once is not supported")
        .with_position(location_of(list[1]) + 1);
  }
  P::TransactionModeContext* mode = list.front();
  if (auto* isolation = dynamic_cast<P::IsolationModeContext*>(mode)) {
    set.name = prefix + "isolation";
    set.values.push_back(isolation_level(isolation->isolationLevel()));
  } else if (auto* deferrable = dynamic_cast<P::DeferrableModeContext*>(mode)) {
    set.name = prefix + "deferrable";
    set.values.push_back(deferrable->NOT() ? "off" : "on");
  } else {
    set.name = prefix + "read_only";
    set.values.push_back(dynamic_cast<P::ReadOnlyModeContext*>(mode) ? "on" : "off");
  }
}

std::unique_ptr<ast::SetStmt> UtilityStatementBuilder::reset(P::ResetStmtContext* context) {
  auto reset = std::make_unique<ast::SetStmt>(location_of(context));
  reset->reset = true;
  reset->name = setting_name(context, context->varName());
  return reset;
}

std::unique_ptr<ast::ShowStmt> UtilityStatementBuilder::show(P::ShowStmtContext* context) {
  auto show = std::make_unique<ast::ShowStmt>(location_of(context));
  show->name = setting_name(context, context->varName());
  return show;
}

void UtilityStatementBuilder::apply_explain_options(ast::ExplainStmt& explain, P::ExplainStmtContext* context) {
  std::optional<bool> timing, summary;
  bool wal = false;
  explain.analyze = context->analyzeKeyword() != nullptr;
  explain.verbose = context->VERBOSE() != nullptr;
  for (auto* option_context : context->explainOption()) {
    const ExplainOption option = explain_option(option_context);
    if (option.name == "analyze") explain.analyze = boolean_option(option);
    else if (option.name == "verbose") explain.verbose = boolean_option(option);
    else if (option.name == "costs") explain.costs = boolean_option(option);
    else if (option.name == "buffers") explain.buffers = boolean_option(option);
    else if (option.name == "wal") wal = boolean_option(option);
    else if (option.name == "settings") boolean_option(option);
    else if (option.name == "timing") timing = boolean_option(option);
    else if (option.name == "summary") summary = boolean_option(option);
    else if (option.name == "format") explain.format = format_option(option);
    else throw syntax_error(fmt::format("unrecognized EXPLAIN option \"{}\"", option.name), option.location);
  }
  if (wal && !explain.analyze) {
    throw SqlError(sqlstate::kInvalidParameterValue, "EXPLAIN option WAL requires ANALYZE");
  }
  explain.timing = timing.value_or(explain.analyze);
  if (explain.timing && !explain.analyze) {
    throw SqlError(sqlstate::kInvalidParameterValue, "EXPLAIN option TIMING requires ANALYZE");
  }
  explain.summary = summary.value_or(explain.analyze);
}

}  // namespace chalkdb
