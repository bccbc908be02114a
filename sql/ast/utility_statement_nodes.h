// AST nodes of the utility statements: transaction control, COPY, PREPARE / EXECUTE /
// DEALLOCATE, EXPLAIN, SET and SHOW. Part of ast.h.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sql/ast/expression_nodes.h"
#include "sql/ast/query_statement_nodes.h"
#include "sql/ast/statement_node.h"

namespace chalkdb::ast {

enum class TransactionKind { Begin, Commit, Rollback };

struct TransactionStmt : Stmt {  // BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK / ABORT
  TransactionStmt(int loc) : Stmt(StmtKind::Transaction, loc) {}
  TransactionKind transaction_kind = TransactionKind::Begin;
  std::optional<std::string> isolation_level;  // "read committed", "repeatable read", ...
  std::optional<bool> read_only;
  bool start_transaction = false;  // spelled START TRANSACTION (its command tag differs)
};

// One COPY option, generic (FORMAT csv, FORCE_QUOTE (a, b)) or legacy (CSV, DELIMITER ',')
// spelt as its generic equivalent; `value` is unset for an option without argument.
struct CopyOption {
  std::string name;
  std::optional<std::string> value;
  std::vector<std::string> columns;  // FORCE_QUOTE / FORCE_NOT_NULL / FORCE_NULL lists
  bool all_columns = false;          // FORCE_QUOTE *
  int location = 0;
};

struct CopyStmt : Stmt {  // COPY table [(columns)] FROM/TO ... | COPY (query) TO ...
  CopyStmt(int loc) : Stmt(StmtKind::Copy, loc) {}
  std::optional<QualifiedName> table;
  std::vector<std::string> columns;
  std::unique_ptr<SelectStmt> query;
  bool is_from = false;
  std::optional<std::string> file_name;  // unset: STDIN / STDOUT
  bool program = false;
  std::vector<CopyOption> options;
  ExprPtr where;
};

struct PrepareStmt : Stmt {  // PREPARE name [(types)] AS statement
  PrepareStmt(int loc) : Stmt(StmtKind::Prepare, loc) {}
  std::string name;
  std::vector<TypeName> parameter_types;
  StmtPtr statement;
};

struct ExecuteStmt : Stmt {  // EXECUTE name [(arguments)]
  ExecuteStmt(int loc) : Stmt(StmtKind::Execute, loc) {}
  std::string name;
  std::vector<ExprPtr> arguments;
};

struct DeallocateStmt : Stmt {  // DEALLOCATE [PREPARE] name | ALL
  DeallocateStmt(int loc) : Stmt(StmtKind::Deallocate, loc) {}
  std::optional<std::string> name;  // unset: ALL
};

struct ExplainStmt : Stmt {
  ExplainStmt(int loc) : Stmt(StmtKind::Explain, loc) {}
  StmtPtr statement;
  bool analyze = false;
  bool verbose = false;
  bool costs = true;
  bool buffers = false;
  bool timing = true;
  bool summary = false;
  std::string format = "text";
};

struct SetStmt : Stmt {  // SET [SESSION|LOCAL] name {TO|=} value[, ...] | SET name TO DEFAULT | RESET
  SetStmt(int loc) : Stmt(StmtKind::Set, loc) {}
  std::string name;          // lower-cased; "time zone" becomes "timezone"
  std::vector<std::string> values;  // as written, quotes removed; empty: DEFAULT / RESET
  bool local = false;
  bool reset = false;        // RESET name / RESET ALL (name "all")
};

struct ShowStmt : Stmt {  // SHOW name | SHOW ALL
  ShowStmt(int loc) : Stmt(StmtKind::Show, loc) {}
  std::string name;
};

}  // namespace chalkdb::ast
