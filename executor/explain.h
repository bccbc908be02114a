// EXPLAIN: prints a physical plan in PostgreSQL's text format (shared/compat/explain.md):
// node lines with costs, "->" children indented six columns per level, property lines
// (Hash Cond, Join Filter, Filter, Sort Key, Group Key), and with ANALYZE the actual times,
// rows and loops of each node plus the planning and execution time footer, and with BUFFERS
// the shared buffers each node used (inclusive of its inputs, as PostgreSQL counts them).
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
  bool buffers = false;  // with analyze: each node's "Buffers:" line
};

// The text after "Buffers: " for `usage` ("shared hit=41 read=3"), empty when nothing was
// touched (PostgreSQL then omits the line).
std::string format_buffer_usage(const BufferUsage& usage);

// `root_operator` is the executed operator tree for ANALYZE, or null.
std::vector<std::string> explain_plan(const PlanNode& root, const Operator* root_operator,
                                      const ExplainOptions& options);

}  // namespace chalkdb
