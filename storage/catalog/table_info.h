// TableInfo and friends: a relation's definition as the layers above see it, assembled from
// pg_class, pg_namespace, pg_attribute, pg_attrdef, pg_index and pg_constraint rows.
// A table's indexes and constraints are part of its pg_class row version: creating or
// dropping one writes a new version of the table's pg_class row (as PostgreSQL updates
// relhasindex and the statistics there), so a snapshot sees a table together with exactly
// the indexes and constraints that existed for it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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
  // pg_attribute.attidentity: 'a' GENERATED ALWAYS, 'd' BY DEFAULT AS IDENTITY, '\0' none.
  // An identity column's values come from its sequence, named <table>_<column>_seq.
  char identity = '\0';
};

// One key column of an index: a table column (pg_index.indkey) and its ordering
// (pg_index.indoption: DESC = 1, NULLS FIRST = 2). Expression keys are not supported.
struct IndexKeyInfo {
  int16_t attnum = 0;  // the table column's attnum
  bool descending = false;
  bool nulls_first = false;  // PostgreSQL's default: NULLS LAST for ASC, FIRST for DESC
};

// A B-tree index of a table (pg_index with its pg_class row).
struct IndexInfo {
  Oid oid = kInvalidOid;
  Oid relfilenode = kInvalidOid;
  Oid table_oid = kInvalidOid;
  std::string name;
  std::vector<IndexKeyInfo> keys;
  std::vector<int16_t> include;  // INCLUDE columns (attnums), stored but not ordered by
  bool unique = false;
  bool primary = false;
  bool valid = true;
  int32_t pages = 0;      // pg_class.relpages as of the last CREATE INDEX / REINDEX
  float tuples = -1;      // pg_class.reltuples, -1 = unknown

  // indkey: key columns followed by include columns.
  std::vector<int16_t> all_attnums() const;
};

// pg_constraint.contype values.
inline constexpr char kConstraintPrimaryKey = 'p';
inline constexpr char kConstraintUnique = 'u';
inline constexpr char kConstraintCheck = 'c';
inline constexpr char kConstraintForeignKey = 'f';

// One table constraint (pg_constraint). Field names follow PostgreSQL's columns.
struct ConstraintInfo {
  Oid oid = kInvalidOid;
  std::string name;          // conname
  Oid namespace_oid = kInvalidOid;
  char type = kConstraintCheck;  // contype
  bool deferrable = false;
  bool deferred = false;
  bool validated = true;
  Oid table_oid = kInvalidOid;   // conrelid
  Oid index_oid = kInvalidOid;   // conindid: the unique index of p/u (and the one an f uses)
  Oid parent_oid = kInvalidOid;  // conparentid
  Oid referenced_table = kInvalidOid;  // confrelid
  char update_action = ' ';  // confupdtype: a/r/c/n/d for FOREIGN KEY, ' ' otherwise
  char delete_action = ' ';  // confdeltype
  char match_type = ' ';     // confmatchtype: f/p/s for FOREIGN KEY, ' ' otherwise
  bool no_inherit = false;   // connoinherit
  std::vector<int16_t> columns;             // conkey
  std::vector<int16_t> referenced_columns;  // confkey (FOREIGN KEY)
  std::optional<std::string> check_expr;    // conbin, as SQL text (CHECK)
};

struct TableInfo {
  Oid oid = kInvalidOid;
  Oid relfilenode = kInvalidOid;
  Oid namespace_oid = kInvalidOid;
  std::string schema;
  std::string name;
  char relkind = kRelkindTable;
  std::vector<ColumnInfo> columns;
  // Statistics kept in pg_class (relpages, reltuples): set by CREATE INDEX, as PostgreSQL's
  // index build does; reltuples -1 = never counted.
  int32_t pages = 0;
  float tuples = -1;
  // A table's indexes (by OID) and constraints (by name), as of this version.
  std::vector<IndexInfo> indexes;
  std::vector<ConstraintInfo> constraints;
  // An index relation (relkind 'i'): its definition; `columns` are its key and include columns.
  std::optional<IndexInfo> index;

  std::vector<DataType> column_types() const;
  const ColumnInfo* column_by_attnum(int16_t attnum) const;
  const IndexInfo* find_index(Oid index_oid) const;
  const ConstraintInfo* find_constraint(std::string_view constraint_name) const;
  const ConstraintInfo* constraint_of_index(Oid index_oid) const;
};

struct TableDefinition {
  std::string schema = "public";
  std::string name;
  char relkind = kRelkindTable;
  std::vector<ColumnInfo> columns;
};

}  // namespace chalkdb
