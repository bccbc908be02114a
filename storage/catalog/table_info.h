// TableInfo and friends: a relation's definition as the layers above see it, assembled from
// pg_class, pg_namespace, pg_attribute and pg_attrdef rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sql/types/type_id.h"
#include "storage/common/ids.h"

namespace chalkdb {

// pg_class.relkind values.
inline constexpr char kRelkindTable = 'r';
inline constexpr char kRelkindSequence = 'S';
inline constexpr char kRelkindIndex = 'i';
inline constexpr char kRelkindView = 'v';

struct ColumnInfo {
  std::string name;
  DataType type;
  int16_t attnum = 0;  // 1-based; assigned by create_relation when 0
  bool not_null = false;
  std::optional<std::string> default_expr;  // SQL text, e.g. nextval('t_id_seq'::regclass)
};

struct TableInfo {
  Oid oid = kInvalidOid;
  Oid relfilenode = kInvalidOid;
  Oid namespace_oid = kInvalidOid;
  std::string schema;
  std::string name;
  char relkind = kRelkindTable;
  std::vector<ColumnInfo> columns;

  std::vector<DataType> column_types() const;
};

struct TableDefinition {
  std::string schema = "public";
  std::string name;
  char relkind = kRelkindTable;
  std::vector<ColumnInfo> columns;
};

}  // namespace chalkdb
