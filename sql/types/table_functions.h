// Set-returning functions usable in FROM (besides generate_series, which the executor
// produces lazily): unnest(anyarray), json(b)_array_elements(_text), json(b)_each(_text),
// json(b)_object_keys, regexp_matches, regexp_split_to_table and string_to_table. Each yields
// its whole result at once (as PostgreSQL's materialize mode does) with named output columns.
// Resolution follows the function rules (overload_resolution.h) and its 42883 error.
// Errors as PostgreSQL's: 22023 "cannot extract elements from an object", "cannot call
// jsonb_each on a non-object", ...
// These functions are not available in a SELECT list (0A000 from the binder).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sql/types/type_id.h"
#include "sql/value/value.h"

namespace chalkdb {

struct TableFunction {
  std::string name;
  std::vector<TypeId> args;
  std::vector<std::string> column_names;
  std::vector<TypeId> column_types;
  std::vector<std::vector<Value>> (*rows)(std::span<const Value> args);
  double estimated_rows = 100;  // pg_proc.prorows
};

bool is_table_function(std::string_view name);
// The overload for these argument types and the types to cast the arguments to.
struct ResolvedTableFunction {
  const TableFunction* function;
  std::vector<DataType> args;
};
ResolvedTableFunction resolve_table_function(std::string_view name, const std::vector<DataType>& args);

}  // namespace chalkdb
