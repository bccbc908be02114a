#include "executor/index_ddl.h"

#include <fmt/format.h>

#include <algorithm>

#include "executor/index_columns.h"
#include "executor/index_maintenance.h"
#include "executor/relation_lookup.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

constexpr size_t kMaxIdentifierLength = 63;  // NAMEDATALEN - 1

// PostgreSQL's makeObjectName: name1_name2_label, shortening the longer of name1 and name2
// until it fits NAMEDATALEN.
std::string make_object_name(std::string name1, std::string name2, const std::string& label) {
  size_t overhead = label.size() + 1 + (name2.empty() ? 0 : 1);
  while (name1.size() + name2.size() + overhead > kMaxIdentifierLength) {
    if (name1.size() > name2.size()) name1.pop_back();
    else name2.pop_back();
  }
  std::string name = name1;
  if (!name2.empty()) name += "_" + name2;
  return name + "_" + label;
}

// PostgreSQL's ChooseRelationName: the first of name, name1, name2, ... not in use.
std::string choose_relation_name(const TableInfo& table, const std::string& addition,
                                 const std::string& label, ExecContext& context) {
  TransactionId xid = context.write_xid();
  for (int pass = 0;; ++pass) {
    std::string suffix = pass == 0 ? label : label + std::to_string(pass);
    std::string name = make_object_name(table.name, addition, suffix);
    if (!context.catalog.relation_name_in_use(table.namespace_oid, name, xid)) return name;
  }
}

// ChooseIndexNameAddition: the key column names joined by '_'.
std::string name_addition(const std::vector<std::string>& columns) {
  std::string addition;
  for (const std::string& column : columns) {
    if (!addition.empty()) addition += "_";
    addition += column;
    if (addition.size() >= kMaxIdentifierLength) break;
  }
  return addition.substr(0, kMaxIdentifierLength);
}

const ColumnInfo* find_column(const TableInfo& table, const std::string& name) {
  for (const ColumnInfo& column : table.columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

std::shared_ptr<const TableInfo> table_for_index(const ast::QualifiedName& name, ExecContext& context) {
  auto table = find_named_relation(name, context);
  if (!table) {
    throw SqlError(sqlstate::kUndefinedTable, fmt::format("relation \"{}\" does not exist", name.name));
  }
  if (table->relkind != kRelkindTable) {
    const char* detail = table->relkind == kRelkindSequence ? "This operation is not supported for sequences."
                         : table->relkind == kRelkindIndex  ? "This operation is not supported for indexes."
                                                            : "This operation is not supported for views.";
    throw SqlError(sqlstate::kWrongObjectType,
                   fmt::format("cannot create index on relation \"{}\"", table->name))
        .with_detail(detail);
  }
  return table;
}

// The table as (xid, cid) sees it after the previous DDL step: each step of a statement runs
// in its own command id, as PostgreSQL's CommandCounterIncrement separates them.
std::shared_ptr<const TableInfo> next_step(Oid table_oid, ExecContext& context) {
  context.transaction.next_command();
  auto table = context.catalog.relation_by_oid(
      table_oid, Snapshot::latest(context.write_xid(), context.transaction.command_id()));
  if (!table) throw SqlError(sqlstate::kInternalError, fmt::format("could not open relation with OID {}", table_oid));
  return table;
}

struct HeapCount {
  std::vector<BTreeEntry> entries;
  std::vector<std::pair<IndexKey, TupleId>> live_keys;  // unique indexes: keys of live rows
  double live_rows = 0;
};

HeapCount scan_for_build(const TableInfo& table, const IndexInfo& index, BTree& tree,
                         ExecContext& context) {
  HeapTable& heap = context.catalog.heap(table);
  TransactionId xid = context.write_xid();
  HeapCount count;
  IndexColumns columns(index);
  std::vector<Value> key, include;
  heap.scan_live_versions(xid, [&](TupleId tid, const VersionStamp&, const std::vector<Value>& row) {
    columns.key(row, key);
    columns.include(row, include);
    IndexKey encoded = tree.codec().encode(key);
    std::string include_bytes;
    tree.include_codec().encode(include, include_bytes);
    bool live = heap.check_dirty(tid, xid).kind == DirtyCheck::Kind::Live;
    if (live) {
      ++count.live_rows;
      if (index.unique && !IndexKeyCodec::has_null(key)) count.live_keys.emplace_back(encoded, tid);
    }
    count.entries.push_back({std::move(encoded), tid, std::move(include_bytes)});
  });
  return count;
}

void check_no_duplicates(const TableInfo& table, const IndexInfo& index,
                         std::vector<std::pair<IndexKey, TupleId>>& keys, ExecContext& context) {
  std::sort(keys.begin(), keys.end());
  for (size_t i = 1; i < keys.size(); ++i) {
    if (keys[i].first != keys[i - 1].first) continue;
    auto row = context.catalog.heap(table).fetch(keys[i].second, Snapshot::latest(context.write_xid(), UINT32_MAX));
    std::string detail = row ? IndexMaintenance::key_description(table, index, *row) + " is duplicated." : "";
    throw SqlError(sqlstate::kUniqueViolation,
                   fmt::format("could not create unique index \"{}\"", index.name))
        .with_detail(detail)
        .with_table(table.schema, table.name)
        .with_constraint(index.name);
  }
}

// Fills the new (empty) index from the heap and records the sizes in pg_class.
void build_index(Oid table_oid, Oid index_oid, ExecContext& context) {
  std::shared_ptr<const TableInfo> table = next_step(table_oid, context);
  const IndexInfo* index = table->find_index(index_oid);
  if (!index) throw SqlError(sqlstate::kInternalError, "index build: index not found");
  BTree& tree = context.catalog.index_tree(*table, *index);
  HeapCount count = scan_for_build(*table, *index, tree, context);
  if (index->unique) check_no_duplicates(*table, *index, count.live_keys, context);
  size_t entries = count.entries.size();
  if (entries > 0) tree.bulk_build(std::move(count.entries));
  HeapTable& heap = context.catalog.heap(*table);
  // PostgreSQL keeps reltuples at -1 ("never counted") for an empty, never-vacuumed table.
  float tuples = count.live_rows == 0 && table->tuples < 0 ? -1.0f : static_cast<float>(count.live_rows);
  auto table_pages = static_cast<int32_t>(heap.page_count());
  auto index_pages = static_cast<int32_t>(tree.block_count());
  context.transaction.next_command();
  context.catalog.update_index_statistics(index_oid, table_pages, tuples, index_pages,
                                          static_cast<float>(count.live_rows),
                                          context.write_xid(), context.transaction.command_id());
}

void check_no_nulls(const TableInfo& table, const std::vector<int16_t>& attnums, ExecContext& context) {
  HeapTable::Scan scan = context.catalog.heap(table).scan(
      Snapshot::latest(context.write_xid(), context.transaction.command_id()));
  std::vector<std::vector<Value>> rows;
  std::vector<TupleId> tids;
  while (scan.next_batch(rows, tids, 1024) > 0) {
    for (const auto& row : rows) {
      for (int16_t attnum : attnums) {
        if (!row[static_cast<size_t>(attnum - 1)].is_null()) continue;
        const ColumnInfo* column = table.column_by_attnum(attnum);
        throw SqlError(sqlstate::kNotNullViolation,
                       fmt::format("column \"{}\" of relation \"{}\" contains null values", column->name, table.name))
            .with_table(table.schema, table.name)
            .with_column(column->name);
      }
    }
  }
}

[[noreturn]] void unsupported(const std::string& what, int location) {
  throw SqlError(sqlstate::kFeatureNotSupported, what + " are not supported yet").with_position(location + 1);
}

}  // namespace

void create_index(const ast::CreateIndexStmt& stmt, ExecContext& context, ResultSink& sink) {
  std::shared_ptr<const TableInfo> table = table_for_index(stmt.table, context);
  if (stmt.access_method && *stmt.access_method != "btree") {
    static const char* known[] = {"hash", "gist", "gin", "spgist", "brin"};
    bool exists = std::find(std::begin(known), std::end(known), *stmt.access_method) != std::end(known);
    if (!exists) {
      throw SqlError(sqlstate::kUndefinedObject,
                     fmt::format("access method \"{}\" does not exist", *stmt.access_method));
    }
    throw SqlError(sqlstate::kFeatureNotSupported,
                   fmt::format("access method \"{}\" is not supported yet", *stmt.access_method))
        .with_position(stmt.access_method_location + 1);
  }
  if (stmt.where) unsupported("partial indexes", stmt.location);
  Catalog::IndexDefinition definition;
  definition.unique = stmt.unique;
  std::vector<std::string> key_names;
  for (const ast::IndexElem& elem : stmt.columns) {
    if (elem.expr) unsupported("expression indexes", elem.location);
    const ColumnInfo* column = find_column(*table, elem.column);
    if (!column) {
      throw SqlError(sqlstate::kUndefinedColumn, fmt::format("column \"{}\" does not exist", elem.column));
    }
    if (!IndexKeyCodec::is_indexable(column->type)) IndexKeyCodec({IndexKeyColumn{column->type}});  // 42704
    definition.keys.push_back({column->attnum, elem.descending, elem.nulls_first.value_or(elem.descending)});
    key_names.push_back(elem.column);
  }
  for (const std::string& name : stmt.include) {
    const ColumnInfo* column = find_column(*table, name);
    if (!column) throw SqlError(sqlstate::kUndefinedColumn, fmt::format("column \"{}\" does not exist", name));
    definition.include.push_back(column->attnum);
  }
  if (stmt.name) {
    if (stmt.if_not_exists && context.catalog.find_relation(table->schema, *stmt.name, context.snapshot)) {
      sink.notice(SqlError(sqlstate::kDuplicateTable,
                           fmt::format("relation \"{}\" already exists, skipping", *stmt.name))
                      .with_severity(Severity::Notice));
      return;
    }
    definition.name = *stmt.name;
  } else {
    definition.name = choose_relation_name(*table, name_addition(key_names), "idx", context);
  }
  Oid index = context.catalog.create_index(table->oid, definition, context.write_xid(),
                                           context.transaction.command_id());
  build_index(table->oid, index, context);
}

void add_index_constraint(Oid table_oid, const ast::TableConstraint& constraint, ExecContext& context) {
  std::shared_ptr<const TableInfo> table = next_step(table_oid, context);
  bool primary = constraint.kind == ast::ConstraintKind::PrimaryKey;
  if (primary) {
    for (const ConstraintInfo& existing : table->constraints) {
      if (existing.type != kConstraintPrimaryKey) continue;
      throw SqlError(sqlstate::kInvalidTableDefinition,
                     fmt::format("multiple primary keys for table \"{}\" are not allowed", table->name))
          .with_position(constraint.location + 1);
    }
  }
  Catalog::IndexDefinition definition;
  definition.unique = true;
  definition.primary = primary;
  definition.constraint_type = primary ? kConstraintPrimaryKey : kConstraintUnique;
  std::vector<int16_t> attnums;
  for (const std::string& name : constraint.columns) {
    const ColumnInfo* column = find_column(*table, name);
    if (!column) {
      throw SqlError(sqlstate::kUndefinedColumn, fmt::format("column \"{}\" named in key does not exist", name))
          .with_position(constraint.location + 1);
    }
    if (std::find(attnums.begin(), attnums.end(), column->attnum) != attnums.end()) {
      throw SqlError(sqlstate::kDuplicateColumn,
                     fmt::format("column \"{}\" appears twice in {} constraint", name,
                                 primary ? "primary key" : "unique"))
          .with_position(constraint.location + 1);
    }
    if (!IndexKeyCodec::is_indexable(column->type)) IndexKeyCodec({IndexKeyColumn{column->type}});  // 42704
    attnums.push_back(column->attnum);
    definition.keys.push_back({column->attnum, false, false});
  }
  if (constraint.name) {
    definition.name = *constraint.name;
  } else {
    definition.name = primary ? choose_relation_name(*table, "", "pkey", context)
                              : choose_relation_name(*table, name_addition(constraint.columns), "key", context);
  }
  bool needs_not_null = primary && !std::all_of(attnums.begin(), attnums.end(), [&](int16_t attnum) {
    return table->column_by_attnum(attnum)->not_null;
  });
  if (needs_not_null) {
    context.catalog.set_not_null(table_oid, attnums, context.write_xid(), context.transaction.command_id());
    table = next_step(table_oid, context);
  }
  Oid index = context.catalog.create_index(table_oid, definition, context.write_xid(),
                                           context.transaction.command_id());
  build_index(table_oid, index, context);
  // As PostgreSQL's ALTER TABLE checks the new NOT NULL columns after building the index.
  if (needs_not_null) check_no_nulls(*table, attnums, context);
}

void drop_indexes(const ast::DropIndexStmt& stmt, ExecContext& context, ResultSink& sink) {
  for (const auto& name : stmt.indexes) {
    auto relation = find_named_relation(name, context);
    if (!relation) {
      if (stmt.if_exists) {
        sink.notice(SqlError(sqlstate::kSuccessfulCompletion,
                             fmt::format("index \"{}\" does not exist, skipping", name.name))
                        .with_severity(Severity::Notice));
        continue;
      }
      throw SqlError(sqlstate::kUndefinedObject, fmt::format("index \"{}\" does not exist", name.name));
    }
    if (relation->relkind != kRelkindIndex || !relation->index) {
      throw SqlError(sqlstate::kWrongObjectType, fmt::format("\"{}\" is not an index", name.name))
          .with_hint("Use DROP TABLE to remove a table.");
    }
    auto table = context.catalog.relation_by_oid(relation->index->table_oid, context.snapshot);
    if (table && !stmt.cascade) {
      if (const ConstraintInfo* constraint = table->constraint_of_index(relation->oid)) {
        throw SqlError(sqlstate::kDependentObjectsStillExist,
                       fmt::format("cannot drop index {} because constraint {} on table {} requires it",
                                   relation->name, constraint->name, table->name))
            .with_hint(fmt::format("You can drop constraint {} on table {} instead.", constraint->name,
                                   table->name));
      }
    }
    context.catalog.drop_index(relation->oid, context.write_xid(), context.transaction.command_id());
    context.transaction.next_command();
  }
}

void reindex(const ast::ReindexStmt& stmt, ExecContext& context, ResultSink&) {
  auto relation = find_named_relation(stmt.name, context);
  if (!relation) {
    throw SqlError(sqlstate::kUndefinedTable, fmt::format("relation \"{}\" does not exist", stmt.name.name));
  }
  std::vector<Oid> indexes;
  Oid table_oid = relation->oid;
  if (stmt.table) {
    if (relation->relkind != kRelkindTable) {
      throw SqlError(sqlstate::kWrongObjectType, fmt::format("\"{}\" is not a table", relation->name));
    }
    for (const IndexInfo& index : relation->indexes) indexes.push_back(index.oid);
  } else {
    if (!relation->index) {
      throw SqlError(sqlstate::kWrongObjectType, fmt::format("\"{}\" is not an index", relation->name));
    }
    indexes.push_back(relation->oid);
    table_oid = relation->index->table_oid;
  }
  for (Oid index : indexes) {
    context.transaction.next_command();
    context.catalog.assign_new_index_file(index, context.write_xid(), context.transaction.command_id());
    build_index(table_oid, index, context);
  }
}

}  // namespace chalkdb
