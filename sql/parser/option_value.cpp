#include "sql/parser/option_value.h"

#include "sql/parser/identifier.h"
#include "sql/parser/string_literal.h"

namespace chalkdb {

std::string numeric_text(ChalkSqlParser::NumericOnlyContext* context) {
  const std::string number = context->getStop()->getText();
  return context->MINUS() ? "-" + number : number;
}

std::string boolean_or_string(ChalkSqlParser::BooleanOrStringContext* context) {
  if (context->sconst()) return decode_string_literal(*context->getStart());
  if (context->nonReservedWord()) return identifier_name(context->nonReservedWord());
  return fold_identifier(context->getText());  // TRUE, FALSE, ON
}

}  // namespace chalkdb
