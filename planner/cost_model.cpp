#include "planner/cost_model.h"

#include <algorithm>
#include <cmath>

#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

constexpr double kDefaultEqSel = 0.005;
constexpr double kDefaultIneqSel = 1.0 / 3.0;
constexpr double kDefaultUnkSel = 0.005;
constexpr double kDefaultNumDistinct = 200;
constexpr double kBlockSize = 8192;
constexpr double kPageHeaderSize = 24;
constexpr double kTupleHeaderSize = 24;  // MAXALIGN(SizeofHeapTupleHeader)
constexpr double kLinePointerSize = 4;

bool is_comparison(const std::string& op) {
  return op == "<" || op == ">" || op == "<=" || op == ">=";
}

// get_typavgwidth for a variable-length type whose typmod bounds its size to `max_width` bytes.
int bounded_width(DataType type, int max_width) {
  if (type.id == TypeId::Bpchar || max_width <= 32) return max_width;
  return max_width < 1000 ? 32 + (max_width - 32) / 2 : 32 + (1000 - 32) / 2;
}

}  // namespace

double clamp_rows(double rows) { return rows <= 1.0 ? 1.0 : std::rint(rows); }

int type_width(DataType type) {
  switch (type.id) {
    case TypeId::Bool:
    case TypeId::Char: return 1;
    case TypeId::Int2: return 2;
    case TypeId::Int4:
    case TypeId::Oid:
    case TypeId::Float4:
    case TypeId::Date: return 4;
    case TypeId::Tid: return 6;
    case TypeId::Int8:
    case TypeId::Float8:
    case TypeId::Time:
    case TypeId::Timestamp:
    case TypeId::TimestampTz: return 8;
    case TypeId::Interval: return 16;
    case TypeId::Name: return 64;
    case TypeId::Bpchar:
    case TypeId::Varchar: {
      if (type.typmod <= 4) return 32;
      return bounded_width(type, type.typmod - 4);
    }
    case TypeId::Numeric: {
      if (type.typmod < 4) return 32;  // no precision given
      // numeric_maximum_size: an 8-byte header and a 2-byte digit per 4 decimal digits.
      int digits = (numeric_typmod_precision(type.typmod) + 2 * (4 - 1)) / 4;
      return bounded_width(type, 8 + digits * 2);
    }
    default: return 32;
  }
}

RelationSize estimate_relation_size(double actual_pages, const std::vector<DataType>& columns,
                                    double relpages, double reltuples) {
  RelationSize size;
  if (reltuples >= 0 && relpages > 0) {
    size.pages = actual_pages;
    size.tuples = std::rint(reltuples / relpages * actual_pages);
    return size;
  }
  // A table never vacuumed that has fewer than 10 pages is assumed to have 10, so a plan made
  // while it is small still works when it grows (PostgreSQL's estimate_rel_size).
  size.pages = actual_pages < 10 ? 10 : actual_pages;
  double tuple_width = kTupleHeaderSize + kLinePointerSize;
  for (const auto& type : columns) tuple_width += type_width(type);
  double density = std::floor((kBlockSize - kPageHeaderSize) / tuple_width);
  size.tuples = std::rint(density * size.pages);
  return size;
}

double per_row_cost(const BoundExpr* expr, const CostConstants& constants) {
  if (!expr) return 0;
  double cost = 0;
  switch (expr->kind) {
    case BoundExprKind::Operator:
    case BoundExprKind::Unary:
    case BoundExprKind::Function:
    case BoundExprKind::EngineCall:
    case BoundExprKind::IsDistinct:
    case BoundExprKind::NextVal:
    case BoundExprKind::SequenceFunction:
    case BoundExprKind::Sleep:
    case BoundExprKind::SetConfig:
    case BoundExprKind::CurrentSetting:
      cost += constants.cpu_operator_cost;
      break;
    case BoundExprKind::InList:
      cost += constants.cpu_operator_cost * static_cast<double>(expr->in_equals.size());
      break;
    case BoundExprKind::GroupKey:
      return 0;  // already computed below
    default:
      break;
  }
  for (const auto& arg : expr->args) cost += per_row_cost(arg.get(), constants);
  return cost;
}

double selectivity(const BoundExpr& condition) {
  switch (condition.kind) {
    case BoundExprKind::And: {
      double s = 1;
      for (const auto& arg : condition.args) s *= selectivity(*arg);
      return s;
    }
    case BoundExprKind::Or: {
      double s = 0;
      for (const auto& arg : condition.args) {
        double t = selectivity(*arg);
        s = s + t - s * t;
      }
      return s;
    }
    case BoundExprKind::Not:
      return 1 - selectivity(*condition.args[0]);
    case BoundExprKind::Operator:
      if (condition.name == "=") return kDefaultEqSel;
      if (condition.name == "<>") return 1 - kDefaultEqSel;
      if (is_comparison(condition.name)) return kDefaultIneqSel;
      return kDefaultUnkSel;
    case BoundExprKind::IsNull:
      return condition.negated ? 1 - kDefaultUnkSel : kDefaultUnkSel;
    case BoundExprKind::InList:
      return std::min(1.0, kDefaultEqSel * static_cast<double>(condition.args.size() - 1));
    case BoundExprKind::Constant:
      if (condition.constant.is_null()) return 0;
      return condition.constant.as_bool() ? 1 : 0;
    case BoundExprKind::Column:
      return 0.5;  // a boolean column
    default:
      return kDefaultIneqSel;
  }
}

double join_selectivity(const BoundExpr& clause, double left_rows, double right_rows) {
  if (clause.kind != BoundExprKind::Operator || clause.name != "=") return selectivity(clause);
  double nd_left = std::min(kDefaultNumDistinct, std::max(1.0, left_rows));
  double nd_right = std::min(kDefaultNumDistinct, std::max(1.0, right_rows));
  return 1.0 / std::max(nd_left, nd_right);
}

double estimate_groups(double input_rows, size_t key_count) {
  if (key_count == 0) return 1;
  double groups = 1;
  for (size_t i = 0; i < key_count; ++i) groups *= std::min(kDefaultNumDistinct, input_rows);
  return clamp_rows(std::min(groups, input_rows));
}

double generate_series_rows(const std::vector<BoundExprPtr>& args) {
  constexpr double kDefaultFunctionRows = 1000;
  // Only integer series get an exact count (numeric and timestamp ones the default, in 15).
  for (const auto& arg : args) {
    TypeId type = arg->type.id;
    if (arg->kind != BoundExprKind::Constant || arg->constant.is_null() ||
        (type != TypeId::Int2 && type != TypeId::Int4 && type != TypeId::Int8))
      return kDefaultFunctionRows;
  }
  double start = static_cast<double>(args[0]->constant.as_int());
  double stop = static_cast<double>(args[1]->constant.as_int());
  double step = args.size() > 2 ? static_cast<double>(args[2]->constant.as_int()) : 1;
  if (step == 0) return kDefaultFunctionRows;
  return std::max(0.0, std::floor((stop - start) / step) + 1);
}

}  // namespace chalkdb
