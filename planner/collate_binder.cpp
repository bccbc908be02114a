// x COLLATE name. ChalkDB compares strings bytewise, which is PostgreSQL's "C" collation (also
// its "default" one in a C-locale database, as the lessons' clusters are initialised), so
// the clause checks the collation and type and leaves the expression as it is. psql's
// catalog queries use it: `relname OPERATOR(pg_catalog.~) '^(t)$' COLLATE pg_catalog.default`.
#include <fmt/format.h>

#include "planner/expression_binder.h"
#include "sql/error/sql_error.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

bool known_collation(const std::vector<std::string>& name) {
  if (name.size() == 2 && name[0] != "pg_catalog") return false;
  const std::string& collation = name.back();
  return collation == "default" || collation == "C" || collation == "POSIX" || collation == "ucs_basic";
}

}  // namespace

BoundExprPtr ExpressionBinder::bind_collate(const ast::Collate& collate) {
  BoundExprPtr operand = bind(*collate.operand);
  if (operand->type.id == TypeId::Unknown) operand = coerce(operand, DataType{TypeId::Text}, CastContext::Implicit);
  if (!known_collation(collate.collation)) {
    std::string name = collate.collation.size() == 2 ? collate.collation[0] + "." + collate.collation[1]
                                                     : collate.collation.back();
    throw SqlError(sqlstate::kUndefinedObject,
                   fmt::format("collation \"{}\" for encoding \"UTF8\" does not exist", name))
        .with_position(collate.location + 1);
  }
  if (type_info(operand->type.id).category != type_category::kString) {
    throw SqlError(sqlstate::kDatatypeMismatch,
                   fmt::format("collations are not supported by type {}", format_type(operand->type)))
        .with_position(collate.location + 1);
  }
  return operand;
}

}  // namespace chalkdb
