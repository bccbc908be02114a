// IndexPath: a B-tree index scan as an access path for one table — which quals the index
// answers, the key range and direction of the scan, and its cost (PostgreSQL's
// match_clause_to_indexcol, btcostestimate and cost_index).
//
// An index qualifies when a qual compares one of its leading key columns with a constant or
// parameter (=, <, <=, >, >=; BETWEEN arrives as >= AND <=), or when the query's ORDER BY is
// the index order or its exact reverse (a backward scan). Costs follow PostgreSQL 15 without
// statistics: default selectivities, 1 row for equality on every column of a unique index,
// Mackert-Lohman page fetch estimates with effective_cache_size, index correlation 0.
// Not supported: bitmap scans, index-only scans, IN lists / ANY(array) as index quals.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "planner/bound_expr.h"
#include "planner/cost_model.h"
#include "planner/query.h"
#include "storage/catalog/table_info.h"

namespace chalkdb {

// How the executor scans: bound values are expressions (constants or parameters) evaluated
// when the scan starts; a NULL bound value means no row can match.
struct IndexScanSpec {
  IndexInfo index;
  std::vector<BoundExprPtr> lower, upper;  // key prefixes; empty: unbounded
  bool lower_inclusive = true;
  bool upper_inclusive = true;
  // A NULL placed at the end of a bound keeps NULL keys out of an open-ended range.
  bool lower_excludes_nulls = false;
  bool upper_excludes_nulls = false;
  bool backward = false;
  std::vector<BoundExprPtr> index_conditions;  // as written for EXPLAIN's "Index Cond"
};

struct IndexPathCosts {
  double startup = 0;
  double total = 0;
};

struct IndexPath {
  std::shared_ptr<IndexScanSpec> spec;
  std::vector<BoundExprPtr> other_quals;  // evaluated on the fetched rows ("Filter")
  IndexPathCosts costs;
  bool ordered = false;  // delivers the query's ORDER BY
};

struct IndexPlanningInput {
  const RangeEntry* rte = nullptr;
  int rte_index = 0;
  std::vector<BoundExprPtr> quals;        // the scan's conditions
  const std::vector<SortKey>* order_by = nullptr;  // when the scan alone feeds ORDER BY
  double table_pages = 0;                 // estimated (PostgreSQL's baserel->pages)
  double table_tuples = 0;                // estimated (baserel->tuples)
  double total_table_pages = 0;           // all tables of the query
  double effective_cache_pages = 524288;  // effective_cache_size in pages (4GB)
};

// Index sizes as the planner sees them: actual pages and the B-tree's height.
struct IndexSize {
  double pages = 1;
  double height = 0;
};

// Every index path worth considering for the table, one per index at most.
std::vector<IndexPath> index_paths(const IndexPlanningInput& input, const CostConstants& costs,
                                   const std::vector<IndexSize>& sizes);

// Selectivity of the scan's quals, knowing the table: equality with a column that has a
// one-column unique index selects 1 / tuples rows (PostgreSQL's unique-column rule), a
// pair of default range conditions on one column 0.005 (DEFAULT_RANGE_INEQ_SEL).
double table_quals_selectivity(const std::vector<BoundExprPtr>& quals, const TableInfo& table,
                               int rte_index, double tuples);

}  // namespace chalkdb
