#include "sql/types/array_value.h"

#include <fmt/format.h>

#include <optional>
#include <string>

#include "sql/error/sql_error.h"
#include "sql/types/array_type.h"
#include "sql/types/comparison.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

bool is_array_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// The pieces of an array literal before the element input functions run.
struct ArrayLiteral {
  int lower_bound = 1;
  std::optional<int> upper_bound;
  std::vector<std::optional<std::string>> elements;  // nullopt: NULL
};

// A one-dimensional array_in scanner with PostgreSQL's DETAIL messages.
class ArrayLiteralParser {
 public:
  explicit ArrayLiteralParser(std::string_view text) : text_(text) {}

  ArrayLiteral parse() {
    ArrayLiteral literal;
    skip_spaces();
    if (peek() == '[') parse_dimensions(literal);
    if (peek() != '{') fail("Array value must start with \"{\" or dimension information.");
    ++pos_;
    skip_spaces();
    if (peek() == '}') {
      ++pos_;
    } else {
      parse_elements(literal);
    }
    skip_spaces();
    if (pos_ < text_.size()) fail("Junk after closing right brace.");
    return literal;
  }

 private:
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool at_end() const { return pos_ >= text_.size(); }
  void skip_spaces() {
    while (!at_end() && is_array_space(text_[pos_])) ++pos_;
  }

  [[noreturn]] void fail(std::string_view detail) const {
    throw SqlError(sqlstate::kInvalidTextRepresentation,
                   fmt::format("malformed array literal: \"{}\"", text_))
        .with_detail(std::string(detail));
  }
  [[noreturn]] void unexpected(char c) const {
    fail(fmt::format("Unexpected \"{}\" character.", c));
  }

  int parse_bound() {
    size_t start = pos_;
    if (peek() == '-' || peek() == '+') ++pos_;
    while (!at_end() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    if (pos_ == start) fail("\"[\" must introduce explicitly-specified array dimensions.");
    try {
      return std::stoi(std::string(text_.substr(start, pos_ - start)));
    } catch (const std::exception&) {
      throw SqlError(sqlstate::kProgramLimitExceeded, "array bound is out of integer range");
    }
  }

  void parse_dimensions(ArrayLiteral& literal) {
    ++pos_;
    int first = parse_bound();
    int lower = 1;
    int upper = first;
    if (peek() == ':') {
      ++pos_;
      lower = first;
      upper = parse_bound();
    }
    if (peek() != ']') fail("Missing \"]\" after array dimensions.");
    ++pos_;
    if (upper < lower) {
      throw SqlError(sqlstate::kArraySubscriptError,
                     "upper bound cannot be less than lower bound");
    }
    skip_spaces();
    if (peek() == '[') {
      throw SqlError(sqlstate::kFeatureNotSupported, "multidimensional arrays are not supported");
    }
    if (peek() != '=') fail("Missing \"=\" after array dimensions.");
    ++pos_;
    skip_spaces();
    literal.lower_bound = lower;
    literal.upper_bound = upper;
  }

  void parse_elements(ArrayLiteral& literal) {
    while (true) {
      skip_spaces();
      if (at_end()) fail("Unexpected end of input.");
      char c = peek();
      if (c == '{') {
        if (literal.elements.empty()) {
          throw SqlError(sqlstate::kFeatureNotSupported, "multidimensional arrays are not supported");
        }
        unexpected(c);
      }
      if (c == ',' || c == '}') unexpected(c);
      literal.elements.push_back(c == '"' ? parse_quoted() : parse_unquoted());
      skip_spaces();
      if (at_end()) fail("Unexpected end of input.");
      char next = text_[pos_++];
      if (next == '}') return;
      if (next != ',') unexpected(next);
    }
  }

  std::optional<std::string> parse_quoted() {
    ++pos_;
    std::string out;
    while (true) {
      if (at_end()) fail("Unexpected end of input.");
      char c = text_[pos_++];
      if (c == '"') return out;
      if (c == '\\') {
        if (at_end()) fail("Unexpected end of input.");
        c = text_[pos_++];
      }
      out.push_back(c);
    }
  }

  std::optional<std::string> parse_unquoted() {
    std::string out;
    size_t kept = 0;  // length up to the last escaped or non-space character
    bool escaped_any = false;
    while (true) {
      if (at_end()) fail("Unexpected end of input.");
      char c = text_[pos_];
      if (c == ',' || c == '}') break;
      ++pos_;
      if (c == '"' || c == '{') unexpected(c);
      if (c == '\\') {
        if (at_end()) fail("Unexpected end of input.");
        out.push_back(text_[pos_++]);
        kept = out.size();
        escaped_any = true;
        continue;
      }
      out.push_back(c);
      if (!is_array_space(c)) kept = out.size();
    }
    out.resize(kept);
    if (!escaped_any && out.size() == 4 && (out[0] | 0x20) == 'n' && (out[1] | 0x20) == 'u' &&
        (out[2] | 0x20) == 'l' && (out[3] | 0x20) == 'l') {
      return std::nullopt;
    }
    return out;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

// array_out quotes an element that is empty, spells NULL, or holds a delimiter, brace, quote,
// backslash or white space.
void append_element(std::string& out, const std::string& text) {
  bool quote = text.empty() || (text.size() == 4 && (text[0] | 0x20) == 'n' &&
                                (text[1] | 0x20) == 'u' && (text[2] | 0x20) == 'l' &&
                                (text[3] | 0x20) == 'l');
  for (char c : text) {
    if (c == ',' || c == '{' || c == '}' || c == '"' || c == '\\' || is_array_space(c)) quote = true;
  }
  if (!quote) {
    out.append(text);
    return;
  }
  out.push_back('"');
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
}

TypeId element_type_of(TypeId array_type) {
  std::optional<TypeId> element = array_element_type(array_type);
  if (!element) throw SqlError(sqlstate::kInternalError, "not an array type");
  return *element;
}

ArrayValue parse_literal(std::string_view text, TypeId element, int32_t typmod) {
  ArrayLiteral literal = ArrayLiteralParser(text).parse();
  if (literal.upper_bound &&
      static_cast<int64_t>(*literal.upper_bound) - literal.lower_bound + 1 !=
          static_cast<int64_t>(literal.elements.size())) {
    throw SqlError(sqlstate::kInvalidTextRepresentation,
                   fmt::format("malformed array literal: \"{}\"", text))
        .with_detail("Specified array dimensions do not match array contents.");
  }
  ArrayValue array;
  array.element_type = element;
  array.lower_bound = literal.elements.empty() ? 1 : literal.lower_bound;
  array.elements.reserve(literal.elements.size());
  for (const auto& item : literal.elements) {
    array.elements.push_back(item ? parse_value(*item, DataType{element, typmod})
                                  : Value::null(element));
  }
  return array;
}

}  // namespace

Value parse_array(std::string_view text, DataType type) {
  return encode_array(parse_literal(text, element_type_of(type.id), type.typmod), type.id);
}

ArrayValue decode_array(const Value& array) {
  return parse_literal(array.as_text(), element_type_of(array.type()), -1);
}

Value encode_array(const ArrayValue& array, TypeId array_type) {
  std::string out;
  if (array.lower_bound != 1 && !array.elements.empty()) {
    out += fmt::format("[{}:{}]=", array.lower_bound,
                       static_cast<int64_t>(array.lower_bound) +
                           static_cast<int64_t>(array.elements.size()) - 1);
  }
  out.push_back('{');
  std::string element_text;
  for (size_t i = 0; i < array.elements.size(); ++i) {
    if (i > 0) out.push_back(',');
    const Value& element = array.elements[i];
    if (element.is_null()) {
      out.append("NULL");
      continue;
    }
    element_text.clear();
    append_value(element_text, element);
    append_element(out, element_text);
  }
  out.push_back('}');
  return Value::text(std::move(out), array_type);
}

int compare_arrays(const Value& a, const Value& b) {
  if (a.as_text() == b.as_text()) return 0;
  ArrayValue left = decode_array(a);
  ArrayValue right = decode_array(b);
  size_t common = std::min(left.elements.size(), right.elements.size());
  for (size_t i = 0; i < common; ++i) {
    const Value& x = left.elements[i];
    const Value& y = right.elements[i];
    if (x.is_null() || y.is_null()) {
      if (x.is_null() && y.is_null()) continue;
      return x.is_null() ? 1 : -1;
    }
    int c = compare_values(x, y);
    if (c != 0) return c;
  }
  if (left.elements.size() != right.elements.size())
    return left.elements.size() < right.elements.size() ? -1 : 1;
  if (left.lower_bound != right.lower_bound) return left.lower_bound < right.lower_bound ? -1 : 1;
  return 0;
}

size_t hash_array(const Value& array) {
  size_t h = 1;
  for (const Value& element : decode_array(array).elements) h = h * 31 + hash_value(element);
  return h;
}

}  // namespace chalkdb
