#include "planner/grouping_sets.h"

#include "sql/error/sql_error.h"

namespace chalkdb {

BoundExprPtr bind_grouping_function(ExpressionBinder& /*binder*/, Query& /*query*/,
                                    const ast::FuncCall& call) {
  throw SqlError(sqlstate::kFeatureNotSupported, "GROUPING is not supported yet")
      .with_position(call.location + 1);
}

}  // namespace chalkdb
