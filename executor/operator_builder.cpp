// Builds the operator tree for a physical plan: one operator per plan node.
#include "executor/operator.h"
#include "executor/operators/aggregate.h"
#include "executor/operators/append.h"
#include "executor/operators/cte_scan.h"
#include "executor/operators/function_scan.h"
#include "executor/operators/group_aggregate.h"
#include "executor/operators/grouping_sets_aggregate.h"
#include "executor/operators/hash_join.h"
#include "executor/operators/hash_set_op.h"
#include "executor/operators/index_scan.h"
#include "executor/operators/limit.h"
#include "executor/operators/materialize.h"
#include "executor/operators/modify_table.h"
#include "executor/operators/project_set.h"
#include "executor/operators/nested_loop_join.h"
#include "executor/operators/recursive_union.h"
#include "executor/operators/seq_scan.h"
#include "executor/operators/sort.h"
#include "executor/operators/subquery_scan.h"
#include "executor/operators/unique.h"
#include "executor/operators/values_scan.h"
#include "executor/operators/window_agg.h"
#include "executor/operators/work_table_scan.h"

namespace chalkdb {

std::unique_ptr<Operator> build_operator(const PlanNode& node, ExecContext& context) {
  auto child = [&](size_t i) { return build_operator(*node.children[i], context); };
  if (!node.grouping_sets.empty()) return std::make_unique<GroupingSetsAggregate>(node, context, child(0));
  switch (node.kind) {
    case PlanKind::SeqScan: return std::make_unique<SeqScan>(node, context);
    case PlanKind::IndexScan: return std::make_unique<IndexScan>(node, context);
    case PlanKind::FunctionScan: return std::make_unique<FunctionScan>(node, context);
    case PlanKind::ValuesScan: return std::make_unique<ValuesScan>(node, context);
    case PlanKind::Result: return std::make_unique<ResultOperator>(node, context);
    case PlanKind::SubqueryScan: return std::make_unique<SubqueryScan>(node, context, child(0));
    case PlanKind::CteScan: return std::make_unique<CteScan>(node, context, child(0));
    case PlanKind::WorkTableScan: return std::make_unique<WorkTableScan>(node, context);
    case PlanKind::Append: {
      std::vector<std::unique_ptr<Operator>> inputs;
      for (size_t i = 0; i < node.children.size(); ++i) inputs.push_back(child(i));
      return std::make_unique<Append>(node, context, std::move(inputs));
    }
    case PlanKind::SetOp: return std::make_unique<HashSetOp>(node, context, child(0));
    case PlanKind::RecursiveUnion:
      return std::make_unique<RecursiveUnion>(node, context, child(0), child(1));
    case PlanKind::Unique: return std::make_unique<Unique>(node, context, child(0));
    case PlanKind::NestedLoop: return std::make_unique<NestedLoopJoin>(node, context, child(0), child(1));
    case PlanKind::HashJoin: return std::make_unique<HashJoin>(node, context, child(0), child(1));
    case PlanKind::Hash: return std::make_unique<HashNode>(node, context, child(0));
    case PlanKind::Materialize: return std::make_unique<Materialize>(node, context, child(0));
    case PlanKind::Aggregate: return std::make_unique<PlainAggregate>(node, context, child(0));
    case PlanKind::HashAggregate: return std::make_unique<HashAggregate>(node, context, child(0));
    case PlanKind::GroupAggregate: return std::make_unique<GroupAggregate>(node, context, child(0));
    case PlanKind::Sort: return std::make_unique<Sort>(node, context, child(0));
    case PlanKind::WindowAgg: return std::make_unique<WindowAgg>(node, context, child(0));
    case PlanKind::ProjectSet: return std::make_unique<ProjectSet>(node, context, child(0));
    case PlanKind::Limit: return std::make_unique<Limit>(node, context, child(0));
    case PlanKind::ModifyTable: return std::make_unique<ModifyTable>(node, context, child(0));
  }
  return nullptr;
}

}  // namespace chalkdb
