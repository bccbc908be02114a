// Numeric literals as PostgreSQL's grammar and make_const() see them.
//
// An integer literal is an ast Integer when it fits int8 (the binder narrows to int4), a
// Numeric otherwise. A minus sign directly applied to a numeric literal is folded into it
// (gram.y's doNegate), so -9223372036854775808 is an int8 and -2147483648 an int4.
#pragma once

#include <memory>
#include <string>

#include "antlr4-runtime.h"
#include "sql/ast/ast.h"

namespace chalkdb {

std::unique_ptr<ast::Literal> make_integer_literal(std::string digits, int location);
std::unique_ptr<ast::Literal> make_numeric_literal(std::string text, int location);

// True for an Integer or Numeric literal.
bool is_number_literal(const ast::Expr& expr);

// Applies a unary minus at `minus_location` to a number literal.
void negate_number_literal(ast::Literal& literal, int minus_location);

// The value of an ICONST token where the grammar needs a plain int (type modifiers, float
// precision). PostgreSQL's lexer turns integers beyond int4 into a different token, so such
// a number is a syntax error there.
int int4_constant(const antlr4::Token& token);

}  // namespace chalkdb
