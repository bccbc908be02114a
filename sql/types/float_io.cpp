#include "sql/types/float_io.h"

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// strtod needs a NUL-terminated string; short inputs (the usual case) stay on the stack.
class CString {
 public:
  explicit CString(std::string_view text) {
    if (text.size() < sizeof(small_)) {
      std::memcpy(small_, text.data(), text.size());
      small_[text.size()] = '\0';
      data_ = small_;
    } else {
      large_.assign(text);
      data_ = large_.c_str();
    }
  }
  const char* get() const { return data_; }

 private:
  char small_[64];
  std::string large_;
  const char* data_;
};

template <typename T>
T parse_float(std::string_view text, const char* type_name, T (*convert)(const char*, char**),
              T huge) {
  CString c_text(text);
  const char* start = c_text.get();
  while (*start != '\0' && is_space(*start)) ++start;
  auto syntax_error = [&] {
    return SqlError(sqlstate::kInvalidTextRepresentation,
                    fmt::format("invalid input syntax for type {}: \"{}\"", type_name, text));
  };
  if (*start == '\0') throw syntax_error();
  char* end = nullptr;
  errno = 0;
  T value = convert(start, &end);
  if (end == start) throw syntax_error();
  // Denormals may report ERANGE; only a real overflow or total underflow is an error.
  if (errno == ERANGE && (value == 0 || value >= huge || value <= -huge)) {
    throw SqlError(sqlstate::kNumericValueOutOfRange,
                   fmt::format("\"{}\" is out of range for type {}",
                               std::string_view(start, end - start), type_name));
  }
  while (*end != '\0' && is_space(*end)) ++end;
  if (*end != '\0') throw syntax_error();
  return value;
}

// Lays out the shortest digits the way PostgreSQL's ryu-based output does: fixed notation when
// the decimal exponent is in [-4, fixed_limit), scientific otherwise.
void append_shortest(std::string& out, const char* scientific, size_t length, int fixed_limit) {
  std::string_view s(scientific, length);
  bool negative = s.front() == '-';
  if (negative) s.remove_prefix(1);
  size_t e_pos = s.find('e');
  std::string_view mantissa = s.substr(0, e_pos);
  int exponent = 0;
  std::string_view exponent_text = s.substr(e_pos + 1);
  if (exponent_text.front() == '+') exponent_text.remove_prefix(1);
  std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);
  char digits[32];
  size_t ndigits = 0;
  for (char c : mantissa)
    if (c != '.') digits[ndigits++] = c;
  if (negative) out.push_back('-');
  if (exponent < -4 || exponent >= fixed_limit) {
    out.push_back(digits[0]);
    if (ndigits > 1) {
      out.push_back('.');
      out.append(digits + 1, ndigits - 1);
    }
    out.push_back('e');
    out.push_back(exponent < 0 ? '-' : '+');
    int magnitude = exponent < 0 ? -exponent : exponent;
    if (magnitude < 10) out.push_back('0');
    char exponent_digits[8];
    auto written = std::to_chars(exponent_digits, exponent_digits + sizeof(exponent_digits), magnitude);
    out.append(exponent_digits, written.ptr);
    return;
  }
  if (exponent < 0) {
    out.append("0.");
    out.append(static_cast<size_t>(-exponent - 1), '0');
    out.append(digits, ndigits);
    return;
  }
  size_t integer_digits = static_cast<size_t>(exponent) + 1;
  if (ndigits <= integer_digits) {
    out.append(digits, ndigits);
    out.append(integer_digits - ndigits, '0');
  } else {
    out.append(digits, integer_digits);
    out.push_back('.');
    out.append(digits + integer_digits, ndigits - integer_digits);
  }
}

template <typename T>
void append_float(std::string& out, T value, int fixed_limit) {
  if (std::isnan(value)) {
    out.append("NaN");
    return;
  }
  if (std::isinf(value)) {
    out.append(value < 0 ? "-Infinity" : "Infinity");
    return;
  }
  if (value == 0) {
    out.append(std::signbit(value) ? "-0" : "0");
    return;
  }
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::scientific);
  append_shortest(out, buffer, static_cast<size_t>(result.ptr - buffer), fixed_limit);
}

}  // namespace

double parse_float8(std::string_view text) {
  return parse_float<double>(text, "double precision", std::strtod, HUGE_VAL);
}

float parse_float4(std::string_view text) {
  return parse_float<float>(text, "real", std::strtof, HUGE_VALF);
}

void append_float8(std::string& out, double value) { append_float(out, value, 15); }

void append_float4(std::string& out, float value) { append_float(out, value, 6); }

}  // namespace chalkdb
