// AST nodes of the statements that read and change rows: FROM-clause items (tables, table
// functions, joins, subselects), SELECT (with its target list, set operations, locking
// clauses and WITH), INSERT (with ON CONFLICT), UPDATE and DELETE. Part of ast.h.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sql/ast/expression_nodes.h"
#include "sql/ast/statement_node.h"

namespace chalkdb::ast {

// ---- FROM items ----------------------------------------------------------------------------

enum class TableRefKind { Table, Function, Join, Subselect };

struct TableRef {
  TableRefKind kind;
  int location = 0;
  explicit TableRef(TableRefKind k, int loc) : kind(k), location(loc) {}
  virtual ~TableRef() = default;
};
using TableRefPtr = std::unique_ptr<TableRef>;

struct Alias {
  std::string name;
  std::vector<std::string> columns;  // AS t(a, b)
};

struct QualifiedName {
  std::optional<std::string> schema;
  std::string name;
  int location = 0;
};

struct BaseTable : TableRef {
  BaseTable(int loc) : TableRef(TableRefKind::Table, loc) {}
  QualifiedName name;
  std::optional<Alias> alias;
};

struct FunctionTable : TableRef {  // generate_series(1, 10) AS g(i)
  FunctionTable(int loc) : TableRef(TableRefKind::Function, loc) {}
  std::unique_ptr<FuncCall> call;
  std::optional<Alias> alias;
  bool lateral = false;  // written LATERAL (functions in FROM may refer to earlier items anyway)
};

enum class JoinKind { Inner, Left, Right, Full, Cross };

struct Join : TableRef {
  Join(int loc) : TableRef(TableRefKind::Join, loc) {}
  JoinKind join_kind = JoinKind::Inner;
  TableRefPtr left, right;
  ExprPtr on;
  std::vector<std::string> using_columns;
  bool natural = false;
  std::optional<Alias> alias;  // (a JOIN b) AS j
};

struct Subselect : TableRef {
  Subselect(int loc) : TableRef(TableRefKind::Subselect, loc) {}
  std::unique_ptr<SelectStmt> query;
  std::optional<Alias> alias;
  bool lateral = false;
};

// ---- SELECT, INSERT, UPDATE, DELETE ---------------------------------------------------------

struct ResultTarget {  // one SELECT-list item
  ExprPtr expr;
  std::optional<std::string> alias;
  int location = 0;
};

enum class SetOp { None, Union, Intersect, Except };

enum class LockStrength { Update, NoKeyUpdate, Share, KeyShare };
enum class LockWaitPolicy { Block, NoWait, SkipLocked };

struct LockingClause {  // FOR UPDATE [OF t, ...] [NOWAIT | SKIP LOCKED]
  LockStrength strength = LockStrength::Update;
  std::vector<QualifiedName> tables;  // empty: every table of the FROM clause
  LockWaitPolicy wait = LockWaitPolicy::Block;
  int location = 0;
};

// WITH name [(columns)] AS [[NOT] MATERIALIZED] (query)
struct CommonTableExpr {
  std::string name;
  std::vector<std::string> columns;
  std::optional<bool> materialized;  // unset: PostgreSQL decides (inline when referenced once)
  std::unique_ptr<SelectStmt> query;
  int location = 0;
};

struct SelectStmt : Stmt {
  SelectStmt(int loc) : Stmt(StmtKind::Select, loc) {}
  // WITH [RECURSIVE] ...: visible to the whole statement, including set-operation operands.
  std::vector<CommonTableExpr> with;
  bool with_recursive = false;
  // A set operation: `left` op `right`; the select-list fields below are then unused,
  // except order_by/limit/offset which apply to the whole.
  SetOp set_op = SetOp::None;
  bool set_all = false;
  std::unique_ptr<SelectStmt> left, right;

  bool distinct = false;
  std::vector<ExprPtr> distinct_on;
  std::vector<ResultTarget> targets;
  std::vector<TableRefPtr> from;
  ExprPtr where;
  std::vector<ExprPtr> group_by;
  ExprPtr having;
  std::vector<WindowSpec> windows;  // WINDOW clause
  // VALUES (...), (...) as a query: rows here, no targets.
  std::vector<std::vector<ExprPtr>> values;
  std::vector<OrderItem> order_by;
  ExprPtr limit;  // LIMIT n | FETCH FIRST n ROWS ONLY; a NULL literal for LIMIT ALL
  bool limit_with_ties = false;  // FETCH FIRST n ROWS WITH TIES
  ExprPtr offset;
  std::vector<LockingClause> locking;
};

struct SetClause {
  std::string column;
  int location = 0;
  ExprPtr value;  // nullptr: DEFAULT
};

// One element of an index definition or an ON CONFLICT target: a column or an expression.
struct IndexElem {
  std::string column;  // empty when `expr` is set
  ExprPtr expr;        // an expression key (not supported by indexes yet)
  bool descending = false;
  std::optional<bool> nulls_first;  // unset: NULLS LAST for ASC, FIRST for DESC
  int location = 0;
};

// INSERT ... ON CONFLICT [target] DO NOTHING | DO UPDATE SET ... [WHERE ...]
struct OnConflictClause {
  std::vector<IndexElem> target;  // the arbiter index's columns; empty: any unique index
  ExprPtr target_where;           // partial-index predicate of the target
  int target_location = 0;        // the target's "(", where PostgreSQL reports its errors
  std::optional<std::string> constraint;  // ON CONSTRAINT name
  bool do_update = false;
  std::vector<SetClause> set;
  ExprPtr where;
  int location = 0;
};

struct InsertStmt : Stmt {
  InsertStmt(int loc) : Stmt(StmtKind::Insert, loc) {}
  QualifiedName table;
  std::optional<std::string> alias;
  std::vector<std::string> columns;
  std::vector<int> column_locations;
  // The source: a SelectStmt whose `values` holds VALUES rows (an item may be a DEFAULT
  // marker: a nullptr ExprPtr), or any query; nullptr for DEFAULT VALUES.
  std::unique_ptr<SelectStmt> source;
  std::optional<OnConflictClause> on_conflict;
  std::vector<ResultTarget> returning;
  // OVERRIDING USER VALUE ignores the values given for identity columns; OVERRIDING SYSTEM
  // VALUE lets them replace a GENERATED ALWAYS column's sequence value.
  enum class Overriding { None, UserValue, SystemValue } overriding = Overriding::None;
};

struct UpdateStmt : Stmt {
  UpdateStmt(int loc) : Stmt(StmtKind::Update, loc) {}
  QualifiedName table;
  std::optional<std::string> alias;
  std::vector<SetClause> set;
  std::vector<TableRefPtr> from;
  ExprPtr where;
  std::vector<ResultTarget> returning;
};

struct DeleteStmt : Stmt {
  DeleteStmt(int loc) : Stmt(StmtKind::Delete, loc) {}
  QualifiedName table;
  std::optional<std::string> alias;
  std::vector<TableRefPtr> using_tables;
  ExprPtr where;
  std::vector<ResultTarget> returning;
};

}  // namespace chalkdb::ast
