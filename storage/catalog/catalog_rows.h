// CatalogRows: conversions between catalog facts and the rows of the system tables, so the
// column order of each table (system_tables.h) is spelled out in one place only.
#pragma once

#include <string_view>
#include <vector>

#include "sql/value/value.h"
#include "storage/catalog/builtin_types.h"
#include "storage/catalog/sequence_store.h"
#include "storage/catalog/table_info.h"
#include "storage/common/ids.h"

namespace chalkdb::catalog_rows {

std::vector<Value> namespace_row(Oid oid, std::string_view name, Oid owner);
// pg_am: the heap table access method (2) and the B-tree index one (403), PostgreSQL's OIDs.
std::vector<std::vector<Value>> access_method_rows();
// pg_collation: default (100), C (950) and POSIX (951), PostgreSQL's OIDs.
std::vector<std::vector<Value>> collation_rows();
// relhastriggers is set for a table with FOREIGN KEY constraints or `referenced` by one, as
// PostgreSQL's foreign-key triggers set it (psql shows foreign keys only for such tables).
std::vector<Value> class_row(const TableInfo& table, bool referenced = false);
std::vector<Value> attribute_row(Oid relation, const ColumnInfo& column);
std::vector<Value> attrdef_row(Oid oid, Oid relation, int16_t attnum, std::string_view expr);
std::vector<Value> type_row(const BuiltinType& type);
std::vector<Value> sequence_row(Oid sequence, const SequenceOptions& options);
// pg_index row of an index; `table` supplies the column types (indclass, indcollation).
std::vector<Value> index_row(const IndexInfo& index, const TableInfo& table);
std::vector<Value> constraint_row(const ConstraintInfo& constraint);
// A view's _RETURN rule (pg_rewrite) and one pg_depend row of it on a relation or column.
std::vector<Value> rewrite_row(Oid rule, Oid view, std::string_view query);
std::vector<Value> rule_depend_row(Oid rule, Oid relation, int16_t attnum);
// The pg_depend row of a sequence owned by a table column: deptype 'a' (serial) or 'i' (identity).
std::vector<Value> sequence_owner_depend_row(Oid sequence, Oid table, int16_t attnum, char deptype);

// A TableInfo from a pg_class row; schema name and columns are filled in by the caller.
TableInfo table_from_class_row(const std::vector<Value>& row);
ColumnInfo column_from_attribute_row(const std::vector<Value>& row);
SequenceOptions sequence_options_from_row(const std::vector<Value>& row);
// An IndexInfo from a pg_index row; name, relfilenode and statistics come from pg_class.
IndexInfo index_from_row(const std::vector<Value>& row);
ConstraintInfo constraint_from_row(const std::vector<Value>& row);

}  // namespace chalkdb::catalog_rows
