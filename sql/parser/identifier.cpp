#include "sql/parser/identifier.h"

#include "ChalkSqlLexer.h"

namespace chalkdb {

namespace {

std::string truncate_identifier(std::string name) {
  if (name.size() <= kMaxIdentifierBytes) return name;
  size_t length = kMaxIdentifierBytes;
  // Back up over UTF-8 continuation bytes so a character is never cut in half.
  while (length > 0 && (static_cast<unsigned char>(name[length]) & 0xC0) == 0x80) --length;
  name.resize(length);
  return name;
}

std::string unquote_identifier(std::string_view quoted) {
  std::string name;
  const std::string_view body = quoted.substr(1, quoted.size() - 2);
  for (size_t i = 0; i < body.size(); ++i) {
    name += body[i];
    if (body[i] == '"') ++i;  // "" stands for one "
  }
  return name;
}

}  // namespace

std::string fold_identifier(std::string_view text) {
  std::string name(text);
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return truncate_identifier(std::move(name));
}

std::string identifier_name(const antlr4::Token& token) {
  if (token.getType() == ChalkSqlLexer::QUOTED_IDENT) {
    return truncate_identifier(unquote_identifier(token.getText()));
  }
  return fold_identifier(token.getText());
}

std::string identifier_name(antlr4::ParserRuleContext* context) {
  return identifier_name(*context->getStart());
}

}  // namespace chalkdb
