// Catalog: the database's schema, kept in system tables (pg_class, pg_attribute, ...) that
// are ordinary heap relations, as in PostgreSQL, and cached in memory for lookups.
//
// DDL is transactional because the catalog rows are MVCC rows: an uncommitted CREATE TABLE is
// visible only to its own transaction and a rolled-back one never. The cache keeps every
// pg_class row version it knows with its xmin/xmax, so a lookup decides visibility for the
// caller's snapshot in memory without scanning; DDL updates it as it runs, and the versions of
// a transaction that aborts are dropped when it ends (transaction_finished). A dropped relation's file is
// unlinked when the dropping transaction commits; a created one's when its creator aborts.
// Indexes are relations of their own (pg_class relkind 'i', relam 403, pg_attribute rows for
// their columns, a pg_index row); a PRIMARY KEY or UNIQUE constraint is a pg_constraint row
// naming its index. Creating or dropping either writes a new version of the table's pg_class
// row, so TableInfo versions carry their indexes and constraints (see table_info.h); DDL
// steps within one statement must therefore run in successive command ids, as PostgreSQL's
// CommandCounterIncrement separates them.
// Differences from PostgreSQL: lookups use the caller's snapshot (PostgreSQL uses a fresh
// catalog snapshot), pg_depend only for views and owned sequences, tables get no composite row
// type (reltype = 0), and default expressions are stored as SQL text in pg_attrdef.adbin
// instead of a node tree.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
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
#include "storage/index/btree.h"
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
  std::shared_ptr<const TableInfo> find_relation_in(Oid namespace_oid, std::string_view name,
                                                    const Snapshot& snapshot);
  std::shared_ptr<const TableInfo> relation_by_oid(Oid oid, const Snapshot& snapshot);
  std::optional<Oid> find_namespace(std::string_view schema, const Snapshot& snapshot);
  // Schemas (pg_namespace), defined in catalog_namespaces.cpp. Renaming writes a new pg_class
  // version of each relation in the schema, since TableInfo carries its schema's name.
  struct NamespaceInfo {
    Oid oid;
    std::string name;
    Oid owner;
  };
  std::vector<NamespaceInfo> namespaces(const Snapshot& snapshot);
  std::optional<NamespaceInfo> namespace_by_oid(Oid oid, const Snapshot& snapshot);
  // Throws 42P06 `schema "s" already exists` when a live or pending schema has the name.
  Oid create_namespace(const std::string& name, Oid owner, TransactionId xid, CommandId cid);
  // Deletes the schema's row; the caller has dropped (or refused to drop) what it contains.
  void drop_namespace(Oid oid, TransactionId xid, CommandId cid);
  void rename_namespace(Oid oid, const std::string& new_name, TransactionId xid, CommandId cid);
  // Every relation the snapshot sees, ordered by OID.
  std::vector<std::shared_ptr<const TableInfo>> relations(const Snapshot& snapshot);

  // Adds the relation's catalog rows and creates its (empty) file; returns its OID.
  // Throws 42P07 `relation "t" already exists` if a live relation has the name, 3F000 if the
  // schema does not exist, 42701 for a repeated column name, 54011 beyond 1600 columns.
  Oid create_relation(const TableDefinition& definition, TransactionId xid, CommandId cid);
  // CREATE VIEW: a relation of kind 'v' without a file, its _RETURN rule (pg_rewrite, the
  // query as SQL text) and pg_depend rows for the relations and columns the query reads.
  // Throws like create_relation.
  Oid create_view(const TableDefinition& definition, ViewInfo view, TransactionId xid,
                  CommandId cid);
  // CREATE OR REPLACE VIEW: the view's new columns (the caller has checked that the old ones
  // are kept) and query.
  void replace_view(Oid view_oid, std::vector<ColumnInfo> columns, ViewInfo view,
                    TransactionId xid, CommandId cid);
  // Deletes the relation's catalog rows; the file is unlinked once the transaction commits.
  // Throws XX000 `could not open relation with OID n` if (xid, cid) sees no such relation.
  void drop_relation(Oid oid, TransactionId xid, CommandId cid);

  // Creates the index relation of `definition` on the table (an empty B-tree: the caller
  // fills it) and, when constraint_type is 'p' or 'u', the constraint backed by it, named
  // like the index. Throws 42P07 when the name is taken.
  struct IndexDefinition {
    std::string name;
    std::vector<IndexKeyInfo> keys;
    std::vector<int16_t> include;
    bool unique = false;
    bool primary = false;
    std::optional<char> constraint_type;  // kConstraintPrimaryKey / kConstraintUnique
  };
  Oid create_index(Oid table_oid, const IndexDefinition& definition, TransactionId xid,
                   CommandId cid);
  // Drops the index relation and the constraint it backs (its file goes at commit).
  void drop_index(Oid index_oid, TransactionId xid, CommandId cid);
  // Gives the index a new, empty B-tree file (REINDEX), the old one unlinked at commit.
  void assign_new_index_file(Oid index_oid, TransactionId xid, CommandId cid);
  // Records pg_class.relpages/reltuples of a table and one of its indexes, as PostgreSQL's
  // index build does (index_update_stats).
  void update_index_statistics(Oid index_oid, int32_t table_pages, float table_tuples,
                               int32_t index_pages, float index_tuples, TransactionId xid,
                               CommandId cid);
  // Marks columns NOT NULL (a PRIMARY KEY added to an existing table); the caller has
  // checked the rows.
  void set_not_null(Oid table_oid, const std::vector<int16_t>& attnums, TransactionId xid,
                    CommandId cid);
  // ALTER TABLE RENAME and ALTER COLUMN: the table's new name and columns (same attnums;
  // names, NOT NULL and defaults may change), written as new pg_class, pg_attribute and
  // pg_attrdef rows. Throws 42P07 when the new table name is taken.
  void alter_relation(Oid table_oid, std::string name, std::vector<ColumnInfo> columns,
                      TransactionId xid, CommandId cid);
  // ALTER TABLE ADD / DROP COLUMN and ALTER COLUMN TYPE: the table gets `columns` (attnums
  // 1..n) and new, empty files for its heap and its indexes, as PostgreSQL's table rewrite
  // (the old files go at commit; the caller copies the rows and fills the indexes).
  // attnum_map[old attnum - 1] is a column's new attnum, 0 for a dropped one; the table's
  // indexes and constraints are renumbered by it (none may use a dropped column).
  void rewrite_relation(Oid table_oid, std::vector<ColumnInfo> columns,
                        const std::vector<int16_t>& attnum_map, TransactionId xid, CommandId cid);
  // Adds a constraint row to the table (the oid is assigned when 0); CHECK and FOREIGN KEY
  // constraints are added this way, p/u ones by create_index.
  Oid add_constraint(ConstraintInfo constraint, TransactionId xid, CommandId cid);
  // Removes a constraint row by name (not the index of a p/u constraint: use drop_index).
  void drop_constraint(Oid table_oid, std::string_view name, TransactionId xid, CommandId cid);
  // True if a relation of that name in the schema is live or being created (index names
  // chosen by default avoid such names, as PostgreSQL's ChooseRelationName).
  bool relation_name_in_use(Oid namespace_oid, std::string_view name, TransactionId xid) const;

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
  // The B-tree of one of the table's indexes (created on first use and kept). Its key columns
  // are the index's key columns; INCLUDE columns are not stored in the tree (there are no
  // index-only scans yet).
  BTree& index_tree(const TableInfo& table, const IndexInfo& index);

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
    Oid owner;
    VersionStamp stamp;
  };
  // Writes the schema's pg_namespace row and its in-memory version.
  void insert_namespace(const NamespaceInfo& schema, TransactionId xid, CommandId cid);
  // Sets xmax on the schema's row and its in-memory version (42P06-free: caller checked).
  void delete_namespace_row(Oid oid, TransactionId xid, CommandId cid);

  HeapTable& heap_for(Oid relfilenode, const std::vector<ColumnInfo>& columns);
  HeapTable& system_heap(Oid catalog);
  void insert_catalog_row(Oid catalog, std::span<const Value> row, TransactionId xid,
                          CommandId cid);
  void insert_relation_rows(const TableInfo& table, TransactionId xid, CommandId cid);
  void insert_column_rows(const TableInfo& table, TransactionId xid, CommandId cid);
  void insert_view_rows(const TableInfo& view, TransactionId xid, CommandId cid);
  // pg_rewrite and pg_depend rows as ViewInfo by view OID.
  std::map<Oid, ViewInfo> load_view_rows();
  // Gives each index of `table` (a new version being written) a new, empty file.
  void renew_index_files(TableInfo& table, TransactionId xid, CommandId cid);
  // The relation's version that (xid, cid) sees, or XX000 "could not open relation".
  std::shared_ptr<const TableInfo> current_version(Oid oid, TransactionId xid, CommandId cid);
  // Writes `next` as the new pg_class row version of its relation (delete + insert).
  void replace_class_row(std::shared_ptr<TableInfo> next, TransactionId xid, CommandId cid);
  void delete_relation_rows(const TableInfo& relation, TransactionId xid, CommandId cid);
  void record_dropped(Oid oid, Oid relfilenode, TransactionId xid);
  void record_created(Oid oid, Oid relfilenode, TransactionId xid);
  // Creates the file of a new index and writes its meta page as part of `xid`.
  void create_index_file(const TableInfo& table, const IndexInfo& index, TransactionId xid);
  std::shared_ptr<TableInfo> build_table_info(const TableDefinition& definition,
                                              TransactionId xid, CommandId cid);
  // Sets xmax on every live row of `catalog` whose Oid column `key_column` equals `key`.
  void delete_rows_where(Oid catalog, size_t key_column, Oid key, TransactionId xid,
                         CommandId cid);
  void delete_rows_matching(Oid catalog,
                            const std::function<bool(const std::vector<Value>&)>& matches,
                            TransactionId xid, CommandId cid);
  std::optional<std::string> namespace_name(Oid oid) const;
  void attach_sequence(Oid sequence);
  void forget_relation(Oid oid, Oid relfilenode);
  void load_namespaces();
  void load_relations();
  // A table's indexes and constraints by table OID, and index definitions by index OID,
  // from pg_index and pg_constraint (index names and sizes are filled in from pg_class).
  struct IndexRows {
    std::map<Oid, std::vector<Oid>> indexes_of_table;
    std::map<Oid, IndexInfo> index_by_oid;
    std::map<Oid, std::vector<ConstraintInfo>> constraints_of_table;
  };
  IndexRows load_index_rows();

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
  std::unordered_map<Oid, std::unique_ptr<BTree>> trees_;
  std::unordered_map<TransactionId, PendingFileActions> pending_;
};

}  // namespace chalkdb
