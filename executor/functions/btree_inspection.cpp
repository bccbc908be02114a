// pageinspect's B-tree functions with PostgreSQL 15's names and output columns: bt_metap,
// bt_page_stats, bt_page_items (by index name and block, and over a raw page). The rows come
// from storage/index/btree_inspector.h, which reads the pages with the B-tree's own
// definitions (docs/formats/btree_page.md).
// Difference: the `tids` column (posting-list TIDs, tid[] in PostgreSQL) is text and always
// NULL, since there are no posting lists (nor arrays of tid).
#include <fmt/format.h>

#include "executor/functions/engine_functions.h"
#include "executor/functions/relation_arguments.h"
#include "sql/error/sql_error.h"
#include "storage/index/btree_inspector.h"

namespace chalkdb {

namespace {

DataType type(TypeId id) { return DataType{id}; }

// The B-tree of the index named by `name` (only read here).
BTree& index_tree(ExecContext& context, std::string_view name) {
  auto relation = relation_named(context, name);
  if (relation->relkind != kRelkindIndex || !relation->index)
    throw SqlError(sqlstate::kWrongObjectType,
                   fmt::format("\"{}\" is not a btree index", relation->name));
  const IndexInfo& index = *relation->index;
  auto table = relation_with_oid(context, index.table_oid);
  if (!table) throw SqlError(sqlstate::kInternalError, "index without its table");
  return context.catalog.index_tree(*table, index);
}

Value tid_value(TupleId tid) { return Value::tid(tid.block, tid.offset); }

void metap_row(const BtMetapRow& m, EngineRows& out) {
  out.push_back({Value::int4(m.magic), Value::int4(m.version), Value::int8(m.root),
                 Value::int8(m.level), Value::int8(m.fastroot), Value::int8(m.fastlevel),
                 Value::int8(m.last_cleanup_num_delpages), Value::float8(m.last_cleanup_num_tuples),
                 Value::boolean(m.allequalimage)});
}

void bt_metap(ExecContext& context, std::span<const Value> args, EngineRows& out) {
  metap_row(BTreeInspector::metap(index_tree(context, args[0].as_text())), out);
}

void bt_page_stats(ExecContext& context, std::span<const Value> args, EngineRows& out) {
  BTree& tree = index_tree(context, args[0].as_text());
  BtPageStatsRow s = BTreeInspector::page_stats(tree, context.storage.buffer_pool(), args[1].as_int());
  out.push_back({Value::int8(s.blkno), Value::text(std::string(1, s.type), TypeId::Char),
                 Value::int4(s.live_items), Value::int4(s.dead_items), Value::int4(s.avg_item_size),
                 Value::int4(s.page_size), Value::int4(s.free_size), Value::int8(s.btpo_prev),
                 Value::int8(s.btpo_next), Value::int8(s.btpo_level), Value::int4(s.btpo_flags)});
}

void item_rows(const std::vector<BtPageItemRow>& items, EngineRows& out) {
  for (const BtPageItemRow& item : items) {
    out.push_back({Value::int2(item.itemoffset), tid_value(item.ctid), Value::int2(item.itemlen),
                   Value::boolean(item.nulls), Value::boolean(item.vars), Value::text(item.data),
                   item.dead ? Value::boolean(*item.dead) : Value::null(TypeId::Bool),
                   item.htid ? tid_value(*item.htid) : Value::null(TypeId::Tid),
                   Value::null(TypeId::Text)});
  }
}

void bt_page_items(ExecContext& context, std::span<const Value> args, EngineRows& out) {
  BTree& tree = index_tree(context, args[0].as_text());
  item_rows(BTreeInspector::page_items(tree, context.storage.buffer_pool(), args[1].as_int()), out);
}

void bt_page_items_raw(ExecContext&, std::span<const Value> args, EngineRows& out) {
  const std::string& raw = args[0].as_text();
  if (raw.size() != disk::kPageSize) {
    throw SqlError(sqlstate::kInvalidParameterValue, "invalid page size")
        .with_detail(fmt::format("Expected {} bytes, got {}.", disk::kPageSize, raw.size()));
  }
  PageBytes page(reinterpret_cast<const std::byte*>(raw.data()), disk::kPageSize);
  item_rows(BTreeInspector::page_items(page, nullptr), out);
}

std::vector<EngineColumn> item_columns() {
  return {{"itemoffset", type(TypeId::Int2)}, {"ctid", type(TypeId::Tid)},
          {"itemlen", type(TypeId::Int2)},    {"nulls", type(TypeId::Bool)},
          {"vars", type(TypeId::Bool)},       {"data", type(TypeId::Text)},
          {"dead", type(TypeId::Bool)},       {"htid", type(TypeId::Tid)},
          {"tids", type(TypeId::Text)}};
}

}  // namespace

void register_btree_inspection_functions(EngineFunctionRegistry& registry) {
  const DataType text = type(TypeId::Text), int4 = type(TypeId::Int4), int8 = type(TypeId::Int8);
  EngineFunction metap = EngineFunction::set_function(
      "bt_metap", {{"relname", text}},
      {{"magic", int4}, {"version", int4}, {"root", int8}, {"level", int8}, {"fastroot", int8},
       {"fastlevel", int8}, {"last_cleanup_num_delpages", int8},
       {"last_cleanup_num_tuples", type(TypeId::Float8)}, {"allequalimage", type(TypeId::Bool)}},
      bt_metap);
  metap.estimated_rows = 1;
  registry.add(std::move(metap));
  EngineFunction stats = EngineFunction::set_function(
      "bt_page_stats", {{"relname", text}, {"blkno", int8}},
      {{"blkno", int8}, {"type", type(TypeId::Char)}, {"live_items", int4}, {"dead_items", int4},
       {"avg_item_size", int4}, {"page_size", int4}, {"free_size", int4}, {"btpo_prev", int8},
       {"btpo_next", int8}, {"btpo_level", int8}, {"btpo_flags", int4}},
      bt_page_stats);
  stats.estimated_rows = 1;
  registry.add(std::move(stats));
  registry.add(EngineFunction::set_function("bt_page_items", {{"relname", text}, {"blkno", int8}},
                                            item_columns(), bt_page_items));
  registry.add(EngineFunction::set_function("bt_page_items", {{"page", type(TypeId::Bytea)}},
                                            item_columns(), bt_page_items_raw));
}

}  // namespace chalkdb
