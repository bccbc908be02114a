#include "sql/types/json_aggregation.h"

#include "sql/error/sql_error.h"
#include "sql/types/array_type.h"
#include "sql/types/json_functions.h"
#include "sql/types/json_value.h"

namespace chalkdb {

Value json_agg_result(const std::vector<Value>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.append(", ");
    // json_agg_transfn breaks the line before a non-first array (or composite) value.
    if (i > 0 && !items[i].is_null() && is_array_type(items[i].type())) out.append("\n ");
    append_json_datum(out, items[i]);
  }
  out.push_back(']');
  return Value::text(std::move(out), TypeId::Json);
}

Value jsonb_agg_result(const std::vector<Value>& items) {
  JsonNode array;
  array.kind = JsonNode::Kind::Array;
  for (const Value& item : items) array.items.push_back(json_node_of(item));
  normalise_jsonb(array);
  return jsonb_value(array);
}

void check_json_object_agg_key(const Value& key) {
  if (key.is_null()) throw SqlError(sqlstate::kInvalidParameterValue, "field name must not be null");
  json_key_text(key);  // a non-scalar key fails on the row that brings it
}

Value json_object_agg_result(const std::vector<std::pair<Value, Value>>& members) {
  std::string out = "{ ";
  for (size_t i = 0; i < members.size(); ++i) {
    if (i > 0) out.append(", ");
    append_json_string(out, json_key_text(members[i].first));
    out.append(" : ");
    append_json_datum(out, members[i].second);
  }
  out.append(" }");
  return Value::text(std::move(out), TypeId::Json);
}

Value jsonb_object_agg_result(const std::vector<std::pair<Value, Value>>& members) {
  JsonNode object;
  object.kind = JsonNode::Kind::Object;
  for (const auto& [key, value] : members) object.members.emplace_back(json_key_text(key), json_node_of(value));
  normalise_jsonb(object);
  return jsonb_value(object);
}

}  // namespace chalkdb
