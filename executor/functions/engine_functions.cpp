#include "executor/functions/engine_functions.h"

#include <mutex>

namespace chalkdb {

void register_engine_functions() {
  static std::once_flag once;
  std::call_once(once, [] {
    EngineFunctionRegistry& registry = EngineFunctionRegistry::global();
    register_pageinspect_functions(registry);
    register_btree_inspection_functions(registry);
    register_amcheck_functions(registry);
    register_relation_size_functions(registry);
    register_buffercache_functions(registry);
    register_schema_functions(registry);
    register_view_functions(registry);
    register_sequence_ownership_functions(registry);
    register_object_definition_functions(registry);
    register_catalog_info_functions(registry);
    register_reg_type_functions(registry);
    register_role_functions(registry);
  });
}

}  // namespace chalkdb
