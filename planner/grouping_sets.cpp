#include "planner/grouping_sets.h"

#include <fmt/format.h>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

using KeySet = std::vector<BoundExprPtr>;
using SetList = std::vector<KeySet>;

class GroupByExpander {
 public:
  explicit GroupByExpander(const std::function<BoundExprPtr(const ast::Expr&)>& bind_key)
      : bind_key_(bind_key) {}

  // One GROUP BY item's sets.
  SetList expand(const ast::Expr& item) {
    if (item.kind != ast::ExprKind::GroupingSet) return {KeySet{bind_key_(item)}};
    const auto& set = static_cast<const ast::GroupingSet&>(item);
    switch (set.set_kind) {
      case ast::GroupingSetKind::Empty: return {KeySet{}};
      case ast::GroupingSetKind::Rollup: return rollup(columns_of(set.items));
      case ast::GroupingSetKind::Cube: return cube(columns_of(set.items));
      case ast::GroupingSetKind::Sets: {
        SetList out;
        for (const auto& element : set.items) {
          SetList part = element->kind == ast::ExprKind::Row ? SetList{row_columns(*element)}
                                                             : expand(*element);
          out.insert(out.end(), part.begin(), part.end());
        }
        return out;
      }
    }
    return {};
  }

 private:
  // ROLLUP / CUBE elements: a parenthesized list (a, b) is one element of several columns.
  std::vector<KeySet> columns_of(const std::vector<ast::ExprPtr>& items) {
    std::vector<KeySet> out;
    for (const auto& item : items)
      out.push_back(item->kind == ast::ExprKind::Row ? row_columns(*item) : KeySet{bind_key_(*item)});
    return out;
  }

  KeySet row_columns(const ast::Expr& row) {
    KeySet out;
    for (const auto& field : static_cast<const ast::Row&>(row).fields) out.push_back(bind_key_(*field));
    return out;
  }

  static SetList rollup(const std::vector<KeySet>& elements) {
    SetList out;
    for (size_t n = elements.size() + 1; n-- > 0;) {
      KeySet set;
      for (size_t i = 0; i < n; ++i) set.insert(set.end(), elements[i].begin(), elements[i].end());
      out.push_back(std::move(set));
    }
    return out;
  }

  // All subsets, the full one first and () last, as PostgreSQL lists them.
  static SetList cube(const std::vector<KeySet>& elements) {
    SetList out;
    size_t n = elements.size();
    for (size_t mask = (size_t{1} << n); mask-- > 0;) {
      KeySet set;
      for (size_t i = 0; i < n; ++i)
        if (mask & (size_t{1} << (n - 1 - i))) set.insert(set.end(), elements[i].begin(), elements[i].end());
      out.push_back(std::move(set));
    }
    return out;
  }

  const std::function<BoundExprPtr(const ast::Expr&)>& bind_key_;
};

int key_index(Query& query, const BoundExprPtr& key) {
  for (size_t i = 0; i < query.group_keys.size(); ++i)
    if (same_expression(*query.group_keys[i], *key)) return static_cast<int>(i);
  query.group_keys.push_back(key);
  return static_cast<int>(query.group_keys.size() - 1);
}

}  // namespace

void bind_group_by(const std::vector<ast::ExprPtr>& items, Query& query,
                   const std::function<BoundExprPtr(const ast::Expr&)>& bind_key) {
  bool has_sets = false;
  for (const auto& item : items) has_sets |= item->kind == ast::ExprKind::GroupingSet;
  if (!has_sets) {
    for (const auto& item : items) query.group_keys.push_back(bind_key(*item));
    return;
  }
  GroupByExpander expander(bind_key);
  SetList sets{KeySet{}};
  for (const auto& item : items) {
    SetList part = expander.expand(*item);
    SetList product;
    for (const auto& left : sets) {
      for (const auto& right : part) {
        KeySet combined = left;
        combined.insert(combined.end(), right.begin(), right.end());
        product.push_back(std::move(combined));
      }
    }
    sets = std::move(product);
  }
  for (const auto& set : sets) {
    std::vector<int> indexes;
    for (const auto& key : set) {
      int index = key_index(query, key);
      if (std::find(indexes.begin(), indexes.end(), index) == indexes.end()) indexes.push_back(index);
    }
    query.grouping_sets.push_back(std::move(indexes));
  }
}

BoundExprPtr bind_grouping_function(ExpressionBinder& binder, Query& query, const ast::FuncCall& call) {
  if (call.args.size() > 31) {
    throw SqlError(sqlstate::kTooManyArguments, "GROUPING must have fewer than 32 arguments")
        .with_position(call.location + 1);
  }
  AggregateCall grouping;
  grouping.kind = AggregateKind::Grouping;
  grouping.name = "GROUPING";
  grouping.result_type = DataType{TypeId::Int4};
  for (const auto& arg : call.args)
    grouping.grouping_args.push_back(binder.bind_nested(*arg, "GROUPING", false));
  query.has_aggregation = true;
  query.aggregates.push_back(std::move(grouping));
  auto ref = std::make_shared<BoundExpr>();
  ref->kind = BoundExprKind::AggregateRef;
  ref->type = DataType{TypeId::Int4};
  ref->location = call.location;
  ref->index = static_cast<int>(query.aggregates.size() - 1);
  ref->name = "GROUPING";
  return ref;
}

void resolve_grouping_functions(Query& query) {
  for (auto& aggregate : query.aggregates) {
    if (aggregate.kind != AggregateKind::Grouping) continue;
    for (const auto& arg : aggregate.grouping_args) {
      int found = -1;
      for (size_t i = 0; i < query.group_keys.size() && found < 0; ++i)
        if (same_expression(*query.group_keys[i], *arg)) found = static_cast<int>(i);
      if (found < 0) {
        throw SqlError(sqlstate::kGroupingError,
                       "arguments to GROUPING must be grouping expressions of the associated query level")
            .with_position(arg->location + 1);
      }
      aggregate.grouping_keys.push_back(found);
    }
  }
}

}  // namespace chalkdb
