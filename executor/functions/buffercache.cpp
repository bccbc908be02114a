// pg_buffercache: one row per buffer-pool frame (shared_buffers), PostgreSQL's columns.
// `SELECT * FROM pg_buffercache` reads it as a relation, as PostgreSQL's view over
// pg_buffercache_pages(). The frames are sampled under the pool's mutex, so the rows are a
// consistent picture (PostgreSQL locks each buffer header in turn).
// Differences: there is one tablespace (pg_default, 1663) and one database (postgres, 5);
// pinning_backends counts pins, and one session may hold several.
#include "executor/functions/engine_functions.h"
#include "executor/exec_context.h"

namespace chalkdb {

namespace {

constexpr Oid kDefaultTablespaceOid = 1663;  // pg_default
constexpr Oid kDatabaseOid = 5;              // postgres, as initdb numbers it

void buffercache_pages(ExecContext& context, std::span<const Value>, EngineRows& out) {
  for (const BufferDescription& frame : context.storage.buffer_pool().describe_frames()) {
    std::vector<Value> row = {Value::int4(static_cast<int32_t>(frame.frame + 1))};
    if (frame.valid) {
      row.insert(row.end(), {Value::oid(frame.relfilenode), Value::oid(kDefaultTablespaceOid),
                             Value::oid(kDatabaseOid), Value::int2(0), Value::int8(frame.block),
                             Value::boolean(frame.dirty), Value::int2(frame.usage_count),
                             Value::int4(static_cast<int32_t>(frame.pins))});
    } else {
      row.insert(row.end(), {Value::null(TypeId::Oid), Value::null(TypeId::Oid),
                             Value::null(TypeId::Oid), Value::null(TypeId::Int2),
                             Value::null(TypeId::Int8), Value::null(TypeId::Bool),
                             Value::null(TypeId::Int2), Value::null(TypeId::Int4)});
    }
    out.push_back(std::move(row));
  }
}

std::vector<EngineColumn> buffercache_columns() {
  return {{"bufferid", DataType{TypeId::Int4}},       {"relfilenode", DataType{TypeId::Oid}},
          {"reltablespace", DataType{TypeId::Oid}},   {"reldatabase", DataType{TypeId::Oid}},
          {"relforknumber", DataType{TypeId::Int2}},  {"relblocknumber", DataType{TypeId::Int8}},
          {"isdirty", DataType{TypeId::Bool}},        {"usagecount", DataType{TypeId::Int2}},
          {"pinning_backends", DataType{TypeId::Int4}}};
}

}  // namespace

void register_buffercache_functions(EngineFunctionRegistry& registry) {
  for (const char* name : {"pg_buffercache_pages", "pg_buffercache"}) {
    EngineFunction function =
        EngineFunction::set_function(name, {}, buffercache_columns(), buffercache_pages);
    function.as_relation = std::string_view(name) == "pg_buffercache";
    function.estimated_rows = 1000;
    registry.add(std::move(function));
  }
}

}  // namespace chalkdb
