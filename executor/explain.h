// EXPLAIN: prints a physical plan in PostgreSQL's text format (shared/compat/explain.md):
// node lines with costs, "->" children indented six columns per level, property lines
// (Hash Cond, Join Filter, Filter, Sort Key, Group Key), and with ANALYZE the actual times,
// rows and loops of each node plus the planning and execution time footer.
#pragma once

#include <string>
#include <vector>

#include "executor/operator.h"
#include "planner/plan_node.h"

namespace chalkdb {

struct ExplainOptions {
  bool analyze = false;
  bool costs = true;
  bool timing = true;
  bool summary = false;  // defaults to `analyze`
};

// `root_operator` is the executed operator tree for ANALYZE, or null.
std::vector<std::string> explain_plan(const PlanNode& root, const Operator* root_operator,
                                      const ExplainOptions& options);

}  // namespace chalkdb
