// Owned sequences: the sequence a serial or identity column draws its values from. The link
// is the name PostgreSQL gives such a sequence when it creates it, <table>_<column>_seq, in the
// table's schema (unlike PostgreSQL, renaming the table or column loses the link); the
// catalog records it in pg_depend (deptype 'a' / 'i') from that name, for psql's "Owned by". An identity column has no pg_attrdef default (atthasdef is false,
// as in PostgreSQL); its DEFAULT is nextval of that sequence.
#pragma once

#include <optional>
#include <string>

#include "storage/catalog/table_info.h"

namespace chalkdb {

std::string owned_sequence_name(const std::string& table, const std::string& column);
// nextval('<sequence>'::regclass), as a serial column's default reads: the sequence is named
// as PostgreSQL's regclass output shows it, qualified unless its schema is public or
// temporary (first on the path).
std::string nextval_sql(const std::string& schema, const std::string& sequence);
// What DEFAULT means for the column: its default expression, nextval of an identity
// column's sequence, or nothing (NULL).
std::optional<std::string> column_default_sql(const TableInfo& table, const ColumnInfo& column);

}  // namespace chalkdb
