// The abstract syntax tree the parser produces and the binder consumes.
//
// Nodes are plain structs owned through unique_ptr; each carries `location`, the 0-based
// character offset of its first token in the query string (the binder turns it into an
// error position). Names are already case-folded as PostgreSQL folds them (unquoted
// identifiers lower-cased, quoted ones kept as written).
//
// The nodes are declared by kind in expression_nodes.h, statement_node.h,
// query_statement_nodes.h, ddl_statement_nodes.h and utility_statement_nodes.h; including
// ast.h gives them all.
#pragma once

#include "sql/ast/ddl_statement_nodes.h"
#include "sql/ast/expression_nodes.h"
#include "sql/ast/query_statement_nodes.h"
#include "sql/ast/statement_node.h"
#include "sql/ast/utility_statement_nodes.h"
