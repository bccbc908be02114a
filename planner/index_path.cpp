#include "planner/index_path.h"

#include <algorithm>
#include <cmath>

namespace chalkdb {

namespace {

constexpr double kDefaultEqSel = 0.005;
constexpr double kDefaultIneqSel = 1.0 / 3.0;
constexpr double kDefaultRangeIneqSel = 0.005;
constexpr double kPageCpuMultiplier = 50.0;  // DEFAULT_PAGE_CPU_MULTIPLIER of btcostestimate

enum class Strategy { Less, LessEqual, Equal, GreaterEqual, Greater };

std::optional<Strategy> strategy_of(const std::string& op) {
  if (op == "=") return Strategy::Equal;
  if (op == "<") return Strategy::Less;
  if (op == "<=") return Strategy::LessEqual;
  if (op == ">") return Strategy::Greater;
  if (op == ">=") return Strategy::GreaterEqual;
  return std::nullopt;
}

Strategy commuted(Strategy s) {
  switch (s) {
    case Strategy::Less: return Strategy::Greater;
    case Strategy::LessEqual: return Strategy::GreaterEqual;
    case Strategy::Greater: return Strategy::Less;
    case Strategy::GreaterEqual: return Strategy::LessEqual;
    case Strategy::Equal: return Strategy::Equal;
  }
  return s;
}

const char* operator_text(Strategy s) {
  switch (s) {
    case Strategy::Less: return "<";
    case Strategy::LessEqual: return "<=";
    case Strategy::Equal: return "=";
    case Strategy::GreaterEqual: return ">=";
    case Strategy::Greater: return ">";
  }
  return "=";
}

enum class TypeFamily { Integer, Float, Text, Other };

TypeFamily family(TypeId type) {
  switch (type) {
    case TypeId::Int2: case TypeId::Int4: case TypeId::Int8: return TypeFamily::Integer;
    case TypeId::Float4: case TypeId::Float8: return TypeFamily::Float;
    case TypeId::Text: case TypeId::Varchar: case TypeId::Name: case TypeId::Bpchar: return TypeFamily::Text;
    default: return TypeFamily::Other;
  }
}

// The index key codec accepts values of the column's type or of a type ordering alike.
bool comparable(DataType column, DataType value) {
  if (column.id == value.id) return true;
  TypeFamily f = family(column.id);
  return f != TypeFamily::Other && f == family(value.id) && (f != TypeFamily::Text || column.id != TypeId::Bpchar);
}

bool is_run_time_constant(const BoundExpr& e) {
  if (e.kind == BoundExprKind::Constant || e.kind == BoundExprKind::Param) return true;
  if (e.kind == BoundExprKind::Cast) return is_run_time_constant(*e.args[0]);
  return false;
}

// `column op value` on a column of the scanned table, commuted when written `value op column`.
struct ColumnComparison {
  int attno = -1;
  Strategy strategy = Strategy::Equal;
  BoundExprPtr value;
  BoundExprPtr clause;  // normalized to column-on-the-left, for EXPLAIN
  BoundExprPtr original;  // the qual as written
};

std::optional<ColumnComparison> as_comparison(const BoundExprPtr& qual, int rte_index) {
  if (qual->kind != BoundExprKind::Operator || qual->args.size() != 2) return std::nullopt;
  std::optional<Strategy> strategy = strategy_of(qual->name);
  if (!strategy) return std::nullopt;
  const BoundExprPtr& left = qual->args[0];
  const BoundExprPtr& right = qual->args[1];
  auto is_column = [&](const BoundExpr& e) { return e.kind == BoundExprKind::Column && e.rte == rte_index; };
  ColumnComparison comparison;
  if (is_column(*left) && is_run_time_constant(*right)) {
    comparison = {left->attno, *strategy, right, qual, qual};
  } else if (is_column(*right) && is_run_time_constant(*left)) {
    auto flipped = std::make_shared<BoundExpr>(*qual);
    flipped->args = {right, left};
    flipped->name = operator_text(commuted(*strategy));
    comparison = {right->attno, commuted(*strategy), left, flipped, qual};
  } else {
    return std::nullopt;
  }
  const BoundExpr& column = *comparison.clause->args[0];
  if (!comparable(column.type, comparison.value->type)) return std::nullopt;
  return comparison;
}

bool is_unique_column(const TableInfo& table, int attno) {
  return std::any_of(table.indexes.begin(), table.indexes.end(), [&](const IndexInfo& index) {
    return index.unique && index.keys.size() == 1 && index.keys[0].attnum == attno + 1;
  });
}

// PostgreSQL's Mackert-Lohman estimate of heap pages fetched (index_pages_fetched).
double pages_fetched(double tuples_fetched, double pages, double index_pages,
                     const IndexPlanningInput& input) {
  double T = pages > 1 ? pages : 1.0;
  double total_pages = std::max(input.total_table_pages + index_pages, 1.0);
  double b = std::ceil(std::max(input.effective_cache_pages * T / total_pages, 1.0));
  double N = tuples_fetched;
  double fetched;
  if (T <= b) {
    fetched = (2.0 * T * N) / (2.0 * T + N);
    if (fetched >= T) fetched = T;
  } else {
    double lim = (2.0 * T * b) / (2.0 * T - b);
    fetched = N <= lim ? (2.0 * T * N) / (2.0 * T + N) : b + (N - lim) * (T - b) / T;
  }
  return std::ceil(fetched);
}

struct MatchedIndex {
  std::vector<ColumnComparison> conditions;  // index order: equalities, then one column's range
  size_t equality_columns = 0;
  bool range = false;
};

MatchedIndex match_quals(const IndexInfo& index, const std::vector<ColumnComparison>& comparisons) {
  MatchedIndex matched;
  for (const IndexKeyInfo& key : index.keys) {
    int attno = key.attnum - 1;
    auto equality = std::find_if(comparisons.begin(), comparisons.end(), [&](const ColumnComparison& c) {
      return c.attno == attno && c.strategy == Strategy::Equal;
    });
    if (equality != comparisons.end()) {
      matched.conditions.push_back(*equality);
      ++matched.equality_columns;
      continue;
    }
    for (const ColumnComparison& c : comparisons) {
      if (c.attno == attno) {
        matched.conditions.push_back(c);
        matched.range = true;
      }
    }
    break;
  }
  return matched;
}

// Whether the index delivers ORDER BY forward (1), backward (-1) or not (0).
int order_match(const IndexInfo& index, const std::vector<SortKey>& order_by, int rte_index) {
  if (order_by.empty() || order_by.size() > index.keys.size()) return 0;
  int direction = 0;
  for (size_t i = 0; i < order_by.size(); ++i) {
    const SortKey& key = order_by[i];
    const BoundExpr& e = *key.expr;
    if (e.kind != BoundExprKind::Column || e.rte != rte_index || e.attno != index.keys[i].attnum - 1) return 0;
    int d = 0;
    if (key.descending == index.keys[i].descending && key.nulls_first == index.keys[i].nulls_first) d = 1;
    else if (key.descending != index.keys[i].descending && key.nulls_first != index.keys[i].nulls_first) d = -1;
    if (d == 0 || (direction != 0 && d != direction)) return 0;
    direction = d;
  }
  return direction;
}

// Bounds of the scan from the matched conditions (in index order).
void set_bounds(IndexScanSpec& spec, const MatchedIndex& matched) {
  std::vector<BoundExprPtr> prefix;
  for (size_t i = 0; i < matched.equality_columns; ++i) prefix.push_back(matched.conditions[i].value);
  spec.lower = spec.upper = prefix;
  if (!matched.range) return;
  bool has_lower = false, has_upper = false;
  for (size_t i = matched.equality_columns; i < matched.conditions.size(); ++i) {
    const ColumnComparison& c = matched.conditions[i];
    bool lower = c.strategy == Strategy::Greater || c.strategy == Strategy::GreaterEqual;
    // On a DESC column "greater" values come first: the bound limits the other end.
    const IndexKeyInfo& key = spec.index.keys[matched.equality_columns];
    bool at_start = lower != key.descending;
    bool inclusive = c.strategy == Strategy::GreaterEqual || c.strategy == Strategy::LessEqual;
    auto& bound = at_start ? spec.lower : spec.upper;
    if ((at_start ? has_lower : has_upper)) continue;  // the first one wins; others stay filters
    bound = prefix;
    bound.push_back(c.value);
    (at_start ? spec.lower_inclusive : spec.upper_inclusive) = inclusive;
    (at_start ? has_lower : has_upper) = true;
  }
  const IndexKeyInfo& key = spec.index.keys[matched.equality_columns];
  // An open end toward the NULLs would take them in: stop at the NULLs instead.
  if (!has_upper && !key.nulls_first) spec.upper_excludes_nulls = true;
  if (!has_lower && key.nulls_first) spec.lower_excludes_nulls = true;
}

}  // namespace

double table_quals_selectivity(const std::vector<BoundExprPtr>& quals, const TableInfo& table,
                               int rte_index, double tuples) {
  std::vector<BoundExprPtr> flat;
  for (const auto& q : quals) flatten_conjunction(q, flat);
  double s = 1;
  std::vector<int> lower_columns, upper_columns;
  for (const auto& q : flat) {
    std::optional<ColumnComparison> c = as_comparison(q, rte_index);
    if (c && c->strategy == Strategy::Equal && is_unique_column(table, c->attno)) {
      s *= tuples > 0 ? std::min(1.0, 1.0 / tuples) : kDefaultEqSel;
      continue;
    }
    if (c && c->strategy != Strategy::Equal) {
      bool lower = c->strategy == Strategy::Greater || c->strategy == Strategy::GreaterEqual;
      auto& mine = lower ? lower_columns : upper_columns;
      auto& other = lower ? upper_columns : lower_columns;
      auto paired = std::find(other.begin(), other.end(), c->attno);
      if (paired != other.end()) {  // a range: replace the pair's 1/3 * 1/3 by 0.005
        other.erase(paired);
        s = s / kDefaultIneqSel * kDefaultRangeIneqSel;
        continue;
      }
      mine.push_back(c->attno);
      s *= kDefaultIneqSel;
      continue;
    }
    s *= selectivity(*q);
  }
  return s;
}

std::vector<IndexPath> index_paths(const IndexPlanningInput& input, const CostConstants& costs,
                                   const std::vector<IndexSize>& sizes) {
  std::vector<IndexPath> paths;
  const TableInfo& table = *input.rte->table;
  std::vector<BoundExprPtr> flat;
  for (const auto& q : input.quals) flatten_conjunction(q, flat);
  std::vector<ColumnComparison> comparisons;
  for (const auto& q : flat) {
    if (auto c = as_comparison(q, input.rte_index)) comparisons.push_back(*c);
  }
  for (size_t i = 0; i < table.indexes.size(); ++i) {
    const IndexInfo& index = table.indexes[i];
    if (!index.valid) continue;
    MatchedIndex matched = match_quals(index, comparisons);
    int order = input.order_by ? order_match(index, *input.order_by, input.rte_index) : 0;
    if (matched.conditions.empty() && order == 0) continue;

    IndexPath path;
    path.spec = std::make_shared<IndexScanSpec>();
    path.spec->index = index;
    path.spec->backward = order < 0;
    path.ordered = order != 0;
    set_bounds(*path.spec, matched);
    std::vector<BoundExprPtr> index_clauses;
    for (const ColumnComparison& c : matched.conditions) {
      path.spec->index_conditions.push_back(c.clause);
      index_clauses.push_back(c.clause);
    }
    for (const auto& q : flat) {
      bool used = std::any_of(matched.conditions.begin(), matched.conditions.end(),
                              [&](const ColumnComparison& c) { return c.original == q; });
      if (!used) path.other_quals.push_back(q);
    }

    // btcostestimate: index tuples visited, from the boundary quals.
    double index_tuples = input.table_tuples;  // non-partial index: the table's tuples
    double selectivity = table_quals_selectivity(index_clauses, table, input.rte_index, input.table_tuples);
    double num_index_tuples;
    if (index.unique && matched.equality_columns == index.keys.size() && !matched.range) {
      num_index_tuples = 1.0;
    } else {
      num_index_tuples = std::rint(selectivity * index_tuples);
    }
    // genericcostestimate
    if (num_index_tuples > index_tuples) num_index_tuples = index_tuples;
    if (num_index_tuples < 1.0) num_index_tuples = 1.0;
    double index_pages = sizes[i].pages;
    double num_index_pages = index_pages > 1 && index_tuples > 1
                                 ? std::ceil(num_index_tuples * index_pages / index_tuples)
                                 : 1.0;
    double index_total = num_index_pages * costs.random_page_cost;
    double qual_op_cost = costs.cpu_operator_cost * static_cast<double>(index_clauses.size());
    index_total += num_index_tuples * (costs.cpu_index_tuple_cost + qual_op_cost);
    double index_startup = 0;
    if (index_tuples > 1) {
      double descent = std::ceil(std::log2(index_tuples)) * costs.cpu_operator_cost;
      index_startup += descent;
      index_total += descent;
    }
    double page_descent = (sizes[i].height + 1) * kPageCpuMultiplier * costs.cpu_operator_cost;
    index_startup += page_descent;
    index_total += page_descent;

    // cost_index
    double tuples_fetched = clamp_rows(selectivity * input.table_tuples);
    double max_io = pages_fetched(tuples_fetched, input.table_pages, index_pages, input) * costs.random_page_cost;
    double heap_pages = std::ceil(selectivity * input.table_pages);
    double min_io = heap_pages > 0 ? costs.random_page_cost + (heap_pages - 1) * costs.seq_page_cost : 0;
    (void)min_io;  // correlation is 0 without statistics: the worst case applies
    double run = (index_total - index_startup) + max_io;
    double filter_cost = 0;
    for (const auto& q : path.other_quals) filter_cost += per_row_cost(q.get(), costs);
    run += (costs.cpu_tuple_cost + filter_cost) * tuples_fetched;
    path.costs.startup = index_startup;
    path.costs.total = index_startup + run;
    paths.push_back(std::move(path));
  }
  return paths;
}

}  // namespace chalkdb
