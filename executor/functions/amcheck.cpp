// amcheck's B-tree functions with PostgreSQL 15's names, arguments and result (void):
// bt_index_check(index regclass [, heapallindexed boolean]) and
// bt_index_parent_check(index regclass [, heapallindexed boolean [, rootdescend boolean]]).
// Corruption is an ERROR with SQLSTATE XX002 (index_corrupted) in amcheck's words.
//
// The structural checks are BTree::verify(), which holds off the index's writers while it
// walks the tree, so both functions do the full parent/child verification (PostgreSQL's
// bt_index_check does only the checks that are safe beside concurrent writers).
// heapallindexed forms the leaf entry of every heap tuple visible to the statement's snapshot
// and looks it up among the index's leaf entries (an exact set, where PostgreSQL probes a
// Bloom filter of fingerprints). rootdescend finds every leaf entry again by a search from the
// root.
#include <fmt/format.h>

#include <unordered_set>

#include "executor/functions/engine_functions.h"
#include "executor/functions/relation_arguments.h"
#include "executor/index_columns.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

struct CheckOptions {
  bool parent_check = false;
  bool heapallindexed = false;
  bool rootdescend = false;
};

SqlError corruption(const BTreeProblem& problem) {
  SqlError error(sqlstate::kIndexCorrupted, problem.message);
  if (!problem.detail.empty()) error.with_detail(problem.detail);
  return error;
}

// Every heap tuple the statement's snapshot sees must have its entry in the index.
void check_heap_all_indexed(ExecContext& context, const TableInfo& table, const IndexInfo& index,
                            BTree& tree, bool parent_check) {
  std::unordered_set<std::string> entries;
  tree.for_each_leaf_item([&](TupleId, std::string_view item) { entries.emplace(item); });
  IndexColumns columns(index);
  std::vector<Value> key, include;
  std::string include_bytes, item;
  HeapTable::Scan scan = context.catalog.heap(table).scan(context.snapshot);
  std::vector<std::vector<Value>> rows;
  std::vector<TupleId> tids;
  while (scan.next_batch(rows, tids, 1024) > 0) {
    context.check_for_cancel();
    for (size_t i = 0; i < rows.size(); ++i) {
      columns.key(rows[i], key);
      columns.include(rows[i], include);
      include_bytes.clear();
      tree.include_codec().encode(include, include_bytes);
      item.clear();
      BTreePage::append_leaf_item(item, tree.codec().encode(key), tids[i], include_bytes);
      if (entries.count(item) != 0) continue;
      SqlError error(sqlstate::kIndexCorrupted,
                     fmt::format("heap tuple {} from table \"{}\" lacks matching index tuple "
                                 "within index \"{}\"",
                                 tids[i].to_string(), table.name, index.name));
      if (!parent_check) {
        error.with_hint("Retrying verification using the function bt_index_parent_check() "
                        "might provide a more specific error.");
      }
      throw error;
    }
  }
}

void check_index(ExecContext& context, std::span<const Value> args, CheckOptions options) {
  auto oid = static_cast<Oid>(args[0].as_int());
  auto relation = relation_with_oid(context, oid);
  if (!relation) {
    throw SqlError(sqlstate::kInternalError, fmt::format("could not open relation with OID {}", oid));
  }
  if (relation->relkind != kRelkindIndex || !relation->index) {
    throw SqlError(sqlstate::kWrongObjectType, fmt::format("\"{}\" is not an index", relation->name));
  }
  const IndexInfo& index = *relation->index;
  auto table = relation_with_oid(context, index.table_oid);
  if (!table) throw SqlError(sqlstate::kInternalError, "index without its table");
  BTree& tree = context.catalog.index_tree(*table, index);
  std::vector<BTreeProblem> problems = tree.verify(options.rootdescend);
  if (!problems.empty()) throw corruption(problems.front());
  if (options.heapallindexed) check_heap_all_indexed(context, *table, index, tree, options.parent_check);
}

bool flag(std::span<const Value> args, size_t i) { return args.size() > i && args[i].as_bool(); }

Value bt_index_check(ExecContext& context, std::span<const Value> args) {
  check_index(context, args, {false, flag(args, 1), false});
  return Value::text("", TypeId::Void);
}

Value bt_index_parent_check(ExecContext& context, std::span<const Value> args) {
  check_index(context, args, {true, flag(args, 1), flag(args, 2)});
  return Value::text("", TypeId::Void);
}

}  // namespace

void register_amcheck_functions(EngineFunctionRegistry& registry) {
  const DataType void_type{TypeId::Void}, boolean{TypeId::Bool};
  const EngineParam index{"index", DataType{TypeId::Oid}, true};
  const EngineParam heapallindexed{"heapallindexed", boolean};
  const EngineParam rootdescend{"rootdescend", boolean};
  registry.add(EngineFunction::scalar_function("bt_index_check", {index}, void_type, bt_index_check));
  registry.add(EngineFunction::scalar_function("bt_index_check", {index, heapallindexed}, void_type,
                                               bt_index_check));
  registry.add(EngineFunction::scalar_function("bt_index_parent_check", {index}, void_type,
                                               bt_index_parent_check));
  registry.add(EngineFunction::scalar_function("bt_index_parent_check", {index, heapallindexed},
                                               void_type, bt_index_parent_check));
  registry.add(EngineFunction::scalar_function("bt_index_parent_check",
                                               {index, heapallindexed, rootdescend}, void_type,
                                               bt_index_parent_check));
}

}  // namespace chalkdb
