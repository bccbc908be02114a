// AST statement base: StmtKind and Stmt, which every statement node derives from. Part of
// ast.h.
#pragma once

#include <memory>
#include <string>

namespace chalkdb::ast {

enum class StmtKind {
  Select, Insert, Update, Delete, CreateTable, CreateTableAs, CreateView, DropTable, CreateSchema, DropSchema,
  AlterSchema, Truncate, CreateSequence, CreateIndex,
  DropIndex, Reindex, AlterTable, Transaction, Explain, Set, Show, Copy, Prepare, Execute,
  Deallocate,
};

struct Stmt {
  explicit Stmt(StmtKind k, int loc) : kind(k), location(loc) {}
  virtual ~Stmt() = default;
  StmtKind kind;
  int location;
  // The statement's own text (from its first token to its end, without the ';'), kept for
  // logging and pg_stat_activity.
  std::string text;
};
using StmtPtr = std::unique_ptr<Stmt>;

}  // namespace chalkdb::ast
