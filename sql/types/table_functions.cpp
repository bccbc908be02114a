#include "sql/types/table_functions.h"

#include <fmt/format.h>

#include <map>

#include "sql/types/object_reference_types.h"
#include "sql/error/sql_error.h"
#include "sql/types/array_type.h"
#include "sql/types/array_value.h"
#include "sql/types/json_functions.h"
#include "sql/types/overload_resolution.h"
#include "sql/types/regex_functions.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

using T = TypeId;
using K = JsonNode::Kind;
using Args = std::span<const Value>;
using Rows = std::vector<std::vector<Value>>;


Rows unnest_rows(Args a) {
  Rows rows;
  for (Value& element : decode_array(a[0]).elements) rows.push_back({std::move(element)});
  return rows;
}


JsonNode array_node(const Value& json, std::string_view function) {
  JsonNode node = parse_json_of(json);
  if (node.kind == K::Object) {
    throw SqlError(sqlstate::kInvalidParameterValue, "cannot extract elements from an object");
  }
  if (node.kind != K::Array) {
    throw SqlError(sqlstate::kInvalidParameterValue, "cannot extract elements from a scalar");
  }
  (void)function;
  return node;
}

JsonNode object_node(const Value& json, std::string_view function) {
  JsonNode node = parse_json_of(json);
  if (node.kind != K::Object) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   fmt::format("cannot call {} on a non-object", function));
  }
  return node;
}

template <bool AsText>
Rows array_elements_rows(Args a) {
  JsonNode node = array_node(a[0], "");
  Rows rows;
  for (const JsonNode& item : node.items)
    rows.push_back({AsText ? json_member_text(a[0], item) : json_member_value(a[0], item)});
  return rows;
}

template <bool AsText>
Rows each_rows(Args a) {
  const bool jsonb = a[0].type() == T::Jsonb;
  JsonNode node = object_node(a[0], AsText ? (jsonb ? "jsonb_each_text" : "json_each_text")
                                           : (jsonb ? "jsonb_each" : "json_each"));
  Rows rows;
  for (const auto& [key, value] : node.members) {
    rows.push_back({Value::text(key), AsText ? json_member_text(a[0], value) : json_member_value(a[0], value)});
  }
  return rows;
}

Rows object_keys_rows(Args a) {
  const bool jsonb = a[0].type() == T::Jsonb;
  JsonNode node = parse_json_of(a[0]);
  if (node.kind != K::Object) {
    std::string_view kind = node.kind == K::Array ? "an array" : "a scalar";
    throw SqlError(sqlstate::kInvalidParameterValue,
                   fmt::format("cannot call {} on {}", jsonb ? "jsonb_object_keys" : "json_object_keys", kind));
  }
  Rows rows;
  for (const auto& member : node.members) rows.push_back({Value::text(member.first)});
  return rows;
}

Rows string_to_table_rows(Args a) {
  Rows rows;
  std::string_view text = a[0].as_text();
  std::string_view delimiter = a[1].as_text();
  if (text.empty()) return rows;
  if (delimiter.empty()) return {{a[0]}};
  size_t start = 0;
  while (true) {
    size_t at = text.find(delimiter, start);
    rows.push_back({Value::text(std::string(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)))});
    if (at == std::string_view::npos) break;
    start = at + delimiter.size();
  }
  return rows;
}

Rows single_column(std::vector<Value> values) {
  Rows rows;
  for (Value& v : values) rows.push_back({std::move(v)});
  return rows;
}

Rows regexp_matches_rows(Args a) {
  return single_column(regexp_matches(a[0].as_text(), a[1].as_text(), a.size() > 2 ? a[2].as_text() : ""));
}

Rows regexp_split_rows(Args a) {
  return single_column(regexp_split(a[0].as_text(), a[1].as_text(), a.size() > 2 ? a[2].as_text() : ""));
}

// pg_partition_ancestors(regclass): the relation and its ancestors when it is a partition,
// nothing otherwise. ChalkDB has no partitioned tables, so no relation is a partition.
Rows no_partition_ancestors(Args) { return {}; }

std::vector<TableFunction> build_table_functions() {
  std::vector<TableFunction> f;
  for (TypeId array : all_array_types()) {
    f.push_back({"unnest", {array}, {"unnest"}, {*array_element_type(array)}, unnest_rows, 100});
  }
  for (TypeId json : {T::Json, T::Jsonb}) {
    std::string prefix = json == T::Jsonb ? "jsonb" : "json";
    f.push_back({prefix + "_array_elements", {json}, {"value"}, {json}, array_elements_rows<false>, 100});
    f.push_back({prefix + "_array_elements_text", {json}, {"value"}, {T::Text}, array_elements_rows<true>, 100});
    f.push_back({prefix + "_each", {json}, {"key", "value"}, {T::Text, json}, each_rows<false>, 100});
    f.push_back({prefix + "_each_text", {json}, {"key", "value"}, {T::Text, T::Text}, each_rows<true>, 100});
    f.push_back({prefix + "_object_keys", {json}, {prefix + "_object_keys"}, {T::Text}, object_keys_rows, 100});
  }
  f.push_back({"regexp_matches", {T::Text, T::Text}, {"regexp_matches"}, {T::TextArray}, regexp_matches_rows, 1});
  f.push_back({"regexp_matches", {T::Text, T::Text, T::Text}, {"regexp_matches"}, {T::TextArray}, regexp_matches_rows, 10});
  f.push_back({"regexp_split_to_table", {T::Text, T::Text}, {"regexp_split_to_table"}, {T::Text}, regexp_split_rows, 1000});
  f.push_back({"regexp_split_to_table", {T::Text, T::Text, T::Text}, {"regexp_split_to_table"}, {T::Text}, regexp_split_rows, 1000});
  f.push_back({"string_to_table", {T::Text, T::Text}, {"string_to_table"}, {T::Text}, string_to_table_rows, 1000});
  f.push_back({"pg_partition_ancestors", {kRegclassType}, {"relid"}, {kRegclassType}, no_partition_ancestors, 1000});
  return f;
}

const std::multimap<std::string, TableFunction, std::less<>>& catalog() {
  static const auto functions = [] {
    std::multimap<std::string, TableFunction, std::less<>> c;
    for (TableFunction& f : build_table_functions()) c.emplace(f.name, std::move(f));
    return c;
  }();
  return functions;
}

}  // namespace

bool is_table_function(std::string_view name) { return catalog().contains(name); }

ResolvedTableFunction resolve_table_function(std::string_view name, const std::vector<DataType>& args) {
  std::vector<const TableFunction*> entries;
  std::vector<std::vector<TypeId>> signatures;
  auto [first, last] = catalog().equal_range(name);
  for (auto it = first; it != last; ++it) {
    if (it->second.args.size() != args.size()) continue;
    entries.push_back(&it->second);
    signatures.push_back(it->second.args);
  }
  std::vector<TypeId> inputs;
  for (DataType t : args) inputs.push_back(t.id);
  OverloadChoice choice = select_overload(signatures, inputs, false);
  if (choice.outcome != OverloadChoice::Outcome::Found) {
    std::vector<std::string> types;
    for (DataType t : args) types.push_back(format_type(DataType{t.id}));
    if (choice.outcome == OverloadChoice::Outcome::Ambiguous) {
      throw SqlError(sqlstate::kAmbiguousFunction,
                     fmt::format("function {}({}) is not unique", name, fmt::join(types, ", ")))
          .with_hint("Could not choose a best candidate function. You might need to add explicit "
                     "type casts.");
    }
    throw SqlError(sqlstate::kUndefinedFunction,
                   fmt::format("function {}({}) does not exist", name, fmt::join(types, ", ")))
        .with_hint("No function matches the given name and argument types. You might need to "
                   "add explicit type casts.");
  }
  ResolvedTableFunction resolved{entries[choice.index], {}};
  for (size_t i = 0; i < args.size(); ++i)
    resolved.args.push_back(DataType{resolved_argument_type(signatures[choice.index][i], args[i].id)});
  return resolved;
}

}  // namespace chalkdb
