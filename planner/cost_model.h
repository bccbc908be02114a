// CostModel: PostgreSQL's cost constants and formulas (costsize.c), so EXPLAIN's estimates
// and plan choices resemble PostgreSQL's and slow-query lessons transfer.
//
// Table sizes follow PostgreSQL's rules for a table that has never been analyzed: the page
// count is the file's, at least 10 when it has fewer, and the row count is estimated from a
// tuple density computed from the column widths (estimate_rel_size / get_rel_data_width).
#pragma once

#include <vector>

#include "planner/bound_expr.h"
#include "sql/types/type_id.h"

namespace chalkdb {

struct CostConstants {
  double seq_page_cost = 1.0;
  double random_page_cost = 4.0;
  double cpu_tuple_cost = 0.01;
  double cpu_index_tuple_cost = 0.005;
  double cpu_operator_cost = 0.0025;
  // enable_sort = off: disable_cost added to every Sort's startup, as cost_sort does.
  double sort_disable_cost = 0;
};

// Rounds a row estimate as PostgreSQL's clamp_row_est: at least 1, integral.
double clamp_rows(double rows);

// PostgreSQL's average width of a value of `type` (get_typavgwidth).
int type_width(DataType type);

struct RelationSize {
  double pages = 0;
  double tuples = 0;
};

// Pages and tuples of a table with `actual_pages` pages and these columns. When pg_class
// knows its size (relpages > 0, reltuples >= 0, e.g. after CREATE INDEX) the tuple density
// comes from there, as PostgreSQL's estimate_rel_size does; otherwise from the column widths.
RelationSize estimate_relation_size(double actual_pages, const std::vector<DataType>& columns,
                                    double relpages = 0, double reltuples = -1);

// Per-row cost of evaluating an expression: cpu_operator_cost per operator/function node.
double per_row_cost(const BoundExpr* expr, const CostConstants& constants);

// Fraction of rows a condition keeps, with PostgreSQL's default selectivities when there are
// no statistics (DEFAULT_EQ_SEL 0.005, DEFAULT_INEQ_SEL 1/3, ...).
double selectivity(const BoundExpr& condition);

// Selectivity of an equality join clause between inputs of these sizes (eqjoinsel without
// statistics: 1 / max(ndistinct), ndistinct defaulting to 200 or the row count if smaller).
double join_selectivity(const BoundExpr& clause, double left_rows, double right_rows);

// Rows of generate_series: exact for constant integer bounds, as PostgreSQL's support function
// estimates them; otherwise the default of 1000 rows.
double generate_series_rows(const std::vector<BoundExprPtr>& args);

// Number of groups of `input_rows` rows grouped by `key_count` keys (estimate_num_groups
// without statistics).
double estimate_groups(double input_rows, size_t key_count);

}  // namespace chalkdb
