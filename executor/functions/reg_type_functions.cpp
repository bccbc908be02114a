// The text output of the object identifier types, as casts to text call it:
// regclassout(regclass), regtypeout(regtype), regnamespaceout(regnamespace) (PostgreSQL's
// return cstring; these return text). See executor/reg_type_output.h.
#include "executor/functions/engine_functions.h"
#include "executor/reg_type_output.h"
#include "sql/types/object_reference_types.h"

namespace chalkdb {

namespace {

template <TypeId Type>
Value reference_text(ExecContext& context, std::span<const Value> args) {
  return Value::text(object_reference_text(context, Type, static_cast<Oid>(args[0].as_int())));
}

}  // namespace

void register_reg_type_functions(EngineFunctionRegistry& registry) {
  const DataType text{TypeId::Text};
  registry.add(EngineFunction::scalar_function("regclassout", {{"relation", DataType{kRegclassType}}},
                                               text, reference_text<kRegclassType>));
  registry.add(EngineFunction::scalar_function("regtypeout", {{"type", DataType{kRegtypeType}}}, text,
                                               reference_text<kRegtypeType>));
  registry.add(EngineFunction::scalar_function("regnamespaceout",
                                               {{"schema", DataType{kRegnamespaceType}}}, text,
                                               reference_text<kRegnamespaceType>));
}

}  // namespace chalkdb
