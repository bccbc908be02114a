#include "executor/functions/relation_arguments.h"

#include <fmt/format.h>

#include "planner/engine_call_binder.h"
#include "sql/error/sql_error.h"
#include "storage/catalog/search_path.h"

namespace chalkdb {

std::shared_ptr<const TableInfo> relation_named(ExecContext& context, std::string_view name) {
  ast::QualifiedName qualified = parse_relation_name(std::string(name), -1);
  auto table = SearchPath(context.catalog, context.snapshot).find_relation(qualified.schema, qualified.name);
  if (!table) {
    std::string shown =
        qualified.schema ? fmt::format("{}.{}", *qualified.schema, qualified.name) : qualified.name;
    throw SqlError(sqlstate::kUndefinedTable, fmt::format("relation \"{}\" does not exist", shown));
  }
  return table;
}

std::shared_ptr<const TableInfo> relation_with_oid(ExecContext& context, Oid oid) {
  return context.catalog.relation_by_oid(oid, context.snapshot);
}

BlockNumber block_number_argument(const Value& value) {
  int64_t block = value.as_int();
  if (block < 0 || block >= static_cast<int64_t>(kInvalidBlockNumber))
    throw SqlError(sqlstate::kInvalidParameterValue, "invalid block number");
  return static_cast<BlockNumber>(block);
}

void check_block_in_range(ExecContext& context, const TableInfo& relation, BlockNumber block) {
  if (block >= context.storage.buffer_pool().block_count(relation.relfilenode)) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   fmt::format("block number {} is out of range for relation \"{}\"", block,
                               relation.name));
  }
}

}  // namespace chalkdb
