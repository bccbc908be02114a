#include "sql/parser/numeric_literal.h"

#include <charconv>
#include <cstdint>
#include <string_view>

#include "sql/parser/syntax_error.h"

namespace chalkdb {

namespace {

bool fits_int8(std::string_view text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

std::unique_ptr<ast::Literal> make_literal(ast::LiteralKind kind, std::string text, int location) {
  auto literal = std::make_unique<ast::Literal>(location);
  literal->literal_kind = kind;
  literal->text = std::move(text);
  return literal;
}

}  // namespace

std::unique_ptr<ast::Literal> make_integer_literal(std::string digits, int location) {
  const auto kind = fits_int8(digits) ? ast::LiteralKind::Integer : ast::LiteralKind::Numeric;
  return make_literal(kind, std::move(digits), location);
}

std::unique_ptr<ast::Literal> make_numeric_literal(std::string text, int location) {
  return make_literal(ast::LiteralKind::Numeric, std::move(text), location);
}

bool is_number_literal(const ast::Expr& expr) {
  if (expr.kind != ast::ExprKind::Literal) return false;
  const auto kind = static_cast<const ast::Literal&>(expr).literal_kind;
  return kind == ast::LiteralKind::Integer || kind == ast::LiteralKind::Numeric;
}

void negate_number_literal(ast::Literal& literal, int minus_location) {
  if (!literal.text.empty() && literal.text.front() == '-') {
    literal.text.erase(0, 1);
  } else {
    literal.text.insert(0, 1, '-');
  }
  literal.location = minus_location;
  const bool integral = literal.text.find_first_of(".eE") == std::string::npos;
  if (integral) {
    literal.literal_kind = fits_int8(literal.text) ? ast::LiteralKind::Integer : ast::LiteralKind::Numeric;
  }
}

int int4_constant(const antlr4::Token& token) {
  const std::string text = token.getText();
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) throw syntax_error_at(token);
  return value;
}

}  // namespace chalkdb
