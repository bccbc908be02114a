// AST expression nodes: column references, literals, operators, function calls (with window
// specifications), casts, CASE, subquery expressions, arrays, rows, subscripts and COLLATE;
// also TypeName, the type as written. Part of ast.h.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chalkdb::ast {

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

// Subquery expressions own a SelectStmt, whose clauses are expressions again. The nodes
// owning one need its definition only where their destructors are instantiated, at the end
// of the translation unit, so query_statement_nodes.h is included at the end of this file:
// either header may then be included first.
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

}  // namespace chalkdb::ast

#include "sql/ast/query_statement_nodes.h"  // SelectStmt (see above)
