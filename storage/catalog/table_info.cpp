#include "storage/catalog/table_info.h"

#include <algorithm>

namespace chalkdb {

std::vector<int16_t> IndexInfo::all_attnums() const {
  std::vector<int16_t> attnums;
  attnums.reserve(keys.size() + include.size());
  for (const IndexKeyInfo& key : keys) attnums.push_back(key.attnum);
  attnums.insert(attnums.end(), include.begin(), include.end());
  return attnums;
}

std::vector<DataType> TableInfo::column_types() const {
  std::vector<DataType> types;
  types.reserve(columns.size());
  for (const ColumnInfo& column : columns) types.push_back(column.type);
  return types;
}

const ColumnInfo* TableInfo::column_by_attnum(int16_t attnum) const {
  for (const ColumnInfo& column : columns) {
    if (column.attnum == attnum) return &column;
  }
  return nullptr;
}

const IndexInfo* TableInfo::find_index(Oid index_oid) const {
  for (const IndexInfo& info : indexes) {
    if (info.oid == index_oid) return &info;
  }
  return nullptr;
}

const ConstraintInfo* TableInfo::find_constraint(std::string_view constraint_name) const {
  for (const ConstraintInfo& constraint : constraints) {
    if (constraint.name == constraint_name) return &constraint;
  }
  return nullptr;
}

const ConstraintInfo* TableInfo::constraint_of_index(Oid index_oid) const {
  for (const ConstraintInfo& constraint : constraints) {
    if (constraint.index_oid == index_oid &&
        (constraint.type == kConstraintPrimaryKey || constraint.type == kConstraintUnique))
      return &constraint;
  }
  return nullptr;
}

bool ViewInfo::depends_on_relation(Oid relation) const {
  return std::any_of(depends_on.begin(), depends_on.end(),
                     [&](const auto& use) { return use.first == relation; });
}

bool ViewInfo::depends_on_column(Oid relation, int16_t attnum) const {
  return std::find(depends_on.begin(), depends_on.end(), std::make_pair(relation, attnum)) !=
         depends_on.end();
}

}  // namespace chalkdb
