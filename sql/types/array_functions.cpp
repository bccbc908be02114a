#include "sql/types/array_functions.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <string>

#include "sql/error/sql_error.h"
#include "sql/types/array_type.h"
#include "sql/types/array_value.h"
#include "sql/types/comparison.h"
#include "sql/types/comparison_operator.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

using T = TypeId;
using Args = std::span<const Value>;


bool elements_equal(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return false;
  return compare_values(a, b) == 0;
}

bool not_distinct(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  return compare_values(a, b) == 0;
}


ArrayValue empty_like(TypeId array_type) {
  ArrayValue array;
  array.element_type = *array_element_type(array_type);
  return array;
}

ArrayValue decoded_or_empty(const Value& v, TypeId array_type) {
  return v.is_null() ? empty_like(array_type) : decode_array(v);
}

Value concat_arrays(const Value& a, const Value& b) {
  TypeId type = a.type();
  ArrayValue left = decoded_or_empty(a, type);
  ArrayValue right = decoded_or_empty(b, type);
  if (left.elements.empty()) return encode_array(right, type);
  left.elements.insert(left.elements.end(), right.elements.begin(), right.elements.end());
  return encode_array(left, type);
}

Value append_element(const Value& array, const Value& element) {
  ArrayValue a = decoded_or_empty(array, array.type());
  a.elements.push_back(element);
  return encode_array(a, array.type());
}

Value prepend_element(const Value& element, const Value& array) {
  ArrayValue a = decoded_or_empty(array, array.type());
  a.elements.insert(a.elements.begin(), element);
  return encode_array(a, array.type());
}

// Non-strict forms of || (a NULL array counts as empty, as array_cat/array_append do).
Value concat_op(const Value& a, const Value& b) { return concat_arrays(a, b); }
Value append_op(const Value& a, const Value& b) { return append_element(a, b); }
Value prepend_op(const Value& a, const Value& b) { return prepend_element(a, b); }

bool contains(const ArrayValue& haystack, const ArrayValue& needles) {
  for (const Value& needle : needles.elements) {
    bool found = std::any_of(haystack.elements.begin(), haystack.elements.end(),
                             [&](const Value& v) { return elements_equal(v, needle); });
    if (!found) return false;
  }
  return true;
}

Value contains_op(const Value& a, const Value& b) {
  return Value::boolean(contains(decode_array(a), decode_array(b)));
}
Value contained_op(const Value& a, const Value& b) {
  return Value::boolean(contains(decode_array(b), decode_array(a)));
}
Value overlaps_op(const Value& a, const Value& b) {
  ArrayValue left = decode_array(a);
  ArrayValue right = decode_array(b);
  for (const Value& x : left.elements)
    for (const Value& y : right.elements)
      if (elements_equal(x, y)) return Value::boolean(true);
  return Value::boolean(false);
}

// ---- functions ---------------------------------------------------------------------------

Value dimension_result(Args a, bool upper_bound, bool length) {
  ArrayValue array = decode_array(a[0]);
  if (array.elements.empty() || a[1].as_int() != 1) return Value::null(T::Int4);
  auto count = static_cast<int64_t>(array.elements.size());
  if (length) return Value::int4(static_cast<int32_t>(count));
  return Value::int4(static_cast<int32_t>(upper_bound ? array.lower_bound + count - 1 : array.lower_bound));
}

Value array_length_fn(Args a) { return dimension_result(a, false, true); }
Value array_lower_fn(Args a) { return dimension_result(a, false, false); }
Value array_upper_fn(Args a) { return dimension_result(a, true, false); }

Value array_ndims_fn(Args a) {
  return decode_array(a[0]).elements.empty() ? Value::null(T::Int4) : Value::int4(1);
}

Value array_dims_fn(Args a) {
  ArrayValue array = decode_array(a[0]);
  if (array.elements.empty()) return Value::null(T::Text);
  return Value::text(fmt::format("[{}:{}]", array.lower_bound,
                                 static_cast<int64_t>(array.lower_bound) +
                                     static_cast<int64_t>(array.elements.size()) - 1));
}

Value cardinality_fn(Args a) {
  return Value::int4(static_cast<int32_t>(decode_array(a[0]).elements.size()));
}

// Not strict: finds a NULL element when asked for NULL (IS NOT DISTINCT FROM).
Value array_position_fn(Args a) {
  if (a[0].is_null()) return Value::null(T::Int4);
  ArrayValue array = decode_array(a[0]);
  int64_t start = 0;
  if (a.size() > 2) {
    if (a[2].is_null()) {
      throw SqlError(sqlstate::kNullValueNotAllowed, "initial position must not be null");
    }
    start = std::max<int64_t>(0, a[2].as_int() - array.lower_bound);
  }
  for (size_t i = static_cast<size_t>(start); i < array.elements.size(); ++i) {
    if (not_distinct(array.elements[i], a[1])) {
      return Value::int4(static_cast<int32_t>(array.lower_bound + static_cast<int64_t>(i)));
    }
  }
  return Value::null(T::Int4);
}

Value array_append_fn(Args a) { return append_element(a[0], a[1]); }
Value array_prepend_fn(Args a) { return prepend_element(a[0], a[1]); }
Value array_cat_fn(Args a) {
  if (a[0].is_null() && a[1].is_null()) return a[0];
  if (a[0].is_null()) return a[1];
  if (a[1].is_null()) return a[0];
  return concat_arrays(a[0], a[1]);
}

Value array_remove_fn(Args a) {
  if (a[0].is_null()) return a[0];
  ArrayValue array = decode_array(a[0]);
  std::erase_if(array.elements, [&](const Value& v) { return not_distinct(v, a[1]); });
  if (array.elements.empty()) array.lower_bound = 1;
  return encode_array(array, a[0].type());
}

Value array_replace_fn(Args a) {
  if (a[0].is_null()) return a[0];
  ArrayValue array = decode_array(a[0]);
  for (Value& v : array.elements)
    if (not_distinct(v, a[1])) v = a[2];
  return encode_array(array, a[0].type());
}

// Not strict in its three-argument form: a NULL null_string drops NULL elements.
Value array_to_string_fn(Args a) {
  if (a[0].is_null() || a[1].is_null()) return Value::null(T::Text);
  ArrayValue array = decode_array(a[0]);
  const bool has_null_text = a.size() > 2 && !a[2].is_null();
  std::string out;
  bool first = true;
  for (const Value& v : array.elements) {
    if (v.is_null() && !has_null_text) continue;
    if (!first) out.append(a[1].as_text());
    first = false;
    if (v.is_null()) {
      out.append(a[2].as_text());
    } else {
      append_value(out, v);
    }
  }
  return Value::text(std::move(out));
}

// Not strict: a NULL delimiter splits into characters; a field equal to null_string is NULL.
Value string_to_array_fn(Args a) {
  if (a[0].is_null()) return Value::null(T::TextArray);
  const std::string& text = a[0].as_text();
  ArrayValue array;
  array.element_type = T::Text;
  auto add = [&](std::string field) {
    bool is_null = a.size() > 2 && !a[2].is_null() && field == a[2].as_text();
    array.elements.push_back(is_null ? Value::null(T::Text) : Value::text(std::move(field)));
  };
  if (text.empty()) return encode_array(array, T::TextArray);
  if (a[1].is_null()) {
    for (size_t i = 0; i < text.size();) {
      size_t n = 1;
      auto lead = static_cast<unsigned char>(text[i]);
      if (lead >= 0xF0) n = 4;
      else if (lead >= 0xE0) n = 3;
      else if (lead >= 0xC0) n = 2;
      add(text.substr(i, n));
      i += n;
    }
    return encode_array(array, T::TextArray);
  }
  const std::string& delimiter = a[1].as_text();
  if (delimiter.empty()) {
    add(text);
    return encode_array(array, T::TextArray);
  }
  size_t start = 0;
  while (true) {
    size_t at = text.find(delimiter, start);
    if (at == std::string::npos) {
      add(text.substr(start));
      break;
    }
    add(text.substr(start, at - start));
    start = at + delimiter.size();
  }
  return encode_array(array, T::TextArray);
}

}  // namespace

Value array_subscript(const Value& array, const Value& index) {
  ArrayValue a = decode_array(array);
  TypeId element = a.element_type;
  int64_t position = index.as_int() - a.lower_bound;
  if (position < 0 || position >= static_cast<int64_t>(a.elements.size())) return Value::null(element);
  return a.elements[static_cast<size_t>(position)];
}

Value array_slice(const Value& array, const Value& lower, const Value& upper) {
  ArrayValue a = decode_array(array);
  int64_t first = std::max<int64_t>(lower.as_int(), a.lower_bound);
  int64_t last = std::min<int64_t>(upper.as_int(),
                                   a.lower_bound + static_cast<int64_t>(a.elements.size()) - 1);
  ArrayValue slice;
  slice.element_type = a.element_type;
  for (int64_t i = first; i <= last; ++i)
    slice.elements.push_back(a.elements[static_cast<size_t>(i - a.lower_bound)]);
  return encode_array(slice, array.type());
}

void add_array_operators(std::vector<OperatorEntry>& ops) {
  for (TypeId array : all_array_types()) {
    add_comparison_operators<compare_arrays>(ops, array);
    ops.push_back({"@>", array, array, T::Bool, contains_op});
    ops.push_back({"<@", array, array, T::Bool, contained_op});
    ops.push_back({"&&", array, array, T::Bool, overlaps_op});
  }
  // || is polymorphic as in pg_operator, so an unknown literal next to a scalar still means
  // text concatenation ('7'::int8 || '3' is '73').
  ops.push_back({"||", T::AnyArray, T::AnyArray, T::AnyArray, concat_op});
  ops.push_back({"||", T::AnyArray, T::AnyElement, T::AnyArray, append_op});
  ops.push_back({"||", T::AnyElement, T::AnyArray, T::AnyArray, prepend_op});
}

void add_array_functions(std::vector<FunctionEntry>& f) {
  for (TypeId array : all_array_types()) {
    TypeId element = *array_element_type(array);
    f.push_back({"array_length", {array, T::Int4}, T::Int4, array_length_fn});
    f.push_back({"array_lower", {array, T::Int4}, T::Int4, array_lower_fn});
    f.push_back({"array_upper", {array, T::Int4}, T::Int4, array_upper_fn});
    f.push_back({"array_ndims", {array}, T::Int4, array_ndims_fn});
    f.push_back({"array_dims", {array}, T::Text, array_dims_fn});
    f.push_back({"cardinality", {array}, T::Int4, cardinality_fn});
    f.push_back({"array_position", {array, element}, T::Int4, array_position_fn, false});
    f.push_back({"array_position", {array, element, T::Int4}, T::Int4, array_position_fn, false});
    f.push_back({"array_append", {array, element}, array, array_append_fn, false});
    f.push_back({"array_prepend", {element, array}, array, array_prepend_fn, false});
    f.push_back({"array_cat", {array, array}, array, array_cat_fn, false});
    f.push_back({"array_remove", {array, element}, array, array_remove_fn, false});
    f.push_back({"array_replace", {array, element, element}, array, array_replace_fn, false});
    f.push_back({"array_to_string", {array, T::Text}, T::Text, array_to_string_fn});
    f.push_back({"array_to_string", {array, T::Text, T::Text}, T::Text, array_to_string_fn, false});
  }
  f.push_back({"string_to_array", {T::Text, T::Text}, T::TextArray, string_to_array_fn, false});
  f.push_back({"string_to_array", {T::Text, T::Text, T::Text}, T::TextArray, string_to_array_fn, false});
}

}  // namespace chalkdb
