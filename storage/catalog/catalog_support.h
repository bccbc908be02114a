// Small helpers shared by the files that define Catalog's members (catalog.cpp,
// catalog_indexes.cpp).
#pragma once

#include <string>

#include "sql/error/sql_error.h"
#include "storage/common/disk_format.h"
#include "storage/common/ids.h"
#include "storage/mvcc/visibility.h"

namespace chalkdb {

// The version stamp of a catalog entry made by (xid, cid): alive until deleted.
inline VersionStamp fresh_stamp(TransactionId xid, CommandId cid) {
  return {xid, cid, kInvalidTransactionId, 0, disk::kHeapXmaxInvalid};
}

// PostgreSQL's relation_open wording for an OID that names no relation.
inline SqlError no_relation_with_oid(Oid oid) {
  return SqlError(sqlstate::kInternalError, "could not open relation with OID " + std::to_string(oid));
}

}  // namespace chalkdb
