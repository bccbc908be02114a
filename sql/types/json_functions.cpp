#include "sql/types/json_functions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "sql/error/sql_error.h"
#include "sql/types/array_type.h"
#include "sql/types/array_value.h"
#include "sql/types/cast.h"
#include "sql/types/comparison.h"
#include "sql/types/comparison_operator.h"
#include "sql/types/numeric.h"
#include "sql/types/type_registry.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

using T = TypeId;
using K = JsonNode::Kind;
using Args = std::span<const Value>;

const JsonNode* object_member(const JsonNode& node, std::string_view key) {
  if (node.kind != K::Object) return nullptr;
  // json keeps duplicates: the last one wins, as json_object_field finds it.
  const JsonNode* found = nullptr;
  for (const auto& [k, v] : node.members)
    if (k == key) found = &v;
  return found;
}

const JsonNode* array_item(const JsonNode& node, int64_t index) {
  if (node.kind != K::Array) return nullptr;
  auto size = static_cast<int64_t>(node.items.size());
  if (index < 0) index += size;
  if (index < 0 || index >= size) return nullptr;
  return &node.items[static_cast<size_t>(index)];
}

// One path step: a key for objects, an integer subscript for arrays.
const JsonNode* path_step(const JsonNode& node, const std::string& step) {
  if (node.kind == K::Object) return object_member(node, step);
  if (node.kind != K::Array) return nullptr;
  size_t used = 0;
  int64_t index;
  try {
    index = std::stoll(step, &used);
  } catch (const std::exception&) {
    return nullptr;
  }
  if (used != step.size()) return nullptr;
  return array_item(node, index);
}

const JsonNode* follow_path(const JsonNode& root, const Value& path) {
  const JsonNode* node = &root;
  for (const Value& step : decode_array(path).elements) {
    if (step.is_null()) return nullptr;
    node = path_step(*node, step.as_text());
    if (node == nullptr) return nullptr;
  }
  return node;
}

TypeId result_json_type(const Value& container) { return container.type(); }

template <bool AsText>
Value field_op(const Value& json, const Value& key) {
  JsonNode root = parse_json_of(json);
  const JsonNode* node = key.type() == T::Int4 ? array_item(root, key.as_int())
                                               : object_member(root, key.as_text());
  // jsonb keeps a top-level scalar as a one-element array: '"s"'::jsonb -> 0 is "s".
  bool scalar = root.kind != K::Array && root.kind != K::Object;
  if (json.type() == T::Jsonb && scalar && key.type() == T::Int4 && (key.as_int() == 0 || key.as_int() == -1))
    node = &root;
  if (node == nullptr) return Value::null(AsText ? T::Text : result_json_type(json));
  return AsText ? json_member_text(json, *node) : json_member_value(json, *node);
}

template <bool AsText>
Value path_op(const Value& json, const Value& path) {
  JsonNode root = parse_json_of(json);
  const JsonNode* node = follow_path(root, path);
  if (node == nullptr) return Value::null(AsText ? T::Text : result_json_type(json));
  return AsText ? json_member_text(json, *node) : json_member_value(json, *node);
}

bool node_equal(const JsonNode& a, const JsonNode& b);

// jsonb containment (JsonbDeepContains): objects contain objects key by key, arrays contain
// arrays element by element in any order, scalars equal; a top-level array contains a scalar.
bool deep_contains(const JsonNode& a, const JsonNode& b, bool top) {
  if (a.kind == K::Array && b.kind != K::Array && b.kind != K::Object && top) {
    return std::any_of(a.items.begin(), a.items.end(), [&](const JsonNode& x) { return node_equal(x, b); });
  }
  if (a.kind != b.kind) return false;
  if (a.kind == K::Object) {
    for (const auto& [key, value] : b.members) {
      const JsonNode* mine = object_member(a, key);
      if (mine == nullptr || !deep_contains(*mine, value, false)) return false;
    }
    return true;
  }
  if (a.kind == K::Array) {
    for (const JsonNode& needle : b.items) {
      bool found = std::any_of(a.items.begin(), a.items.end(), [&](const JsonNode& x) {
        if (needle.kind == K::Array || needle.kind == K::Object) return deep_contains(x, needle, false);
        return node_equal(x, needle);
      });
      if (!found) return false;
    }
    return true;
  }
  return node_equal(a, b);
}

bool node_equal(const JsonNode& a, const JsonNode& b) {
  return compare_jsonb(jsonb_value(a), jsonb_value(b)) == 0;
}

Value contains_op(const Value& a, const Value& b) {
  return Value::boolean(deep_contains(parse_json_tree(a.as_text()), parse_json_tree(b.as_text()), true));
}
Value contained_op(const Value& a, const Value& b) { return contains_op(b, a); }

// ? : a top-level key, or a string element of a top-level array.
bool has_key(const JsonNode& node, const std::string& key) {
  if (node.kind == K::Object) return object_member(node, key) != nullptr;
  if (node.kind == K::Array) {
    return std::any_of(node.items.begin(), node.items.end(),
                       [&](const JsonNode& x) { return x.kind == K::String && x.scalar == key; });
  }
  return node.kind == K::String && node.scalar == key;
}

Value exists_op(const Value& a, const Value& key) {
  return Value::boolean(has_key(parse_json_tree(a.as_text()), key.as_text()));
}

template <bool All>
Value exists_many_op(const Value& a, const Value& keys) {
  JsonNode node = parse_json_tree(a.as_text());
  for (const Value& key : decode_array(keys).elements) {
    if (key.is_null()) continue;
    bool present = has_key(node, key.as_text());
    if (All && !present) return Value::boolean(false);
    if (!All && present) return Value::boolean(true);
  }
  return Value::boolean(All);
}

// jsonb || jsonb: objects merge (right wins), otherwise arrays concatenate (a scalar or
// object on either side counting as a one-element array).
Value concat_op(const Value& a, const Value& b) {
  JsonNode left = parse_json_tree(a.as_text());
  JsonNode right = parse_json_tree(b.as_text());
  if (left.kind == K::Object && right.kind == K::Object) {
    for (auto& member : right.members) left.members.push_back(std::move(member));
    normalise_jsonb(left);
    return jsonb_value(left);
  }
  auto as_items = [](JsonNode node) {
    if (node.kind == K::Array) return node.items;
    return std::vector<JsonNode>{std::move(node)};
  };
  JsonNode result;
  result.kind = K::Array;
  result.items = as_items(std::move(left));
  for (JsonNode& item : as_items(std::move(right))) result.items.push_back(std::move(item));
  return jsonb_value(result);
}

Value delete_key_op(const Value& a, const Value& key) {
  JsonNode node = parse_json_tree(a.as_text());
  if (node.kind == K::Object) {
    std::erase_if(node.members, [&](const auto& m) { return m.first == key.as_text(); });
  } else if (node.kind == K::Array) {
    std::erase_if(node.items, [&](const JsonNode& x) { return x.kind == K::String && x.scalar == key.as_text(); });
  } else {
    throw SqlError(sqlstate::kInvalidParameterValue, "cannot delete from scalar");
  }
  return jsonb_value(node);
}

Value delete_index_op(const Value& a, const Value& index) {
  JsonNode node = parse_json_tree(a.as_text());
  if (node.kind == K::Object) {
    throw SqlError(sqlstate::kInvalidParameterValue, "cannot delete from object using integer index");
  }
  if (node.kind != K::Array) throw SqlError(sqlstate::kInvalidParameterValue, "cannot delete from scalar");
  int64_t i = index.as_int();
  auto size = static_cast<int64_t>(node.items.size());
  if (i < 0) i += size;
  if (i >= 0 && i < size) node.items.erase(node.items.begin() + i);
  return jsonb_value(node);
}


// ---- functions ---------------------------------------------------------------------------

std::string_view kind_name(K kind) {
  switch (kind) {
    case K::Null: return "null";
    case K::Bool: return "boolean";
    case K::Number: return "number";
    case K::String: return "string";
    case K::Array: return "array";
    case K::Object: return "object";
  }
  return "null";
}

Value typeof_fn(Args a) { return Value::text(std::string(kind_name(parse_json_of(a[0]).kind))); }

Value array_length_fn(Args a) {
  JsonNode node = parse_json_of(a[0]);
  if (node.kind == K::Object) {
    throw SqlError(sqlstate::kInvalidParameterValue, "cannot get array length of a non-array");
  }
  if (node.kind != K::Array) {
    throw SqlError(sqlstate::kInvalidParameterValue, "cannot get array length of a scalar");
  }
  return Value::int4(static_cast<int32_t>(node.items.size()));
}

Value to_jsonb_fn(Args a) {
  JsonNode node = json_node_of(a[0]);
  normalise_jsonb(node);
  return jsonb_value(node);
}

// json output of a tree built from SQL values (to_json, json_build_*): ","-separated arrays
// and objects as PostgreSQL's datum_to_json writes them.
void append_json(std::string& out, const JsonNode& node, bool built) {
  switch (node.kind) {
    case K::Array:
      out.push_back('[');
      for (size_t i = 0; i < node.items.size(); ++i) {
        if (i > 0) out.append(built ? ", " : ",");
        append_json(out, node.items[i], false);
      }
      out.push_back(']');
      return;
    case K::Object:
      out.push_back('{');
      for (size_t i = 0; i < node.members.size(); ++i) {
        if (i > 0) out.append(", ");
        append_json_string(out, node.members[i].first);
        out.append(" : ");
        append_json(out, node.members[i].second, false);
      }
      out.push_back('}');
      return;
    default: out.append(jsonb_text(node)); return;
  }
}

// An argument of json(b)_build_*: a json argument keeps its text for json results.
JsonNode build_argument(const Value& v) {
  if (v.is_null()) return JsonNode{};
  return json_node_of(v);
}

std::string key_text(const Value& key, size_t position) {
  if (key.is_null()) {
    throw SqlError(sqlstate::kNullValueNotAllowed,
                   fmt::format("argument {}: key must not be null", position));
  }
  return json_key_text(key);
}

JsonNode build_object(Args a, std::string_view function) {
  if (a.size() % 2 != 0) {
    throw SqlError(sqlstate::kInvalidParameterValue, "argument list must have even number of elements")
        .with_hint(fmt::format("The arguments of {}() must consist of alternating keys and values.", function));
  }
  JsonNode node;
  node.kind = K::Object;
  for (size_t i = 0; i < a.size(); i += 2)
    node.members.emplace_back(key_text(a[i], i + 1), build_argument(a[i + 1]));
  return node;
}

JsonNode build_array(Args a) {
  JsonNode node;
  node.kind = K::Array;
  for (const Value& v : a) node.items.push_back(build_argument(v));
  return node;
}

Value jsonb_build_object_fn(Args a) {
  JsonNode node = build_object(a, "jsonb_build_object");
  normalise_jsonb(node);
  return jsonb_value(node);
}
// The json builders write their arguments' json text directly (a json argument, such as a
// json_agg result, keeps its text), as PostgreSQL's json_build_object does.
Value json_build_object_fn(Args a) {
  build_object(a, "json_build_object");  // checks the keys
  std::string out = "{";
  for (size_t i = 0; i < a.size(); i += 2) {
    if (i > 0) out.append(", ");
    append_json_string(out, key_text(a[i], i + 1));
    out.append(" : ");
    append_json_datum(out, a[i + 1]);
  }
  out.push_back('}');
  return Value::text(std::move(out), T::Json);
}
Value jsonb_build_array_fn(Args a) {
  JsonNode node = build_array(a);
  normalise_jsonb(node);
  return jsonb_value(node);
}
Value json_build_array_fn(Args a) {
  std::string out = "[";
  for (size_t i = 0; i < a.size(); ++i) {
    if (i > 0) out.append(", ");
    append_json_datum(out, a[i]);
  }
  out.push_back(']');
  return Value::text(std::move(out), T::Json);
}
Value empty_jsonb_object_fn(Args) { return Value::text("{}", T::Jsonb); }
Value empty_json_object_fn(Args) { return Value::text("{}", T::Json); }
Value empty_jsonb_array_fn(Args) { return Value::text("[]", T::Jsonb); }
Value empty_json_array_fn(Args) { return Value::text("[]", T::Json); }

Value to_json_fn(Args a) {
  std::string out;
  append_json_datum(out, a[0]);
  return Value::text(std::move(out), T::Json);
}

void append_pretty(std::string& out, const JsonNode& node, int level) {
  auto indent = [&](int n) { out.append(static_cast<size_t>(4 * n), ' '); };
  if (node.kind == K::Array || node.kind == K::Object) {
    bool is_array = node.kind == K::Array;
    size_t count = is_array ? node.items.size() : node.members.size();
    out.push_back(is_array ? '[' : '{');
    if (count == 0) {  // jsonb_pretty still breaks the line of an empty container
      out.push_back('\n');
      indent(level);
      out.push_back(is_array ? ']' : '}');
      return;
    }
    for (size_t i = 0; i < count; ++i) {
      out.append(i > 0 ? ",\n" : "\n");
      indent(level + 1);
      if (is_array) {
        append_pretty(out, node.items[i], level + 1);
      } else {
        append_json_string(out, node.members[i].first);
        out.append(": ");
        append_pretty(out, node.members[i].second, level + 1);
      }
    }
    out.push_back('\n');
    indent(level);
    out.push_back(is_array ? ']' : '}');
    return;
  }
  out.append(jsonb_text(node));
}

Value jsonb_pretty_fn(Args a) {
  std::string out;
  append_pretty(out, parse_json_tree(a[0].as_text()), 0);
  return Value::text(std::move(out));
}

Value jsonb_strip_nulls_fn(Args a);

void strip_nulls(JsonNode& node) {
  for (JsonNode& item : node.items) strip_nulls(item);
  std::erase_if(node.members, [](const auto& m) { return m.second.kind == K::Null; });
  for (auto& member : node.members) strip_nulls(member.second);
}

Value jsonb_strip_nulls_fn(Args a) {
  JsonNode node = parse_json_tree(a[0].as_text());
  strip_nulls(node);
  return jsonb_value(node);
}

std::string iso_datetime(const Value& v) {
  std::string text = format_value(v);
  if (v.type() == T::Timestamp || v.type() == T::TimestampTz) {
    size_t space = text.find(' ');
    if (space != std::string::npos && text.size() > 10 && std::isdigit(static_cast<unsigned char>(text[0])))
      text[space] = 'T';
    if (v.type() == T::TimestampTz) {
      size_t sign = text.find_last_of("+-");
      if (sign != std::string::npos && sign > 10 && text.size() - sign == 3) text += ":00";
    }
  }
  return text;
}

}  // namespace

std::string json_key_text(const Value& key) {
  if (is_array_type(key.type()) || key.type() == T::Json || key.type() == T::Jsonb) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   "key value must be scalar, not array, composite, or json");
  }
  if (key.type() == T::Bool) return key.as_bool() ? "true" : "false";
  return format_value(key);
}

void append_json_datum(std::string& out, const Value& v) {
  if (v.is_null()) {
    out.append("null");
  } else if (v.type() == T::Json || v.type() == T::Jsonb) {
    out.append(v.as_text());
  } else {
    append_json(out, json_node_of(v), false);
  }
}

JsonNode parse_json_of(const Value& v) { return parse_json_tree(v.as_text(), v.type() == T::Jsonb); }

Value json_member_value(const Value& container, const JsonNode& node) {
  if (container.type() == T::Json) {
    return Value::text(container.as_text().substr(node.source_begin, node.source_end - node.source_begin),
                       T::Json);
  }
  return jsonb_value(node);
}

Value json_member_text(const Value& container, const JsonNode& node) {
  if (node.kind == K::Null) return Value::null(T::Text);
  if (node.kind == K::String) return Value::text(node.scalar);
  return Value::text(json_member_value(container, node).as_text());
}

JsonNode json_node_of(const Value& v) {
  JsonNode node;
  if (v.is_null()) return node;
  switch (v.type()) {
    case T::Json:
    case T::Jsonb: return parse_json_of(v);
    case T::Bool:
      node.kind = K::Bool;
      node.boolean = v.as_bool();
      return node;
    case T::Int2:
    case T::Int4:
    case T::Int8:
    case T::Oid:
    case T::Numeric:
      node.kind = K::Number;
      node.scalar = format_value(v);
      if (v.type() == T::Numeric && !std::isdigit(static_cast<unsigned char>(node.scalar.back()))) {
        node.kind = K::String;  // NaN and the infinities are strings in JSON
      }
      return node;
    case T::Float4:
    case T::Float8:
      node.scalar = format_value(v);
      node.kind = std::isfinite(v.as_float()) ? K::Number : K::String;
      return node;
    case T::Date:
    case T::Timestamp:
    case T::TimestampTz:
      node.kind = K::String;
      node.scalar = iso_datetime(v);
      return node;
    default: break;
  }
  if (is_array_type(v.type())) {
    node.kind = K::Array;
    for (const Value& element : decode_array(v).elements) node.items.push_back(json_node_of(element));
    return node;
  }
  node.kind = K::String;
  node.scalar = format_value(v);
  return node;
}

Value jsonb_to_scalar(const Value& jsonb, TypeId target) {
  JsonNode node = parse_json_tree(jsonb.as_text());
  bool wanted_bool = target == T::Bool;
  K expected = wanted_bool ? K::Bool : K::Number;
  if (node.kind != expected) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   fmt::format("cannot cast jsonb {} to type {}", kind_name(node.kind),
                               format_type(DataType{target})));
  }
  if (wanted_bool) return Value::boolean(node.boolean);
  return cast_value(Value::numeric(Numeric::parse(node.scalar)), DataType{target}, CastContext::Explicit);
}

void add_json_operators(std::vector<OperatorEntry>& ops) {
  for (TypeId json : {T::Json, T::Jsonb}) {
    ops.push_back({"->", json, T::Text, json, field_op<false>});
    ops.push_back({"->", json, T::Int4, json, field_op<false>});
    ops.push_back({"->>", json, T::Text, T::Text, field_op<true>});
    ops.push_back({"->>", json, T::Int4, T::Text, field_op<true>});
    ops.push_back({"#>", json, T::TextArray, json, path_op<false>});
    ops.push_back({"#>>", json, T::TextArray, T::Text, path_op<true>});
  }
  ops.push_back({"@>", T::Jsonb, T::Jsonb, T::Bool, contains_op});
  ops.push_back({"<@", T::Jsonb, T::Jsonb, T::Bool, contained_op});
  ops.push_back({"?", T::Jsonb, T::Text, T::Bool, exists_op});
  ops.push_back({"?|", T::Jsonb, T::TextArray, T::Bool, exists_many_op<false>});
  ops.push_back({"?&", T::Jsonb, T::TextArray, T::Bool, exists_many_op<true>});
  ops.push_back({"||", T::Jsonb, T::Jsonb, T::Jsonb, concat_op});
  ops.push_back({"-", T::Jsonb, T::Text, T::Jsonb, delete_key_op});
  ops.push_back({"-", T::Jsonb, T::Int4, T::Jsonb, delete_index_op});
  add_comparison_operators<compare_jsonb>(ops, T::Jsonb);
}

void add_json_functions(std::vector<FunctionEntry>& f) {
  constexpr TypeId kAny = static_cast<TypeId>(2276);  // "any"
  f.push_back({"jsonb_typeof", {T::Jsonb}, T::Text, typeof_fn});
  f.push_back({"json_typeof", {T::Json}, T::Text, typeof_fn});
  f.push_back({"jsonb_array_length", {T::Jsonb}, T::Int4, array_length_fn});
  f.push_back({"json_array_length", {T::Json}, T::Int4, array_length_fn});
  f.push_back({"to_jsonb", {kAny}, T::Jsonb, to_jsonb_fn});
  f.push_back({"to_json", {kAny}, T::Json, to_json_fn});
  f.push_back({"jsonb_build_object", {}, T::Jsonb, jsonb_build_object_fn, false, true});
  f.push_back({"json_build_object", {}, T::Json, json_build_object_fn, false, true});
  f.push_back({"jsonb_build_object", {}, T::Jsonb, empty_jsonb_object_fn, false});
  f.push_back({"json_build_object", {}, T::Json, empty_json_object_fn, false});
  f.push_back({"jsonb_build_array", {}, T::Jsonb, jsonb_build_array_fn, false, true});
  f.push_back({"json_build_array", {}, T::Json, json_build_array_fn, false, true});
  f.push_back({"jsonb_build_array", {}, T::Jsonb, empty_jsonb_array_fn, false});
  f.push_back({"json_build_array", {}, T::Json, empty_json_array_fn, false});
  f.push_back({"jsonb_pretty", {T::Jsonb}, T::Text, jsonb_pretty_fn});
  f.push_back({"jsonb_strip_nulls", {T::Jsonb}, T::Jsonb, jsonb_strip_nulls_fn});
}

}  // namespace chalkdb
