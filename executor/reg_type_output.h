// RegTypeOutput: the text form of the object identifier types regclass, regtype and
// regnamespace (sql/types/object_reference_types.h), which PostgreSQL's regclassout / regtypeout /
// regnamespaceout compute from the catalog: the relation's name, schema-qualified only when
// it is not visible along the search path; the type as format_type prints it; the schema's
// name; quoted where needed. An OID naming no object prints as the number.
//
// Values of these types are held as oids, and the text needs the catalog, so the executor
// replaces them by their names in the rows it sends (statement_runner, portal), and the
// casts to text call the same functions (executor/functions/reg_type_functions.cpp).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "executor/exec_context.h"
#include "planner/query.h"
#include "sql/value/value.h"

namespace chalkdb {

std::string regclass_text(ExecContext& context, Oid oid);
std::string regtype_text(Oid oid);
std::string regnamespace_text(ExecContext& context, Oid oid);
// The text of a value of `type` (one of the three types).
std::string object_reference_text(ExecContext& context, TypeId type, Oid oid);

class RegTypeOutput {
 public:
  RegTypeOutput(ExecContext& context, const std::vector<TargetEntry>& columns);

  // The row as it is sent: `row` itself when no column has such a type, else a copy whose
  // values of these types are their names.
  std::span<const Value> apply(std::span<const Value> row);

 private:
  ExecContext& context_;
  std::vector<std::pair<size_t, TypeId>> columns_;
  std::vector<Value> scratch_;
};

}  // namespace chalkdb
