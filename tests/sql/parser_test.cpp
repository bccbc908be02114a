// Parser tests: the AST shape of every construct the grammar covers, locations, statement
// text, and syntax errors whose messages and positions were captured from PostgreSQL 15.
//
// ASTs are compared through a compact textual dump (Dump below): expressions as
// S-expressions, e.g. "(+ a (* b int:2))", statements as SQL-like one-liners.

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "sql/error/sql_error.h"
#include "sql/parser/parser.h"

namespace chalkdb {
namespace {

using namespace ast;

// ---- AST dump --------------------------------------------------------------------------------

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
  return out;
}

class Dump {
 public:
  static std::string type(const TypeName& type) {
    std::string out = type.name;
    if (!type.modifiers.empty()) {
      std::vector<std::string> mods;
      for (int m : type.modifiers) mods.push_back(std::to_string(m));
      out += "(" + join(mods, ",") + ")";
    }
    return out + (type.is_array ? "[]" : "");
  }

  static std::string expr(const Expr* e) {
    if (e == nullptr) return "DEFAULT";
    switch (e->kind) {
      case ExprKind::ColumnRef: return join(as<ColumnRef>(e).names, ".");
      case ExprKind::Star: {
        const auto& star = as<Star>(e);
        return star.table ? *star.table + ".*" : "*";
      }
      case ExprKind::Literal: return literal(as<Literal>(e));
      case ExprKind::Param: return "$" + std::to_string(as<Param>(e).number);
      case ExprKind::Unary: return "(" + as<Unary>(e).op + " " + expr(as<Unary>(e).operand.get()) + ")";
      case ExprKind::Binary: {
        const auto& b = as<Binary>(e);
        return "(" + b.op + " " + expr(b.left.get()) + " " + expr(b.right.get()) + ")";
      }
      case ExprKind::IsNull: {
        const auto& n = as<IsNull>(e);
        return std::string(n.negated ? "(IS NOT NULL " : "(IS NULL ") + expr(n.operand.get()) + ")";
      }
      case ExprKind::IsBool: return is_bool(as<IsBool>(e));
      case ExprKind::Between: {
        const auto& b = as<Between>(e);
        return std::string("(") + (b.negated ? "NOT " : "") + "BETWEEN " + (b.symmetric ? "SYMMETRIC " : "") +
               expr(b.operand.get()) + " " + expr(b.low.get()) + " " + expr(b.high.get()) + ")";
      }
      case ExprKind::InList: {
        const auto& in = as<InList>(e);
        return std::string("(") + (in.negated ? "NOT " : "") + "IN " + expr(in.operand.get()) + " [" +
               exprs(in.list) + "])";
      }
      case ExprKind::Like: {
        const auto& l = as<Like>(e);
        std::string out = std::string("(") + (l.negated ? "NOT " : "") + (l.case_insensitive ? "ILIKE " : "LIKE ") +
                          expr(l.operand.get()) + " " + expr(l.pattern.get());
        if (l.escape) out += " ESCAPE " + expr(l.escape.get());
        return out + ")";
      }
      case ExprKind::FuncCall: return call(as<FuncCall>(e));
      case ExprKind::Cast: return "(CAST " + expr(as<Cast>(e).operand.get()) + " " + type(as<Cast>(e).type) + ")";
      case ExprKind::Case: return case_expr(as<Case>(e));
      case ExprKind::Subquery: return "(SUBQUERY " + select(*as<Subquery>(e).query) + ")";
      case ExprKind::Exists: return "(EXISTS " + select(*as<Exists>(e).query) + ")";
      case ExprKind::InSubquery: {
        const auto& in = as<InSubquery>(e);
        return std::string("(") + (in.negated ? "NOT " : "") + "IN " + expr(in.operand.get()) + " " +
               select(*in.query) + ")";
      }
      case ExprKind::Quantified: {
        const auto& q = as<Quantified>(e);
        return "(" + q.op + (q.all ? " ALL " : " ANY ") + expr(q.operand.get()) + " " +
               (q.query ? select(*q.query) : expr(q.array.get())) + ")";
      }
      case ExprKind::Array: {
        const auto& a = as<Array>(e);
        if (a.query) return "ARRAY(" + select(*a.query) + ")";
        return "ARRAY[" + exprs(a.elements) + "]";
      }
      case ExprKind::Row: return "ROW(" + exprs(as<Row>(e).fields) + ")";
      case ExprKind::Subscript: {
        const auto& s = as<Subscript>(e);
        std::string index = s.index ? expr(s.index.get()) : "";
        if (s.slice) index += ":" + (s.upper ? expr(s.upper.get()) : "");
        return expr(s.base.get()) + "[" + index + "]";
      }
      case ExprKind::Collate:
        return "(COLLATE " + expr(as<Collate>(e).operand.get()) + " " + join(as<Collate>(e).collation, ".") + ")";
      case ExprKind::GroupingSet: {
        static const char* names[] = {"()", "ROLLUP", "CUBE", "GROUPING SETS"};
        const auto& set = as<GroupingSet>(e);
        return std::string(names[static_cast<int>(set.set_kind)]) + "(" + exprs(set.items) + ")";
      }
    }
    return "?";
  }

  static std::string exprs(const std::vector<ExprPtr>& list) {
    std::vector<std::string> parts;
    for (const auto& e : list) parts.push_back(expr(e.get()));
    return join(parts, ", ");
  }

  static std::string select(const SelectStmt& s) {
    std::string out;
    if (s.set_op != SetOp::None) {
      static const char* names[] = {"", "UNION", "INTERSECT", "EXCEPT"};
      out = "{" + select(*s.left) + " " + names[static_cast<int>(s.set_op)] + (s.set_all ? " ALL " : " ") +
            select(*s.right) + "}";
    } else if (!s.values.empty()) {
      std::vector<std::string> rows;
      for (const auto& row : s.values) rows.push_back("(" + exprs(row) + ")");
      out = "VALUES " + join(rows, ", ");
    } else {
      out = select_core(s);
    }
    if (!s.order_by.empty()) {
      std::vector<std::string> items;
      for (const auto& item : s.order_by) {
        std::string text = expr(item.expr.get()) + (item.descending ? " DESC" : "");
        if (item.nulls_first) text += *item.nulls_first ? " NULLS FIRST" : " NULLS LAST";
        items.push_back(text);
      }
      out += " ORDER BY " + join(items, ", ");
    }
    if (s.limit) out += " LIMIT " + expr(s.limit.get());
    if (s.offset) out += " OFFSET " + expr(s.offset.get());
    for (const auto& lock : s.locking) {
      static const char* strengths[] = {"UPDATE", "NO KEY UPDATE", "SHARE", "KEY SHARE"};
      static const char* waits[] = {"", " NOWAIT", " SKIP LOCKED"};
      out += std::string(" FOR ") + strengths[static_cast<int>(lock.strength)];
      std::vector<std::string> tables;
      for (const auto& t : lock.tables) tables.push_back(name(t));
      if (!tables.empty()) out += " OF " + join(tables, ", ");
      out += waits[static_cast<int>(lock.wait)];
    }
    return out;
  }

  static std::string targets(const std::vector<ResultTarget>& list) {
    std::vector<std::string> parts;
    for (const auto& t : list) parts.push_back(expr(t.expr.get()) + (t.alias ? " AS " + *t.alias : ""));
    return join(parts, ", ");
  }

  static std::string name(const QualifiedName& n) { return (n.schema ? *n.schema + "." : "") + n.name; }

  static std::string table(const TableRef& ref) {
    switch (ref.kind) {
      case TableRefKind::Table: {
        const auto& t = static_cast<const BaseTable&>(ref);
        return name(t.name) + alias(t.alias);
      }
      case TableRefKind::Function: {
        const auto& f = static_cast<const FunctionTable&>(ref);
        return call(*f.call) + alias(f.alias);
      }
      case TableRefKind::Subselect: {
        const auto& s = static_cast<const Subselect&>(ref);
        return std::string(s.lateral ? "LATERAL " : "") + "(" + select(*s.query) + ")" + alias(s.alias);
      }
      case TableRefKind::Join: {
        const auto& j = static_cast<const Join&>(ref);
        static const char* kinds[] = {"INNER", "LEFT", "RIGHT", "FULL", "CROSS"};
        std::string out = "[" + table(*j.left) + (j.natural ? " NATURAL " : " ") +
                          kinds[static_cast<int>(j.join_kind)] + " " + table(*j.right);
        if (j.on) out += " ON " + expr(j.on.get());
        if (!j.using_columns.empty()) out += " USING (" + join(j.using_columns, ", ") + ")";
        return out + "]" + alias(j.alias);
      }
    }
    return "?";
  }

  static std::string statement(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::Select: return select(static_cast<const SelectStmt&>(s));
      case StmtKind::Insert: return insert(static_cast<const InsertStmt&>(s));
      case StmtKind::Update: return update(static_cast<const UpdateStmt&>(s));
      case StmtKind::Delete: return remove(static_cast<const DeleteStmt&>(s));
      case StmtKind::CreateTable: return create(static_cast<const CreateTableStmt&>(s));
      case StmtKind::DropTable: return drop(static_cast<const DropTableStmt&>(s));
      case StmtKind::CreateView: return "(view DDL: see ParserDdl.ViewStatements)";
      case StmtKind::Truncate: return truncate(static_cast<const TruncateStmt&>(s));
      case StmtKind::CreateSequence: return create_sequence(static_cast<const CreateSequenceStmt&>(s));
      case StmtKind::CreateIndex:
      case StmtKind::DropIndex:
      case StmtKind::Reindex:
      case StmtKind::AlterTable: return "(index DDL: see ParserDdl.IndexStatements)";
      case StmtKind::Transaction: return transaction(static_cast<const TransactionStmt&>(s));
      case StmtKind::Explain: return explain(static_cast<const ExplainStmt&>(s));
      case StmtKind::Set: return set(static_cast<const SetStmt&>(s));
      case StmtKind::Show: return "SHOW " + static_cast<const ShowStmt&>(s).name;
      case StmtKind::Copy: return copy(static_cast<const CopyStmt&>(s));
      case StmtKind::Prepare: {
        const auto& p = static_cast<const PrepareStmt&>(s);
        std::vector<std::string> types;
        for (const auto& t : p.parameter_types) types.push_back(t.name);
        return "PREPARE " + p.name + "(" + join(types, ", ") + ") AS " + statement(*p.statement);
      }
      case StmtKind::Execute: {
        const auto& e = static_cast<const ExecuteStmt&>(s);
        return "EXECUTE " + e.name + "(" + exprs(e.arguments) + ")";
      }
      case StmtKind::Deallocate:
        return "DEALLOCATE " + static_cast<const DeallocateStmt&>(s).name.value_or("ALL");
      default: break;  // statements other suites print
    }
    return "?";
  }

  static std::string copy(const CopyStmt& c) {
    std::string out = "COPY ";
    out += c.table ? c.table->name : "(" + select(*c.query) + ")";
    if (!c.columns.empty()) out += " (" + join(c.columns, ", ") + ")";
    out += c.is_from ? " FROM " : " TO ";
    out += c.file_name ? "'" + *c.file_name + "'" : std::string(c.is_from ? "STDIN" : "STDOUT");
    std::vector<std::string> options;
    for (const auto& o : c.options) {
      std::string option = o.name;
      if (o.value) option += "=" + *o.value;
      if (o.all_columns) option += "=*";
      if (!o.columns.empty()) option += "=(" + join(o.columns, ",") + ")";
      options.push_back(option);
    }
    if (!options.empty()) out += " [" + join(options, " ") + "]";
    return out;
  }

 private:
  template <typename T>
  static const T& as(const Expr* e) {
    return static_cast<const T&>(*e);
  }

  static std::string literal(const Literal& l) {
    switch (l.literal_kind) {
      case LiteralKind::Integer: return "int:" + l.text;
      case LiteralKind::Numeric: return "num:" + l.text;
      case LiteralKind::String: return "'" + l.text + "'";
      case LiteralKind::Bool: return l.text;
      case LiteralKind::Null: return "NULL";
    }
    return "?";
  }

  static std::string is_bool(const IsBool& b) {
    static const char* tests[] = {"TRUE", "FALSE", "UNKNOWN", "DISTINCT FROM"};
    std::string out = std::string("(IS ") + (b.negated ? "NOT " : "") + tests[static_cast<int>(b.test)] + " " +
                      expr(b.operand.get());
    if (b.other) out += " " + expr(b.other.get());
    return out + ")";
  }

  static std::string call(const FuncCall& f) {
    std::string args = f.star ? "*" : exprs(f.args);
    if (!f.order_by.empty()) args += " ORDER BY " + order_items(f.order_by);
    std::string out = join(f.name, ".") + "(" + (f.distinct ? "DISTINCT " : "") + args + ")";
    if (f.filter) out += " FILTER " + expr(f.filter.get());
    if (f.over) out += " OVER " + window(*f.over);
    return out;
  }

  static std::string order_items(const std::vector<OrderItem>& items) {
    std::vector<std::string> parts;
    for (const auto& item : items) parts.push_back(expr(item.expr.get()) + (item.descending ? " DESC" : ""));
    return join(parts, ", ");
  }

  static std::string frame_bound(const FrameBound& bound) {
    static const char* kinds[] = {"UNBOUNDED PRECEDING", "PRECEDING", "CURRENT ROW", "FOLLOWING",
                                  "UNBOUNDED FOLLOWING"};
    std::string kind = kinds[static_cast<int>(bound.kind)];
    return bound.offset ? expr(bound.offset.get()) + " " + kind : kind;
  }

  static std::string window(const WindowSpec& w) {
    std::string out = w.name ? *w.name : "";
    out += "(";
    if (w.refname) out += *w.refname + " ";
    if (!w.partition_by.empty()) out += "PARTITION " + exprs(w.partition_by) + " ";
    if (!w.order_by.empty()) out += "ORDER " + order_items(w.order_by) + " ";
    if (w.frame) {
      static const char* modes[] = {"RANGE", "ROWS", "GROUPS"};
      static const char* exclusions[] = {"", " EXCLUDE CURRENT ROW", " EXCLUDE GROUP", " EXCLUDE TIES"};
      out += std::string(modes[static_cast<int>(w.frame->mode)]) + " " + frame_bound(w.frame->start) +
             " AND " + frame_bound(w.frame->end) + exclusions[static_cast<int>(w.frame->exclusion)];
    }
    return out + ")";
  }

  static std::string case_expr(const Case& c) {
    std::string out = "(CASE";
    if (c.arg) out += " " + expr(c.arg.get());
    for (const auto& w : c.whens) out += " WHEN " + expr(w.condition.get()) + " THEN " + expr(w.result.get());
    if (c.else_result) out += " ELSE " + expr(c.else_result.get());
    return out + ")";
  }

  static std::string select_core(const SelectStmt& s) {
    std::string out = "SELECT";
    if (s.distinct) out += s.distinct_on.empty() ? " DISTINCT" : " DISTINCT ON (" + exprs(s.distinct_on) + ")";
    if (!s.targets.empty()) out += " " + targets(s.targets);
    if (!s.from.empty()) {
      std::vector<std::string> tables;
      for (const auto& t : s.from) tables.push_back(table(*t));
      out += " FROM " + join(tables, ", ");
    }
    if (s.where) out += " WHERE " + expr(s.where.get());
    if (!s.group_by.empty()) out += " GROUP BY " + exprs(s.group_by);
    if (s.having) out += " HAVING " + expr(s.having.get());
    return out;
  }

  static std::string alias(const std::optional<Alias>& a) {
    if (!a) return "";
    return " AS " + a->name + (a->columns.empty() ? "" : "(" + join(a->columns, ", ") + ")");
  }

  static std::string returning(const std::vector<ResultTarget>& list) {
    return list.empty() ? "" : " RETURNING " + targets(list);
  }

  static std::string insert(const InsertStmt& s) {
    std::string out = "INSERT INTO " + name(s.table) + (s.alias ? " AS " + *s.alias : "");
    if (!s.columns.empty()) out += " (" + join(s.columns, ", ") + ")";
    out += s.source ? " " + select(*s.source) : " DEFAULT VALUES";
    return out + returning(s.returning);
  }

  static std::string update(const UpdateStmt& s) {
    std::vector<std::string> sets;
    for (const auto& c : s.set) sets.push_back(c.column + " = " + expr(c.value.get()));
    std::string out = "UPDATE " + name(s.table) + (s.alias ? " AS " + *s.alias : "") + " SET " + join(sets, ", ");
    if (!s.from.empty()) {
      std::vector<std::string> tables;
      for (const auto& t : s.from) tables.push_back(table(*t));
      out += " FROM " + join(tables, ", ");
    }
    if (s.where) out += " WHERE " + expr(s.where.get());
    return out + returning(s.returning);
  }

  static std::string remove(const DeleteStmt& s) {
    std::string out = "DELETE FROM " + name(s.table) + (s.alias ? " AS " + *s.alias : "");
    if (!s.using_tables.empty()) {
      std::vector<std::string> tables;
      for (const auto& t : s.using_tables) tables.push_back(table(*t));
      out += " USING " + join(tables, ", ");
    }
    if (s.where) out += " WHERE " + expr(s.where.get());
    return out + returning(s.returning);
  }

  static std::string reference(const ForeignKeyReference& r) {
    static const char* actions[] = {"NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"};
    static const char* matches[] = {"SIMPLE", "FULL", "PARTIAL"};
    std::string out = "REFERENCES " + name(r.table);
    if (!r.columns.empty()) out += "(" + join(r.columns, ", ") + ")";
    return out + " MATCH " + matches[static_cast<int>(r.match)] + " ON DELETE " +
           actions[static_cast<int>(r.on_delete)] + " ON UPDATE " + actions[static_cast<int>(r.on_update)];
  }

  static std::string constraint(ConstraintKind kind, const std::optional<std::string>& cname, const Expr* e,
                                const std::optional<ForeignKeyReference>& ref) {
    std::string out = cname ? "CONSTRAINT " + *cname + " " : "";
    switch (kind) {
      case ConstraintKind::NotNull: return out + "NOT NULL";
      case ConstraintKind::Null: return out + "NULL";
      case ConstraintKind::Default: return out + "DEFAULT " + expr(e);
      case ConstraintKind::PrimaryKey: return out + "PRIMARY KEY";
      case ConstraintKind::Unique: return out + "UNIQUE";
      case ConstraintKind::Check: return out + "CHECK " + expr(e);
      case ConstraintKind::References: return out + reference(*ref);
      case ConstraintKind::Identity: return out + "GENERATED AS IDENTITY";
    }
    return "?";
  }

  static std::string create(const CreateTableStmt& s) {
    std::vector<std::string> elements;
    for (const auto& c : s.columns) {
      std::string column = c.name + " " + type(c.type);
      for (const auto& k : c.constraints) column += fmt::format(" {}", constraint(k.kind, k.name, k.expr.get(), k.references));
      elements.push_back(column);
    }
    for (const auto& k : s.constraints) {
      std::string text = constraint(k.kind, k.name, k.expr.get(), k.references);
      if (!k.columns.empty()) text += " (" + join(k.columns, ", ") + ")";
      elements.push_back(text);
    }
    return std::string("CREATE ") + (s.temporary ? "TEMP " : "") + "TABLE " + (s.if_not_exists ? "IF NOT EXISTS " : "") +
           name(s.table) + " (" + join(elements, ", ") + ")" + (s.access_method ? " USING " + *s.access_method : "");
  }

  static std::string drop(const DropTableStmt& s) {
    std::vector<std::string> names;
    for (const auto& n : s.tables) names.push_back(name(n));
    return std::string(s.object == DropObjectKind::Sequence ? "DROP SEQUENCE " : "DROP TABLE ") +
           (s.if_exists ? "IF EXISTS " : "") + join(names, ", ") + (s.cascade ? " CASCADE" : "");
  }

  static std::string truncate(const TruncateStmt& s) {
    std::vector<std::string> names;
    for (const auto& n : s.tables) names.push_back(name(n));
    return "TRUNCATE " + join(names, ", ") + (s.restart_identity ? " RESTART IDENTITY" : "") +
           (s.cascade ? " CASCADE" : "");
  }

  static std::string create_sequence(const CreateSequenceStmt& s) {
    std::string out = std::string("CREATE ") + (s.temporary ? "TEMP " : "") + "SEQUENCE " +
                      (s.if_not_exists ? "IF NOT EXISTS " : "") + name(s.name);
    auto bound = [&](const char* keyword, const std::optional<std::optional<int64_t>>& value) {
      if (!value) return;
      out += *value ? std::string(" ") + keyword + " " + std::to_string(**value)
                    : std::string(" NO ") + keyword;
    };
    if (s.type) out += " AS " + s.type->name;
    if (s.start) out += " START " + std::to_string(*s.start);
    if (s.increment) out += " INCREMENT " + std::to_string(*s.increment);
    bound("MINVALUE", s.min_value);
    bound("MAXVALUE", s.max_value);
    if (s.cache) out += " CACHE " + std::to_string(*s.cache);
    if (s.cycle) out += *s.cycle ? " CYCLE" : " NO CYCLE";
    return out;
  }

  static std::string transaction(const TransactionStmt& s) {
    static const char* kinds[] = {"BEGIN", "COMMIT", "ROLLBACK"};
    std::string out = kinds[static_cast<int>(s.transaction_kind)];
    if (s.isolation_level) out += " ISOLATION LEVEL " + *s.isolation_level;
    if (s.read_only) out += *s.read_only ? " READ ONLY" : " READ WRITE";
    return out;
  }

  static std::string explain(const ExplainStmt& s) {
    return fmt::format("EXPLAIN (analyze={} verbose={} costs={} buffers={} timing={} summary={} format={}) {}",
                       s.analyze, s.verbose, s.costs, s.buffers, s.timing, s.summary, s.format,
                       statement(*s.statement));
  }

  static std::string set(const SetStmt& s) {
    if (s.reset) return "RESET " + s.name;
    std::vector<std::string> values;
    for (const auto& v : s.values) values.push_back("<" + v + ">");
    return std::string("SET ") + (s.local ? "LOCAL " : "") + s.name + " = " +
           (values.empty() ? "DEFAULT" : join(values, ", "));
  }
};

std::vector<StmtPtr> parse(const std::string& sql) { return parse_sql(sql); }

// The dump of the only statement in `sql`.
std::string dump(const std::string& sql) {
  std::vector<StmtPtr> statements = parse(sql);
  EXPECT_EQ(statements.size(), 1u) << sql;
  if (statements.empty()) return "";
  return Dump::statement(*statements.front());
}

// The dump of the expression in `SELECT <expression>`.
std::string expr(const std::string& expression) {
  std::vector<StmtPtr> statements = parse("SELECT " + expression);
  const auto& select = static_cast<const SelectStmt&>(*statements.at(0));
  return Dump::expr(select.targets.at(0).expr.get());
}

const Expr& first_target(const std::vector<StmtPtr>& statements) {
  return *static_cast<const SelectStmt&>(*statements.at(0)).targets.at(0).expr;
}

struct ExpectedError {
  std::string sqlstate;
  std::string message;
  std::optional<int> position;
};

ExpectedError error_of(const std::string& sql) {
  try {
    parse(sql);
  } catch (const SqlError& error) {
    return {std::string(error.state.code), error.message, error.position};
  }
  return {"", "no error", std::nullopt};
}

std::string error_of_hint(const std::string& sql) {
  try {
    parse(sql);
  } catch (const SqlError& error) {
    return error.hint.value_or("");
  }
  return "no error";
}

void expect_error(const std::string& sql, const std::string& sqlstate, const std::string& message,
                  std::optional<int> position) {
  ExpectedError error = error_of(sql);
  EXPECT_EQ(error.sqlstate, sqlstate) << sql;
  EXPECT_EQ(error.message, message) << sql;
  EXPECT_EQ(error.position, position) << sql;
}

void expect_syntax_error(const std::string& sql, const std::string& message, int position) {
  expect_error(sql, "42601", message, position);
}

// ---- lexical structure ---------------------------------------------------------------------

TEST(ParserLexical, KeywordsAreCaseInsensitiveAndIdentifiersFold) {
  EXPECT_EQ(dump("sElEcT Foo, \"Foo\", \"we\"\"ird name\" FrOm MyTable"),
            "SELECT foo, Foo, we\"ird name FROM mytable");
}

TEST(ParserLexical, NonAsciiIdentifiersKeepTheirCase) {
  EXPECT_EQ(dump("SELECT Äbc FROM ÉTÉ"), "SELECT Äbc FROM ÉtÉ");
}

TEST(ParserLexical, LongIdentifiersAreTruncatedTo63Bytes) {
  const std::string long_name(70, 'a');
  EXPECT_EQ(dump("SELECT " + long_name), "SELECT " + std::string(63, 'a'));
  // A two-byte character is never cut in half.
  const std::string accented = std::string(62, 'a') + "é";
  EXPECT_EQ(dump("SELECT " + accented + "b"), "SELECT " + std::string(62, 'a'));
}

TEST(ParserLexical, StringLiterals) {
  EXPECT_EQ(expr("'it''s'"), "'it's'");
  EXPECT_EQ(expr("'a\\nb'"), "'a\\nb'");  // no backslash escapes in standard strings
  EXPECT_EQ(expr("E'a\\nb\\t\\\\ \\' '''"), "'a\nb\t\\ ' ''");
  EXPECT_EQ(expr("e'\\x41\\101\\u0041\\U00000041\\q'"), "'AAAAq'");
  EXPECT_EQ(expr("E'\\xc3\\xa9'"), "'é'");
  EXPECT_EQ(expr("E'\\uD83D\\uDE00'"), "'\xF0\x9F\x98\x80'");
  EXPECT_EQ(expr("$$it's \\ raw$$"), "'it's \\ raw'");
  EXPECT_EQ(expr("$tag$a $$ b $x$ c$tag$"), "'a $$ b $x$ c'");
  EXPECT_EQ(expr("$a$ $b$ $a$"), "' $b$ '");
}

TEST(ParserLexical, StringContinuationOnlyAcrossNewlines) {
  EXPECT_EQ(expr("'a'\n'b'"), "'ab'");
  EXPECT_EQ(expr("'a'  \n  -- comment with a ' quote\n  'b'\n'c'"), "'abc'");
  EXPECT_EQ(expr("E'a\\n'\n'b'"), "'a\nb'");
  expect_syntax_error("SELECT 'a' 'b'", "syntax error at or near \"'b'\"", 12);
}

TEST(ParserLexical, Numbers) {
  EXPECT_EQ(expr("42"), "int:42");
  EXPECT_EQ(expr("1.5"), "num:1.5");
  EXPECT_EQ(expr(".5"), "num:.5");
  EXPECT_EQ(expr("1."), "num:1.");
  EXPECT_EQ(expr("1e10"), "num:1e10");
  EXPECT_EQ(expr("2.5E-3"), "num:2.5E-3");
  EXPECT_EQ(expr("9223372036854775807"), "int:9223372036854775807");
  EXPECT_EQ(expr("9223372036854775808"), "num:9223372036854775808");  // beyond int8
}

TEST(ParserLexical, MinusIsFoldedIntoNumericLiterals) {
  EXPECT_EQ(expr("-1"), "int:-1");
  EXPECT_EQ(expr("-9223372036854775808"), "int:-9223372036854775808");
  EXPECT_EQ(expr("-9223372036854775809"), "num:-9223372036854775809");
  EXPECT_EQ(expr("-1.5"), "num:-1.5");
  EXPECT_EQ(expr("- -2"), "int:2");
  EXPECT_EQ(expr("-(3)"), "int:-3");
  EXPECT_EQ(expr("+4"), "(+ int:4)");
  EXPECT_EQ(expr("-a"), "(- a)");
  EXPECT_EQ(expr("-1::text"), "(- (CAST int:1 text))");  // :: binds tighter than unary minus
  std::vector<StmtPtr> statements = parse("SELECT - 5");
  EXPECT_EQ(first_target(statements).location, 7);  // the minus sign's location
}

TEST(ParserLexical, Parameters) {
  EXPECT_EQ(expr("$1 + $12"), "(+ $1 $12)");
}

TEST(ParserLexical, CommentsAndEmptyStatements) {
  EXPECT_EQ(parse("").size(), 0u);
  EXPECT_EQ(parse(" ;; -- nothing\n ; /* nor /* nested */ this */").size(), 0u);
  std::vector<StmtPtr> statements = parse("SELECT 1;;SELECT /* a /* nested */ comment */ 2 -- end");
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(Dump::statement(*statements[1]), "SELECT int:2");
}

TEST(ParserLexical, OperatorsFollowPostgresLexing) {
  EXPECT_EQ(expr("a=-1"), "(= a int:-1)");
  EXPECT_EQ(expr("a<>-1"), "(<> a int:-1)");
  EXPECT_EQ(expr("a!=b"), "(<> a b)");
  EXPECT_EQ(expr("2*-3"), "(* int:2 int:-3)");
  EXPECT_EQ(expr("a||-1"), "(||- a int:1)");  // "||-" contains '|', so it stays one operator
  EXPECT_EQ(expr("a+/*c*/b"), "(+ a b)");
  EXPECT_EQ(expr("a+--c\nb"), "(+ a b)");
  EXPECT_EQ(expr("a || b"), "(|| a b)");
  EXPECT_EQ(expr("a @> b"), "(@> a b)");
  EXPECT_EQ(expr("a OPERATOR(pg_catalog.~) 'x'"), "(~ a 'x')");
  EXPECT_EQ(expr("|/ 16"), "(|/ int:16)");
}

// ---- expressions -----------------------------------------------------------------------------

TEST(ParserExpressions, ArithmeticPrecedence) {
  EXPECT_EQ(expr("a + b * c"), "(+ a (* b c))");
  EXPECT_EQ(expr("a - b - c"), "(- (- a b) c)");
  EXPECT_EQ(expr("a * b % c / d"), "(/ (% (* a b) c) d)");
  EXPECT_EQ(expr("2 ^ 3 ^ 2"), "(^ (^ int:2 int:3) int:2)");  // ^ is left-associative
  EXPECT_EQ(expr("-2 ^ 2"), "(^ int:-2 int:2)");
  EXPECT_EQ(expr("-a ^ 2"), "(^ (- a) int:2)");
  EXPECT_EQ(expr("a + b || c"), "(|| (+ a b) c)");
  EXPECT_EQ(expr("a || b = c"), "(= (|| a b) c)");
  EXPECT_EQ(expr("(a + b) * c"), "(* (+ a b) c)");
}

TEST(ParserExpressions, BooleanPrecedence) {
  EXPECT_EQ(expr("a OR b AND c"), "(OR a (AND b c))");
  EXPECT_EQ(expr("NOT a = b"), "(NOT (= a b))");
  EXPECT_EQ(expr("NOT a AND b"), "(AND (NOT a) b)");
  EXPECT_EQ(expr("a = NOT b"), "(= a (NOT b))");
  EXPECT_EQ(expr("NOT a IS NULL"), "(NOT (IS NULL a))");
  EXPECT_EQ(expr("a = b IS TRUE"), "(IS TRUE (= a b))");
  EXPECT_EQ(expr("a < b AND b <= c OR d >= e AND e > f"),
            "(OR (AND (< a b) (<= b c)) (AND (>= d e) (> e f)))");
  EXPECT_EQ(expr("a LIKE b = c"), "(= (LIKE a b) c)");
  EXPECT_EQ(expr("a = b LIKE c"), "(= a (LIKE b c))");
  EXPECT_EQ(expr("1 IS NULL IS NULL"), "(IS NULL (IS NULL int:1))");
}

TEST(ParserExpressions, CastsAndTypedLiterals) {
  EXPECT_EQ(expr("a::int"), "(CAST a int4)");
  EXPECT_EQ(expr("a::integer::text"), "(CAST (CAST a int4) text)");
  EXPECT_EQ(expr("CAST(a AS bigint)"), "(CAST a int8)");
  EXPECT_EQ(expr("DATE '2024-01-01'"), "(CAST '2024-01-01' date)");
  EXPECT_EQ(expr("TIMESTAMP '2024-01-01 10:00'"), "(CAST '2024-01-01 10:00' timestamp)");
  EXPECT_EQ(expr("timestamp with time zone 'x'"), "(CAST 'x' timestamptz)");
  EXPECT_EQ(expr("INTERVAL '1 day'"), "(CAST '1 day' interval)");
  EXPECT_EQ(expr("int4 '5'"), "(CAST '5' int4)");
  EXPECT_EQ(expr("pg_catalog.int8 '5'"), "(CAST '5' pg_catalog.int8)");
  EXPECT_EQ(expr("x::pg_catalog.regclass::pg_catalog.text"), "(CAST (CAST x pg_catalog.regclass) pg_catalog.text)");
  EXPECT_EQ(expr("a::int[]"), "(CAST a int4[])");
  EXPECT_EQ(expr("a::text ARRAY"), "(CAST a text[])");
  EXPECT_EQ(expr("a::\"char\""), "(CAST a char)");
}

TEST(ParserExpressions, TypeNames) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"int2", "int2"},          {"smallint", "int2"},
      {"int", "int4"},           {"integer", "int4"},
      {"int4", "int4"},          {"bigint", "int8"},
      {"int8", "int8"},          {"real", "float4"},
      {"float4", "float4"},      {"float", "float8"},
      {"float(24)", "float4"},   {"float(25)", "float8"},
      {"double precision", "float8"},
      {"numeric", "numeric"},    {"numeric(10,2)", "numeric(10,2)"},
      {"decimal(5)", "numeric(5)"},
      {"numeric(3, -1)", "numeric(3,-1)"},
      {"boolean", "bool"},       {"bool", "bool"},
      {"text", "text"},          {"varchar", "varchar"},
      {"varchar(20)", "varchar(20)"},
      {"character varying(30)", "varchar(30)"},
      {"char", "bpchar(1)"},     {"char(5)", "bpchar(5)"},
      {"character(3)", "bpchar(3)"},
      {"date", "date"},          {"timestamp", "timestamp"},
      {"timestamp(3)", "timestamp(3)"},
      {"timestamp without time zone", "timestamp"},
      {"timestamp with time zone", "timestamptz"},
      {"timestamptz", "timestamptz"},
      {"time", "time"},          {"time with time zone", "timetz"},
      {"interval", "interval"},  {"bytea", "bytea"},
      {"serial", "serial"},      {"bigserial", "bigserial"},
      {"smallserial", "smallserial"},
  };
  for (const auto& [written, canonical] : cases) {
    EXPECT_EQ(expr("x::" + written), "(CAST x " + canonical + ")") << written;
  }
}

TEST(ParserExpressions, Predicates) {
  EXPECT_EQ(expr("a IS NULL"), "(IS NULL a)");
  EXPECT_EQ(expr("a IS NOT NULL"), "(IS NOT NULL a)");
  EXPECT_EQ(expr("a ISNULL"), "(IS NULL a)");
  EXPECT_EQ(expr("a NOTNULL"), "(IS NOT NULL a)");
  EXPECT_EQ(expr("a IS TRUE"), "(IS TRUE a)");
  EXPECT_EQ(expr("a IS NOT FALSE"), "(IS NOT FALSE a)");
  EXPECT_EQ(expr("a IS UNKNOWN"), "(IS UNKNOWN a)");
  EXPECT_EQ(expr("a IS DISTINCT FROM b"), "(IS DISTINCT FROM a b)");
  EXPECT_EQ(expr("a IS NOT DISTINCT FROM b + 1"), "(IS NOT DISTINCT FROM a (+ b int:1))");
  EXPECT_EQ(expr("a BETWEEN 1 AND 10"), "(BETWEEN a int:1 int:10)");
  EXPECT_EQ(expr("a NOT BETWEEN SYMMETRIC b + 1 AND c AND d"), "(AND (NOT BETWEEN SYMMETRIC a (+ b int:1) c) d)");
  EXPECT_EQ(expr("a IN (1, 2, 3)"), "(IN a [int:1, int:2, int:3])");
  EXPECT_EQ(expr("a NOT IN ('x')"), "(NOT IN a ['x'])");
  EXPECT_EQ(expr("a LIKE 'x%'"), "(LIKE a 'x%')");
  EXPECT_EQ(expr("a NOT ILIKE 'x%' ESCAPE '!'"), "(NOT ILIKE a 'x%' ESCAPE '!')");
  EXPECT_EQ(expr("a SIMILAR TO 'x'"), "(~ a pg_catalog.similar_to_escape('x'))");
  EXPECT_EQ(expr("a NOT SIMILAR TO 'x' ESCAPE '#'"), "(!~ a pg_catalog.similar_to_escape('x', '#'))");
}

TEST(ParserExpressions, Subqueries) {
  EXPECT_EQ(expr("(SELECT 1)"), "(SUBQUERY SELECT int:1)");
  EXPECT_EQ(expr("EXISTS (SELECT * FROM t)"), "(EXISTS SELECT * FROM t)");
  EXPECT_EQ(expr("a IN (SELECT b FROM t)"), "(IN a SELECT b FROM t)");
  EXPECT_EQ(expr("a NOT IN (SELECT b FROM t)"), "(NOT IN a SELECT b FROM t)");
  EXPECT_EQ(expr("a = ANY (SELECT b FROM t)"), "(= ANY a SELECT b FROM t)");
  EXPECT_EQ(expr("a > ALL (SELECT b FROM t)"), "(> ALL a SELECT b FROM t)");
  EXPECT_EQ(expr("a <> SOME (ARRAY[1, 2])"), "(<> ANY a ARRAY[int:1, int:2])");
  EXPECT_EQ(expr("a LIKE ANY (ARRAY['x'])"), "(~~ ANY a ARRAY['x'])");
  EXPECT_EQ(expr("a NOT ILIKE ALL (b)"), "(!~~* ALL a b)");
  EXPECT_EQ(expr("((SELECT 1) UNION (SELECT 2))"), "(SUBQUERY {SELECT int:1 UNION SELECT int:2})");
}

TEST(ParserExpressions, WindowFunctionsFilterAndAggregateOrder) {
  EXPECT_EQ(expr("row_number() OVER ()"), "row_number() OVER ()");
  EXPECT_EQ(expr("rank() OVER w"), "rank() OVER w()");
  EXPECT_EQ(expr("sum(x) OVER (w ORDER BY y DESC)"), "sum(x) OVER (w ORDER y DESC )");
  EXPECT_EQ(expr("sum(x) OVER (PARTITION BY a, b ORDER BY c ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)"),
            "sum(x) OVER (PARTITION a, b ORDER c ROWS int:2 PRECEDING AND CURRENT ROW)");
  EXPECT_EQ(expr("count(*) OVER (ORDER BY c RANGE UNBOUNDED PRECEDING EXCLUDE TIES)"),
            "count(*) OVER (ORDER c RANGE UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE TIES)");
  EXPECT_EQ(expr("avg(x) OVER (GROUPS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING EXCLUDE NO OTHERS)"),
            "avg(x) OVER (GROUPS int:1 FOLLOWING AND UNBOUNDED FOLLOWING)");
  EXPECT_EQ(expr("count(*) FILTER (WHERE a > 1)"), "count(*) FILTER (> a int:1)");
  EXPECT_EQ(expr("string_agg(a, ',' ORDER BY b DESC)"), "string_agg(a, ',' ORDER BY b DESC)");
  EXPECT_EQ(expr("sum(a) FILTER (WHERE b) OVER (PARTITION BY c)"), "sum(a) FILTER b OVER (PARTITION c )");
  EXPECT_EQ(expr("grouping(a, b)"), "grouping(a, b)");
  // the window keywords stay usable as names
  EXPECT_EQ(expr("partition + range + rows + groups + current"), "(+ (+ (+ (+ partition range) rows) groups) current)");
  expect_error("SELECT sum(x) OVER (ROWS UNBOUNDED FOLLOWING) FROM t", "42P20",
               "frame start cannot be UNBOUNDED FOLLOWING", 26);
  expect_error("SELECT sum(x) OVER (ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM t", "42P20",
               "frame starting from current row cannot have preceding rows", 50);
  expect_error("SELECT sum(x) OVER (ROWS 1 FOLLOWING) FROM t", "42P20",
               "frame starting from following row cannot end with current row", 26);
}

TEST(ParserStatements, WindowClauseAndGroupingSets) {
  auto statements = parse("SELECT a FROM t GROUP BY ROLLUP (a, b), GROUPING SETS ((), c) WINDOW w AS (ORDER BY a), v AS (w)");
  const auto& select = static_cast<const SelectStmt&>(*statements.at(0));
  ASSERT_EQ(select.group_by.size(), 2u);
  EXPECT_EQ(Dump::expr(select.group_by[0].get()), "ROLLUP(a, b)");
  EXPECT_EQ(Dump::expr(select.group_by[1].get()), "GROUPING SETS(()(), c)");
  ASSERT_EQ(select.windows.size(), 2u);
  EXPECT_EQ(select.windows[0].name, "w");
  EXPECT_EQ(select.windows[0].order_by.size(), 1u);
  EXPECT_EQ(select.windows[1].name, "v");
  EXPECT_EQ(select.windows[1].refname, "w");
}

TEST(ParserExpressions, FunctionCalls) {
  EXPECT_EQ(expr("now()"), "now()");
  EXPECT_EQ(expr("count(*)"), "count(*)");
  EXPECT_EQ(expr("count(DISTINCT a)"), "count(DISTINCT a)");
  EXPECT_EQ(expr("count(ALL a)"), "count(a)");
  EXPECT_EQ(expr("pg_catalog.pg_table_is_visible(c.oid)"), "pg_catalog.pg_table_is_visible(c.oid)");
  EXPECT_EQ(expr("left('abc', 2)"), "left('abc', int:2)");
  EXPECT_EQ(expr("\"Upper\"(1)"), "Upper(int:1)");
}

TEST(ParserExpressions, SpecialSyntaxFunctions) {
  EXPECT_EQ(expr("EXTRACT(year FROM d)"), "pg_catalog.extract('year', d)");
  EXPECT_EQ(expr("extract('epoch' FROM d)"), "pg_catalog.extract('epoch', d)");
  EXPECT_EQ(expr("POSITION('b' IN s)"), "pg_catalog.position(s, 'b')");
  EXPECT_EQ(expr("SUBSTRING(s FROM 2 FOR 3)"), "pg_catalog.substring(s, int:2, int:3)");
  EXPECT_EQ(expr("substring(s FOR 3 FROM 2)"), "pg_catalog.substring(s, int:2, int:3)");
  EXPECT_EQ(expr("substring(s FROM 2)"), "pg_catalog.substring(s, int:2)");
  EXPECT_EQ(expr("substring(s FOR 3)"), "pg_catalog.substring(s, int:1, int:3)");
  EXPECT_EQ(expr("substring(s, 2, 3)"), "substring(s, int:2, int:3)");
  EXPECT_EQ(expr("TRIM(s)"), "pg_catalog.btrim(s)");
  EXPECT_EQ(expr("TRIM(BOTH 'x' FROM s)"), "pg_catalog.btrim(s, 'x')");
  EXPECT_EQ(expr("trim(leading FROM s)"), "pg_catalog.ltrim(s)");
  EXPECT_EQ(expr("trim(trailing 'x' FROM s)"), "pg_catalog.rtrim(s, 'x')");
  EXPECT_EQ(expr("COALESCE(a, b, 0)"), "coalesce(a, b, int:0)");
  EXPECT_EQ(expr("NULLIF(a, 0)"), "nullif(a, int:0)");
  EXPECT_EQ(expr("GREATEST(a, b)"), "greatest(a, b)");
  EXPECT_EQ(expr("least(a, b)"), "least(a, b)");
  EXPECT_EQ(expr("CURRENT_DATE"), "current_date()");
  EXPECT_EQ(expr("current_timestamp"), "current_timestamp()");
  EXPECT_EQ(expr("CURRENT_TIMESTAMP(3)"), "current_timestamp(int:3)");
  EXPECT_EQ(expr("localtimestamp"), "localtimestamp()");
  EXPECT_EQ(expr("current_user"), "current_user()");
  EXPECT_EQ(expr("session_user"), "session_user()");
  EXPECT_EQ(expr("current_schema"), "current_schema()");
  EXPECT_EQ(expr("ts AT TIME ZONE 'UTC'"), "pg_catalog.timezone('UTC', ts)");
}

TEST(ParserExpressions, CaseArraysRowsSubscriptsCollate) {
  EXPECT_EQ(expr("CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END"),
            "(CASE WHEN (> a int:0) THEN 'pos' WHEN (< a int:0) THEN 'neg' ELSE 'zero')");
  EXPECT_EQ(expr("CASE c.relkind WHEN 'r' THEN 'table' END"), "(CASE c.relkind WHEN 'r' THEN 'table')");
  EXPECT_EQ(expr("ARRAY[1, 2]"), "ARRAY[int:1, int:2]");
  EXPECT_EQ(expr("ARRAY[[1], [2]]"), "ARRAY[ARRAY[int:1], ARRAY[int:2]]");
  EXPECT_EQ(expr("ARRAY[]::int[]"), "(CAST ARRAY[] int4[])");
  EXPECT_EQ(expr("ARRAY(SELECT a FROM t)"), "ARRAY(SELECT a FROM t)");
  EXPECT_EQ(expr("ROW(1, 'a')"), "ROW(int:1, 'a')");
  EXPECT_EQ(expr("ROW()"), "ROW()");
  EXPECT_EQ(expr("(1, 2)"), "ROW(int:1, int:2)");
  EXPECT_EQ(expr("a[1]"), "a[int:1]");
  EXPECT_EQ(expr("t.a[1][2:3]"), "t.a[int:1][int:2:int:3]");
  EXPECT_EQ(expr("(f(x))[1:]"), "f(x)[int:1:]");
  EXPECT_EQ(expr("$1[2]"), "$1[int:2]");
  EXPECT_EQ(expr("name COLLATE pg_catalog.default"), "(COLLATE name pg_catalog.default)");
  EXPECT_EQ(expr("a || b COLLATE \"C\""), "(|| a (COLLATE b C))");
}

TEST(ParserExpressions, ColumnReferencesAndStars) {
  EXPECT_EQ(expr("a"), "a");
  EXPECT_EQ(expr("t.a"), "t.a");
  EXPECT_EQ(expr("s.t.a"), "s.t.a");
  EXPECT_EQ(expr("t.*"), "t.*");
  EXPECT_EQ(expr("\"T\".\"A\""), "T.A");
  EXPECT_EQ(expr("t.select"), "t.select");  // any keyword after a dot
}

TEST(ParserExpressions, Locations) {
  // 0-based character offsets: of the operator for operators, of the first token otherwise.
  std::vector<StmtPtr> statements = parse("SELECT aa + b, f(x), t.c, 'é' || d, x::int, CAST(y AS int)");
  const auto& select = static_cast<const SelectStmt&>(*statements.at(0));
  const auto& plus = static_cast<const Binary&>(*select.targets[0].expr);
  EXPECT_EQ(plus.location, 10);
  EXPECT_EQ(plus.left->location, 7);
  EXPECT_EQ(plus.right->location, 12);
  EXPECT_EQ(select.targets[0].location, 7);
  EXPECT_EQ(select.targets[1].expr->location, 15);
  EXPECT_EQ(select.targets[2].expr->location, 21);
  const auto& concat = static_cast<const Binary&>(*select.targets[3].expr);
  EXPECT_EQ(concat.location, 30);  // characters, not bytes: 'é' is one character
  EXPECT_EQ(concat.right->location, 33);
  EXPECT_EQ(select.targets[4].expr->location, 37);  // the "::"
  EXPECT_EQ(select.targets[5].expr->location, 44);  // CAST
  std::vector<StmtPtr> not_in = parse("SELECT a NOT IN (1)");
  EXPECT_EQ(first_target(not_in).location, 9);  // NOT, as PostgreSQL reports it
}

// ---- SELECT ------------------------------------------------------------------------------------

TEST(ParserSelect, TargetsAndAliases) {
  EXPECT_EQ(dump("SELECT 1"), "SELECT int:1");
  EXPECT_EQ(dump("SELECT"), "SELECT");
  EXPECT_EQ(dump("SELECT * FROM t"), "SELECT * FROM t");
  EXPECT_EQ(dump("SELECT a AS x, b y, c \"Z\", d AS from, e AS \"select\" FROM t"),
            "SELECT a AS x, b AS y, c AS Z, d AS from, e AS select FROM t");
  EXPECT_EQ(dump("SELECT t.*, u.a FROM t, u"), "SELECT t.*, u.a FROM t, u");
  EXPECT_EQ(dump("SELECT DISTINCT a, b FROM t"), "SELECT DISTINCT a, b FROM t");
  EXPECT_EQ(dump("SELECT DISTINCT ON (a) a, b FROM t"), "SELECT DISTINCT ON (a) a, b FROM t");
  EXPECT_EQ(dump("SELECT ALL a FROM t"), "SELECT a FROM t");
  EXPECT_EQ(dump("SELECT 1 AS name, 2 text, 3 level"), "SELECT int:1 AS name, int:2 AS text, int:3 AS level");
  // Most keywords, reserved ones included, may be aliases without AS (PostgreSQL's BareColLabel).
  EXPECT_EQ(dump("SELECT 1 select, 2 null, 3 and"), "SELECT int:1 AS select, int:2 AS null, int:3 AS and");
  EXPECT_EQ(dump("SELECT a AND FROM t"), "SELECT a AS and FROM t");
  EXPECT_EQ(dump("SELECT nulls FROM t ORDER BY nulls NULLS FIRST"), "SELECT nulls FROM t ORDER BY nulls NULLS FIRST");
  EXPECT_EQ(dump("SELECT a NOT BETWEEN 1 AND 2, NOT a"), "SELECT (NOT BETWEEN a int:1 int:2), (NOT a)");
}

TEST(ParserSelect, WhereGroupHaving) {
  EXPECT_EQ(dump("SELECT a, count(*) FROM t WHERE b > 1 GROUP BY a HAVING count(*) > 2"),
            "SELECT a, count(*) FROM t WHERE (> b int:1) GROUP BY a HAVING (> count(*) int:2)");
  EXPECT_EQ(dump("SELECT a FROM t GROUP BY 1, a + 1"), "SELECT a FROM t GROUP BY int:1, (+ a int:1)");
}

TEST(ParserSelect, OrderByLimitOffsetFetch) {
  EXPECT_EQ(dump("SELECT a FROM t ORDER BY a DESC NULLS LAST, b ASC, c NULLS FIRST"),
            "SELECT a FROM t ORDER BY a DESC NULLS LAST, b, c NULLS FIRST");
  EXPECT_EQ(dump("SELECT a FROM t LIMIT 10 OFFSET 5"), "SELECT a FROM t LIMIT int:10 OFFSET int:5");
  EXPECT_EQ(dump("SELECT a FROM t OFFSET 5 LIMIT 10"), "SELECT a FROM t LIMIT int:10 OFFSET int:5");
  EXPECT_EQ(dump("SELECT a FROM t LIMIT ALL"), "SELECT a FROM t LIMIT NULL");
  EXPECT_EQ(dump("SELECT a FROM t OFFSET 2 ROWS FETCH FIRST 3 ROWS ONLY"),
            "SELECT a FROM t LIMIT int:3 OFFSET int:2");
  EXPECT_EQ(dump("SELECT a FROM t FETCH NEXT ROW ONLY"), "SELECT a FROM t LIMIT int:1");
  EXPECT_EQ(dump("SELECT a FROM t OFFSET 1 ROW"), "SELECT a FROM t OFFSET int:1");
  EXPECT_EQ(dump("SELECT a FROM t LIMIT $1"), "SELECT a FROM t LIMIT $1");
}

TEST(ParserSelect, SetOperations) {
  EXPECT_EQ(dump("SELECT 1 UNION SELECT 2"), "{SELECT int:1 UNION SELECT int:2}");
  EXPECT_EQ(dump("SELECT 1 UNION ALL SELECT 2 EXCEPT SELECT 3"),
            "{{SELECT int:1 UNION ALL SELECT int:2} EXCEPT SELECT int:3}");
  // INTERSECT binds tighter than UNION and EXCEPT.
  EXPECT_EQ(dump("SELECT 1 UNION SELECT 2 INTERSECT ALL SELECT 3"),
            "{SELECT int:1 UNION {SELECT int:2 INTERSECT ALL SELECT int:3}}");
  EXPECT_EQ(dump("(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3"),
            "{{SELECT int:1 UNION SELECT int:2} INTERSECT SELECT int:3}");
  EXPECT_EQ(dump("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 5"),
            "{SELECT a FROM t UNION SELECT b FROM u} ORDER BY int:1 LIMIT int:5");
  EXPECT_EQ(dump("SELECT 1 EXCEPT DISTINCT SELECT 2"), "{SELECT int:1 EXCEPT SELECT int:2}");
}

TEST(ParserSelect, ParenthesizedQueriesMergeTheirClauses) {
  EXPECT_EQ(dump("(SELECT a FROM t ORDER BY a) LIMIT 3"), "SELECT a FROM t ORDER BY a LIMIT int:3");
  EXPECT_EQ(dump("((SELECT 1))"), "SELECT int:1");
}

TEST(ParserSelect, ValuesAndTable) {
  EXPECT_EQ(dump("VALUES (1, 'a'), (2, 'b')"), "VALUES (int:1, 'a'), (int:2, 'b')");
  EXPECT_EQ(dump("VALUES (1) ORDER BY 1"), "VALUES (int:1) ORDER BY int:1");
  EXPECT_EQ(dump("TABLE t"), "SELECT * FROM t");
  EXPECT_EQ(dump("SELECT 1 UNION VALUES (2)"), "{SELECT int:1 UNION VALUES (int:2)}");
}

TEST(ParserSelect, RowLocking) {
  EXPECT_EQ(dump("SELECT * FROM t FOR UPDATE"), "SELECT * FROM t FOR UPDATE");
  EXPECT_EQ(dump("SELECT * FROM t FOR NO KEY UPDATE OF t NOWAIT"), "SELECT * FROM t FOR NO KEY UPDATE OF t NOWAIT");
  EXPECT_EQ(dump("SELECT * FROM t FOR SHARE SKIP LOCKED"), "SELECT * FROM t FOR SHARE SKIP LOCKED");
  EXPECT_EQ(dump("SELECT * FROM t LIMIT 1 FOR KEY SHARE"), "SELECT * FROM t LIMIT int:1 FOR KEY SHARE");
  EXPECT_EQ(dump("SELECT * FROM t FOR UPDATE LIMIT 1"), "SELECT * FROM t LIMIT int:1 FOR UPDATE");
}

TEST(ParserFrom, TablesAndAliases) {
  EXPECT_EQ(dump("SELECT * FROM t"), "SELECT * FROM t");
  EXPECT_EQ(dump("SELECT * FROM public.t AS x"), "SELECT * FROM public.t AS x");
  EXPECT_EQ(dump("SELECT * FROM t x, u AS y(a, b)"), "SELECT * FROM t AS x, u AS y(a, b)");
  EXPECT_EQ(dump("SELECT * FROM t data"), "SELECT * FROM t AS data");
}

TEST(ParserFrom, Joins) {
  EXPECT_EQ(dump("SELECT * FROM a JOIN b ON a.id = b.id"), "SELECT * FROM [a INNER b ON (= a.id b.id)]");
  EXPECT_EQ(dump("SELECT * FROM a INNER JOIN b USING (id, k)"), "SELECT * FROM [a INNER b USING (id, k)]");
  EXPECT_EQ(dump("SELECT * FROM a LEFT JOIN b ON x"), "SELECT * FROM [a LEFT b ON x]");
  EXPECT_EQ(dump("SELECT * FROM a LEFT OUTER JOIN b ON x"), "SELECT * FROM [a LEFT b ON x]");
  EXPECT_EQ(dump("SELECT * FROM a RIGHT JOIN b ON x"), "SELECT * FROM [a RIGHT b ON x]");
  EXPECT_EQ(dump("SELECT * FROM a FULL OUTER JOIN b ON x"), "SELECT * FROM [a FULL b ON x]");
  EXPECT_EQ(dump("SELECT * FROM a CROSS JOIN b"), "SELECT * FROM [a CROSS b]");
  EXPECT_EQ(dump("SELECT * FROM a NATURAL JOIN b"), "SELECT * FROM [a NATURAL INNER b]");
  EXPECT_EQ(dump("SELECT * FROM a NATURAL LEFT JOIN b"), "SELECT * FROM [a NATURAL LEFT b]");
  // Joins associate to the left; a join may nest on the right with its own ON.
  EXPECT_EQ(dump("SELECT * FROM a JOIN b ON x JOIN c ON y"), "SELECT * FROM [[a INNER b ON x] INNER c ON y]");
  EXPECT_EQ(dump("SELECT * FROM a JOIN b JOIN c ON y ON x"), "SELECT * FROM [a INNER [b INNER c ON y] ON x]");
  EXPECT_EQ(dump("SELECT * FROM a CROSS JOIN b JOIN c ON x"), "SELECT * FROM [[a CROSS b] INNER c ON x]");
  EXPECT_EQ(dump("SELECT * FROM (a JOIN b ON x) AS j, c"), "SELECT * FROM [a INNER b ON x] AS j, c");
  EXPECT_EQ(dump("SELECT * FROM ((a JOIN b ON x))"), "SELECT * FROM [a INNER b ON x]");
  EXPECT_EQ(dump("SELECT * FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"),
            "SELECT * FROM [pg_catalog.pg_class AS c LEFT pg_catalog.pg_namespace AS n ON (= n.oid c.relnamespace)]");
}

TEST(ParserFrom, SubqueriesAndFunctions) {
  EXPECT_EQ(dump("SELECT * FROM (SELECT 1) s"), "SELECT * FROM (SELECT int:1) AS s");
  EXPECT_EQ(dump("SELECT * FROM (VALUES (1), (2)) AS v(x)"), "SELECT * FROM (VALUES (int:1), (int:2)) AS v(x)");
  EXPECT_EQ(dump("SELECT * FROM t, LATERAL (SELECT t.a) s"), "SELECT * FROM t, LATERAL (SELECT t.a) AS s");
  EXPECT_EQ(dump("SELECT * FROM generate_series(1, 10) AS g(i)"), "SELECT * FROM generate_series(int:1, int:10) AS g(i)");
  EXPECT_EQ(dump("SELECT * FROM generate_series(1, 3) g"), "SELECT * FROM generate_series(int:1, int:3) AS g");
  EXPECT_EQ(dump("SELECT i FROM pg_catalog.generate_series(0, 2) s"),
            "SELECT i FROM pg_catalog.generate_series(int:0, int:2) AS s");
}

// ---- data modification -------------------------------------------------------------------------

TEST(ParserModify, Insert) {
  EXPECT_EQ(dump("INSERT INTO t VALUES (1, 'a'), (2, DEFAULT)"), "INSERT INTO t VALUES (int:1, 'a'), (int:2, DEFAULT)");
  EXPECT_EQ(dump("INSERT INTO s.t (a, \"B\") VALUES ($1, $2)"), "INSERT INTO s.t (a, B) VALUES ($1, $2)");
  EXPECT_EQ(dump("INSERT INTO t SELECT * FROM u WHERE x"), "INSERT INTO t SELECT * FROM u WHERE x");
  EXPECT_EQ(dump("INSERT INTO t (a) (SELECT 1)"), "INSERT INTO t (a) SELECT int:1");
  EXPECT_EQ(dump("INSERT INTO t DEFAULT VALUES RETURNING id, a * 2 AS d"),
            "INSERT INTO t DEFAULT VALUES RETURNING id, (* a int:2) AS d");
  EXPECT_EQ(dump("INSERT INTO t AS x (a) VALUES (1) RETURNING *"), "INSERT INTO t AS x (a) VALUES (int:1) RETURNING *");
  std::vector<StmtPtr> statements = parse("INSERT INTO t (aa, bb) VALUES (1, 2)");
  EXPECT_EQ(static_cast<const InsertStmt&>(*statements[0]).column_locations, (std::vector<int>{15, 19}));
}

TEST(ParserModify, Update) {
  EXPECT_EQ(dump("UPDATE t SET a = a + 1, b = DEFAULT WHERE id = 3"),
            "UPDATE t SET a = (+ a int:1), b = DEFAULT WHERE (= id int:3)");
  EXPECT_EQ(dump("UPDATE t AS x SET a = u.b FROM u WHERE x.id = u.id RETURNING x.a"),
            "UPDATE t AS x SET a = u.b FROM u WHERE (= x.id u.id) RETURNING x.a");
  EXPECT_EQ(dump("UPDATE t x SET a = 1"), "UPDATE t AS x SET a = int:1");
  EXPECT_EQ(dump("UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2"),
            "UPDATE pgbench_accounts SET abalance = (+ abalance $1) WHERE (= aid $2)");
}

TEST(ParserModify, Delete) {
  EXPECT_EQ(dump("DELETE FROM t"), "DELETE FROM t");
  EXPECT_EQ(dump("DELETE FROM t AS x USING u, v WHERE x.a = u.a RETURNING *"),
            "DELETE FROM t AS x USING u, v WHERE (= x.a u.a) RETURNING *");
  EXPECT_EQ(dump("DELETE FROM t x WHERE a IS NULL"), "DELETE FROM t AS x WHERE (IS NULL a)");
}

// ---- DDL -----------------------------------------------------------------------------------------

TEST(ParserDdl, CreateTable) {
  EXPECT_EQ(dump("CREATE TABLE t (id serial PRIMARY KEY, name varchar(100) NOT NULL, "
                 "price numeric(10,2) DEFAULT 0 CHECK (price >= 0), note text NULL, "
                 "email text UNIQUE, created timestamptz DEFAULT now() NOT NULL)"),
            "CREATE TABLE t (id serial PRIMARY KEY, name varchar(100) NOT NULL, "
            "price numeric(10,2) DEFAULT int:0 CHECK (>= price int:0), note text NULL, "
            "email text UNIQUE, created timestamptz DEFAULT now() NOT NULL)");
  EXPECT_EQ(dump("CREATE TEMP TABLE IF NOT EXISTS s.t (a int)"), "CREATE TEMP TABLE IF NOT EXISTS s.t (a int4)");
  EXPECT_EQ(dump("CREATE TEMPORARY TABLE t ()"), "CREATE TEMP TABLE t ()");
  EXPECT_EQ(dump("CREATE LOCAL TEMP TABLE t (a int)"), "CREATE TEMP TABLE t (a int4)");
  EXPECT_EQ(dump("CREATE TABLE t (a int, b int, PRIMARY KEY (a, b), UNIQUE (b), CONSTRAINT pos CHECK (a > 0))"),
            "CREATE TABLE t (a int4, b int4, PRIMARY KEY (a, b), UNIQUE (b), CONSTRAINT pos CHECK (> a int:0))");
  EXPECT_EQ(dump("CREATE TABLE t (a int CONSTRAINT a_nn NOT NULL DEFAULT -1)"),
            "CREATE TABLE t (a int4 CONSTRAINT a_nn NOT NULL DEFAULT int:-1)");
  EXPECT_EQ(dump("CREATE TABLE kv (k text PRIMARY KEY, v text) USING lsm"),
            "CREATE TABLE kv (k text PRIMARY KEY, v text) USING lsm");
}

TEST(ParserDdl, IndexStatements) {
  auto statements = parse(
      "CREATE UNIQUE INDEX IF NOT EXISTS t_idx ON s.t USING btree (a DESC NULLS LAST, b) INCLUDE (c); "
      "CREATE INDEX ON t (lower(name)) WHERE a > 0; DROP INDEX IF EXISTS i1, i2 CASCADE; REINDEX TABLE t; "
      "ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (a, b), ADD UNIQUE (c); "
      "INSERT INTO t VALUES (1) ON CONFLICT (a) DO UPDATE SET b = excluded.b WHERE t.b < 5");
  ASSERT_EQ(statements.size(), 6u);
  const auto& create = static_cast<const CreateIndexStmt&>(*statements[0]);
  EXPECT_TRUE(create.unique && create.if_not_exists);
  EXPECT_EQ(create.name, "t_idx");
  EXPECT_EQ(create.table.schema, "s");
  EXPECT_EQ(create.access_method, "btree");
  ASSERT_EQ(create.columns.size(), 2u);
  EXPECT_EQ(create.columns[0].column, "a");
  EXPECT_TRUE(create.columns[0].descending);
  EXPECT_EQ(create.columns[0].nulls_first, false);
  EXPECT_FALSE(create.columns[1].nulls_first.has_value());
  EXPECT_EQ(create.include, std::vector<std::string>{"c"});
  const auto& expression = static_cast<const CreateIndexStmt&>(*statements[1]);
  EXPECT_FALSE(expression.name);
  ASSERT_EQ(expression.columns.size(), 1u);
  EXPECT_TRUE(expression.columns[0].expr);
  EXPECT_TRUE(expression.where);
  const auto& drop = static_cast<const DropIndexStmt&>(*statements[2]);
  EXPECT_TRUE(drop.if_exists && drop.cascade);
  EXPECT_EQ(drop.indexes.size(), 2u);
  EXPECT_TRUE(static_cast<const ReindexStmt&>(*statements[3]).table);
  const auto& alter = static_cast<const AlterTableStmt&>(*statements[4]);
  ASSERT_EQ(alter.commands.size(), 2u);
  EXPECT_EQ(alter.commands[0].constraint->kind, ConstraintKind::PrimaryKey);
  EXPECT_EQ(alter.commands[0].constraint->name, "t_pkey");
  EXPECT_EQ(alter.commands[1].constraint->columns, std::vector<std::string>{"c"});
  const auto& insert = static_cast<const InsertStmt&>(*statements[5]);
  ASSERT_TRUE(insert.on_conflict);
  EXPECT_TRUE(insert.on_conflict->do_update);
  EXPECT_EQ(insert.on_conflict->target.at(0).column, "a");
  EXPECT_EQ(insert.on_conflict->set.at(0).column, "b");
  EXPECT_TRUE(insert.on_conflict->where);
}

TEST(ParserDdl, ViewStatements) {
  auto statements = parse(
      "CREATE OR REPLACE VIEW s.v (a, b) AS SELECT x, y FROM t WHERE x > 1 ORDER BY y; "
      "CREATE VIEW w AS SELECT 1 WITH LOCAL CHECK OPTION; DROP VIEW IF EXISTS v, w CASCADE; "
      "ALTER VIEW v RENAME TO u; CREATE VIEW view AS SELECT 1 AS replace, 2 AS option");
  ASSERT_EQ(statements.size(), 5u);
  const auto& create = static_cast<const CreateViewStmt&>(*statements[0]);
  EXPECT_EQ(create.kind, StmtKind::CreateView);
  EXPECT_TRUE(create.or_replace);
  EXPECT_FALSE(create.check_option);
  EXPECT_EQ(create.view.schema, "s");
  EXPECT_EQ(create.view.name, "v");
  EXPECT_EQ(create.columns, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(create.query_text, "SELECT x, y FROM t WHERE x > 1 ORDER BY y");
  ASSERT_TRUE(create.query);
  EXPECT_EQ(create.query->order_by.size(), 1u);
  const auto& checked = static_cast<const CreateViewStmt&>(*statements[1]);
  EXPECT_FALSE(checked.or_replace);
  EXPECT_TRUE(checked.check_option);
  EXPECT_EQ(checked.query_text, "SELECT 1");
  const auto& drop = static_cast<const DropTableStmt&>(*statements[2]);
  EXPECT_EQ(drop.object, DropObjectKind::View);
  EXPECT_TRUE(drop.if_exists && drop.cascade);
  EXPECT_EQ(drop.tables.size(), 2u);
  const auto& alter = static_cast<const AlterTableStmt&>(*statements[3]);
  EXPECT_TRUE(alter.view);
  ASSERT_EQ(alter.commands.size(), 1u);
  EXPECT_EQ(alter.commands[0].kind, AlterTableCmdKind::RenameTable);
  EXPECT_EQ(alter.commands[0].new_name, "u");
  // VIEW, REPLACE and OPTION are unreserved keywords, usable as names.
  EXPECT_EQ(static_cast<const CreateViewStmt&>(*statements[4]).view.name, "view");
}

TEST(ParserDdl, IdentityColumnsAndOverriding) {
  auto statements = parse(
      "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY (START WITH 5 INCREMENT BY 2), "
      "n bigint GENERATED BY DEFAULT AS IDENTITY); "
      "INSERT INTO t OVERRIDING SYSTEM VALUE VALUES (1); INSERT INTO t OVERRIDING USER VALUE SELECT 1; "
      "ALTER TABLE t ALTER COLUMN n DROP IDENTITY IF EXISTS, ALTER id RESTART WITH 10, "
      "ALTER COLUMN n ADD GENERATED ALWAYS AS IDENTITY");
  ASSERT_EQ(statements.size(), 4u);
  const auto& create = static_cast<const CreateTableStmt&>(*statements[0]);
  const ColumnConstraint& always = create.columns.at(0).constraints.at(0);
  EXPECT_EQ(always.kind, ConstraintKind::Identity);
  ASSERT_TRUE(always.identity);
  EXPECT_TRUE(always.identity->always);
  EXPECT_EQ(always.identity->sequence->start, 5);
  EXPECT_EQ(always.identity->sequence->increment, 2);
  EXPECT_FALSE(create.columns.at(1).constraints.at(0).identity->always);
  EXPECT_EQ(static_cast<const InsertStmt&>(*statements[1]).overriding, InsertStmt::Overriding::SystemValue);
  EXPECT_EQ(static_cast<const InsertStmt&>(*statements[2]).overriding, InsertStmt::Overriding::UserValue);
  const auto& alter = static_cast<const AlterTableStmt&>(*statements[3]);
  ASSERT_EQ(alter.commands.size(), 3u);
  EXPECT_EQ(alter.commands[0].kind, AlterTableCmdKind::DropIdentity);
  EXPECT_TRUE(alter.commands[0].if_exists);
  EXPECT_EQ(alter.commands[1].kind, AlterTableCmdKind::RestartIdentity);
  EXPECT_EQ(alter.commands[1].restart_with, 10);
  EXPECT_EQ(alter.commands[2].kind, AlterTableCmdKind::AddIdentity);
  EXPECT_TRUE(alter.commands[2].identity->always);
}

TEST(ParserDdl, StorageParameters) {
  std::vector<StmtPtr> statements =
      parse("create table pgbench_tellers(tid int not null,bid int,tbalance int,filler char(84)) with (fillfactor=100)");
  const auto& create = static_cast<const CreateTableStmt&>(*statements.at(0));
  EXPECT_EQ(create.storage_parameters, (std::vector<std::pair<std::string, std::string>>{{"fillfactor", "100"}}));
  statements = parse("CREATE TABLE t (a int) USING heap WITH (FillFactor = 70, toast.autovacuum_enabled = off, x)");
  const auto& other = static_cast<const CreateTableStmt&>(*statements.at(0));
  EXPECT_EQ(other.access_method, "heap");
  EXPECT_EQ(other.storage_parameters, (std::vector<std::pair<std::string, std::string>>{
                                          {"fillfactor", "70"}, {"toast.autovacuum_enabled", "off"}, {"x", "true"}}));
}

TEST(ParserDdl, ForeignKeys) {
  EXPECT_EQ(dump("CREATE TABLE o (c int REFERENCES customers(id) ON DELETE CASCADE)"),
            "CREATE TABLE o (c int4 REFERENCES customers(id) MATCH SIMPLE ON DELETE CASCADE ON UPDATE NO ACTION)");
  EXPECT_EQ(dump("CREATE TABLE o (c int REFERENCES customers)"),
            "CREATE TABLE o (c int4 REFERENCES customers MATCH SIMPLE ON DELETE NO ACTION ON UPDATE NO ACTION)");
  EXPECT_EQ(dump("CREATE TABLE o (a int, b int, CONSTRAINT fk FOREIGN KEY (a, b) REFERENCES p (x, y) "
                 "MATCH FULL ON UPDATE SET NULL ON DELETE SET DEFAULT)"),
            "CREATE TABLE o (a int4, b int4, CONSTRAINT fk REFERENCES p(x, y) MATCH FULL ON DELETE SET DEFAULT "
            "ON UPDATE SET NULL (a, b))");
}

TEST(ParserDdl, DefaultTakesRestrictedExpression) {
  // NOT NULL after DEFAULT is a constraint, not part of the default expression.
  EXPECT_EQ(dump("CREATE TABLE t (a int DEFAULT 1 + 2 NOT NULL)"), "CREATE TABLE t (a int4 DEFAULT (+ int:1 int:2) NOT NULL)");
}

TEST(ParserDdl, DropTable) {
  EXPECT_EQ(dump("DROP TABLE t"), "DROP TABLE t");
  EXPECT_EQ(dump("DROP TABLE IF EXISTS a, s.b CASCADE"), "DROP TABLE IF EXISTS a, s.b CASCADE");
  EXPECT_EQ(dump("DROP TABLE a RESTRICT"), "DROP TABLE a");
  EXPECT_EQ(dump("DROP SEQUENCE IF EXISTS s, t.u"), "DROP SEQUENCE IF EXISTS s, t.u");
}

TEST(ParserDdl, Truncate) {
  EXPECT_EQ(dump("TRUNCATE t"), "TRUNCATE t");
  EXPECT_EQ(dump("truncate table a, s.b restart identity cascade"), "TRUNCATE a, s.b RESTART IDENTITY CASCADE");
  EXPECT_EQ(dump("TRUNCATE a CONTINUE IDENTITY RESTRICT"), "TRUNCATE a");
  expect_error("TRUNCATE", "42601", "syntax error at end of input", 9);
}

TEST(ParserDdl, CreateSequence) {
  EXPECT_EQ(dump("CREATE SEQUENCE s"), "CREATE SEQUENCE s");
  EXPECT_EQ(dump("create sequence if not exists x.s as integer start with 5 increment by -2 "
                 "minvalue -100 no maxvalue cache 3 no cycle"),
            "CREATE SEQUENCE IF NOT EXISTS x.s AS int4 START 5 INCREMENT -2 MINVALUE -100 NO MAXVALUE "
            "CACHE 3 NO CYCLE");
  EXPECT_EQ(dump("CREATE TEMP SEQUENCE s START 9223372036854775807 CYCLE"),
            "CREATE TEMP SEQUENCE s START 9223372036854775807 CYCLE");
  expect_error("CREATE SEQUENCE s START 1 START 2", "42601", "conflicting or redundant options", 27);
  expect_error("CREATE SEQUENCE s START 1.5", "22P02", "invalid input syntax for type bigint: \"1.5\"",
               std::nullopt);
  expect_error("CREATE SEQUENCE s MAXVALUE 99999999999999999999", "22003",
               "value \"99999999999999999999\" is out of range for type bigint", std::nullopt);
}

// ---- utility statements ------------------------------------------------------------------------

TEST(ParserUtility, Transactions) {
  EXPECT_EQ(dump("BEGIN"), "BEGIN");
  EXPECT_EQ(dump("BEGIN WORK"), "BEGIN");
  EXPECT_EQ(dump("begin transaction isolation level repeatable read"), "BEGIN ISOLATION LEVEL repeatable read");
  EXPECT_EQ(dump("BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY"), "BEGIN ISOLATION LEVEL serializable READ ONLY");
  EXPECT_EQ(dump("START TRANSACTION ISOLATION LEVEL READ COMMITTED READ WRITE"),
            "BEGIN ISOLATION LEVEL read committed READ WRITE");
  EXPECT_EQ(dump("START TRANSACTION ISOLATION LEVEL READ UNCOMMITTED"), "BEGIN ISOLATION LEVEL read uncommitted");
  EXPECT_EQ(dump("BEGIN NOT DEFERRABLE"), "BEGIN");
  EXPECT_EQ(dump("COMMIT"), "COMMIT");
  EXPECT_EQ(dump("COMMIT WORK"), "COMMIT");
  EXPECT_EQ(dump("END"), "COMMIT");
  EXPECT_EQ(dump("END TRANSACTION"), "COMMIT");
  EXPECT_EQ(dump("ROLLBACK"), "ROLLBACK");
  EXPECT_EQ(dump("ABORT"), "ROLLBACK");
  EXPECT_TRUE(static_cast<const TransactionStmt&>(*parse("Start Transaction").at(0)).start_transaction);
  EXPECT_FALSE(static_cast<const TransactionStmt&>(*parse("BEGIN").at(0)).start_transaction);
}

TEST(ParserUtility, Set) {
  EXPECT_EQ(dump("SET search_path TO \"$user\", public"), "SET search_path = <$user>, <public>");
  EXPECT_EQ(dump("SET work_mem = '64kB'"), "SET work_mem = <64kB>");
  EXPECT_EQ(dump("SET LOCAL statement_timeout = 200"), "SET LOCAL statement_timeout = <200>");
  EXPECT_EQ(dump("SET SESSION extra_float_digits = -3"), "SET extra_float_digits = <-3>");
  EXPECT_EQ(dump("SET DateStyle = ISO, MDY"), "SET datestyle = <iso>, <mdy>");
  EXPECT_EQ(dump("SET enable_seqscan = off"), "SET enable_seqscan = <off>");
  EXPECT_EQ(dump("SET enable_seqscan TO on"), "SET enable_seqscan = <on>");
  EXPECT_EQ(dump("SET x = true"), "SET x = <true>");
  EXPECT_EQ(dump("SET random_page_cost = 1.1"), "SET random_page_cost = <1.1>");
  EXPECT_EQ(dump("SET work_mem TO DEFAULT"), "SET work_mem = DEFAULT");
  EXPECT_EQ(dump("SET my.custom = 'v'"), "SET my.custom = <v>");
  EXPECT_EQ(dump("SET TIME ZONE 'UTC'"), "SET timezone = <UTC>");
  EXPECT_EQ(dump("SET TIME ZONE LOCAL"), "SET timezone = DEFAULT");
  EXPECT_EQ(dump("SET TIME ZONE -5"), "SET timezone = <-5>");
  EXPECT_EQ(dump("SET NAMES 'UTF8'"), "SET client_encoding = <UTF8>");
  EXPECT_EQ(dump("SET SCHEMA 'public'"), "SET search_path = <public>");
  EXPECT_EQ(dump("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"), "SET transaction_isolation = <serializable>");
  EXPECT_EQ(dump("SET TRANSACTION READ ONLY"), "SET transaction_read_only = <on>");
  EXPECT_EQ(dump("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ"),
            "SET default_transaction_isolation = <repeatable read>");
  EXPECT_EQ(dump("SET application_name = $$my app$$"), "SET application_name = <my app>");
}

TEST(ParserUtility, ResetAndShow) {
  EXPECT_EQ(dump("RESET work_mem"), "RESET work_mem");
  EXPECT_EQ(dump("RESET ALL"), "RESET all");
  EXPECT_EQ(dump("RESET TIME ZONE"), "RESET timezone");
  EXPECT_EQ(dump("SHOW server_version"), "SHOW server_version");
  EXPECT_EQ(dump("SHOW DateStyle"), "SHOW datestyle");
  EXPECT_EQ(dump("SHOW ALL"), "SHOW all");
  EXPECT_EQ(dump("SHOW TIME ZONE"), "SHOW timezone");
  EXPECT_EQ(dump("SHOW TRANSACTION ISOLATION LEVEL"), "SHOW transaction_isolation");
}

TEST(ParserUtility, Explain) {
  EXPECT_EQ(dump("EXPLAIN SELECT 1"),
            "EXPLAIN (analyze=false verbose=false costs=true buffers=false timing=false summary=false format=text) "
            "SELECT int:1");
  EXPECT_EQ(dump("EXPLAIN ANALYZE SELECT 1"),
            "EXPLAIN (analyze=true verbose=false costs=true buffers=false timing=true summary=true format=text) "
            "SELECT int:1");
  EXPECT_EQ(dump("EXPLAIN ANALYSE VERBOSE DELETE FROM t"),
            "EXPLAIN (analyze=true verbose=true costs=true buffers=false timing=true summary=true format=text) "
            "DELETE FROM t");
  EXPECT_EQ(dump("EXPLAIN VERBOSE UPDATE t SET a = 1"),
            "EXPLAIN (analyze=false verbose=true costs=true buffers=false timing=false summary=false format=text) "
            "UPDATE t SET a = int:1");
  EXPECT_EQ(dump("EXPLAIN (ANALYZE, BUFFERS, COSTS off, TIMING false, SUMMARY 0, FORMAT text) INSERT INTO t VALUES (1)"),
            "EXPLAIN (analyze=true verbose=false costs=false buffers=true timing=false summary=false format=text) "
            "INSERT INTO t VALUES (int:1)");
  EXPECT_EQ(dump("EXPLAIN (costs 0, buffers 1, FORMAT 'json', verbose false, settings) SELECT 1"),
            "EXPLAIN (analyze=false verbose=false costs=false buffers=true timing=false summary=false format=json) "
            "SELECT int:1");
  EXPECT_EQ(dump("EXPLAIN (FORMAT YAML) (SELECT 1)"),
            "EXPLAIN (analyze=false verbose=false costs=true buffers=false timing=false summary=false format=yaml) "
            "SELECT int:1");
}

// ---- statement lists, text and locations -----------------------------------------------------

TEST(ParserStatements, TextAndLocation) {
  std::vector<StmtPtr> statements = parse("  SELECT 1 ;\nINSERT INTO t VALUES ('é');  BEGIN;COMMIT");
  ASSERT_EQ(statements.size(), 4u);
  EXPECT_EQ(statements[0]->text, "SELECT 1");
  EXPECT_EQ(statements[0]->location, 2);
  EXPECT_EQ(statements[1]->text, "INSERT INTO t VALUES ('é')");
  EXPECT_EQ(statements[1]->location, 13);
  EXPECT_EQ(statements[2]->text, "BEGIN");
  EXPECT_EQ(statements[2]->location, 42);
  EXPECT_EQ(statements[3]->text, "COMMIT");
  EXPECT_EQ(statements[3]->kind, StmtKind::Transaction);
}

TEST(ParserStatements, ExplainedStatementHasItsOwnText) {
  std::vector<StmtPtr> statements = parse("EXPLAIN ANALYZE SELECT * FROM t");
  const auto& explain = static_cast<const ExplainStmt&>(*statements.at(0));
  EXPECT_EQ(explain.text, "EXPLAIN ANALYZE SELECT * FROM t");
  EXPECT_EQ(explain.statement->text, "SELECT * FROM t");
  EXPECT_EQ(explain.statement->location, 16);
}

TEST(ParserStatements, PsqlDescribeQueryParses) {
  // The query psql 15 sends for \d (compat/psql.md).
  const std::string query =
      "SELECT n.nspname as \"Schema\",\n"
      "  c.relname as \"Name\",\n"
      "  CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' "
      "WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' "
      "WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as \"Type\",\n"
      "  pg_catalog.pg_get_userbyid(c.relowner) as \"Owner\"\n"
      "FROM pg_catalog.pg_class c\n"
      "     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
      "     LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam\n"
      "WHERE c.relkind IN ('r','p','v','m','S','f','')\n"
      "      AND n.nspname <> 'pg_catalog'\n"
      "      AND n.nspname !~ '^pg_toast'\n"
      "      AND n.nspname <> 'information_schema'\n"
      "  AND pg_catalog.pg_table_is_visible(c.oid)\n"
      "ORDER BY 1,2;";
  EXPECT_EQ(parse(query).size(), 1u);
  const std::string describe =
      "SELECT c.oid, n.nspname, c.relname FROM pg_catalog.pg_class c "
      "LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
      "WHERE c.relname OPERATOR(pg_catalog.~) '^(orders)$' COLLATE pg_catalog.default "
      "AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY 2, 3;";
  EXPECT_EQ(parse(describe).size(), 1u);
  EXPECT_EQ(parse("SELECT pg_catalog.array_to_string(d.datacl, E'\\n') AS \"Access privileges\", "
                  "pr.prattrs::pg_catalog.int2[], prattrs[s], "
                  "ARRAY(SELECT b.rolname FROM pg_catalog.pg_roles b) FROM pg_catalog.pg_database d")
                .size(),
            1u);
}

TEST(ParserStatements, PgbenchStatementsParse) {
  for (const std::string sql : {
           "BEGIN;",
           "UPDATE pgbench_accounts SET abalance = abalance + -4415 WHERE aid = 10064;",
           "SELECT abalance FROM pgbench_accounts WHERE aid = 10064;",
           "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (3, 1, 10064, 4415, CURRENT_TIMESTAMP);",
           "END;",
           "drop table if exists pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers",
           "create table pgbench_history(tid int,bid int,aid    int,delta int,mtime timestamp,filler char(22))",
           "create table pgbench_accounts(aid    int not null,bid int,abalance int,filler char(84)) with (fillfactor=100)",
           "insert into pgbench_accounts(aid,bid,abalance,filler) select aid, (aid - 1) / 100000 + 1, 0, '' "
           "from generate_series(1, 100000) as aid",
           "select o.n, p.partstrat, pg_catalog.count(i.inhparent) from pg_catalog.pg_class as c join "
           "pg_catalog.pg_namespace as n on (n.oid = c.relnamespace) cross join lateral (select "
           "pg_catalog.array_position(pg_catalog.current_schemas(true), n.nspname)) as o(n) left join "
           "pg_catalog.pg_partitioned_table as p on (p.partrelid = c.oid) left join pg_catalog.pg_inherits as i on "
           "(c.oid = i.inhparent) where c.relname = 'pgbench_accounts' and o.n is not null group by 1, 2 order by 1 "
           "asc limit 1",
           "select count(*) from pgbench_branches",
       }) {
    EXPECT_NO_THROW(parse(sql)) << sql;
  }
}

TEST(ParserStatements, ConcurrentParsing) {
  // The ANTLR runtime shares its prediction caches between threads.
  auto work = [] {
    for (int i = 0; i < 200; ++i) {
      EXPECT_EQ(dump("SELECT a + " + std::to_string(i) + " FROM t WHERE b IN (SELECT c FROM u)"),
                "SELECT (+ a int:" + std::to_string(i) + ") FROM t WHERE (IN b SELECT c FROM u)");
    }
  };
  std::thread first(work), second(work);
  first.join();
  second.join();
}

// ---- errors (expected values captured from PostgreSQL 15.18) ---------------------------------

TEST(ParserErrors, SyntaxErrorsFromCompatCases) {
  expect_syntax_error("SELEC 1", "syntax error at or near \"SELEC\"", 1);
  expect_syntax_error("SELECT id, name FROM customers WHERE id = = 1", "syntax error at or near \"=\"", 43);
  expect_syntax_error("SELECT id,\n       name\nFROM customers\nWHERE id IN (1,2,)", "syntax error at or near \")\"", 56);
  expect_syntax_error("SELECT (1", "syntax error at end of input", 10);
}

TEST(ParserErrors, SyntaxErrorPositions) {
  expect_syntax_error("SELECT (1   ", "syntax error at end of input", 13);
  expect_syntax_error("SELECT 1; SELEC 2", "syntax error at or near \"SELEC\"", 11);
  expect_syntax_error("SELECT 'éééé', FROM t", "syntax error at or near \"FROM\"", 16);
  expect_syntax_error("SELECT 1 FROM", "syntax error at end of input", 14);
  expect_syntax_error("SELECT * FROM t WHERE", "syntax error at end of input", 22);
  expect_syntax_error("SELECT 1 'abc'", "syntax error at or near \"'abc'\"", 10);
  expect_syntax_error("SELECT 1 \\ 2", "syntax error at or near \"\\\"", 10);
  expect_syntax_error("SELECT 1..2", "syntax error at or near \"..\"", 9);
  expect_syntax_error("SELECT * FROM (t)", "syntax error at or near \")\"", 17);
  expect_syntax_error("CREATE TABLE user (id int)", "syntax error at or near \"user\"", 14);
  expect_syntax_error("SELECT a FROM t ORDER a", "syntax error at or near \"a\"", 23);
  expect_syntax_error("INSERT INTO t VALUES (1", "syntax error at end of input", 24);
  expect_syntax_error("UPDATE t SET a = 1 WHERE", "syntax error at end of input", 25);
  expect_syntax_error("SELECT * FROM a JOIN b", "syntax error at end of input", 23);
  expect_syntax_error("SELECT $abc", "syntax error at or near \"$\"", 8);
  expect_syntax_error("SELECT 1 FROM t WHERE a = 1 2", "syntax error at or near \"2\"", 29);
  expect_syntax_error("SELECT 1 day", "syntax error at or near \"day\"", 10);
  expect_syntax_error("CREATE TABLE t (a int,)", "syntax error at or near \")\"", 23);
  expect_syntax_error("DROP TABLE", "syntax error at end of input", 11);
  expect_syntax_error("BEGIN ISOLATION LEVEL", "syntax error at end of input", 22);
  expect_syntax_error("SET work_mem = 64kB", "trailing junk after numeric literal at or near \"64kB\"", 16);
}

TEST(ParserErrors, ReportedAtTheFirstTokenNoParseCanConsume) {
  // As bison does: the error is where the longest valid prefix ends, even when a rule could
  // have been left earlier.
  expect_syntax_error("SELECT 1 WHERE a AND", "syntax error at end of input", 21);
  expect_syntax_error("SELECT * FROM t WHERE x = 1 AND y LIKE", "syntax error at end of input", 39);
  expect_syntax_error("DELETE FROM t WHERE a IS ORDER NOT NULL", "syntax error at or near \"ORDER\"", 26);
  expect_syntax_error("SELECT coalesce(a NOT, 0)", "syntax error at or near \"NOT\"", 19);
  expect_syntax_error("SELECT * FROM t ORDER BY a NULLS NULLS FIRST", "syntax error at or near \"NULLS\"", 28);
  // EXISTS is a column name here and SELECT its alias, so the error is at "1".
  expect_syntax_error("SELECT EXISTS SELECT 1", "syntax error at or near \"1\"", 22);
  expect_syntax_error("SELECT 1 select, 2 null, 3 and, 4 from", "syntax error at end of input", 39);
  expect_syntax_error("SELECT x FROM (SELECT 1 AS x)) s", "subquery in FROM must have an alias", 15);
}

TEST(ParserErrors, NonAssociativeOperators) {
  expect_syntax_error("select 1 < 2 < 3", "syntax error at or near \"<\"", 14);
  expect_syntax_error("SELECT a = b = c", "syntax error at or near \"=\"", 14);
  expect_syntax_error("SELECT a LIKE b LIKE c", "syntax error at or near \"LIKE\"", 17);
  expect_syntax_error("SELECT 1 BETWEEN 0 AND 2 BETWEEN false AND true", "syntax error at or near \"BETWEEN\"", 26);
  expect_syntax_error("SELECT 1 IS DISTINCT FROM 2 IS DISTINCT FROM 3", "syntax error at or near \"IS\"", 29);
  EXPECT_EQ(expr("1 IN (1) IN (true)"), "(IN (IN int:1 [int:1]) [true])");
  EXPECT_EQ(expr("1 = 1 IS DISTINCT FROM true"), "(IS DISTINCT FROM (= int:1 int:1) true)");
}

TEST(ParserErrors, LexerErrors) {
  expect_syntax_error("SELECT 'abc", "unterminated quoted string at or near \"'abc\"", 8);
  expect_syntax_error("SELECT E'abc\\'", "unterminated quoted string at or near \"E'abc\\'\"", 8);
  expect_syntax_error("SELECT \"abc", "unterminated quoted identifier at or near \"\"abc\"", 8);
  expect_syntax_error("SELECT $$abc", "unterminated dollar-quoted string at or near \"$$abc\"", 8);
  expect_syntax_error("SELECT /* abc", "unterminated /* comment at or near \"/* abc\"", 8);
  expect_syntax_error("SELECT /* a /* b */", "unterminated /* comment at or near \"/* a /* b */\"", 8);
  expect_syntax_error("SELECT \"\"", "zero-length delimited identifier at or near \"\"\"\"", 8);
  expect_syntax_error("SELECT 0x1F", "trailing junk after numeric literal at or near \"0x1F\"", 8);
  expect_syntax_error("SELECT 123abc+1", "trailing junk after numeric literal at or near \"123abc\"", 8);
  expect_syntax_error("SELECT 1e+x", "trailing junk after numeric literal at or near \"1e+\"", 8);
  expect_syntax_error("SELECT 1.5e3x1 y", "trailing junk after numeric literal at or near \"1.5e3x1\"", 8);
  expect_syntax_error("SELECT 1.e", "trailing junk after numeric literal at or near \"1.e\"", 8);
  expect_syntax_error("SELECT $1x", "trailing junk after parameter at or near \"$1x\"", 8);
  // A syntax error before the malformed token wins, as PostgreSQL reads tokens in order.
  expect_syntax_error("SELEC 'abc", "syntax error at or near \"SELEC\"", 1);
}

TEST(ParserErrors, EscapeStringErrors) {
  expect_error("SELECT E'\\u12'", "22025", "invalid Unicode escape", 10);
  EXPECT_EQ(error_of("SELECT 1; SELECT E'\\u12'").position, 20);
  expect_error("SELECT E'ab\\uD800'", "42601", "invalid Unicode surrogate pair at or near \"'\"", 18);
  expect_error("SELECT E'\\uD800x'", "42601", "invalid Unicode surrogate pair at or near \"x\"", 16);
  expect_error("SELECT E'\\uDE00'", "42601", "invalid Unicode surrogate pair at or near \"\\uDE00\"", 10);
  expect_error("SELECT E'\\U00110000'", "42601", "invalid Unicode escape value at or near \"\\U00110000\"", 10);
  expect_error("SELECT E'\\0'", "22021", "invalid byte sequence for encoding \"UTF8\": 0x00", std::nullopt);
  expect_error("SELECT E'\\xc3'", "22021", "invalid byte sequence for encoding \"UTF8\": 0xc3", std::nullopt);
  expect_error("SELECT E'\\xe2\\x82'", "22021", "invalid byte sequence for encoding \"UTF8\": 0xe2 0x82",
               std::nullopt);
  // The lexer reaches a bad escape string before the parser can fail after it.
  expect_error("SELECT E'\\u12' FROM FROM", "22025", "invalid Unicode escape", 10);
}

TEST(ParserErrors, InvalidUtf8Query) {
  expect_error("SELECT '\xff'", "22021", "invalid byte sequence for encoding \"UTF8\": 0xff", std::nullopt);
  expect_error("SELECT '\xe2\x82'", "22021", "invalid byte sequence for encoding \"UTF8\": 0xe2 0x82 0x27",
               std::nullopt);
}

TEST(ParserErrors, GrammarLevelErrors) {
  expect_syntax_error("SELECT 1 AS x FROM (SELECT 1)", "subquery in FROM must have an alias", 20);
  EXPECT_EQ(error_of_hint("SELECT * FROM (SELECT 1)"), "For example, FROM (SELECT ...) [AS] foo.");
  expect_syntax_error("SELECT * FROM (VALUES (1))", "VALUES in FROM must have an alias", 15);
  expect_syntax_error("SELECT 1 LIMIT 1, 2", "LIMIT #,# syntax is not supported", 10);
  EXPECT_EQ(error_of_hint("SELECT 1 LIMIT 1, 2"), "Use separate LIMIT and OFFSET clauses.");
  expect_syntax_error("(SELECT 1 ORDER BY 1) ORDER BY 1", "multiple ORDER BY clauses not allowed", 32);
  expect_syntax_error("(SELECT 1 LIMIT 1) LIMIT 2", "multiple LIMIT clauses not allowed", 26);
  expect_syntax_error("(SELECT 1 OFFSET 1) OFFSET 2", "multiple OFFSET clauses not allowed", 28);
  expect_syntax_error("SELECT * FROM a.b.c.d", "improper qualified name (too many dotted names): a.b.c.d", 15);
  expect_error("SELECT * FROM x.y.z", "0A000", "cross-database references are not implemented: \"x.y.z\"", 15);
  expect_error("SELECT float(0) '1'", "22023", "precision for type float must be at least 1 bit", 14);
  expect_error("SELECT 1::float(54)", "22023", "precision for type float must be less than 54 bits", 17);
  expect_syntax_error("SELECT 1::varchar(99999999999)", "syntax error at or near \"99999999999\"", 19);
}

TEST(ParserErrors, ExplainOptionErrors) {
  expect_syntax_error("EXPLAIN (foo) SELECT 1", "unrecognized EXPLAIN option \"foo\"", 10);
  expect_error("EXPLAIN (analyze maybe) SELECT 1", "42601", "analyze requires a Boolean value", std::nullopt);
  expect_error("EXPLAIN (analyze 2) SELECT 1", "42601", "analyze requires a Boolean value", std::nullopt);
  expect_error("EXPLAIN (format xml2) SELECT 1", "22023", "unrecognized value for EXPLAIN option \"format\": \"xml2\"", 10);
  expect_error("EXPLAIN (format) SELECT 1", "42601", "format requires a parameter", std::nullopt);
  expect_error("EXPLAIN (timing) SELECT 1", "22023", "EXPLAIN option TIMING requires ANALYZE", std::nullopt);
  expect_error("EXPLAIN (timing off, wal) SELECT 1", "22023", "EXPLAIN option WAL requires ANALYZE", std::nullopt);
}

TEST(ParserErrors, BadInputNeverCrashes) {
  const std::vector<std::string> inputs = {
      "(", ")", "((((((((((", "SELECT ((((((((((((1", "'", "\"", "$", "$$", "/*", "E'", "E'\\",
      "SELECT 1::", "SELECT CASE", "SELECT ARRAY[", "SELECT a[", "SELECT * FROM t JOIN", ";;;(", "\\",
      "SELECT E'\\u", "SELECT E'\\uD800", "SELECT 1 ::: 2", "INSERT INTO", "EXPLAIN (", "SET", "SHOW",
  };
  for (const std::string& input : inputs) {
    EXPECT_THROW(parse(input), SqlError) << input;
  }
  std::string nested = "SELECT " + std::string(100, '(') + "1" + std::string(100, ')');
  EXPECT_EQ(dump(nested), "SELECT int:1");
}

std::string repeated(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

TEST(ParserErrors, DeepNestingFailsCleanly) {
  // PostgreSQL: 54001 "stack depth limit exceeded" (or bison's "memory exhausted").
  const std::string too_deep = "SELECT " + std::string(1001, '(') + "1" + std::string(1001, ')');
  expect_error(too_deep, "54001", "stack depth limit exceeded", std::nullopt);
  expect_error("SELECT " + repeated("NOT ", 100000) + "true", "54001", "stack depth limit exceeded", std::nullopt);
  expect_error("SELECT " + repeated("- ", 100000) + "1", "54001", "stack depth limit exceeded", std::nullopt);
  expect_error("SELECT " + repeated("(SELECT ", 5000) + "1" + std::string(5000, ')'), "54001",
               "stack depth limit exceeded", std::nullopt);
  expect_error("SELECT 1" + repeated(" + 1", 10001), "54001", "stack depth limit exceeded", std::nullopt);
  // Long chains of one operator are built without recursion (PostgreSQL flattens OR lists).
  std::vector<StmtPtr> statements = parse("SELECT 1 WHERE a = 0" + repeated(" OR a = 1", 5000));
  EXPECT_EQ(statements.size(), 1u);
}

TEST(ParserTest, CopyStatementsAndTheirOptions) {
  EXPECT_EQ(dump("COPY t FROM STDIN"), "COPY t FROM STDIN");
  EXPECT_EQ(dump("copy t (a, b) to stdout with (format csv, header, delimiter ';', force_quote *)"),
            "COPY t (a, b) TO STDOUT [format=csv header delimiter=; force_quote=*]");
  EXPECT_EQ(dump("COPY t FROM STDIN WITH CSV HEADER NULL 'x' QUOTE '\"' FORCE NOT NULL a, b"),
            "COPY t FROM STDIN [format=csv header null=x quote=\" force_not_null=(a,b)]");
  EXPECT_EQ(dump("COPY (SELECT 1) TO '/tmp/x'"), "COPY (SELECT int:1) TO '/tmp/x'");
  EXPECT_EQ(dump("COPY t FROM STDIN (freeze on)"), "COPY t FROM STDIN [freeze=on]");
}

TEST(ParserTest, PrepareExecuteDeallocate) {
  EXPECT_EQ(dump("PREPARE q (int4, text) AS SELECT $1"), "PREPARE q(int4, text) AS SELECT $1");
  EXPECT_EQ(dump("EXECUTE q(1, 'a')"), "EXECUTE q(int:1, 'a')");
  EXPECT_EQ(dump("DEALLOCATE PREPARE q"), "DEALLOCATE q");
  EXPECT_EQ(dump("DEALLOCATE ALL"), "DEALLOCATE ALL");
}

}  // namespace
}  // namespace chalkdb
