// Catalog: schemas (pg_namespace rows). Declared in catalog.h.
#include <fmt/format.h>

#include "sql/error/sql_error.h"
#include "storage/catalog/catalog.h"
#include "storage/catalog/catalog_rows.h"
#include "storage/catalog/system_tables.h"

namespace chalkdb {

namespace {

SqlError schema_exists(const std::string& name) {
  return SqlError(sqlstate::kDuplicateSchema, fmt::format("schema \"{}\" already exists", name));
}

}  // namespace

std::vector<Catalog::NamespaceInfo> Catalog::namespaces(const Snapshot& snapshot) {
  std::shared_lock lock(namespaces_mutex_);
  std::vector<NamespaceInfo> visible;
  for (const NamespaceVersion& version : namespaces_) {
    VersionStamp stamp = version.stamp;
    if (visibility_.is_visible(stamp, snapshot)) visible.push_back({version.oid, version.name, version.owner});
  }
  return visible;
}

std::optional<Catalog::NamespaceInfo> Catalog::namespace_by_oid(Oid oid, const Snapshot& snapshot) {
  for (NamespaceInfo& schema : namespaces(snapshot)) {
    if (schema.oid == oid) return std::move(schema);
  }
  return std::nullopt;
}

void Catalog::insert_namespace(const NamespaceInfo& schema, TransactionId xid, CommandId cid) {
  {
    std::shared_lock lock(namespaces_mutex_);
    for (const NamespaceVersion& version : namespaces_) {
      VersionStamp stamp = version.stamp;
      if (version.name == schema.name && visibility_.is_live_or_pending(stamp, xid)) {
        throw schema_exists(schema.name);
      }
    }
  }
  insert_catalog_row(kPgNamespaceRelation, catalog_rows::namespace_row(schema.oid, schema.name, schema.owner), xid,
                     cid);
  std::unique_lock lock(namespaces_mutex_);
  namespaces_.push_back({schema.oid, schema.name, schema.owner,
                         {xid, cid, kInvalidTransactionId, 0, disk::kHeapXmaxInvalid}});
}

void Catalog::delete_namespace_row(Oid oid, TransactionId xid, CommandId cid) {
  delete_rows_where(kPgNamespaceRelation, pg_namespace::oid, oid, xid, cid);
  std::unique_lock lock(namespaces_mutex_);
  for (NamespaceVersion& version : namespaces_) {
    VersionStamp stamp = version.stamp;
    if (version.oid != oid || visibility_.check_update(stamp, xid, cid) != UpdateCheck::Ok) continue;
    version.stamp.xmax = xid;
    version.stamp.cmax = cid;
    version.stamp.hints &= static_cast<uint16_t>(~(disk::kHeapXmaxCommitted | disk::kHeapXmaxInvalid));
  }
}

Oid Catalog::create_namespace(const std::string& name, Oid owner, TransactionId xid, CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  Oid oid = control_.allocate_oid();
  insert_namespace({oid, name, owner}, xid, cid);
  return oid;
}

void Catalog::drop_namespace(Oid oid, TransactionId xid, CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  delete_namespace_row(oid, xid, cid);
}

void Catalog::rename_namespace(Oid oid, const std::string& new_name, TransactionId xid, CommandId cid) {
  std::lock_guard ddl(ddl_mutex_);
  Snapshot own = Snapshot::latest(xid, cid);
  std::optional<NamespaceInfo> schema = namespace_by_oid(oid, own);
  if (!schema) throw SqlError(sqlstate::kInvalidSchemaName, fmt::format("schema with OID {} does not exist", oid));
  for (const NamespaceInfo& other : namespaces(own)) {
    if (other.name == new_name) throw schema_exists(new_name);
  }
  delete_namespace_row(oid, xid, cid);
  insert_namespace({oid, new_name, schema->owner}, xid, cid);
  for (const auto& relation : cache_.all(own)) {
    if (relation->namespace_oid != oid) continue;
    auto renamed = std::make_shared<TableInfo>(*relation);
    renamed->schema = new_name;
    replace_class_row(std::move(renamed), xid, cid);
  }
}

}  // namespace chalkdb
