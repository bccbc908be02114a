// ExpressionBinder: binds one ast::Expr against a Query's range table.
//
// Resolves column references, types literals (integer literals are int4, int8 or numeric by
// size; string literals stay `unknown` until context gives them a type), resolves operators
// and functions through sql/types, inserts implicit casts, and collects aggregate calls into
// the Query (returning AggregateRef nodes in their place).
#pragma once

#include <string>

#include "planner/aggregate_catalog.h"
#include "planner/binder.h"
#include "planner/bound_expr.h"
#include "planner/engine_call_binder.h"
#include "planner/query.h"
#include "sql/ast/ast.h"
#include "sql/types/cast.h"

namespace chalkdb {

class ExpressionBinder {
 public:
  ExpressionBinder(Binder& binder, Query& query) : binder_(binder), query_(query) {}

  BoundExprPtr bind(const ast::Expr& expr);
  // left = right with the operator resolved for the two types (JOIN ... USING).
  BoundExprPtr bind_equality(const BoundExprPtr& left, const BoundExprPtr& right, int location);

  // Where the expression stands, for PostgreSQL's error messages ("... not allowed in WHERE").
  void set_clause(const char* clause, bool aggregates_allowed) {
    clause_ = clause;
    aggregates_allowed_ = aggregates_allowed;
  }
  // Window functions are allowed only in the select list and ORDER BY; `windows` are the
  // WINDOW clause's definitions that OVER clauses may name.
  void allow_window_functions(bool allowed) { windows_allowed_ = allowed; }
  // Set-returning functions are allowed only in the select list (ProjectSet).
  void allow_set_functions(bool allowed) { set_functions_allowed_ = allowed; }
  void set_named_windows(const std::vector<ast::WindowSpec>* windows) { named_windows_ = windows; }
  // Binds `expr` where window functions (and, unless allowed, aggregates) may not appear,
  // `what` naming the place in their error messages ("FILTER", "window definitions").
  BoundExprPtr bind_nested(const ast::Expr& expr, const char* what, bool aggregates_allowed);

  // Converts `expr` to `target` (42804 / 42846 when not allowed in `context`). A constant is
  // converted right away, as PostgreSQL folds casts of constants.
  static BoundExprPtr coerce(const BoundExprPtr& expr, DataType target, CastContext context);
  // For INSERT/UPDATE targets: assignment cast with PostgreSQL's 42804 message naming the column.
  static BoundExprPtr coerce_for_column(const BoundExprPtr& expr, DataType target,
                                        const std::string& column, int location);
  // Requires a boolean (or unknown literal) for `construct` ("WHERE", "AND", "HAVING").
  static BoundExprPtr coerce_to_boolean(const BoundExprPtr& expr, const char* construct);
  // Gives untyped literals the type text, as PostgreSQL does for output columns.
  static BoundExprPtr resolve_unknown(const BoundExprPtr& expr);

 private:
  friend class SublinkBinder;
  BoundExprPtr bind_column(const ast::ColumnRef& ref);
  BoundExprPtr bind_literal(const ast::Literal& literal);
  BoundExprPtr bind_param(const ast::Param& param);
  BoundExprPtr bind_unary(const ast::Unary& unary);
  BoundExprPtr bind_binary(const ast::Binary& binary);
  BoundExprPtr bind_operator(const std::string& op, BoundExprPtr left, BoundExprPtr right,
                             int location);
  // The operator node itself, never folded (for constructs that reuse its parts).
  std::shared_ptr<BoundExpr> make_operator(const std::string& op, BoundExprPtr left,
                                           BoundExprPtr right, int location);
  BoundExprPtr bind_is_null(const ast::IsNull& is_null);
  BoundExprPtr bind_is_bool(const ast::IsBool& is_bool);
  BoundExprPtr bind_between(const ast::Between& between);
  BoundExprPtr bind_in_list(const ast::InList& in_list);
  BoundExprPtr bind_function(const ast::FuncCall& call);
  BoundExprPtr bind_aggregate(const ast::FuncCall& call);
  BoundExprPtr bind_engine_scalar(EngineCall& call, const std::string& name, int location);
  // set_function_binder.cpp
  BoundExprPtr bind_set_function(const ast::FuncCall& call);
  AggregateSignature resolve_aggregate_at(const std::string& name, const std::vector<DataType>& types,
                                          int location);
  AggregateCall bind_aggregate_call(const ast::FuncCall& call);
  void check_plain_function_call(const ast::FuncCall& call);
  BoundExprPtr bind_cast(const ast::Cast& cast);
  BoundExprPtr bind_case(const ast::Case& case_expr);
  BoundExprPtr bind_coalesce(const ast::FuncCall& call);
  BoundExprPtr bind_sequence_function(const ast::FuncCall& call);
  BoundExprPtr bind_sequence_function_by_text(const ast::FuncCall& call);
  // Special forms (special_form_binder.cpp).
  BoundExprPtr bind_like(const ast::Like& like);
  BoundExprPtr bind_array(const ast::Array& array);
  BoundExprPtr bind_empty_array_cast(const ast::Cast& cast);
  BoundExprPtr bind_subscript(const ast::Subscript& subscript);
  // x COLLATE name (collate_binder.cpp).
  BoundExprPtr bind_collate(const ast::Collate& collate);
  BoundExprPtr bind_quantified_array(const ast::Quantified& quantified);
  BoundExprPtr bind_nullif(const ast::FuncCall& call);
  BoundExprPtr bind_greatest_least(const ast::FuncCall& call);
  BoundExprPtr bind_between_symmetric(const ast::Between& between);
  BoundExprPtr bind_pg_typeof(const ast::FuncCall& call);
  // 42846 at the cast's position (the "::" or CAST) when no explicit cast exists; arrays are
  // reported by their element types, as PostgreSQL does.
  static void check_cast_exists(DataType from, DataType to, int location);
  // A call of a built-in function on already bound arguments.
  BoundExprPtr bind_call(const std::string& name, std::vector<BoundExprPtr> args, int location);
  [[noreturn]] void missing_column(const ast::ColumnRef& ref);

  Binder& binder_;
  Query& query_;
  const char* clause_ = "WHERE";
  bool aggregates_allowed_ = false;
  bool inside_aggregate_ = false;
  bool windows_allowed_ = false;
  bool inside_window_function_ = false;
  bool set_functions_allowed_ = false;
  bool inside_set_function_ = false;
  int next_set_function_ = 0;  // numbers the SetFunction nodes so equal calls stay distinct
  const std::vector<ast::WindowSpec>* named_windows_ = nullptr;

  friend class WindowBinder;
};

// The column `ref` names in `query`'s FROM clause (JOIN ... USING columns first), nullptr when
// there is none; 42702 when it is ambiguous.
BoundExprPtr lookup_column(const Query& query, const ast::ColumnRef& ref);

// The output column name PostgreSQL gives an expression (FigureColname): the column or
// function name, the type name of a cast constant, "case", or "?column?".
std::string figure_column_name(const ast::Expr& expr);

}  // namespace chalkdb
