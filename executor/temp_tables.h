// TempTables: one session's temporary schema (pg_temp_N) and the ON COMMIT actions of its
// temporary tables, as PostgreSQL's namespace.c (InitTempTableNamespace, RemoveTempRelations)
// and tablecmds.c (PreCommit_on_commit_actions) keep them.
//
// The number N is claimed from the database's TempSchemaNumbers when the session starts and
// given back when it ends. The schema is created on the session's first temporary table and
// kept afterwards (as PostgreSQL keeps it); its relations are dropped then if an earlier
// session (or a crash) left any, and again when the session ends. Until the first temporary
// table the session's search path has no temporary schema. Temporary tables are ordinary
// heap relations with relpersistence 't' (they are WAL-logged like the others; a crash
// leaves them for the next user of pg_temp_N to drop).
#pragma once

#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sql/ast/ast.h"
#include "storage/catalog/search_path.h"
#include "storage/common/ids.h"

namespace chalkdb {

struct ExecContext;

// The pg_temp_N numbers in use by sessions (PostgreSQL's backend ids; the first client of a
// fresh PostgreSQL 15 server gets 3, after its auxiliary processes).
class TempSchemaNumbers {
 public:
  int claim();
  void release(int number);

 private:
  std::mutex mutex_;
  std::set<int> in_use_;
};

class TempTables {
 public:
  // `source` is the session's search-path source: its temp_schema is set on activation.
  TempTables(TempSchemaNumbers& numbers, SearchPathSource& source);
  ~TempTables();
  TempTables(const TempTables&) = delete;
  TempTables& operator=(const TempTables&) = delete;

  // Makes sure the session's temporary schema exists in the current transaction and is on
  // its search path (before a temporary relation is created).
  void activate(ExecContext& context);
  // Records ON COMMIT DELETE ROWS / DROP for a new temporary table.
  void on_commit(Oid table, ast::OnCommitAction action);
  // Runs the ON COMMIT actions inside the committing transaction.
  void before_commit(ExecContext& context);
  // Whether the session has a temporary schema whose tables must go when it ends.
  bool active() const { return !source_.temp_schema.empty(); }
  // Drops the session's temporary relations (at session end) in the caller's transaction.
  void drop_all(ExecContext& context);

 private:
  std::string schema_name() const;

  TempSchemaNumbers& numbers_;
  SearchPathSource& source_;
  int number_;
  struct Action {
    Oid table;
    ast::OnCommitAction action;
  };
  std::vector<Action> actions_;
};

// 42P16 "ON COMMIT can only be used on temporary tables" for ON COMMIT on a permanent table.
void check_on_commit(const std::optional<ast::OnCommitAction>& action, bool temporary);

}  // namespace chalkdb
