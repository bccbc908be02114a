#include "storage/catalog/catalog.h"

#include <algorithm>
#include <map>
#include <set>

#include "sql/error/sql_error.h"
#include "storage/catalog/builtin_types.h"
#include "storage/catalog/catalog_rows.h"
#include "storage/catalog/catalog_support.h"
#include "storage/catalog/owned_sequence.h"
#include "storage/catalog/system_tables.h"

namespace chalkdb {

namespace {

constexpr size_t kScanBatch = 256;

// A pg_depend row recording that a sequence belongs to a table column (deptype 'a' for a
// serial column, 'i' for an identity column).
bool is_sequence_ownership(const std::vector<Value>& row) {
  if (static_cast<Oid>(row[pg_depend::classid].as_int()) != kPgClassRelation) return false;
  const std::string& deptype = row[pg_depend::deptype].as_text();
  return deptype == "a" || deptype == "i";
}

std::function<bool(const std::vector<Value>&)> owned_sequence_rows_of(Oid table) {
  return [table](const std::vector<Value>& row) {
    return is_sequence_ownership(row) && static_cast<Oid>(row[pg_depend::refobjid].as_int()) == table;
  };
}

// Whether another relation has a FOREIGN KEY referencing `oid` (pg_class.relhastriggers).
bool referenced_by_foreign_key(const std::vector<std::shared_ptr<const TableInfo>>& relations, Oid oid) {
  return std::any_of(relations.begin(), relations.end(), [&](const auto& relation) {
    return std::any_of(relation->constraints.begin(), relation->constraints.end(), [&](const ConstraintInfo& c) {
      return c.type == kConstraintForeignKey && c.referenced_table == oid;
    });
  });
}

// Calls `visit` for every row of `heap` the snapshot sees, with its tid.
template <typename Visit>
void for_each_visible(const HeapTable& heap, const Snapshot& snapshot, Visit visit) {
  HeapTable::Scan scan = heap.scan(snapshot);
  std::vector<std::vector<Value>> rows;
  std::vector<TupleId> tids;
  while (scan.next_batch(rows, tids, kScanBatch) > 0) {
    for (size_t i = 0; i < rows.size(); ++i) visit(tids[i], rows[i]);
  }
}

}  // namespace

Catalog::Catalog(BufferPool& pool, RelationFiles& files, const CommitLog& commit_log,
                 WrittenRelations& written, ControlFile& control)
    : pool_(pool),
      files_(files),
      commit_log_(commit_log),
      written_(written),
      control_(control),
      visibility_(commit_log),
      cache_(commit_log),
      sequences_(pool) {}

Catalog::~Catalog() = default;

// ---- Heaps ----------------------------------------------------------------------------------

HeapTable& Catalog::heap_for(Oid relfilenode, const std::vector<ColumnInfo>& columns) {
  std::lock_guard lock(mutex_);
  auto& slot = heaps_[relfilenode];
  if (!slot) {
    std::vector<DataType> types;
    types.reserve(columns.size());
    for (const ColumnInfo& column : columns) types.push_back(column.type);
    slot = std::make_unique<HeapTable>(pool_, commit_log_, written_, relfilenode, std::move(types));
  }
  return *slot;
}

HeapTable& Catalog::heap(const TableInfo& table) {
  return heap_for(table.relfilenode, table.columns);
}

BTree& Catalog::index_tree(const TableInfo& table, const IndexInfo& index) {
  std::lock_guard lock(mutex_);
  auto& slot = trees_[index.relfilenode];
  if (!slot) {
    std::vector<IndexKeyColumn> columns;
    for (const IndexKeyInfo& key : index.keys) {
      const ColumnInfo* column = table.column_by_attnum(key.attnum);
      if (!column) throw SqlError(sqlstate::kInternalError, "index column out of range");
      columns.push_back({column->type, key.descending, key.nulls_first});
    }
    std::vector<DataType> include;
    for (int16_t attnum : index.include) {
      const ColumnInfo* column = table.column_by_attnum(attnum);
      if (!column) throw SqlError(sqlstate::kInternalError, "index column out of range");
      include.push_back(column->type);
    }
    slot = std::make_unique<BTree>(pool_, &written_, index.relfilenode, std::move(columns),
                                   index.name, std::move(include));
  }
  return *slot;
}

void Catalog::create_index_file(const TableInfo& table, const IndexInfo& index,
                                TransactionId xid) {
  files_.create(index.relfilenode);
  record_created(index.oid, index.relfilenode, xid);
  index_tree(table, index).create();
  written_.record(xid, index.relfilenode);
}

HeapTable& Catalog::system_heap(Oid catalog) {
  return heap_for(catalog, system_table(catalog).columns);
}

void Catalog::insert_catalog_row(Oid catalog, std::span<const Value> row, TransactionId xid,
                                 CommandId cid) {
  system_heap(catalog).insert(row, xid, cid);
}

// ---- Bootstrap and load ---------------------------------------------------------------------

void Catalog::bootstrap() {
  constexpr TransactionId xid = kBootstrapTransactionId;
  constexpr CommandId cid = kFirstCommandId;
  for (const SystemTable& table : system_tables()) files_.create(table.oid);
  insert_catalog_row(kPgNamespaceRelation,
                     catalog_rows::namespace_row(kPgCatalogNamespace, "pg_catalog",
                                                 kBootstrapSuperuserId),
                     xid, cid);
  insert_catalog_row(kPgNamespaceRelation,
                     catalog_rows::namespace_row(kPgToastNamespace, "pg_toast",
                                                 kBootstrapSuperuserId),
                     xid, cid);
  insert_catalog_row(kPgNamespaceRelation,
                     catalog_rows::namespace_row(kPublicNamespace, "public", kDatabaseOwnerRole),
                     xid, cid);
  for (const SystemTable& system : system_tables()) {
    TableInfo table;
    table.oid = table.relfilenode = system.oid;
    table.namespace_oid = kPgCatalogNamespace;
    table.schema = "pg_catalog";
    table.name = system.name;
    table.columns = system.columns;
    insert_relation_rows(table, xid, cid);
  }
  for (const auto& row : catalog_rows::access_method_rows()) insert_catalog_row(kPgAmRelation, row, xid, cid);
  for (const auto& row : catalog_rows::collation_rows()) insert_catalog_row(kPgCollationRelation, row, xid, cid);
  for (const BuiltinType& type : builtin_types()) {
    insert_catalog_row(kPgTypeRelation, catalog_rows::type_row(type), xid, cid);
  }
  written_.take(xid);  // the storage engine flushes everything after bootstrap
}

void Catalog::load() {
  cache_.clear();
  load_namespaces();
  load_relations();
}

void Catalog::load_namespaces() {
  std::vector<NamespaceVersion> namespaces;
  system_heap(kPgNamespaceRelation)
      .scan_live_versions(kInvalidTransactionId,
                          [&](TupleId, const VersionStamp& stamp, const std::vector<Value>& row) {
                            namespaces.push_back(
                                {static_cast<Oid>(row[pg_namespace::oid].as_int()),
                                 row[pg_namespace::nspname].as_text(),
                                 static_cast<Oid>(row[pg_namespace::nspowner].as_int()), stamp});
                          });
  std::unique_lock lock(namespaces_mutex_);
  namespaces_ = std::move(namespaces);
}

void Catalog::load_relations() {
  std::map<Oid, std::vector<ColumnInfo>> columns;
  system_heap(kPgAttributeRelation)
      .scan_live_versions(kInvalidTransactionId,
                          [&](TupleId, const VersionStamp&, const std::vector<Value>& row) {
                            if (row[pg_attribute::attisdropped].as_bool()) return;
                            columns[static_cast<Oid>(row[pg_attribute::attrelid].as_int())]
                                .push_back(catalog_rows::column_from_attribute_row(row));
                          });
  std::map<std::pair<Oid, int16_t>, std::string> defaults;
  system_heap(kPgAttrdefRelation)
      .scan_live_versions(kInvalidTransactionId,
                          [&](TupleId, const VersionStamp&, const std::vector<Value>& row) {
                            defaults[{static_cast<Oid>(row[pg_attrdef::adrelid].as_int()),
                                      static_cast<int16_t>(row[pg_attrdef::adnum].as_int())}] =
                                row[pg_attrdef::adbin].as_text();
                          });
  IndexRows index_rows = load_index_rows();
  std::map<Oid, ViewInfo> views = load_view_rows();
  std::vector<std::pair<std::shared_ptr<TableInfo>, VersionStamp>> versions;
  system_heap(kPgClassRelation)
      .scan_live_versions(
          kInvalidTransactionId,
          [&](TupleId, const VersionStamp& stamp, const std::vector<Value>& row) {
            auto table = std::make_shared<TableInfo>(catalog_rows::table_from_class_row(row));
            table->schema = namespace_name(table->namespace_oid).value_or("");
            table->columns = std::move(columns[table->oid]);
            std::sort(table->columns.begin(), table->columns.end(),
                      [](const ColumnInfo& a, const ColumnInfo& b) { return a.attnum < b.attnum; });
            for (ColumnInfo& column : table->columns) {
              if (auto it = defaults.find({table->oid, column.attnum}); it != defaults.end()) {
                column.default_expr = it->second;
              }
            }
            if (auto it = index_rows.index_by_oid.find(table->oid);
                it != index_rows.index_by_oid.end()) {
              IndexInfo& index = it->second;
              index.name = table->name;
              index.relfilenode = table->relfilenode;
              index.pages = table->pages;
              index.tuples = table->tuples;
              table->index = index;
            }
            versions.emplace_back(std::move(table), stamp);
          });
  for (auto& [table, stamp] : versions) {
    for (Oid index_oid : index_rows.indexes_of_table[table->oid]) {
      table->indexes.push_back(index_rows.index_by_oid[index_oid]);
    }
    table->constraints = std::move(index_rows.constraints_of_table[table->oid]);
    if (auto it = views.find(table->oid); it != views.end()) table->view = it->second;
    cache_.add(std::move(table), stamp);
  }
}

Catalog::IndexRows Catalog::load_index_rows() {
  IndexRows rows;
  system_heap(kPgIndexRelation)
      .scan_live_versions(kInvalidTransactionId,
                          [&](TupleId, const VersionStamp&, const std::vector<Value>& row) {
                            IndexInfo index = catalog_rows::index_from_row(row);
                            rows.indexes_of_table[index.table_oid].push_back(index.oid);
                            rows.index_by_oid[index.oid] = std::move(index);
                          });
  system_heap(kPgConstraintRelation)
      .scan_live_versions(kInvalidTransactionId,
                          [&](TupleId, const VersionStamp&, const std::vector<Value>& row) {
                            ConstraintInfo constraint = catalog_rows::constraint_from_row(row);
                            rows.constraints_of_table[constraint.table_oid].push_back(
                                std::move(constraint));
                          });
  return rows;
}

std::map<Oid, ViewInfo> Catalog::load_view_rows() {
  std::map<Oid, ViewInfo> views;
  std::map<Oid, Oid> view_of_rule;
  system_heap(kPgRewriteRelation)
      .scan_live_versions(kInvalidTransactionId,
                          [&](TupleId, const VersionStamp&, const std::vector<Value>& row) {
                            Oid view = static_cast<Oid>(row[pg_rewrite::ev_class].as_int());
                            Oid rule = static_cast<Oid>(row[pg_rewrite::oid].as_int());
                            views[view].rule_oid = rule;
                            views[view].query = row[pg_rewrite::ev_action].as_text();
                            view_of_rule[rule] = view;
                          });
  system_heap(kPgDependRelation)
      .scan_live_versions(kInvalidTransactionId,
                          [&](TupleId, const VersionStamp&, const std::vector<Value>& row) {
                            auto it = view_of_rule.find(static_cast<Oid>(row[pg_depend::objid].as_int()));
                            if (it == view_of_rule.end()) return;
                            views[it->second].depends_on.emplace_back(
                                static_cast<Oid>(row[pg_depend::refobjid].as_int()),
                                static_cast<int16_t>(row[pg_depend::refobjsubid].as_int()));
                          });
  return views;
}

// ---- Lookups --------------------------------------------------------------------------------

std::optional<Oid> Catalog::find_namespace(std::string_view schema, const Snapshot& snapshot) {
  std::shared_lock lock(namespaces_mutex_);
  for (const NamespaceVersion& version : namespaces_) {
    VersionStamp stamp = version.stamp;
    if (version.name == schema && visibility_.is_visible(stamp, snapshot)) return version.oid;
  }
  return std::nullopt;
}

std::optional<std::string> Catalog::namespace_name(Oid oid) const {
  std::shared_lock lock(namespaces_mutex_);
  std::optional<std::string> name;
  for (const NamespaceVersion& version : namespaces_) {
    // The newest committed-or-own version wins over one a rename deleted.
    if (version.oid == oid && (!name || version.stamp.xmax == kInvalidTransactionId)) name = version.name;
  }
  return name;
}

std::shared_ptr<const TableInfo> Catalog::find_relation(std::string_view schema,
                                                        std::string_view name,
                                                        const Snapshot& snapshot) {
  std::optional<Oid> namespace_oid = find_namespace(schema, snapshot);
  if (!namespace_oid) return nullptr;
  return cache_.find(*namespace_oid, name, snapshot);
}

std::shared_ptr<const TableInfo> Catalog::find_relation_in(Oid namespace_oid, std::string_view name,
                                                           const Snapshot& snapshot) {
  return cache_.find(namespace_oid, name, snapshot);
}

std::shared_ptr<const TableInfo> Catalog::relation_by_oid(Oid oid, const Snapshot& snapshot) {
  return cache_.by_oid(oid, snapshot);
}

std::vector<std::shared_ptr<const TableInfo>> Catalog::relations(const Snapshot& snapshot) {
  return cache_.all(snapshot);
}

// ---- DDL ------------------------------------------------------------------------------------

std::shared_ptr<TableInfo> Catalog::build_table_info(const TableDefinition& definition,
                                                     TransactionId xid, CommandId cid) {
  std::optional<Oid> namespace_oid = find_namespace(definition.schema, Snapshot::latest(xid, cid));
  if (!namespace_oid) {
    throw SqlError(sqlstate::kInvalidSchemaName,
                   "schema \"" + definition.schema + "\" does not exist");
  }
  if (cache_.name_in_use(*namespace_oid, definition.name, xid)) {
    throw SqlError(sqlstate::kDuplicateTable,
                   "relation \"" + definition.name + "\" already exists");
  }
  if (definition.columns.size() > disk::kMaxColumns) {
    throw SqlError(sqlstate::kTooManyColumns,
                   "tables can have at most " + std::to_string(disk::kMaxColumns) + " columns");
  }
  std::set<std::string_view> names;
  for (const ColumnInfo& column : definition.columns) {
    if (!names.insert(column.name).second) {
      throw SqlError(sqlstate::kDuplicateColumn,
                     "column \"" + column.name + "\" specified more than once");
    }
  }
  auto table = std::make_shared<TableInfo>();
  table->namespace_oid = *namespace_oid;
  table->schema = definition.schema;
  table->name = definition.name;
  table->relkind = definition.relkind;
  // As PostgreSQL's RangeVarAdjustRelationPersistence: whatever is created in a temporary
  // schema (a serial column's sequence, CREATE TEMP SEQUENCE) is temporary.
  table->persistence = definition.schema.starts_with("pg_temp_") ? kPersistenceTemporary : definition.persistence;
  table->columns = definition.columns;
  for (size_t i = 0; i < table->columns.size(); ++i) {
    table->columns[i].attnum = static_cast<int16_t>(i + 1);
  }
  TupleCodec check(table->column_types());  // rejects column types that cannot be stored
  table->oid = control_.allocate_oid();
  table->relfilenode = table->oid;
  return table;
}

void Catalog::insert_relation_rows(const TableInfo& table, TransactionId xid, CommandId cid) {
  insert_catalog_row(kPgClassRelation, catalog_rows::class_row(table), xid, cid);
  insert_column_rows(table, xid, cid);
}

void Catalog::insert_column_rows(const TableInfo& table, TransactionId xid, CommandId cid) {
  // pg_depend rows of the sequences the table's serial and identity columns own: the
  // sequence ChalkDB links to a column by name (storage/catalog/owned_sequence.h). The
  // table's previous rows are replaced, as its pg_attrdef rows are.
  delete_rows_matching(kPgDependRelation, owned_sequence_rows_of(table.oid), xid, cid);
  for (const ColumnInfo& column : table.columns) {
    if (table.relkind != kRelkindTable) break;
    std::string name = owned_sequence_name(table.name, column.name);
    auto sequence = find_relation_in(table.namespace_oid, name, Snapshot::latest(xid, cid + 1));
    if (!sequence || sequence->relkind != kRelkindSequence) continue;
    if (column.identity == '\0' && column.default_expr != nextval_sql(table.schema, name)) continue;
    insert_catalog_row(kPgDependRelation,
                       catalog_rows::sequence_owner_depend_row(sequence->oid, table.oid, column.attnum,
                                                               column.identity != '\0' ? 'i' : 'a'),
                       xid, cid);
  }
  for (const ColumnInfo& column : table.columns) {
    insert_catalog_row(kPgAttributeRelation, catalog_rows::attribute_row(table.oid, column), xid,
                       cid);
  }
  for (const ColumnInfo& column : table.columns) {
    if (!column.default_expr) continue;
    insert_catalog_row(kPgAttrdefRelation,
                       catalog_rows::attrdef_row(control_.allocate_oid(), table.oid,
                                                 column.attnum, *column.default_expr),
                       xid, cid);
  }
}

Oid Catalog::create_relation(const TableDefinition& definition, TransactionId xid,
                             CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  std::shared_ptr<TableInfo> table = build_table_info(definition, xid, cid);
  files_.create(table->relfilenode);
  record_created(table->oid, table->relfilenode, xid);
  insert_relation_rows(*table, xid, cid);
  cache_.add(table, fresh_stamp(xid, cid));
  return table->oid;
}

Oid Catalog::create_view(const TableDefinition& definition, ViewInfo view, TransactionId xid,
                         CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  std::shared_ptr<TableInfo> table = build_table_info(definition, xid, cid);
  table->relfilenode = kInvalidOid;  // a view has no storage, as in PostgreSQL
  view.rule_oid = control_.allocate_oid();
  table->view = std::move(view);
  record_created(table->oid, kInvalidOid, xid);
  insert_relation_rows(*table, xid, cid);
  insert_view_rows(*table, xid, cid);
  cache_.add(table, fresh_stamp(xid, cid));
  return table->oid;
}

void Catalog::replace_view(Oid view_oid, std::vector<ColumnInfo> columns, ViewInfo view,
                           TransactionId xid, CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  std::shared_ptr<const TableInfo> table = current_version(view_oid, xid, cid);
  auto next = std::make_shared<TableInfo>(*table);
  next->columns = std::move(columns);
  for (size_t i = 0; i < next->columns.size(); ++i) next->columns[i].attnum = static_cast<int16_t>(i + 1);
  view.rule_oid = table->view->rule_oid;
  next->view = std::move(view);
  delete_rows_where(kPgRewriteRelation, pg_rewrite::ev_class, view_oid, xid, cid);
  delete_rows_where(kPgDependRelation, pg_depend::objid, next->view->rule_oid, xid, cid);
  delete_rows_where(kPgAttributeRelation, pg_attribute::attrelid, view_oid, xid, cid);
  insert_column_rows(*next, xid, cid);
  insert_view_rows(*next, xid, cid);
  replace_class_row(std::move(next), xid, cid);
}

void Catalog::insert_view_rows(const TableInfo& view, TransactionId xid, CommandId cid) {
  insert_catalog_row(kPgRewriteRelation,
                     catalog_rows::rewrite_row(view.view->rule_oid, view.oid, view.view->query),
                     xid, cid);
  for (const auto& [relation, attnum] : view.view->depends_on) {
    insert_catalog_row(kPgDependRelation,
                       catalog_rows::rule_depend_row(view.view->rule_oid, relation, attnum), xid, cid);
  }
}

void Catalog::delete_rows_where(Oid catalog, size_t key_column, Oid key, TransactionId xid,
                                CommandId cid) {
  delete_rows_matching(
      catalog,
      [&](const std::vector<Value>& row) { return static_cast<Oid>(row[key_column].as_int()) == key; },
      xid, cid);
}

void Catalog::delete_rows_matching(Oid catalog,
                                   const std::function<bool(const std::vector<Value>&)>& matches,
                                   TransactionId xid, CommandId cid) {
  HeapTable& heap = system_heap(catalog);
  Snapshot snapshot = Snapshot::latest(xid, cid);
  std::vector<TupleId> found;
  for_each_visible(heap, snapshot, [&](TupleId tid, const std::vector<Value>& row) {
    if (matches(row)) found.push_back(tid);
  });
  for (TupleId tid : found) {
    HeapTable::ModifyResult result = heap.remove(tid, xid, cid, snapshot);
    if (result.status != HeapTable::ModifyStatus::Ok) {
      // PostgreSQL's simple_heap_delete reports the same when a catalog row changed under it.
      throw SqlError(sqlstate::kInternalError, "tuple concurrently updated");
    }
  }
}

void Catalog::delete_relation_rows(const TableInfo& relation, TransactionId xid,
                                   CommandId cid) {
  delete_rows_where(kPgClassRelation, pg_class::oid, relation.oid, xid, cid);
  delete_rows_where(kPgAttributeRelation, pg_attribute::attrelid, relation.oid, xid, cid);
  delete_rows_where(kPgAttrdefRelation, pg_attrdef::adrelid, relation.oid, xid, cid);
  if (relation.relkind == kRelkindSequence) {
    delete_rows_where(kPgSequenceRelation, pg_sequence::seqrelid, relation.oid, xid, cid);
  }
  // The rows of its owned sequences go with the table (dropped in the same command, which
  // could not delete them a second time).
  if (relation.relkind == kRelkindTable)
    delete_rows_matching(kPgDependRelation, owned_sequence_rows_of(relation.oid), xid, cid);
  if (relation.relkind == kRelkindIndex) {
    delete_rows_where(kPgIndexRelation, pg_index::indexrelid, relation.oid, xid, cid);
  }
  if (relation.view) {
    delete_rows_where(kPgRewriteRelation, pg_rewrite::ev_class, relation.oid, xid, cid);
    delete_rows_where(kPgDependRelation, pg_depend::objid, relation.view->rule_oid, xid, cid);
  }
  cache_.mark_deleted(relation.oid, xid, cid);
  record_dropped(relation.oid, relation.relfilenode, xid);
}

void Catalog::record_dropped(Oid oid, Oid relfilenode, TransactionId xid) {
  std::lock_guard lock(mutex_);
  pending_[xid].dropped.emplace_back(oid, relfilenode);
}

void Catalog::record_created(Oid oid, Oid relfilenode, TransactionId xid) {
  std::lock_guard lock(mutex_);
  pending_[xid].created.emplace_back(oid, relfilenode);
}

void Catalog::drop_relation(Oid oid, TransactionId xid, CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  std::shared_ptr<const TableInfo> table = current_version(oid, xid, cid);
  for (const IndexInfo& index : table->indexes) {
    if (auto relation = cache_.by_oid(index.oid, Snapshot::latest(xid, cid))) {
      delete_relation_rows(*relation, xid, cid);
    }
  }
  if (!table->constraints.empty()) {
    delete_rows_where(kPgConstraintRelation, pg_constraint::conrelid, oid, xid, cid);
  }
  delete_relation_rows(*table, xid, cid);
}

std::shared_ptr<const TableInfo> Catalog::current_version(Oid oid, TransactionId xid,
                                                          CommandId cid) {
  std::shared_ptr<const TableInfo> table = cache_.by_oid(oid, Snapshot::latest(xid, cid));
  if (!table) throw no_relation_with_oid(oid);
  return table;
}

void Catalog::replace_class_row(std::shared_ptr<TableInfo> next, TransactionId xid,
                                CommandId cid) {
  delete_rows_where(kPgClassRelation, pg_class::oid, next->oid, xid, cid);
  cache_.mark_deleted(next->oid, xid, cid);
  bool referenced = referenced_by_foreign_key(cache_.all(Snapshot::latest(xid, cid + 1)), next->oid);
  insert_catalog_row(kPgClassRelation, catalog_rows::class_row(*next, referenced), xid, cid);
  cache_.add(std::move(next), fresh_stamp(xid, cid));
}

bool Catalog::relation_name_in_use(Oid namespace_oid, std::string_view name,
                                   TransactionId xid) const {
  return cache_.name_in_use(namespace_oid, name, xid);
}

// ---- Sequences ------------------------------------------------------------------------------

Oid Catalog::create_sequence(std::string schema, std::string name, TransactionId xid,
                             CommandId cid, const SequenceOptions& options) {
  TableDefinition definition;
  definition.schema = std::move(schema);
  definition.name = std::move(name);
  definition.relkind = kRelkindSequence;
  const char* column_names[] = {"last_value", "log_cnt", "is_called"};
  std::vector<DataType> types = SequenceStore::column_types();
  for (size_t i = 0; i < types.size(); ++i) {
    definition.columns.push_back({column_names[i], types[i], 0, true, std::nullopt});
  }
  Oid oid = create_relation(definition, xid, cid);
  std::shared_ptr<const TableInfo> table = cache_.by_oid(oid, Snapshot::latest(xid, cid + 1));
  heap(*table).insert(SequenceStore::initial_row(options), xid, cid);
  insert_catalog_row(kPgSequenceRelation, catalog_rows::sequence_row(oid, options), xid, cid);
  sequences_.attach(oid, table->name, heap(*table), options);
  return oid;
}

void Catalog::attach_sequence(Oid sequence) {
  if (sequences_.is_attached(sequence)) return;
  Snapshot committed = Snapshot::latest(kInvalidTransactionId, kFirstCommandId);
  std::shared_ptr<const TableInfo> table = cache_.by_oid(sequence, committed);
  if (!table) throw no_relation_with_oid(sequence);
  if (table->relkind != kRelkindSequence) {
    throw SqlError(sqlstate::kWrongObjectType, "\"" + table->name + "\" is not a sequence");
  }
  std::optional<SequenceOptions> options;
  for_each_visible(system_heap(kPgSequenceRelation), committed,
                   [&](TupleId, const std::vector<Value>& row) {
                     if (static_cast<Oid>(row[pg_sequence::seqrelid].as_int()) == sequence) {
                       options = catalog_rows::sequence_options_from_row(row);
                     }
                   });
  if (!options) throw no_relation_with_oid(sequence);
  sequences_.attach(sequence, table->name, heap(*table), *options);
}

int64_t Catalog::next_sequence_value(Oid sequence) {
  attach_sequence(sequence);
  return sequences_.next_value(sequence);
}

SequenceState Catalog::sequence_state(Oid sequence) {
  attach_sequence(sequence);
  return sequences_.state(sequence);
}

SequenceOptions Catalog::sequence_options(Oid sequence) {
  attach_sequence(sequence);
  return sequences_.options(sequence);
}

void Catalog::set_sequence_value(Oid sequence, int64_t value, bool is_called) {
  attach_sequence(sequence);
  sequences_.set_value(sequence, value, is_called);
}

// ---- Transaction end ------------------------------------------------------------------------

void Catalog::transaction_finished(TransactionId xid, bool committed) {
  PendingFileActions actions;
  {
    std::lock_guard lock(mutex_);
    auto it = pending_.find(xid);
    if (it == pending_.end()) return;
    actions = std::move(it->second);
    pending_.erase(it);
  }
  if (!committed) cache_.forget_inserted_by(xid);
  for (auto [oid, relfilenode] : committed ? actions.dropped : actions.created) {
    forget_relation(oid, relfilenode);
  }
}

void Catalog::forget_relation(Oid oid, Oid relfilenode) {
  if (oid != kInvalidOid) sequences_.detach(oid);
  if (relfilenode == kInvalidOid) return;  // a view: no file
  pool_.drop_relation(relfilenode);
  files_.remove(relfilenode);
}

void Catalog::shutdown() { sequences_.persist_positions(); }

}  // namespace chalkdb
