// EngineFunction: SQL functions that need the running engine's state — the buffer pool, the
// relation files, the catalog under the statement's snapshot — which the functions of
// sql/types (pure functions of their arguments, below storage) cannot see. pageinspect's
// get_raw_page and heap_page_items, pg_relation_size, pg_buffercache are such functions.
//
// The planner keeps the registry and binds calls to it; the implementations live in the
// executor (executor/functions/) and receive the statement's ExecContext when they run, which
// the planner only passes along (it is an opaque type here, so no layer is crossed).
//
// Two shapes, like PostgreSQL's pg_proc entries:
//   * scalar: `scalar(context, args)` returns one Value of type `result`; usable anywhere an
//     expression is, and in FROM (one row, one column named after the function or alias);
//   * set-returning: `rows(context, args, out)` appends rows whose columns are `columns`
//     (PostgreSQL's OUT parameters); usable in FROM with its named output columns, as in
//     `SELECT lp, t_ctid FROM heap_page_items(get_raw_page('t', 0))`. An entry with
//     `as_relation` set is read as a relation instead of called, as PostgreSQL's views over
//     such functions (`SELECT * FROM pg_buffercache`).
// Arguments are bound by overload (same count, implicit casts, most exact match wins). A
// `regclass` parameter takes a relation name literal ('t', 'public.t' or 't'::regclass,
// resolved when the statement is bound: 42P01 if missing) or an oid expression.
// Engine functions are volatile: never constant-folded, computed once per call.
//
// Adding a function:
//   1. write `Value my_fn(ExecContext&, std::span<const Value> args)` (or a rows function) in a
//      file under executor/functions/ named after the area (pageinspect, relation_size, ...);
//   2. add an EngineFunction entry with PostgreSQL's name, parameter names and types, result
//      type or output columns in that file's register_*_functions();
//   3. call that register function from register_engine_functions()
//      (executor/functions/engine_functions.cpp) if it is a new file;
//   4. test it through SQL (tests/executor or tests/integration) against PostgreSQL's output.
#pragma once

#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sql/types/type_id.h"
#include "sql/value/value.h"

namespace chalkdb {

struct ExecContext;  // executor/exec_context.h

struct EngineParam {
  std::string name;
  DataType type;
  bool regclass = false;  // a relation: passed to the function as its oid (type oid)
};

struct EngineColumn {
  std::string name;
  DataType type;
};

using EngineRows = std::vector<std::vector<Value>>;
using EngineScalarFn = Value (*)(ExecContext& context, std::span<const Value> args);
using EngineRowsFn = void (*)(ExecContext& context, std::span<const Value> args,
                              EngineRows& out);

struct EngineFunction {
  std::string name;
  std::vector<EngineParam> params;
  DataType result;                   // scalar functions
  std::vector<EngineColumn> columns; // set-returning functions
  EngineScalarFn scalar = nullptr;
  EngineRowsFn rows = nullptr;
  bool strict = true;         // a NULL argument gives NULL (no rows) without a call
  bool as_relation = false;   // a relation named `name` (no arguments), not a function
  double estimated_rows = 1000;  // pg_proc.prorows for the cost model

  bool set_returning() const { return rows != nullptr; }

  static EngineFunction scalar_function(std::string name, std::vector<EngineParam> params,
                                        DataType result, EngineScalarFn fn);
  static EngineFunction set_function(std::string name, std::vector<EngineParam> params,
                                     std::vector<EngineColumn> columns, EngineRowsFn fn);
};

class EngineFunctionRegistry {
 public:
  // The process-wide registry; the executor fills it before the first statement runs.
  static EngineFunctionRegistry& global();

  // Entries are never removed, so pointers to them stay valid for the process's life.
  void add(EngineFunction function);
  std::vector<const EngineFunction*> overloads(std::string_view name) const;
  // The set-returning function readable as the relation `name`, or null.
  const EngineFunction* relation(std::string_view name) const;

 private:
  std::deque<EngineFunction> functions_;
};

}  // namespace chalkdb
