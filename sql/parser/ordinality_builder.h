// f(...) WITH ORDINALITY in FROM: the function's rows numbered from 1 in an extra bigint
// column, "ordinality" unless the alias names it ("AS a(relid, depth)").
//
// Difference from PostgreSQL: the clause is written out as the subquery it means,
// LATERAL (SELECT *, row_number() OVER () AS ordinality FROM f(...)) AS alias, so EXPLAIN
// shows a Subquery Scan over a WindowAgg rather than a Function Scan with ordinality.
#pragma once

#include "sql/ast/ast.h"

namespace chalkdb {

ast::TableRefPtr with_ordinality(std::unique_ptr<ast::FunctionTable> function);

}  // namespace chalkdb
