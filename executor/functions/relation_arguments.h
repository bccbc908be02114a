// Relation and block arguments of engine functions, checked as PostgreSQL checks them.
//
// relation_named resolves a relation name given as text the way PostgreSQL's
// textToQualifiedNameList + RangeVarGetRelid do ('t', 'public.t', '"T"'; unquoted names fold
// to lower case; 42P01 when missing). relation_with_oid is the regclass-by-oid path: null when
// the statement's snapshot sees no such relation (pg_relation_size then returns NULL).
#pragma once

#include <memory>
#include <string_view>

#include "executor/exec_context.h"
#include "sql/value/value.h"
#include "storage/catalog/table_info.h"

namespace chalkdb {

std::shared_ptr<const TableInfo> relation_named(ExecContext& context, std::string_view name);
std::shared_ptr<const TableInfo> relation_with_oid(ExecContext& context, Oid oid);

// A block number argument (int8): 22023 "invalid block number" outside 0 .. 2^32-2.
BlockNumber block_number_argument(const Value& value);

// 22023 "block number N is out of range for relation "t"" past the relation's end.
void check_block_in_range(ExecContext& context, const TableInfo& relation, BlockNumber block);

}  // namespace chalkdb
