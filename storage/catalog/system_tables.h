// The system tables: their fixed OIDs (PostgreSQL's), names and columns.
//
// Each table's columns are listed once here, in the order they are stored; the column-number
// enums below must follow the same order (system_tables.cpp checks it at startup). Only the
// columns ChalkDB needs so far are present, named and typed as in PostgreSQL 15.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "sql/types/type_id.h"
#include "storage/catalog/table_info.h"
#include "storage/common/ids.h"

namespace chalkdb {

inline constexpr Oid kPgCatalogNamespace = 11;
inline constexpr Oid kPgToastNamespace = 99;
inline constexpr Oid kPublicNamespace = 2200;
inline constexpr Oid kBootstrapSuperuserId = 10;  // the "postgres" role
inline constexpr Oid kDatabaseOwnerRole = 6171;    // pg_database_owner, owns public

inline constexpr Oid kPgTypeRelation = 1247;
inline constexpr Oid kPgAttributeRelation = 1249;
inline constexpr Oid kPgClassRelation = 1259;
inline constexpr Oid kPgAttrdefRelation = 2604;
inline constexpr Oid kPgNamespaceRelation = 2615;
inline constexpr Oid kPgAmRelation = 2601;
inline constexpr Oid kPgSequenceRelation = 2224;
inline constexpr Oid kPgIndexRelation = 2610;
inline constexpr Oid kPgConstraintRelation = 2606;
inline constexpr Oid kPgRewriteRelation = 2618;
inline constexpr Oid kPgDependRelation = 2608;
inline constexpr Oid kPgCollationRelation = 3456;
inline constexpr Oid kPgAuthMembersRelation = 1261;
inline constexpr Oid kPgInheritsRelation = 2611;
inline constexpr Oid kPgTriggerRelation = 2620;
inline constexpr Oid kPgPolicyRelation = 3256;
inline constexpr Oid kPgStatisticExtRelation = 3381;
inline constexpr Oid kPgPublicationRelation = 6104;
inline constexpr Oid kPgPublicationRelRelation = 6106;
inline constexpr Oid kPgPublicationNamespaceRelation = 6237;
inline constexpr Oid kBtreeAccessMethod = 403;

// Array-typed catalog columns (int2vector, oidvector, int2[], oid[]) are stored as text in
// PostgreSQL's output form ("1 2", "{1,2}") until the type system has array types.
struct SystemTable {
  Oid oid;
  std::string_view name;
  std::vector<ColumnInfo> columns;  // attnum set, all NOT NULL as in PostgreSQL's catalogs
};

// All system tables, bootstrap order (pg_namespace first).
const std::vector<SystemTable>& system_tables();
const SystemTable& system_table(Oid oid);

namespace pg_namespace {
enum Column : size_t { oid, nspname, nspowner, kColumnCount };
}
namespace pg_am {  // amhandler (regproc) left out: no handler functions
enum Column : size_t { oid, amname, amtype, kColumnCount };
}
namespace pg_class {
enum Column : size_t {
  oid, relname, relnamespace, reltype, reloftype, relowner, relam, relfilenode, reltablespace,
  relpages, reltuples, relallvisible, reltoastrelid, relhasindex, relisshared, relpersistence,
  relkind, relnatts, relchecks, relhasrules, relhastriggers, relhassubclass, relrowsecurity,
  relforcerowsecurity, relispopulated, relreplident, relispartition, relrewrite, reloptions,
  relpartbound, kColumnCount
};
}
namespace pg_attribute {
enum Column : size_t {
  attrelid, attname, atttypid, attstattarget, attlen, attnum, attndims, attcacheoff, atttypmod,
  attbyval, attalign, attstorage, attcompression, attnotnull, atthasdef, atthasmissing,
  attidentity, attgenerated, attisdropped, attislocal, attinhcount, attcollation, kColumnCount
};
}
namespace pg_attrdef {
enum Column : size_t { oid, adrelid, adnum, adbin, kColumnCount };
}
namespace pg_type {
enum Column : size_t {
  oid, typname, typnamespace, typowner, typlen, typbyval, typtype, typcategory, typispreferred,
  typisdefined, typdelim, typrelid, typelem, typarray, typalign, typstorage, typnotnull,
  typbasetype, typtypmod, typndims, typcollation, kColumnCount
};
}
namespace pg_index {
enum Column : size_t {
  indexrelid, indrelid, indnatts, indnkeyatts, indisunique, indnullsnotdistinct, indisprimary,
  indisexclusion, indimmediate, indisclustered, indisvalid, indcheckxmin, indisready, indislive,
  indisreplident, indkey, indcollation, indclass, indoption, indexprs, indpred, kColumnCount
};
}
namespace pg_constraint {
enum Column : size_t {
  oid, conname, connamespace, contype, condeferrable, condeferred, convalidated, conrelid,
  contypid, conindid, conparentid, confrelid, confupdtype, confdeltype, confmatchtype,
  conislocal, coninhcount, connoinherit, conkey, confkey, conpfeqop, conppeqop, conffeqop,
  confdelsetcols, conexclop, conbin, kColumnCount
};
}
namespace pg_rewrite {
enum Column : size_t {
  oid, rulename, ev_class, ev_type, ev_enabled, is_instead, ev_qual, ev_action, kColumnCount
};
}
namespace pg_depend {
enum Column : size_t {
  classid, objid, objsubid, refclassid, refobjid, refobjsubid, deptype, kColumnCount
};
}
// pg_collation: the default, C and POSIX collations (catalog_rows::collation_rows).
namespace pg_collation {
enum Column : size_t {
  oid, collname, collnamespace, collowner, collprovider, collisdeterministic, collencoding,
  collcollate, collctype, colliculocale, collversion, kColumnCount
};
}
namespace pg_sequence {
enum Column : size_t {
  seqrelid, seqtypid, seqstart, seqincrement, seqmax, seqmin, seqcache, seqcycle, kColumnCount
};
}

}  // namespace chalkdb
