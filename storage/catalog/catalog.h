// Catalog: the database's schema, kept in system tables (pg_class, pg_attribute, ...) that
// are ordinary heap relations, as in PostgreSQL, and cached in memory for lookups.
//
// DDL is transactional because the catalog rows are MVCC rows: an uncommitted CREATE TABLE is
// visible only to its own transaction and a rolled-back one never. The cache keeps every
// pg_class row version it knows with its xmin/xmax, so a lookup decides visibility for the
// caller's snapshot in memory without scanning; DDL updates it as it runs, and the versions of
// a transaction that aborts are dropped when it ends (transaction_finished). A dropped relation's file is
// unlinked when the dropping transaction commits; a created one's when its creator aborts.
// Differences from PostgreSQL: lookups use the caller's snapshot (PostgreSQL uses a fresh
// catalog snapshot), no pg_depend, tables get no composite row type (reltype = 0), and
// default expressions are stored as SQL text in pg_attrdef.adbin instead of a node tree.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sql/types/type_id.h"
#include "storage/buffer/buffer_pool.h"
#include "storage/catalog/relation_cache.h"
#include "storage/catalog/sequence_store.h"
#include "storage/catalog/table_info.h"
#include "storage/common/ids.h"
#include "storage/control/control_file.h"
#include "storage/file/relation_files.h"
#include "storage/heap/heap_table.h"
#include "storage/heap/written_relations.h"
#include "storage/mvcc/commit_log.h"
#include "storage/mvcc/snapshot.h"

namespace chalkdb {

class Catalog {
 public:
  Catalog(BufferPool& pool, RelationFiles& files, const CommitLog& commit_log,
          WrittenRelations& written, ControlFile& control);
  ~Catalog();
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  // Creates the system tables and their rows in an empty data directory (xmin = bootstrap).
  // The relfilenode of a system table is its OID (PostgreSQL shows 0 for its mapped catalogs).
  void bootstrap();
  // Reads the system tables into the cache (after bootstrap or when reopening).
  void load();

  std::shared_ptr<const TableInfo> find_relation(std::string_view schema, std::string_view name,
                                                 const Snapshot& snapshot);
  std::shared_ptr<const TableInfo> relation_by_oid(Oid oid, const Snapshot& snapshot);
  std::optional<Oid> find_namespace(std::string_view schema, const Snapshot& snapshot);
  // Every relation the snapshot sees, ordered by OID.
  std::vector<std::shared_ptr<const TableInfo>> relations(const Snapshot& snapshot);

  // Adds the relation's catalog rows and creates its (empty) file; returns its OID.
  // Throws 42P07 `relation "t" already exists` if a live relation has the name, 3F000 if the
  // schema does not exist, 42701 for a repeated column name, 54011 beyond 1600 columns.
  Oid create_relation(const TableDefinition& definition, TransactionId xid, CommandId cid);
  // Deletes the relation's catalog rows; the file is unlinked once the transaction commits.
  // Throws XX000 `could not open relation with OID n` if (xid, cid) sees no such relation.
  void drop_relation(Oid oid, TransactionId xid, CommandId cid);

  // CREATE SEQUENCE; the default options are PostgreSQL's (bigint, start 1, increment 1, no
  // cycle). The options must be valid (checked by the caller, as in PostgreSQL's init_params).
  Oid create_sequence(std::string schema, std::string name, TransactionId xid, CommandId cid,
                      const SequenceOptions& options = {});
  // nextval(): not transactional; durable without an fsync per call (see SequenceStore).
  // Throws 2200H when the sequence is exhausted, 42809 `"t" is not a sequence`, XX000 for
  // an OID naming no committed relation (as PostgreSQL's nextval(oid)).
  int64_t next_sequence_value(Oid sequence);
  SequenceState sequence_state(Oid sequence);
  SequenceOptions sequence_options(Oid sequence);
  // setval(): not transactional, like nextval (see SequenceStore::set_value).
  void set_sequence_value(Oid sequence, int64_t value, bool is_called);

  // The relation's heap (created on first use and kept).
  HeapTable& heap(const TableInfo& table);

  // Called by the transaction manager when a transaction that may have changed the catalog
  // ends: unlinks files of committed drops / aborted creates and refreshes the cache.
  void transaction_finished(TransactionId xid, bool committed);

  // Writes back sequence positions exactly (clean shutdown).
  void shutdown();

 private:
  struct PendingFileActions {
    // (oid, relfilenode) of relations to forget and unlink if the transaction aborts...
    std::vector<std::pair<Oid, Oid>> created;
    // ... and of those to forget and unlink if it commits.
    std::vector<std::pair<Oid, Oid>> dropped;
  };
  struct NamespaceVersion {
    Oid oid;
    std::string name;
    VersionStamp stamp;
  };

  HeapTable& heap_for(Oid relfilenode, const std::vector<ColumnInfo>& columns);
  HeapTable& system_heap(Oid catalog);
  void insert_catalog_row(Oid catalog, std::span<const Value> row, TransactionId xid,
                          CommandId cid);
  void insert_relation_rows(const TableInfo& table, TransactionId xid, CommandId cid);
  std::shared_ptr<TableInfo> build_table_info(const TableDefinition& definition,
                                              TransactionId xid, CommandId cid);
  // Sets xmax on every live row of `catalog` whose Oid column `key_column` equals `key`.
  void delete_rows_where(Oid catalog, size_t key_column, Oid key, TransactionId xid,
                         CommandId cid);
  std::optional<std::string> namespace_name(Oid oid) const;
  void attach_sequence(Oid sequence);
  void forget_relation(Oid oid, Oid relfilenode);
  void load_namespaces();
  void load_relations();

  BufferPool& pool_;
  RelationFiles& files_;
  const CommitLog& commit_log_;
  WrittenRelations& written_;
  ControlFile& control_;
  Visibility visibility_;
  RelationCache cache_;
  SequenceStore sequences_;

  mutable std::shared_mutex namespaces_mutex_;
  std::vector<NamespaceVersion> namespaces_;

  std::mutex ddl_mutex_;  // a name check and the creation it allows happen together
  std::mutex mutex_;      // heaps_ and pending_
  // By relfilenode. Kept after a drop, so a reference handed out earlier never dangles.
  std::unordered_map<Oid, std::unique_ptr<HeapTable>> heaps_;
  std::unordered_map<TransactionId, PendingFileActions> pending_;
};

}  // namespace chalkdb
