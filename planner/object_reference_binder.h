// Casts to and from the object identifier types regclass, regtype and regnamespace
// (PostgreSQL's regclassin/regclassout and friends, sql/types/type_id.h).
//
// To one of them: a string constant is looked up now, as PostgreSQL folds such a constant
// ('orders'::regclass, 'integer'::regtype; 42P01 or 42704 when missing; a schema name as
// regnamespace is 0A000); a numeric string, an oid or an integer is relabelled. From one of them to a string type: the object's
// name, computed by the executor's regclassout / regtypeout / regnamespaceout functions
// (executor/functions/reg_type_functions.cpp), which see the catalog.
#pragma once

#include "planner/binder.h"
#include "planner/bound_expr.h"
#include "sql/types/cast.h"

namespace chalkdb {

bool is_string_type(TypeId type);  // text, varchar, name, bpchar

// An object identifier value's name as `target` (a string type): regclassout and friends.
BoundExprPtr object_reference_text(const BoundExprPtr& operand, DataType target, CastContext context);

// The cast of `operand` to `target` when either is an object identifier type; null otherwise.
BoundExprPtr bind_object_reference_cast(Binder& binder, const BoundExprPtr& operand, DataType target);

}  // namespace chalkdb
