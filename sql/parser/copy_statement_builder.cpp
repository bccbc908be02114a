#include "sql/parser/copy_statement_builder.h"

#include "sql/parser/identifier.h"
#include "sql/parser/name_builder.h"
#include "sql/parser/option_value.h"
#include "sql/parser/parse_tree.h"
#include "sql/parser/string_literal.h"

namespace chalkdb {

using P = ChalkSqlParser;

namespace {

ast::CopyOption option(std::string name, antlr4::ParserRuleContext* context) {
  ast::CopyOption result;
  result.name = std::move(name);
  result.location = location_of(context);
  return result;
}

std::string string_value(P::SconstContext* context) { return decode_string_literal(*context->getStart()); }

ast::CopyOption generic_option(P::CopyGenericOptionContext* context) {
  ast::CopyOption result = option(identifier_name(context->colLabel()), context);
  P::CopyGenericArgumentContext* argument = context->copyGenericArgument();
  if (!argument) return result;
  if (argument->booleanOrString()) {
    result.value = boolean_or_string(argument->booleanOrString());
  } else if (argument->numericOnly()) {
    result.value = numeric_text(argument->numericOnly());
  } else if (argument->STAR()) {
    result.all_columns = true;
  } else {
    for (auto* column : argument->colLabel()) result.columns.push_back(identifier_name(column));
  }
  return result;
}

ast::CopyOption legacy_option(P::CopyLegacyOptionContext* context) {
  if (dynamic_cast<P::CopyLegacyBinaryContext*>(context)) {
    auto result = option("format", context);
    result.value = "binary";
    return result;
  }
  if (dynamic_cast<P::CopyLegacyFreezeContext*>(context)) return option("freeze", context);
  if (dynamic_cast<P::CopyLegacyCsvContext*>(context)) {
    auto result = option("format", context);
    result.value = "csv";
    return result;
  }
  if (dynamic_cast<P::CopyLegacyHeaderContext*>(context)) return option("header", context);
  if (auto* delimiter = dynamic_cast<P::CopyLegacyDelimiterContext*>(context)) {
    auto result = option("delimiter", context);
    result.value = string_value(delimiter->sconst());
    return result;
  }
  if (auto* null = dynamic_cast<P::CopyLegacyNullContext*>(context)) {
    auto result = option("null", context);
    result.value = string_value(null->sconst());
    return result;
  }
  if (auto* quote = dynamic_cast<P::CopyLegacyQuoteContext*>(context)) {
    auto result = option("quote", context);
    result.value = string_value(quote->sconst());
    return result;
  }
  if (auto* escape = dynamic_cast<P::CopyLegacyEscapeContext*>(context)) {
    auto result = option("escape", context);
    result.value = string_value(escape->sconst());
    return result;
  }
  if (auto* force_quote = dynamic_cast<P::CopyLegacyForceQuoteContext*>(context)) {
    auto result = option("force_quote", context);
    if (force_quote->nameList()) result.columns = name_list(force_quote->nameList());
    else result.all_columns = true;
    return result;
  }
  if (auto* force_not_null = dynamic_cast<P::CopyLegacyForceNotNullContext*>(context)) {
    auto result = option("force_not_null", context);
    result.columns = name_list(force_not_null->nameList());
    return result;
  }
  auto* encoding = static_cast<P::CopyLegacyEncodingContext*>(context);
  auto result = option("encoding", context);
  result.value = string_value(encoding->sconst());
  return result;
}

}  // namespace

std::unique_ptr<ast::CopyStmt> CopyStatementBuilder::copy(P::CopyStmtContext* context) {
  auto copy = std::make_unique<ast::CopyStmt>(location_of(context));
  if (context->selectWithParens()) {
    copy->query = queries_.select(context->selectWithParens());
  } else {
    copy->table = qualified_name(context->qualifiedName());
    if (context->nameList()) copy->columns = name_list(context->nameList());
    copy->is_from = context->FROM() != nullptr;
    if (context->BINARY()) {
      auto binary = option("format", context);
      binary.value = "binary";
      copy->options.push_back(std::move(binary));
    }
  }
  copy->program = context->PROGRAM() != nullptr;
  if (P::SconstContext* file = context->copyFileName()->sconst()) copy->file_name = string_value(file);
  if (P::CopyDelimiterContext* delimiter = context->copyDelimiter()) {
    auto result = option("delimiter", delimiter);
    result.value = string_value(delimiter->sconst());
    copy->options.push_back(std::move(result));
  }
  P::CopyOptionsContext* options = context->copyOptions();
  for (auto* generic : options->copyGenericOption()) copy->options.push_back(generic_option(generic));
  for (auto* legacy : options->copyLegacyOption()) copy->options.push_back(legacy_option(legacy));
  if (context->whereClause()) copy->where = queries_.expressions().build(context->whereClause()->aExpr());
  return copy;
}

}  // namespace chalkdb
