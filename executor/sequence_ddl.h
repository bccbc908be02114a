// CREATE SEQUENCE: validates the options against each other and the sequence's type the way
// PostgreSQL's init_params() does (same defaults, same 22023 messages) and creates the
// sequence relation in the current transaction. serial columns use the same defaults.
#pragma once

#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"
#include "storage/catalog/sequence_store.h"

namespace chalkdb {

void create_sequence(const ast::CreateSequenceStmt& stmt, ExecContext& context, ResultSink& sink);

// The options of a sequence of `type` (smallint, integer or bigint) with nothing specified.
SequenceOptions default_sequence_options(TypeId type);
// The options of an identity column's sequence: as CREATE SEQUENCE's, of the column's type
// unless AS names one.
SequenceOptions sequence_options(const ast::CreateSequenceStmt& stmt, TypeId default_type);

}  // namespace chalkdb
