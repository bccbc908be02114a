// WindowBinder: binds a window function call — f(...) OVER (...) or OVER name — into a
// WindowCall of the Query and a WindowRef node that reads its result.
//
// Follows PostgreSQL's parse_agg.c / parse_clause.c: window functions are allowed only in the
// select list and ORDER BY, cannot nest or appear inside aggregate arguments; OVER (w ...)
// copies the named window's PARTITION BY / ORDER BY under the same override rules; identical
// windows are shared (one WindowAgg each). Frame offsets must not reference columns; RANGE
// offsets need exactly one ORDER BY column of a type with + and -.
#pragma once

#include <string_view>

#include "planner/expression_binder.h"

namespace chalkdb {

bool is_window_function_name(std::string_view name);

class WindowBinder {
 public:
  WindowBinder(ExpressionBinder& expressions, Query& query)
      : expressions_(expressions), query_(query) {}

  BoundExprPtr bind(const ast::FuncCall& call);

 private:
  void check_allowed(const ast::FuncCall& call) const;
  WindowCall bind_function(const ast::FuncCall& call);
  void bind_window_function_args(const ast::FuncCall& call, WindowCall& window_call);
  int bind_window(const ast::WindowSpec& over);
  const ast::WindowSpec* find_named_window(const std::string& name, int location) const;
  void bind_frame(const ast::WindowFrame& frame, const ast::WindowSpec& spec,
                  WindowClause& window);
  BoundExprPtr bind_frame_offset(const ast::FrameBound& bound, ast::FrameMode mode,
                                 const WindowClause& window, int spec_location);

  ExpressionBinder& expressions_;
  Query& query_;
};

}  // namespace chalkdb
