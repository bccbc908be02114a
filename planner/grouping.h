// Grouping: rewrites the expressions that are evaluated above an aggregation (select list,
// HAVING, ORDER BY, window functions and their windows) to read the aggregation's output — GROUP BY keys become GroupKey
// references — and rejects ungrouped columns with PostgreSQL's 42803 error.
#pragma once

#include "planner/query.h"

namespace chalkdb {

void apply_grouping(Query& query);

}  // namespace chalkdb
