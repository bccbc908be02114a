// The abstract syntax tree the parser produces and the binder consumes.
//
// Nodes are plain structs owned through unique_ptr; each carries `location`, the 0-based
// character offset of its first token in the query string (the binder turns it into an
// error position). Names are already case-folded as PostgreSQL folds them (unquoted
// identifiers lower-cased, quoted ones kept as written).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chalkdb::ast {

// ---- Expressions ----------------------------------------------------------------------------

enum class ExprKind {
  ColumnRef, Star, Literal, Param, Unary, Binary, IsNull, IsBool, Between, InList,
  FuncCall, Cast, Case, Like, Subquery, Exists, InSubquery, Quantified, Array, Row,
  Subscript, Collate, GroupingSet,
};

struct Expr {
  explicit Expr(ExprKind k, int loc) : kind(k), location(loc) {}
  virtual ~Expr() = default;
  ExprKind kind;
  int location;  // 0-based character offset
};
using ExprPtr = std::unique_ptr<Expr>;

struct SelectStmt;

// A type as written: `name` is the canonical internal name (int2, int4, int8, float4, float8,
// numeric, bool, text, varchar, bpchar, date, timestamp, timestamptz, time, interval, bytea,
// ...) for the SQL-standard spellings (integer, int, smallint, bigint, real,
// double precision, decimal, boolean, character varying, character, char, timestamp without
// time zone); other names are kept as written (schema-qualified names joined with '.').
struct TypeName {
  std::string name;
  std::vector<int> modifiers;  // e.g. {10, 2} for numeric(10,2), {20} for varchar(20)
  bool is_array = false;
  int location = 0;
};

struct ColumnRef : Expr {  // a, t.a, s.t.a
  ColumnRef(int loc) : Expr(ExprKind::ColumnRef, loc) {}
  std::vector<std::string> names;
};

struct Star : Expr {  // * or t.*
  Star(int loc) : Expr(ExprKind::Star, loc) {}
  std::optional<std::string> table;
};

enum class LiteralKind { Integer, Numeric, String, Bool, Null };

struct Literal : Expr {
  // Out of line: a LiteralTracker active on this thread learns of each Literal made and
  // destroyed (literal_tracker.h). Not copyable, so a tracked node is the only holder of its
  // value.
  explicit Literal(int loc);
  ~Literal() override;
  Literal(const Literal&) = delete;
  Literal& operator=(const Literal&) = delete;
  LiteralKind literal_kind = LiteralKind::Null;
  // Integer and Numeric: the digits as written ("42", "1.5", "1e10"); String: the value with
  // escapes resolved; Bool: "true"/"false".
  // As in PostgreSQL, a minus sign applied to a numeric literal is folded into it ("-42",
  // location of the '-'), and Integer means "fits in int8": the binder picks int4 when the
  // value fits (so -2147483648 is an int4), otherwise int8; larger values are Numeric.
  std::string text;
};

struct Param : Expr {  // $1
  Param(int loc) : Expr(ExprKind::Param, loc) {}
  int number = 0;
};

struct Unary : Expr {  // op is "-", "+", "NOT"
  Unary(int loc) : Expr(ExprKind::Unary, loc) {}
  std::string op;
  ExprPtr operand;
};

// Arithmetic, comparison, "||", "AND", "OR" and any other binary operator, written as the
// operator's text ("+", "<>", "AND"). `!=` is normalised to "<>". `location` is the operator's.
struct Binary : Expr {
  Binary(int loc) : Expr(ExprKind::Binary, loc) {}
  std::string op;
  ExprPtr left, right;
};

struct IsNull : Expr {  // x IS [NOT] NULL
  IsNull(int loc) : Expr(ExprKind::IsNull, loc) {}
  ExprPtr operand;
  bool negated = false;
};

struct IsBool : Expr {  // x IS [NOT] TRUE|FALSE|UNKNOWN, x IS [NOT] DISTINCT FROM y
  enum class Test { True, False, Unknown, DistinctFrom };
  IsBool(int loc) : Expr(ExprKind::IsBool, loc) {}
  ExprPtr operand;
  ExprPtr other;  // DistinctFrom only
  Test test = Test::True;
  bool negated = false;
};

struct Between : Expr {
  Between(int loc) : Expr(ExprKind::Between, loc) {}
  ExprPtr operand, low, high;
  bool negated = false;
  bool symmetric = false;
};

struct InList : Expr {  // x [NOT] IN (a, b, c)
  InList(int loc) : Expr(ExprKind::InList, loc) {}
  ExprPtr operand;
  std::vector<ExprPtr> list;
  bool negated = false;
};

struct Like : Expr {  // x [NOT] LIKE|ILIKE p [ESCAPE e]
  Like(int loc) : Expr(ExprKind::Like, loc) {}
  ExprPtr operand, pattern, escape;
  bool negated = false;
  bool case_insensitive = false;
};

// The SQL-standard special syntaxes arrive as calls, rewritten as PostgreSQL's grammar does:
//   EXTRACT(f FROM x) -> pg_catalog.extract('f', x)      POSITION(a IN b) -> pg_catalog.position(b, a)
//   SUBSTRING(x FROM a FOR b) -> pg_catalog.substring(x, a, b)  (FOR only: (x, 1, b))
//   SUBSTRING(x SIMILAR p ESCAPE e) -> pg_catalog.substring(x, p, e)
//   TRIM([BOTH|LEADING|TRAILING] [c] FROM s) -> pg_catalog.btrim|ltrim|rtrim(s[, c])
//   x AT TIME ZONE z -> pg_catalog.timezone(z, x)          x [NOT] SIMILAR TO p -> x ~ (or !~)
//                                                          pg_catalog.similar_to_escape(p[, e])
//   COALESCE/GREATEST/LEAST/NULLIF(...) -> coalesce/greatest/least/nullif(...) (unqualified;
//     PostgreSQL evaluates these as special expressions, not catalog functions)
//   CURRENT_DATE, CURRENT_TIME[(p)], CURRENT_TIMESTAMP[(p)], LOCALTIME[(p)],
//   LOCALTIMESTAMP[(p)], CURRENT_USER, CURRENT_ROLE, SESSION_USER, USER, CURRENT_CATALOG,
//   CURRENT_SCHEMA -> a call named after the keyword in lower case ("current_date"), no
//     arguments, or the precision as one Integer literal.
// The name's last element is the column name PostgreSQL gives the expression.
struct OrderItem {
  ExprPtr expr;
  bool descending = false;
  std::optional<bool> nulls_first;  // unset: PostgreSQL's default (NULLS LAST for ASC)
};

// A window frame: ROWS / RANGE / GROUPS BETWEEN start AND end [EXCLUDE ...].
enum class FrameMode { Range, Rows, Groups };
enum class FrameBoundKind { UnboundedPreceding, OffsetPreceding, CurrentRow, OffsetFollowing,
                            UnboundedFollowing };
enum class FrameExclusion { NoOthers, CurrentRow, Group, Ties };

struct FrameBound {
  FrameBoundKind kind = FrameBoundKind::CurrentRow;
  ExprPtr offset;  // n PRECEDING / n FOLLOWING
  int location = 0;
};

struct WindowFrame {
  FrameMode mode = FrameMode::Range;
  FrameBound start, end;  // without BETWEEN, end is CURRENT ROW
  FrameExclusion exclusion = FrameExclusion::NoOthers;
  int location = 0;
};

// OVER (...) or WINDOW name AS (...): `name` is the window's own name (WINDOW clause, or the
// name an OVER clause refers to when it has no parentheses), `refname` the existing window
// written first inside the parentheses.
struct WindowSpec {
  std::optional<std::string> name;
  std::optional<std::string> refname;
  std::vector<ExprPtr> partition_by;
  std::vector<OrderItem> order_by;
  std::optional<WindowFrame> frame;
  int location = 0;
};

struct FuncCall : Expr {  // f(args), count(*), count(DISTINCT x)
  FuncCall(int loc) : Expr(ExprKind::FuncCall, loc) {}
  std::vector<std::string> name;  // possibly schema-qualified; GROUPING(...) is "grouping"
  std::vector<ExprPtr> args;
  bool star = false;
  bool distinct = false;
  std::vector<OrderItem> order_by;  // string_agg(x, ',' ORDER BY x)
  ExprPtr filter;                   // FILTER (WHERE ...)
  std::unique_ptr<WindowSpec> over; // OVER ...: a window function call
};

// A GROUP BY item that is not a plain expression: (), ROLLUP (...), CUBE (...),
// GROUPING SETS (...). `items` are expressions or nested grouping sets.
enum class GroupingSetKind { Empty, Rollup, Cube, Sets };

struct GroupingSet : Expr {
  GroupingSet(int loc) : Expr(ExprKind::GroupingSet, loc) {}
  GroupingSetKind set_kind = GroupingSetKind::Empty;
  std::vector<ExprPtr> items;
};

// x::t (location: the "::"), CAST(x AS t) (location: CAST), and typed literals like
// DATE '2024-01-01' (location: the type name; the string literal keeps its own location).
struct Cast : Expr {
  Cast(int loc) : Expr(ExprKind::Cast, loc) {}
  ExprPtr operand;
  TypeName type;
};

struct CaseWhen {
  ExprPtr condition, result;
};

struct Case : Expr {  // CASE [arg] WHEN ... THEN ... [ELSE ...] END
  Case(int loc) : Expr(ExprKind::Case, loc) {}
  ExprPtr arg;
  std::vector<CaseWhen> whens;
  ExprPtr else_result;
};

struct Subquery : Expr {  // (SELECT ...) as a scalar
  Subquery(int loc) : Expr(ExprKind::Subquery, loc) {}
  std::unique_ptr<SelectStmt> query;
};

struct Exists : Expr {
  Exists(int loc) : Expr(ExprKind::Exists, loc) {}
  std::unique_ptr<SelectStmt> query;
};

struct InSubquery : Expr {  // x [NOT] IN (SELECT ...)
  InSubquery(int loc) : Expr(ExprKind::InSubquery, loc) {}
  ExprPtr operand;
  std::unique_ptr<SelectStmt> query;
  bool negated = false;
};

struct Quantified : Expr {  // x op ANY|ALL (SELECT ... | array)
  Quantified(int loc) : Expr(ExprKind::Quantified, loc) {}
  ExprPtr operand;
  std::string op;
  bool all = false;
  std::unique_ptr<SelectStmt> query;  // either this
  ExprPtr array;                      // or this
};

struct Array : Expr {  // ARRAY[a, b]; a nested [c, d] inside it is an Array too
  Array(int loc) : Expr(ExprKind::Array, loc) {}
  std::vector<ExprPtr> elements;
  std::unique_ptr<SelectStmt> query;  // ARRAY(SELECT ...): set instead of elements
};

struct Row : Expr {  // (a, b) or ROW(a, b)
  Row(int loc) : Expr(ExprKind::Row, loc) {}
  std::vector<ExprPtr> fields;
};

struct Subscript : Expr {  // base[index] or the slice base[lower:upper] (either bound optional)
  Subscript(int loc) : Expr(ExprKind::Subscript, loc) {}
  ExprPtr base;
  ExprPtr index;  // or lower bound of a slice
  ExprPtr upper;
  bool slice = false;
};

struct Collate : Expr {  // x COLLATE name (location: COLLATE)
  Collate(int loc) : Expr(ExprKind::Collate, loc) {}
  ExprPtr operand;
  std::vector<std::string> collation;  // possibly schema-qualified: {"pg_catalog", "default"}
};

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

// ---- Statements ----------------------------------------------------------------------------

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

enum class ConstraintKind { NotNull, Null, Default, PrimaryKey, Unique, Check, References, Identity };

enum class ReferentialAction { NoAction, Restrict, Cascade, SetNull, SetDefault };
enum class ForeignKeyMatch { Simple, Full, Partial };

struct ForeignKeyReference {  // REFERENCES t [(c, ...)] [MATCH ...] [ON DELETE ...] [ON UPDATE ...]
  QualifiedName table;
  std::vector<std::string> columns;  // empty: the referenced table's primary key
  ForeignKeyMatch match = ForeignKeyMatch::Simple;
  ReferentialAction on_delete = ReferentialAction::NoAction;
  ReferentialAction on_update = ReferentialAction::NoAction;
};

struct CreateSequenceStmt;

// GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(sequence options)]
struct IdentitySpec {
  bool always = false;
  std::shared_ptr<CreateSequenceStmt> sequence;  // the options; its name is unset
};

struct ColumnConstraint {
  ConstraintKind kind;
  std::optional<std::string> name;  // CONSTRAINT name
  ExprPtr expr;                     // Default, Check
  int location = 0;
  std::optional<ForeignKeyReference> references;  // References
  std::optional<IdentitySpec> identity;           // Identity
};

struct ColumnDef {
  std::string name;
  TypeName type;
  std::vector<ColumnConstraint> constraints;
  int location = 0;
};

struct TableConstraint {
  ConstraintKind kind;  // PrimaryKey, Unique, Check, References (FOREIGN KEY)
  std::optional<std::string> name;
  std::vector<std::string> columns;
  ExprPtr expr;  // Check
  int location = 0;
  std::optional<ForeignKeyReference> references;  // References
};

// ON COMMIT of a temporary table (PostgreSQL's OnCommitAction; unset means PRESERVE ROWS).
enum class OnCommitAction { PreserveRows, DeleteRows, Drop };

struct CreateTableStmt : Stmt {
  CreateTableStmt(int loc) : Stmt(StmtKind::CreateTable, loc) {}
  QualifiedName table;
  std::vector<ColumnDef> columns;
  std::vector<TableConstraint> constraints;
  bool if_not_exists = false;
  bool temporary = false;
  std::optional<OnCommitAction> on_commit;
  std::optional<std::string> access_method;  // USING heap | lsm
  // WITH (fillfactor = 100, ...): storage parameters as written, lower-cased names; a
  // parameter without a value is "true", as in PostgreSQL.
  std::vector<std::pair<std::string, std::string>> storage_parameters;
};

// CREATE TABLE t [(columns)] AS query [WITH [NO] DATA]
struct CreateTableAsStmt : Stmt {
  CreateTableAsStmt(int loc) : Stmt(StmtKind::CreateTableAs, loc) {}
  QualifiedName table;
  std::vector<std::string> columns;  // names for the query's first columns
  std::unique_ptr<SelectStmt> query;
  bool if_not_exists = false;
  bool temporary = false;
  std::optional<OnCommitAction> on_commit;
  bool with_data = true;
};

// CREATE [OR REPLACE] VIEW v [(columns)] AS query [WITH [CASCADED | LOCAL] CHECK OPTION]
struct CreateViewStmt : Stmt {
  CreateViewStmt(int loc) : Stmt(StmtKind::CreateView, loc) {}
  QualifiedName view;
  std::vector<std::string> columns;  // names for the query's first columns
  std::unique_ptr<SelectStmt> query;
  std::string query_text;  // the query as written: what the catalog stores and re-binds
  bool or_replace = false;
  bool temporary = false;
  bool check_option = false;
};

enum class DropObjectKind { Table, Sequence, View };

struct DropTableStmt : Stmt {  // DROP TABLE | DROP SEQUENCE | DROP VIEW
  DropTableStmt(int loc) : Stmt(StmtKind::DropTable, loc) {}
  DropObjectKind object = DropObjectKind::Table;
  std::vector<QualifiedName> tables;
  bool if_exists = false;
  bool cascade = false;
};

// CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role] | CREATE SCHEMA AUTHORIZATION role
struct CreateSchemaStmt : Stmt {
  CreateSchemaStmt(int loc) : Stmt(StmtKind::CreateSchema, loc) {}
  std::optional<std::string> name;           // unset: named after the role
  std::optional<std::string> authorization;  // role name as written (CURRENT_USER resolved later)
  bool if_not_exists = false;
};

struct DropSchemaStmt : Stmt {  // DROP SCHEMA [IF EXISTS] name, ... [CASCADE | RESTRICT]
  DropSchemaStmt(int loc) : Stmt(StmtKind::DropSchema, loc) {}
  std::vector<std::string> names;
  bool if_exists = false;
  bool cascade = false;
};

struct AlterSchemaStmt : Stmt {  // ALTER SCHEMA name RENAME TO new_name
  AlterSchemaStmt(int loc) : Stmt(StmtKind::AlterSchema, loc) {}
  std::string name;
  std::string new_name;
};

struct TruncateStmt : Stmt {  // TRUNCATE [TABLE] t, ... [RESTART | CONTINUE IDENTITY] [CASCADE]
  TruncateStmt(int loc) : Stmt(StmtKind::Truncate, loc) {}
  std::vector<QualifiedName> tables;
  bool restart_identity = false;
  bool cascade = false;
};

struct CreateSequenceStmt : Stmt {  // options left unset take PostgreSQL's defaults
  CreateSequenceStmt(int loc) : Stmt(StmtKind::CreateSequence, loc) {}
  QualifiedName name;
  bool if_not_exists = false;
  bool temporary = false;
  std::optional<TypeName> type;  // AS type
  std::optional<int64_t> start, increment, cache;
  std::optional<std::optional<int64_t>> min_value, max_value;  // inner empty: NO MINVALUE/MAXVALUE
  std::optional<bool> cycle;
};

struct CreateIndexStmt : Stmt {
  CreateIndexStmt(int loc) : Stmt(StmtKind::CreateIndex, loc) {}
  std::optional<std::string> name;  // unset: PostgreSQL's default name (t_col_idx)
  QualifiedName table;
  bool unique = false;
  bool if_not_exists = false;
  bool concurrently = false;
  std::optional<std::string> access_method;
  int access_method_location = 0;
  std::vector<IndexElem> columns;
  std::vector<std::string> include;
  std::vector<std::pair<std::string, std::string>> storage_parameters;
  ExprPtr where;  // partial index predicate
};

struct DropIndexStmt : Stmt {
  DropIndexStmt(int loc) : Stmt(StmtKind::DropIndex, loc) {}
  std::vector<QualifiedName> indexes;
  bool if_exists = false;
  bool cascade = false;
  bool concurrently = false;
};

struct ReindexStmt : Stmt {  // REINDEX INDEX name | REINDEX TABLE name
  ReindexStmt(int loc) : Stmt(StmtKind::Reindex, loc) {}
  bool table = false;
  QualifiedName name;
  bool concurrently = false;
};

enum class AlterTableCmdKind {
  AddConstraint, DropConstraint, AddColumn, DropColumn, AlterColumnType, SetDefault, DropDefault,
  SetNotNull, DropNotNull, RenameTable, RenameColumn, AddIdentity, DropIdentity, RestartIdentity,
};

struct AlterTableCmd {
  AlterTableCmdKind kind = AlterTableCmdKind::AddConstraint;
  std::optional<TableConstraint> constraint;  // AddConstraint
  std::optional<ColumnDef> column;            // AddColumn; AlterColumnType: name and new type
  std::string name;       // the column or constraint acted on
  std::string new_name;   // RenameTable, RenameColumn
  ExprPtr expr;           // SetDefault; AlterColumnType: USING
  bool if_exists = false; // DropConstraint, DropColumn; AddColumn: IF NOT EXISTS
  bool cascade = false;   // DropConstraint, DropColumn
  std::optional<IdentitySpec> identity;  // AddIdentity
  std::optional<int64_t> restart_with;   // RestartIdentity: WITH n
  int location = 0;
};

struct AlterTableStmt : Stmt {
  AlterTableStmt(int loc) : Stmt(StmtKind::AlterTable, loc) {}
  QualifiedName table;
  bool if_exists = false;
  bool view = false;  // written ALTER VIEW
  std::vector<AlterTableCmd> commands;
};

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
