// One row of the built-in operator and function catalogs (pg_operator / pg_proc), as the
// families of functions (string, array, json, regex, ...) contribute them to operators.cpp and
// functions.cpp. Polymorphic PostgreSQL entries (anyarray, anyelement) are listed once per
// concrete array type, so resolution needs no polymorphic type unification.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "sql/types/type_id.h"
#include "sql/value/value.h"

namespace chalkdb {

struct OperatorEntry {
  std::string name;
  TypeId left, right, result;
  Value (*fn)(const Value&, const Value&);
};

struct FunctionEntry {
  std::string name;
  std::vector<TypeId> args;
  TypeId result;
  Value (*fn)(std::span<const Value>);
  bool strict = true;
  bool variadic_any = false;  // trailing VARIADIC "any": one or more further arguments
};

}  // namespace chalkdb
