#include "sql/parser/type_name_builder.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "sql/error/sql_error.h"
#include "sql/parser/identifier.h"
#include "sql/parser/name_builder.h"
#include "sql/parser/numeric_literal.h"
#include "sql/parser/parse_tree.h"

namespace chalkdb {

namespace {

using P = ChalkSqlParser;

ast::TypeName make_type(std::string name, int location, std::vector<int> modifiers = {}) {
  ast::TypeName type;
  type.name = std::move(name);
  type.modifiers = std::move(modifiers);
  type.location = location;
  return type;
}

// The optional "(n)" of types like varchar(n), as a modifier list.
std::vector<int> optional_length(antlr4::tree::TerminalNode* length) {
  if (length == nullptr) return {};
  return {int4_constant(*length->getSymbol())};
}

std::vector<int> type_modifiers(P::TypeModifiersContext* context) {
  std::vector<int> modifiers;
  if (context == nullptr) return modifiers;
  for (auto* modifier : context->typeModifier()) {
    const int value = int4_constant(*modifier->ICONST()->getSymbol());
    modifiers.push_back(modifier->MINUS() ? -value : value);
  }
  return modifiers;
}

// float(p): PostgreSQL picks float4 for p <= 24 and float8 up to 53.
std::string float_type(antlr4::tree::TerminalNode* precision_token) {
  if (precision_token == nullptr) return "float8";
  const int precision = int4_constant(*precision_token->getSymbol());
  const int position = location_of(precision_token) + 1;
  if (precision < 1) {
    throw SqlError(sqlstate::kInvalidParameterValue, "precision for type float must be at least 1 bit")
        .with_position(position);
  }
  if (precision > 53) {
    throw SqlError(sqlstate::kInvalidParameterValue, "precision for type float must be less than 54 bits")
        .with_position(position);
  }
  return precision <= 24 ? "float4" : "float8";
}

ast::TypeName numeric_type(P::NumericTypeContext* context) {
  const int location = location_of(context);
  switch (context->getStart()->getType()) {
    case P::INT:
    case P::INTEGER: return make_type("int4", location);
    case P::SMALLINT: return make_type("int2", location);
    case P::BIGINT: return make_type("int8", location);
    case P::REAL: return make_type("float4", location);
    case P::BOOLEAN: return make_type("bool", location);
    case P::FLOAT: return make_type(float_type(context->ICONST()), location);
    case P::DOUBLE: return make_type("float8", location);
    default: return make_type("numeric", location, type_modifiers(context->typeModifiers()));
  }
}

ast::TypeName character_type(P::CharacterTypeContext* context) {
  const int location = location_of(context);
  std::vector<int> length = optional_length(context->ICONST());
  if (context->VARCHAR() || context->VARYING()) return make_type("varchar", location, std::move(length));
  // A bare CHAR is char(1), as in the SQL standard.
  if (length.empty()) length.push_back(1);
  return make_type("bpchar", location, std::move(length));
}

ast::TypeName bit_type(P::BitTypeContext* context) {
  const int location = location_of(context);
  std::vector<int> length = optional_length(context->ICONST());
  if (context->VARYING()) return make_type("varbit", location, std::move(length));
  if (length.empty()) length.push_back(1);
  return make_type("bit", location, std::move(length));
}

ast::TypeName datetime_type(P::DatetimeTypeContext* context) {
  const bool with_zone = context->WITH() != nullptr;
  std::string name = context->TIMESTAMP() ? "timestamp" : "time";
  if (with_zone) name += "tz";
  return make_type(std::move(name), location_of(context), optional_length(context->ICONST()));
}

ast::TypeName generic_type(P::GenericTypeContext* context) {
  std::vector<std::string> names{identifier_name(context->typeFunctionName())};
  for (auto* label : context->colLabel()) names.push_back(identifier_name(label));
  return make_type(fmt::format("{}", fmt::join(names, ".")), location_of(context),
                   type_modifiers(context->typeModifiers()));
}

ast::TypeName simple_type_name(P::SimpleTypeNameContext* context) {
  if (context->constTypeName()) return const_type_name(context->constTypeName());
  if (context->genericType()) return generic_type(context->genericType());
  return make_type("interval", location_of(context), optional_length(context->ICONST()));
}

}  // namespace

ast::TypeName const_type_name(P::ConstTypeNameContext* context) {
  if (context->numericType()) return numeric_type(context->numericType());
  if (context->characterType()) return character_type(context->characterType());
  if (context->bitType()) return bit_type(context->bitType());
  if (context->datetimeType()) return datetime_type(context->datetimeType());
  return make_type("interval", location_of(context));
}

ast::TypeName type_name(P::TypeNameContext* context) {
  ast::TypeName type = simple_type_name(context->simpleTypeName());
  type.is_array = context->arrayBounds() != nullptr;
  return type;
}

ast::TypeName generic_type_name(P::FuncNameContext* context) {
  return make_type(fmt::format("{}", fmt::join(function_name(context), ".")), location_of(context));
}

}  // namespace chalkdb
