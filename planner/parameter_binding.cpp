#include "planner/parameter_binding.h"

#include <fmt/format.h>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

thread_local ParameterBinding* current_binding = nullptr;

// PostgreSQL allows $1 .. $65535 (the Bind message counts parameters in an int16).
constexpr int kMaxParameters = 65535;

SqlError no_such_parameter(int number, int location) {
  return SqlError(sqlstate::kUndefinedParameter, fmt::format("there is no parameter ${}", number))
      .with_position(location + 1);
}

}  // namespace

BoundExprPtr ParameterBinding::bind(int number, int location) {
  if (number < 1 || number > kMaxParameters) throw no_such_parameter(number, location);
  size_t index = static_cast<size_t>(number - 1);
  if (values_) {
    if (index >= values_->size()) throw no_such_parameter(number, location);
    return make_constant((*values_)[index], types_[index], location);
  }
  if (index >= types_.size()) types_.resize(index + 1, DataType{TypeId::Unknown});
  auto param = std::make_shared<BoundExpr>();
  param->kind = BoundExprKind::Param;
  param->index = number;
  param->type = types_[index];
  param->location = location;
  return param;
}

BoundExprPtr ParameterBinding::resolve(const BoundExpr& param, DataType type) {
  DataType& slot = types_[static_cast<size_t>(param.index - 1)];
  // A typmod does not belong to the parameter (PostgreSQL records only the type OID).
  if (slot.id == TypeId::Unknown) slot = DataType{type.id};
  auto retyped = std::make_shared<BoundExpr>(param);
  retyped->type = slot;
  return retyped;
}

void ParameterBinding::check_all_resolved() const {
  for (size_t i = 0; i < types_.size(); ++i) {
    if (types_[i].id == TypeId::Unknown) {
      throw SqlError(sqlstate::kIndeterminateDatatype,
                     fmt::format("could not determine data type of parameter ${}", i + 1));
    }
  }
}

ParameterBinding* ParameterBinding::current() { return current_binding; }

ParameterScope::ParameterScope(ParameterBinding* binding) : previous_(current_binding) {
  current_binding = binding;
}

ParameterScope::~ParameterScope() { current_binding = previous_; }

}  // namespace chalkdb
