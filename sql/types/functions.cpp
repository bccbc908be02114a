#include "sql/types/functions.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <map>
#include <optional>
#include <string>

#include "sql/error/sql_error.h"
#include "sql/types/arithmetic.h"
#include "sql/types/array_functions.h"
#include "sql/types/json_functions.h"
#include "sql/types/more_datetime_functions.h"
#include "sql/types/more_math_functions.h"
#include "sql/types/more_string_functions.h"
#include "sql/types/regex_functions.h"
#include "sql/types/cast.h"
#include "sql/types/datetime_functions.h"
#include "sql/types/formatting_functions.h"
#include "sql/types/numeric.h"
#include "sql/types/overload_resolution.h"
#include "sql/types/string_functions.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

using T = TypeId;
using Args = std::span<const Value>;
using Fn = Value (*)(Args);

// ---- math on floats --------------------------------------------------------------------------

double arg_float(Args args, size_t i = 0) { return args[i].as_float(); }

Value float_abs(Args a) { return Value::float8(std::fabs(arg_float(a))); }
Value float4_abs(Args a) { return Value::float4(std::fabs(static_cast<float>(arg_float(a)))); }
Value float_sign(Args a) {
  double x = arg_float(a);
  return Value::float8(x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0));
}
Value float_round(Args a) { return Value::float8(std::rint(arg_float(a))); }
Value float_trunc(Args a) { return Value::float8(std::trunc(arg_float(a))); }
Value float_ceil(Args a) { return Value::float8(std::ceil(arg_float(a))); }
Value float_floor(Args a) { return Value::float8(std::floor(arg_float(a))); }
Value float_sqrt(Args a) { return Value::float8(float8_sqrt(arg_float(a))); }
Value float_cbrt(Args a) { return Value::float8(std::cbrt(arg_float(a))); }
Value float_power(Args a) { return Value::float8(float8_power(arg_float(a, 0), arg_float(a, 1))); }
Value float_pi(Args) { return Value::float8(M_PI); }
Value float_degrees(Args a) { return Value::float8(check_float8(arg_float(a) * (180.0 / M_PI), std::isinf(arg_float(a)), true)); }
Value float_radians(Args a) { return Value::float8(check_float8(arg_float(a) * (M_PI / 180.0), std::isinf(arg_float(a)), true)); }

Value float_exp(Args a) {
  double x = arg_float(a);
  if (std::isnan(x)) return Value::float8(x);
  if (std::isinf(x)) return Value::float8(x > 0 ? x : 0.0);
  return Value::float8(check_float8(std::exp(x), false, false));
}

template <double (*Log)(double)>
Value float_log(Args a) {
  double x = arg_float(a);
  if (x == 0.0) throw SqlError(sqlstate::kInvalidArgumentForLog, "cannot take logarithm of zero");
  if (x < 0) throw SqlError(sqlstate::kInvalidArgumentForLog, "cannot take logarithm of a negative number");
  return Value::float8(check_float8(Log(x), std::isinf(x), x == 1.0));
}
double natural_log(double x) { return std::log(x); }
double decimal_log(double x) { return std::log10(x); }

// ---- math on integers ------------------------------------------------------------------------

template <TypeId R>
Value int_abs(Args a) {
  int64_t x = a[0].as_int();
  return make_integer(R, x < 0 ? integer_negate(x, R) : x);
}
template <TypeId R>
Value int_mod(Args a) { return make_integer(R, integer_modulo(a[0].as_int(), a[1].as_int())); }

// Euclid's algorithm; only the type's minimum can fail, as its absolute value does not fit.
int64_t integer_gcd(int64_t a, int64_t b, TypeId type) {
  while (b != 0) {
    int64_t r = integer_modulo(a, b);
    a = b;
    b = r;
  }
  return a < 0 ? integer_negate(a, type) : a;
}
template <TypeId R>
Value int_gcd(Args a) { return make_integer(R, integer_gcd(a[0].as_int(), a[1].as_int(), R)); }
template <TypeId R>
Value int_lcm(Args a) {
  int64_t x = a[0].as_int(), y = a[1].as_int();
  if (x == 0 || y == 0) return make_integer(R, 0);
  int64_t g = integer_gcd(x, y, R);
  int64_t product = integer_multiply(x / g, y, R);
  return make_integer(R, product < 0 ? integer_negate(product, R) : product);
}

// ---- math on numeric -------------------------------------------------------------------------

const Numeric& arg_numeric(Args args, size_t i = 0) { return args[i].as_numeric(); }
Value numeric(Numeric n) { return Value::numeric(std::move(n)); }

Value numeric_abs(Args a) { return numeric(arg_numeric(a).abs()); }
Value numeric_sign(Args a) { return numeric(arg_numeric(a).sign_value()); }
Value numeric_round(Args a) { return numeric(arg_numeric(a).round(a.size() > 1 ? static_cast<int>(a[1].as_int()) : 0)); }
Value numeric_trunc(Args a) { return numeric(arg_numeric(a).trunc(a.size() > 1 ? static_cast<int>(a[1].as_int()) : 0)); }
Value numeric_ceil(Args a) { return numeric(arg_numeric(a).ceil()); }
Value numeric_floor(Args a) { return numeric(arg_numeric(a).floor()); }
Value numeric_mod(Args a) { return numeric(arg_numeric(a, 0) % arg_numeric(a, 1)); }
Value numeric_div(Args a) { return numeric(arg_numeric(a, 0).divide_truncated(arg_numeric(a, 1))); }
Value numeric_sqrt(Args a) { return numeric(arg_numeric(a).sqrt()); }
Value numeric_power(Args a) { return numeric(arg_numeric(a, 0).power(arg_numeric(a, 1))); }
Value numeric_exp(Args a) { return numeric(arg_numeric(a).exp()); }
Value numeric_ln(Args a) { return numeric(arg_numeric(a).ln()); }
Value numeric_log10(Args a) { return numeric(Numeric::from_int64(10).log(arg_numeric(a))); }
Value numeric_log(Args a) { return numeric(arg_numeric(a, 0).log(arg_numeric(a, 1))); }
Value numeric_scale(Args a) {
  if (!arg_numeric(a).is_finite()) return Value::null(T::Int4);
  return Value::int4(arg_numeric(a).scale());
}

Numeric numeric_gcd_of(Numeric x, Numeric y) {
  int scale = std::max(x.scale(), y.scale());
  while (!y.is_zero()) {
    Numeric r = x % y;
    x = std::move(y);
    y = std::move(r);
  }
  return x.abs().round(scale);
}
Value numeric_gcd(Args a) {
  if (!arg_numeric(a, 0).is_finite() || !arg_numeric(a, 1).is_finite()) return numeric(Numeric::nan());
  return numeric(numeric_gcd_of(arg_numeric(a, 0), arg_numeric(a, 1)));
}
Value numeric_lcm(Args a) {
  const Numeric& x = arg_numeric(a, 0);
  const Numeric& y = arg_numeric(a, 1);
  if (!x.is_finite() || !y.is_finite()) return numeric(Numeric::nan());
  int scale = std::max(x.scale(), y.scale());
  if (x.is_zero() || y.is_zero()) return numeric(Numeric().round(scale));
  Numeric g = numeric_gcd_of(x, y);
  return numeric((x.abs().divide_truncated(g) * y.abs()).round(scale));
}

// ---- the catalog -----------------------------------------------------------------------------

std::vector<FunctionEntry> build_functions() {
  namespace s = string_functions;
  namespace dt = datetime_functions;
  std::vector<FunctionEntry> f = {
      {"abs", {T::Int2}, T::Int2, int_abs<T::Int2>},
      {"abs", {T::Int4}, T::Int4, int_abs<T::Int4>},
      {"abs", {T::Int8}, T::Int8, int_abs<T::Int8>},
      {"abs", {T::Float4}, T::Float4, float4_abs},
      {"abs", {T::Float8}, T::Float8, float_abs},
      {"abs", {T::Numeric}, T::Numeric, numeric_abs},
      {"sign", {T::Float8}, T::Float8, float_sign},
      {"sign", {T::Numeric}, T::Numeric, numeric_sign},
      {"round", {T::Float8}, T::Float8, float_round},
      {"round", {T::Numeric}, T::Numeric, numeric_round},
      {"round", {T::Numeric, T::Int4}, T::Numeric, numeric_round},
      {"trunc", {T::Float8}, T::Float8, float_trunc},
      {"trunc", {T::Numeric}, T::Numeric, numeric_trunc},
      {"trunc", {T::Numeric, T::Int4}, T::Numeric, numeric_trunc},
      {"mod", {T::Int2, T::Int2}, T::Int2, int_mod<T::Int2>},
      {"mod", {T::Int4, T::Int4}, T::Int4, int_mod<T::Int4>},
      {"mod", {T::Int8, T::Int8}, T::Int8, int_mod<T::Int8>},
      {"mod", {T::Numeric, T::Numeric}, T::Numeric, numeric_mod},
      {"div", {T::Numeric, T::Numeric}, T::Numeric, numeric_div},
      {"sqrt", {T::Float8}, T::Float8, float_sqrt},
      {"sqrt", {T::Numeric}, T::Numeric, numeric_sqrt},
      {"cbrt", {T::Float8}, T::Float8, float_cbrt},
      {"exp", {T::Float8}, T::Float8, float_exp},
      {"exp", {T::Numeric}, T::Numeric, numeric_exp},
      {"ln", {T::Float8}, T::Float8, float_log<natural_log>},
      {"ln", {T::Numeric}, T::Numeric, numeric_ln},
      {"log", {T::Float8}, T::Float8, float_log<decimal_log>},
      {"log", {T::Numeric}, T::Numeric, numeric_log10},
      {"log", {T::Numeric, T::Numeric}, T::Numeric, numeric_log},
      {"log10", {T::Float8}, T::Float8, float_log<decimal_log>},
      {"log10", {T::Numeric}, T::Numeric, numeric_log10},
      {"pi", {}, T::Float8, float_pi},
      {"degrees", {T::Float8}, T::Float8, float_degrees},
      {"radians", {T::Float8}, T::Float8, float_radians},
      {"gcd", {T::Int4, T::Int4}, T::Int4, int_gcd<T::Int4>},
      {"gcd", {T::Int8, T::Int8}, T::Int8, int_gcd<T::Int8>},
      {"gcd", {T::Numeric, T::Numeric}, T::Numeric, numeric_gcd},
      {"lcm", {T::Int4, T::Int4}, T::Int4, int_lcm<T::Int4>},
      {"lcm", {T::Int8, T::Int8}, T::Int8, int_lcm<T::Int8>},
      {"lcm", {T::Numeric, T::Numeric}, T::Numeric, numeric_lcm},
      {"scale", {T::Numeric}, T::Int4, numeric_scale},
      {"length", {T::Text}, T::Int4, s::length},
      {"length", {T::Bpchar}, T::Int4, s::bpchar_length},
      {"length", {T::Bytea}, T::Int4, s::byte_length},
      {"octet_length", {T::Text}, T::Int4, s::byte_length},
      {"octet_length", {T::Bpchar}, T::Int4, s::byte_length},
      {"octet_length", {T::Bytea}, T::Int4, s::byte_length},
      {"lower", {T::Text}, T::Text, s::lower},
      {"upper", {T::Text}, T::Text, s::upper},
      {"initcap", {T::Text}, T::Text, s::initcap},
      {"substr", {T::Text, T::Int4}, T::Text, s::substr},
      {"substr", {T::Text, T::Int4, T::Int4}, T::Text, s::substr},
      {"substr", {T::Bytea, T::Int4}, T::Bytea, s::bytea_substr},
      {"substr", {T::Bytea, T::Int4, T::Int4}, T::Bytea, s::bytea_substr},
      {"position", {T::Text, T::Text}, T::Int4, s::position},
      {"strpos", {T::Text, T::Text}, T::Int4, s::position},
      {"btrim", {T::Text}, T::Text, s::btrim},
      {"btrim", {T::Text, T::Text}, T::Text, s::btrim},
      {"ltrim", {T::Text}, T::Text, s::ltrim},
      {"ltrim", {T::Text, T::Text}, T::Text, s::ltrim},
      {"rtrim", {T::Text}, T::Text, s::rtrim},
      {"rtrim", {T::Text, T::Text}, T::Text, s::rtrim},
      {"replace", {T::Text, T::Text, T::Text}, T::Text, s::replace},
      {"left", {T::Text, T::Int4}, T::Text, s::left},
      {"right", {T::Text, T::Int4}, T::Text, s::right},
      {"repeat", {T::Text, T::Int4}, T::Text, s::repeat},
      {"lpad", {T::Text, T::Int4}, T::Text, s::lpad},
      {"lpad", {T::Text, T::Int4, T::Text}, T::Text, s::lpad},
      {"rpad", {T::Text, T::Int4}, T::Text, s::rpad},
      {"rpad", {T::Text, T::Int4, T::Text}, T::Text, s::rpad},
      {"reverse", {T::Text}, T::Text, s::reverse},
      {"ascii", {T::Text}, T::Int4, s::ascii},
      {"chr", {T::Int4}, T::Text, s::chr},
      {"split_part", {T::Text, T::Text, T::Int4}, T::Text, s::split_part},
      {"starts_with", {T::Text, T::Text}, T::Bool, s::starts_with},
      {"concat", {}, T::Text, s::concat, false, true},
      {"extract", {T::Text, T::Timestamp}, T::Numeric, dt::extract},
      {"extract", {T::Text, T::TimestampTz}, T::Numeric, dt::extract},
      {"extract", {T::Text, T::Date}, T::Numeric, dt::extract},
      {"extract", {T::Text, T::Time}, T::Numeric, dt::extract},
      {"extract", {T::Text, T::Interval}, T::Numeric, dt::extract},
      {"date_part", {T::Text, T::Timestamp}, T::Float8, dt::date_part},
      {"date_part", {T::Text, T::TimestampTz}, T::Float8, dt::date_part},
      {"date_part", {T::Text, T::Date}, T::Float8, dt::date_part},
      {"date_part", {T::Text, T::Time}, T::Float8, dt::date_part},
      {"date_part", {T::Text, T::Interval}, T::Float8, dt::date_part},
      {"date_trunc", {T::Text, T::Timestamp}, T::Timestamp, dt::date_trunc},
      {"date_trunc", {T::Text, T::TimestampTz}, T::TimestampTz, dt::date_trunc},
      {"date_trunc", {T::Text, T::Interval}, T::Interval, dt::date_trunc},
      {"age", {T::Timestamp, T::Timestamp}, T::Interval, dt::age},
      {"age", {T::TimestampTz, T::TimestampTz}, T::Interval, dt::age},
      {"age", {T::Timestamp}, T::Interval, dt::age},
      {"age", {T::TimestampTz}, T::Interval, dt::age},
      {"concat_ws", {T::Text}, T::Text, s::concat_ws, false, true},
  };
  f.push_back({"ceil", {T::Float8}, T::Float8, float_ceil});
  f.push_back({"ceil", {T::Numeric}, T::Numeric, numeric_ceil});
  f.push_back({"floor", {T::Float8}, T::Float8, float_floor});
  f.push_back({"floor", {T::Numeric}, T::Numeric, numeric_floor});
  f.push_back({"power", {T::Float8, T::Float8}, T::Float8, float_power});
  f.push_back({"power", {T::Numeric, T::Numeric}, T::Numeric, numeric_power});
  // Aliases with identical overloads.
  std::vector<FunctionEntry> copies;
  for (const FunctionEntry& e : f) {
    if (e.name == "ceil") copies.push_back({"ceiling", e.args, e.result, e.fn});
    if (e.name == "power") copies.push_back({"pow", e.args, e.result, e.fn});
    if (e.name == "substr") copies.push_back({"substring", e.args, e.result, e.fn});
    if (e.name == "length" && e.args[0] != T::Bytea) {
      copies.push_back({"char_length", e.args, e.result, e.fn});
      copies.push_back({"character_length", e.args, e.result, e.fn});
    }
  }
  f.insert(f.end(), copies.begin(), copies.end());
  add_array_functions(f);
  add_json_functions(f);
  add_regex_functions(f);
  add_more_string_functions(f);
  add_more_math_functions(f);
  add_more_datetime_functions(f);
  add_formatting_functions(f);
  return f;
}

const std::multimap<std::string, FunctionEntry, std::less<>>& function_catalog() {
  static const auto catalog = [] {
    std::multimap<std::string, FunctionEntry, std::less<>> c;
    for (FunctionEntry& e : build_functions()) c.emplace(e.name, std::move(e));
    return c;
  }();
  return catalog;
}

// A call such as int4(x) or text(x): an explicit cast to the named type.
template <TypeId To>
Value cast_to(Args a) { return cast_value(a[0], DataType{To}, CastContext::Explicit); }

Fn cast_function(TypeId to) {
  switch (to) {
    case T::Bool: return cast_to<T::Bool>;
    case T::Bytea: return cast_to<T::Bytea>;
    case T::Char: return cast_to<T::Char>;
    case T::Name: return cast_to<T::Name>;
    case T::Int8: return cast_to<T::Int8>;
    case T::Int2: return cast_to<T::Int2>;
    case T::Int4: return cast_to<T::Int4>;
    case T::Text: return cast_to<T::Text>;
    case T::Oid: return cast_to<T::Oid>;
    case T::Float4: return cast_to<T::Float4>;
    case T::Float8: return cast_to<T::Float8>;
    case T::Bpchar: return cast_to<T::Bpchar>;
    case T::Varchar: return cast_to<T::Varchar>;
    case T::Date: return cast_to<T::Date>;
    case T::Time: return cast_to<T::Time>;
    case T::Timestamp: return cast_to<T::Timestamp>;
    case T::TimestampTz: return cast_to<T::TimestampTz>;
    case T::Numeric: return cast_to<T::Numeric>;
    default: return nullptr;
  }
}

std::optional<ResolvedFunction> as_type_cast(std::string_view name, const std::vector<DataType>& args) {
  if (args.size() != 1) return std::nullopt;
  for (const TypeInfo& info : all_types()) {
    if (info.typname != name) continue;
    Fn fn = cast_function(info.id);
    if (fn == nullptr || !can_cast(args[0].id, info.id, CastContext::Explicit)) return std::nullopt;
    return ResolvedFunction{{args[0]}, DataType{info.id}, fn, true};
  }
  return std::nullopt;
}

// The argument list of `e` for a call with `arity` arguments, or nullopt when it cannot take
// that many (VARIADIC "any" needs at least one variadic argument).
std::optional<std::vector<TypeId>> signature_for_arity(const FunctionEntry& e, size_t arity) {
  if (!e.variadic_any) return arity == e.args.size() ? std::optional(e.args) : std::nullopt;
  if (arity <= e.args.size()) return std::nullopt;
  std::vector<TypeId> signature = e.args;
  signature.resize(arity, kAnyType);
  return signature;
}

std::string describe_call(std::string_view name, const std::vector<DataType>& args) {
  std::vector<std::string> types;
  for (DataType t : args) types.push_back(format_type(DataType{t.id}));
  return fmt::format("{}({})", name, fmt::join(types, ", "));
}

}  // namespace

ResolvedFunction resolve_function(std::string_view name, const std::vector<DataType>& args) {
  const auto& catalog = function_catalog();
  std::vector<const FunctionEntry*> entries;
  std::vector<std::vector<TypeId>> signatures;
  auto [first, last] = catalog.equal_range(name);
  for (auto it = first; it != last; ++it) {
    auto signature = signature_for_arity(it->second, args.size());
    if (!signature) continue;
    entries.push_back(&it->second);
    signatures.push_back(std::move(*signature));
  }
  if (entries.empty()) {
    if (auto cast = as_type_cast(name, args)) return *cast;
  }
  std::vector<TypeId> inputs;
  for (DataType t : args) inputs.push_back(t.id);
  OverloadChoice choice = select_overload(signatures, inputs, false);
  if (choice.outcome == OverloadChoice::Outcome::Ambiguous) {
    throw SqlError(sqlstate::kAmbiguousFunction,
                   fmt::format("function {} is not unique", describe_call(name, args)))
        .with_hint("Could not choose a best candidate function. You might need to add explicit "
                   "type casts.");
  }
  if (choice.outcome == OverloadChoice::Outcome::NotFound) {
    throw SqlError(sqlstate::kUndefinedFunction,
                   fmt::format("function {} does not exist", describe_call(name, args)))
        .with_hint("No function matches the given name and argument types. You might need to "
                   "add explicit type casts.");
  }
  const FunctionEntry& e = *entries[choice.index];
  ResolvedFunction resolved{{}, DataType{e.result}, e.fn, e.strict};
  for (size_t i = 0; i < args.size(); ++i)
    resolved.args.push_back(DataType{resolved_argument_type(signatures[choice.index][i], args[i].id)});
  return resolved;
}

}  // namespace chalkdb
