// CteScan: reads a WITH RECURSIVE query's rows (its Recursive Union child) like a table.
// PostgreSQL computes a WITH query once into a tuplestore shared by its CTE Scans; ChalkDB
// binds each reference separately, so each CTE Scan runs its own copy.
#pragma once

#include "executor/operators/subquery_scan.h"

namespace chalkdb {

class CteScan : public SubqueryScan {
 public:
  using SubqueryScan::SubqueryScan;
};

}  // namespace chalkdb
