#include "executor/reg_type_output.h"

#include <algorithm>

#include "executor/functions/relation_arguments.h"
#include "sql/types/more_string_functions.h"
#include "sql/types/object_reference_types.h"
#include "sql/types/type_registry.h"
#include "storage/catalog/search_path.h"

namespace chalkdb {

std::string regclass_text(ExecContext& context, Oid oid) {
  auto relation = relation_with_oid(context, oid);
  if (!relation) return std::to_string(oid);
  return SearchPath(context.catalog, context.snapshot).display_name(*relation);
}

std::string regtype_text(Oid oid) {
  const auto& types = all_types();
  bool known = std::any_of(types.begin(), types.end(),
                           [&](const TypeInfo& info) { return static_cast<Oid>(info.id) == oid; });
  return known ? format_type(DataType{static_cast<TypeId>(oid), -1}) : std::to_string(oid);
}

std::string regnamespace_text(ExecContext& context, Oid oid) {
  auto schema = context.catalog.namespace_by_oid(oid, context.snapshot);
  return schema ? quote_identifier(schema->name) : std::to_string(oid);
}

std::string object_reference_text(ExecContext& context, TypeId type, Oid oid) {
  if (type == kRegclassType) return regclass_text(context, oid);
  return type == kRegtypeType ? regtype_text(oid) : regnamespace_text(context, oid);
}

RegTypeOutput::RegTypeOutput(ExecContext& context, const std::vector<TargetEntry>& columns)
    : context_(context) {
  for (size_t i = 0; i < columns.size(); ++i) {
    TypeId type = columns[i].expr->type.id;
    if (is_object_reference_type(type))
      columns_.emplace_back(i, type);
  }
}

std::span<const Value> RegTypeOutput::apply(std::span<const Value> row) {
  if (columns_.empty()) return row;
  scratch_.assign(row.begin(), row.end());
  for (const auto& [index, type] : columns_) {
    const Value& value = scratch_[index];
    if (value.is_null()) continue;
    scratch_[index] = Value::text(object_reference_text(context_, type, static_cast<Oid>(value.as_int())));
  }
  return scratch_;
}

}  // namespace chalkdb
