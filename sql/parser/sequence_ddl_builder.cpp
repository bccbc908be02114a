#include "sql/parser/sequence_ddl_builder.h"

#include <fmt/format.h>

#include <charconv>

#include "sql/error/sql_error.h"
#include "sql/parser/name_builder.h"
#include "sql/parser/option_value.h"
#include "sql/parser/parse_tree.h"
#include "sql/parser/type_name_builder.h"

namespace chalkdb {

namespace {

using P = ChalkSqlParser;

// A sequence option's number as a bigint, as PostgreSQL's defGetInt64 reads it.
int64_t bigint_option(P::NumericOnlyContext* context) {
  std::string text = numeric_text(context);
  int64_t value = 0;
  const char* begin = text.data() + (text.starts_with('+') ? 1 : 0);
  auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) {
    throw SqlError(sqlstate::kNumericValueOutOfRange,
                   fmt::format("value \"{}\" is out of range for type bigint", text));
  }
  if (error != std::errc() || end != text.data() + text.size()) {
    throw SqlError(sqlstate::kInvalidTextRepresentation,
                   fmt::format("invalid input syntax for type bigint: \"{}\"", text));
  }
  return value;
}

// PostgreSQL: 42601 `conflicting or redundant options` when an option is given twice.
template <typename T>
void set_once(std::optional<T>& option, T value, antlr4::ParserRuleContext* context) {
  if (option) {
    throw SqlError(sqlstate::kSyntaxError, "conflicting or redundant options")
        .with_position(location_of(context) + 1);
  }
  option = std::move(value);
}

void apply_option(ast::CreateSequenceStmt& create, P::SequenceOptionContext* option) {
  if (auto* type = dynamic_cast<P::SequenceTypeContext*>(option)) {
    set_once(create.type, type_name(type->typeName()), option);
  } else if (auto* start = dynamic_cast<P::SequenceStartContext*>(option)) {
    set_once(create.start, bigint_option(start->numericOnly()), option);
  } else if (auto* increment = dynamic_cast<P::SequenceIncrementContext*>(option)) {
    set_once(create.increment, bigint_option(increment->numericOnly()), option);
  } else if (auto* min = dynamic_cast<P::SequenceMinValueContext*>(option)) {
    set_once(create.min_value, std::optional<int64_t>(bigint_option(min->numericOnly())), option);
  } else if (dynamic_cast<P::SequenceNoMinValueContext*>(option)) {
    set_once(create.min_value, std::optional<int64_t>(), option);
  } else if (auto* max = dynamic_cast<P::SequenceMaxValueContext*>(option)) {
    set_once(create.max_value, std::optional<int64_t>(bigint_option(max->numericOnly())), option);
  } else if (dynamic_cast<P::SequenceNoMaxValueContext*>(option)) {
    set_once(create.max_value, std::optional<int64_t>(), option);
  } else if (auto* cache = dynamic_cast<P::SequenceCacheContext*>(option)) {
    set_once(create.cache, bigint_option(cache->numericOnly()), option);
  } else if (auto* cycle = dynamic_cast<P::SequenceCycleContext*>(option)) {
    set_once(create.cycle, cycle->NO() == nullptr, option);
  }
}

}  // namespace

std::unique_ptr<ast::CreateSequenceStmt> build_create_sequence(P::CreateSequenceStmtContext* context) {
  auto create = std::make_unique<ast::CreateSequenceStmt>(location_of(context));
  create->temporary = context->tempSpec() != nullptr;
  create->if_not_exists = context->IF() != nullptr;
  create->name = qualified_name(context->qualifiedName());
  for (auto* option : context->sequenceOption()) apply_option(*create, option);
  return create;
}

ast::IdentitySpec build_identity_spec(P::IdentitySpecContext* context) {
  ast::IdentitySpec spec;
  spec.always = context->ALWAYS() != nullptr;
  spec.sequence = std::make_shared<ast::CreateSequenceStmt>(location_of(context));
  for (auto* option : context->sequenceOption()) apply_option(*spec.sequence, option);
  return spec;
}

int64_t build_restart_value(P::NumericOnlyContext* context) { return bigint_option(context); }

}  // namespace chalkdb
