#include "planner/engine_function.h"

namespace chalkdb {

EngineFunction EngineFunction::scalar_function(std::string name, std::vector<EngineParam> params,
                                               DataType result, EngineScalarFn fn) {
  EngineFunction function;
  function.name = std::move(name);
  function.params = std::move(params);
  function.result = result;
  function.scalar = fn;
  return function;
}

EngineFunction EngineFunction::set_function(std::string name, std::vector<EngineParam> params,
                                            std::vector<EngineColumn> columns, EngineRowsFn fn) {
  EngineFunction function;
  function.name = std::move(name);
  function.params = std::move(params);
  function.columns = std::move(columns);
  function.rows = fn;
  return function;
}

EngineFunctionRegistry& EngineFunctionRegistry::global() {
  static EngineFunctionRegistry registry;
  return registry;
}

void EngineFunctionRegistry::add(EngineFunction function) {
  functions_.push_back(std::move(function));
}

std::vector<const EngineFunction*> EngineFunctionRegistry::overloads(std::string_view name) const {
  std::vector<const EngineFunction*> found;
  for (const auto& function : functions_)
    if (!function.as_relation && function.name == name) found.push_back(&function);
  return found;
}

const EngineFunction* EngineFunctionRegistry::relation(std::string_view name) const {
  for (const auto& function : functions_)
    if (function.as_relation && function.name == name) return &function;
  return nullptr;
}

}  // namespace chalkdb
