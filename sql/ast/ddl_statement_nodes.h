// AST nodes of the data definition statements: CREATE / DROP / ALTER of tables, views,
// schemas, sequences and indexes, with column and table constraints, and TRUNCATE. Part of
// ast.h.
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

}  // namespace chalkdb::ast
