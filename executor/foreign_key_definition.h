// FOREIGN KEY definitions (CREATE TABLE ... REFERENCES, FOREIGN KEY (...) REFERENCES): resolves
// the referenced table and columns (its primary key when none are named), requires a
// PRIMARY KEY or UNIQUE constraint on exactly those columns (42830, as PostgreSQL), names the
// constraint `<table>_<columns>_fkey` unless named, and adds its pg_constraint row ('f').
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "executor/exec_context.h"
#include "sql/ast/ast.h"

namespace chalkdb {

struct ForeignKeyDefinition {
  std::optional<std::string> name;
  std::vector<std::string> columns;  // referencing columns
  const ast::ForeignKeyReference* reference = nullptr;
  int location = 0;
};

// A FOREIGN KEY of another table that references a given one.
struct IncomingForeignKey {
  std::shared_ptr<const TableInfo> table;  // the referencing table
  ConstraintInfo constraint;
};
// The foreign keys of tables other than `table_oid` that reference it.
std::vector<IncomingForeignKey> incoming_foreign_keys(Oid table_oid, ExecContext& context);

// Adds the foreign keys to the table (by OID; looked up as of the current command, so its
// own primary key counts for a self-reference).
void add_foreign_keys(Oid table_oid, const std::vector<ForeignKeyDefinition>& keys, ExecContext& context);

}  // namespace chalkdb
