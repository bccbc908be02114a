#include "storage/catalog/table_info.h"

namespace chalkdb {

std::vector<DataType> TableInfo::column_types() const {
  std::vector<DataType> types;
  types.reserve(columns.size());
  for (const ColumnInfo& column : columns) types.push_back(column.type);
  return types;
}

}  // namespace chalkdb
