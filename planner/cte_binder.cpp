// Binder for WITH queries. A reference to a WITH query binds the query again as a subquery
// in FROM: PostgreSQL 15 inlines a WITH query referenced once; one referenced twice it
// computes once (CTE Scan), which gives the same rows for the side-effect-free queries
// ChalkDB runs, so both are planned as subqueries here. WITH RECURSIVE's
// `non-recursive UNION [ALL] recursive` becomes a RecursiveUnion entry whose recursive term
// reads the previous iteration's rows through a WorkTable entry.
#include <fmt/format.h>

#include "planner/binder.h"
#include "planner/expression_binder.h"
#include "planner/from_clause_binder.h"
#include "sql/error/sql_error.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

RangeEntry entry_from_query(std::shared_ptr<const Query> query, RangeEntry::Kind kind) {
  RangeEntry rte;
  rte.kind = kind;
  for (const auto& target : query->targets) {
    rte.column_names.push_back(target.name);
    rte.column_types.push_back(target.expr->type);
  }
  rte.visible_columns = rte.column_names.size();
  rte.inputs.push_back(std::move(query));
  return rte;
}

}  // namespace

std::optional<RangeEntry> Binder::bind_cte_reference(const std::string& name,
                                                     const std::optional<ast::Alias>& alias, int location) {
  for (size_t i = ctes_.size(); i-- > 0;) {
    if (ctes_[i].cte->name != name) continue;
    RangeEntry rte;
    if (ctes_[i].worktable_id >= 0) {
      rte.kind = RangeEntry::Kind::WorkTable;
      rte.worktable_id = ctes_[i].worktable_id;
      rte.column_names = ctes_[i].column_names;
      rte.column_types = ctes_[i].column_types;
      rte.visible_columns = rte.column_names.size();
      rte.cte_name = name;
      ctes_[i].worktable_referenced = true;
    } else if (ctes_[i].being_bound) {
      throw SqlError(sqlstate::kInvalidRecursion,
                     fmt::format("recursive reference to query \"{}\" must not appear within its "
                                 "non-recursive term", name))
          .with_position(location + 1);
    } else {
      rte = bind_cte_query(i);
    }
    rte.alias = alias ? alias->name : name;
    const auto& columns = ctes_[i].cte->columns;
    if (!columns.empty()) {
      if (columns.size() > rte.visible_columns) {
        throw SqlError(sqlstate::kInvalidColumnReference,
                       fmt::format("WITH query \"{}\" has {} columns available but {} columns specified",
                                   name, rte.visible_columns, columns.size()))
            .with_position(ctes_[i].cte->location + 1);
      }
      std::copy(columns.begin(), columns.end(), rte.column_names.begin());
    }
    if (alias) apply_column_aliases(rte, alias->columns);
    return rte;
  }
  return std::nullopt;
}

// Binds the WITH query of scope `index` with only the WITH queries before it visible (and
// itself, for WITH RECURSIVE).
RangeEntry Binder::bind_cte_query(size_t index) {
  std::vector<CteScope> saved = ctes_;
  ctes_.resize(index + 1);
  struct Restore {
    std::vector<CteScope>& scopes;
    std::vector<CteScope>& saved;
    ~Restore() { scopes = std::move(saved); }
  } restore{ctes_, saved};
  const ast::SelectStmt& query = *ctes_[index].cte->query;
  if (ctes_[index].recursive && query.set_op == ast::SetOp::Union && plain_query(query))
    return bind_recursive_cte(index);
  ctes_[index].being_bound = ctes_[index].recursive;
  if (!ctes_[index].recursive) ctes_.resize(index);
  return entry_from_query(bind_select(query), RangeEntry::Kind::Subquery);
}

bool Binder::plain_query(const ast::SelectStmt& stmt) {
  return stmt.order_by.empty() && !stmt.limit && !stmt.offset && stmt.with.empty();
}

RangeEntry Binder::bind_recursive_cte(size_t index) {
  const ast::CommonTableExpr& cte = *ctes_[index].cte;
  const ast::SelectStmt& stmt = *cte.query;
  ctes_[index].being_bound = true;
  std::shared_ptr<Query> base = bind_select(*stmt.left);
  std::vector<std::string> names;
  std::vector<DataType> types;
  for (const auto& target : base->targets) {
    names.push_back(target.name);
    types.push_back(target.expr->type);
  }
  for (size_t c = 0; c < cte.columns.size() && c < names.size(); ++c) names[c] = cte.columns[c];
  ctes_[index].being_bound = false;
  ctes_[index].worktable_id = next_worktable_id_++;
  ctes_[index].column_names = names;
  ctes_[index].column_types = types;
  std::shared_ptr<Query> recursive = bind_select(*stmt.right);
  bool self_referencing = ctes_[index].worktable_referenced;
  int worktable = ctes_[index].worktable_id;
  ctes_[index].worktable_id = -1;

  if (recursive->targets.size() != types.size()) {
    throw SqlError(sqlstate::kSyntaxError, "each UNION query must have the same number of columns")
        .with_position(stmt.right->location + 1);
  }
  for (size_t c = 0; c < types.size(); ++c) {
    auto& expr = recursive->targets[c].expr;
    if (expr->type.id != types[c].id && expr->type.id != TypeId::Unknown) {
      throw SqlError(sqlstate::kDatatypeMismatch,
                     fmt::format("recursive query \"{}\" column {} has type {} in non-recursive term "
                                 "but type {} overall",
                                 cte.name, c + 1, format_type(types[c]), format_type(expr->type)))
          .with_position(std::max(0, base->targets[c].expr->location) + 1)
          .with_hint("Cast the output of the non-recursive term to the correct type.");
    }
    expr = ExpressionBinder::coerce(expr, types[c], CastContext::Implicit);
  }
  RangeEntry rte;
  rte.kind = self_referencing ? RangeEntry::Kind::RecursiveUnion : RangeEntry::Kind::SetOperation;
  rte.set_op = SetOpKind::Union;
  rte.set_all = stmt.set_all;
  rte.worktable_id = worktable;
  rte.cte_name = cte.name;
  rte.column_names = names;
  rte.column_types = types;
  rte.visible_columns = names.size();
  rte.inputs = {base, recursive};
  return rte;
}

}  // namespace chalkdb
