// Catalog: indexes and constraints (pg_index, pg_constraint), and the changes to an existing
// relation that ALTER TABLE makes (NOT NULL, new columns, rewrites with new files). Declared in
// catalog.h.
#include <algorithm>

#include "sql/error/sql_error.h"
#include "storage/catalog/catalog.h"
#include "storage/catalog/catalog_rows.h"
#include "storage/catalog/catalog_support.h"
#include "storage/catalog/system_tables.h"

namespace chalkdb {

// ---- Indexes and constraints ----------------------------------------------------------------

Oid Catalog::create_index(Oid table_oid, const IndexDefinition& definition, TransactionId xid,
                          CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  std::shared_ptr<const TableInfo> table = current_version(table_oid, xid, cid);
  TableDefinition relation;
  relation.schema = table->schema;
  relation.persistence = table->persistence;
  relation.name = definition.name;
  relation.relkind = kRelkindIndex;
  IndexInfo index;
  index.table_oid = table_oid;
  index.name = definition.name;
  index.keys = definition.keys;
  index.include = definition.include;
  index.unique = definition.unique;
  index.primary = definition.primary;
  for (int16_t attnum : index.all_attnums()) {
    const ColumnInfo* column = table->column_by_attnum(attnum);
    if (!column) throw SqlError(sqlstate::kInternalError, "index column out of range");
    relation.columns.push_back({column->name, column->type, 0, false, std::nullopt});
  }
  std::shared_ptr<TableInfo> index_relation = build_table_info(relation, xid, cid);
  index.oid = index_relation->oid;
  index.relfilenode = index_relation->relfilenode;
  index_relation->index = index;
  create_index_file(*table, index, xid);
  insert_relation_rows(*index_relation, xid, cid);
  insert_catalog_row(kPgIndexRelation, catalog_rows::index_row(index, *table), xid, cid);
  cache_.add(index_relation, fresh_stamp(xid, cid));

  auto next = std::make_shared<TableInfo>(*table);
  next->indexes.push_back(index);
  if (definition.constraint_type) {
    ConstraintInfo constraint;
    constraint.oid = control_.allocate_oid();
    constraint.name = definition.name;
    constraint.namespace_oid = table->namespace_oid;
    constraint.type = *definition.constraint_type;
    constraint.table_oid = table_oid;
    constraint.index_oid = index.oid;
    for (const IndexKeyInfo& key : index.keys) constraint.columns.push_back(key.attnum);
    insert_catalog_row(kPgConstraintRelation, catalog_rows::constraint_row(constraint), xid, cid);
    next->constraints.push_back(std::move(constraint));
  }
  replace_class_row(std::move(next), xid, cid);
  return index.oid;
}

void Catalog::drop_index(Oid index_oid, TransactionId xid, CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  std::shared_ptr<const TableInfo> index_relation = current_version(index_oid, xid, cid);
  if (!index_relation->index) throw no_relation_with_oid(index_oid);
  std::shared_ptr<const TableInfo> table =
      current_version(index_relation->index->table_oid, xid, cid);
  auto next = std::make_shared<TableInfo>(*table);
  std::erase_if(next->indexes, [&](const IndexInfo& index) { return index.oid == index_oid; });
  if (const ConstraintInfo* constraint = table->constraint_of_index(index_oid)) {
    delete_rows_where(kPgConstraintRelation, pg_constraint::oid, constraint->oid, xid, cid);
    Oid constraint_oid = constraint->oid;
    std::erase_if(next->constraints,
                  [&](const ConstraintInfo& c) { return c.oid == constraint_oid; });
  }
  delete_relation_rows(*index_relation, xid, cid);
  replace_class_row(std::move(next), xid, cid);
}

void Catalog::assign_new_index_file(Oid index_oid, TransactionId xid, CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  std::shared_ptr<const TableInfo> index_relation = current_version(index_oid, xid, cid);
  if (!index_relation->index) throw no_relation_with_oid(index_oid);
  std::shared_ptr<const TableInfo> table =
      current_version(index_relation->index->table_oid, xid, cid);
  auto next_index = std::make_shared<TableInfo>(*index_relation);
  Oid relfilenode = control_.allocate_oid();
  next_index->relfilenode = relfilenode;
  next_index->index->relfilenode = relfilenode;
  create_index_file(*table, *next_index->index, xid);
  record_dropped(kInvalidOid, index_relation->relfilenode, xid);
  auto next_table = std::make_shared<TableInfo>(*table);
  for (IndexInfo& index : next_table->indexes) {
    if (index.oid == index_oid) index.relfilenode = relfilenode;
  }
  replace_class_row(std::move(next_index), xid, cid);
  replace_class_row(std::move(next_table), xid, cid);
}

void Catalog::update_index_statistics(Oid index_oid, int32_t table_pages, float table_tuples,
                                      int32_t index_pages, float index_tuples,
                                      TransactionId xid, CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  std::shared_ptr<const TableInfo> index_relation = current_version(index_oid, xid, cid);
  if (!index_relation->index) throw no_relation_with_oid(index_oid);
  std::shared_ptr<const TableInfo> table =
      current_version(index_relation->index->table_oid, xid, cid);
  auto next_index = std::make_shared<TableInfo>(*index_relation);
  next_index->pages = next_index->index->pages = index_pages;
  next_index->tuples = next_index->index->tuples = index_tuples;
  auto next_table = std::make_shared<TableInfo>(*table);
  next_table->pages = table_pages;
  next_table->tuples = table_tuples;
  for (IndexInfo& index : next_table->indexes) {
    if (index.oid != index_oid) continue;
    index.pages = index_pages;
    index.tuples = index_tuples;
  }
  replace_class_row(std::move(next_index), xid, cid);
  replace_class_row(std::move(next_table), xid, cid);
}

void Catalog::set_not_null(Oid table_oid, const std::vector<int16_t>& attnums,
                           TransactionId xid, CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  std::shared_ptr<const TableInfo> table = current_version(table_oid, xid, cid);
  auto next = std::make_shared<TableInfo>(*table);
  for (ColumnInfo& column : next->columns) {
    if (column.not_null || std::find(attnums.begin(), attnums.end(), column.attnum) == attnums.end())
      continue;
    column.not_null = true;
    int16_t attnum = column.attnum;
    delete_rows_matching(
        kPgAttributeRelation,
        [&](const std::vector<Value>& row) {
          return static_cast<Oid>(row[pg_attribute::attrelid].as_int()) == table_oid &&
                 row[pg_attribute::attnum].as_int() == attnum;
        },
        xid, cid);
    insert_catalog_row(kPgAttributeRelation, catalog_rows::attribute_row(table_oid, column), xid,
                       cid);
  }
  replace_class_row(std::move(next), xid, cid);
}

void Catalog::alter_relation(Oid table_oid, std::string name, std::vector<ColumnInfo> columns,
                             TransactionId xid, CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  std::shared_ptr<const TableInfo> table = current_version(table_oid, xid, cid);
  if (name != table->name && cache_.name_in_use(table->namespace_oid, name, xid)) {
    throw SqlError(sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists");
  }
  auto next = std::make_shared<TableInfo>(*table);
  next->name = std::move(name);
  next->columns = std::move(columns);
  delete_rows_where(kPgAttributeRelation, pg_attribute::attrelid, table_oid, xid, cid);
  delete_rows_where(kPgAttrdefRelation, pg_attrdef::adrelid, table_oid, xid, cid);
  insert_column_rows(*next, xid, cid);
  replace_class_row(std::move(next), xid, cid);
}

void Catalog::rewrite_relation(Oid table_oid, std::vector<ColumnInfo> columns,
                               const std::vector<int16_t>& attnum_map, TransactionId xid,
                               CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  std::shared_ptr<const TableInfo> table = current_version(table_oid, xid, cid);
  auto next = std::make_shared<TableInfo>(*table);
  next->columns = std::move(columns);
  auto renumber = [&](int16_t& attnum) { attnum = attnum_map.at(static_cast<size_t>(attnum - 1)); };
  for (IndexInfo& index : next->indexes) {
    for (IndexKeyInfo& key : index.keys) renumber(key.attnum);
    for (int16_t& column : index.include) renumber(column);
  }
  for (ConstraintInfo& constraint : next->constraints) {
    for (int16_t& column : constraint.columns) renumber(column);
  }
  next->relfilenode = control_.allocate_oid();
  next->pages = 0;
  next->tuples = -1;
  files_.create(next->relfilenode);
  record_created(kInvalidOid, next->relfilenode, xid);
  record_dropped(kInvalidOid, table->relfilenode, xid);
  renew_index_files(*next, xid, cid);
  delete_rows_where(kPgConstraintRelation, pg_constraint::conrelid, table_oid, xid, cid);
  for (const ConstraintInfo& constraint : next->constraints) {
    insert_catalog_row(kPgConstraintRelation, catalog_rows::constraint_row(constraint), xid, cid);
  }
  delete_rows_where(kPgAttributeRelation, pg_attribute::attrelid, table_oid, xid, cid);
  delete_rows_where(kPgAttrdefRelation, pg_attrdef::adrelid, table_oid, xid, cid);
  insert_column_rows(*next, xid, cid);
  replace_class_row(std::move(next), xid, cid);
}

void Catalog::renew_index_files(TableInfo& table, TransactionId xid, CommandId cid) {
  delete_rows_where(kPgIndexRelation, pg_index::indrelid, table.oid, xid, cid);
  for (IndexInfo& index : table.indexes) {
    std::shared_ptr<const TableInfo> index_relation = current_version(index.oid, xid, cid);
    record_dropped(kInvalidOid, index.relfilenode, xid);
    index.relfilenode = control_.allocate_oid();
    create_index_file(table, index, xid);
    insert_catalog_row(kPgIndexRelation, catalog_rows::index_row(index, table), xid, cid);
    auto next_index = std::make_shared<TableInfo>(*index_relation);
    next_index->relfilenode = index.relfilenode;
    next_index->index = index;
    replace_class_row(std::move(next_index), xid, cid);
  }
}

Oid Catalog::add_constraint(ConstraintInfo constraint, TransactionId xid, CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  std::shared_ptr<const TableInfo> table = current_version(constraint.table_oid, xid, cid);
  if (constraint.oid == kInvalidOid) constraint.oid = control_.allocate_oid();
  if (constraint.namespace_oid == kInvalidOid) constraint.namespace_oid = table->namespace_oid;
  insert_catalog_row(kPgConstraintRelation, catalog_rows::constraint_row(constraint), xid, cid);
  auto next = std::make_shared<TableInfo>(*table);
  Oid oid = constraint.oid;
  Oid referenced = constraint.type == kConstraintForeignKey ? constraint.referenced_table : kInvalidOid;
  next->constraints.push_back(std::move(constraint));
  replace_class_row(std::move(next), xid, cid);
  // The referenced table's pg_class row gets relhastriggers, as PostgreSQL's action triggers set it.
  if (referenced != kInvalidOid && referenced != table->oid)
    replace_class_row(std::make_shared<TableInfo>(*current_version(referenced, xid, cid)), xid, cid);
  return oid;
}

void Catalog::drop_constraint(Oid table_oid, std::string_view name, TransactionId xid,
                              CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  std::shared_ptr<const TableInfo> table = current_version(table_oid, xid, cid);
  const ConstraintInfo* constraint = table->find_constraint(name);
  if (!constraint) throw SqlError(sqlstate::kInternalError, "cache lookup failed for constraint");
  Oid constraint_oid = constraint->oid;
  delete_rows_where(kPgConstraintRelation, pg_constraint::oid, constraint_oid, xid, cid);
  auto next = std::make_shared<TableInfo>(*table);
  std::erase_if(next->constraints, [&](const ConstraintInfo& c) { return c.oid == constraint_oid; });
  replace_class_row(std::move(next), xid, cid);
}

}  // namespace chalkdb
