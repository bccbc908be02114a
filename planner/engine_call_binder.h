// Binding of engine function calls (planner/engine_function.h) and of regclass values.
//
// bind_engine_call picks the overload of an engine function that fits the bound arguments
// (same count; each argument of the parameter's type, an untyped literal, or implicitly
// castable; the overload with most exact matches wins, the first declared on a tie), resolves
// regclass arguments and adds the implicit casts. bind_regclass turns a relation name literal
// into the relation's oid, as PostgreSQL's regclassin does when a constant is folded:
// unquoted names are folded to lower case, 'schema.name' is qualified, a missing relation is
// 42P01 at the literal's position.
// A regclass value is held as its oid; its type is regclass (sql/types/type_id.h), whose text
// form the executor prints (executor/reg_type_output.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "planner/binder.h"
#include "planner/bound_expr.h"
#include "planner/engine_function.h"

namespace chalkdb {

struct EngineCall {
  const EngineFunction* function = nullptr;
  std::vector<BoundExprPtr> args;  // coerced to the parameter types
};

// Nothing when no engine function has the name; 42883 when none of its overloads fits.
std::optional<EngineCall> bind_engine_call(Binder& binder, const std::string& name,
                                           const std::vector<BoundExprPtr>& args, int location);

// A regclass operand as an oid expression of type regclass: a string constant is looked up now, an integer or
// oid expression is cast to oid. 42846 `cannot cast type X to regclass` otherwise.
BoundExprPtr bind_regclass(Binder& binder, const BoundExprPtr& operand);

// A relation name written as text ('t', 'public.t', '"Mixed"') as regclassin splits it.
ast::QualifiedName parse_relation_name(const std::string& text, int location);

}  // namespace chalkdb
