// The engine functions the executor implements (see planner/engine_function.h for the
// mechanism and how to add one), grouped by the PostgreSQL module they imitate:
//   pageinspect     get_raw_page, page_header, page_checksum, heap_page_items
//                   (pageinspect.cpp); bt_metap, bt_page_stats, bt_page_items
//                   (btree_inspection.cpp)
//   amcheck         bt_index_check, bt_index_parent_check (amcheck.cpp)
//   relation sizes  pg_relation_size, pg_table_size, pg_indexes_size, pg_total_relation_size,
//                   pg_size_pretty, pg_relation_filepath, pg_relation_filenode (relation_size.cpp)
//   pg_buffercache  pg_buffercache_pages() and the pg_buffercache relation (buffercache.cpp)
//   schemas         current_schema, current_schemas, pg_table_is_visible, pg_my_temp_schema,
//                   pg_get_userbyid (schema_functions.cpp)
//   views           pg_get_viewdef and the pg_views relation (view_functions.cpp)
//   sequences       pg_get_serial_sequence (sequence_ownership.cpp)
//   definitions     pg_get_expr, pg_get_indexdef, pg_get_constraintdef, ...
//                   (object_definition_functions.cpp)
//   catalog info    format_type, obj_description, col_description, pg_relation_is_publishable
//                   (catalog_info_functions.cpp)
//   reg types       regclassout, regtypeout, regnamespaceout (reg_type_functions.cpp)
//   roles           the pg_roles relation (role_functions.cpp)
#pragma once

#include "planner/engine_function.h"

namespace chalkdb {

// Fills EngineFunctionRegistry::global() once per process; Database::open calls it.
void register_engine_functions();

void register_pageinspect_functions(EngineFunctionRegistry& registry);
void register_btree_inspection_functions(EngineFunctionRegistry& registry);
void register_amcheck_functions(EngineFunctionRegistry& registry);
void register_relation_size_functions(EngineFunctionRegistry& registry);
void register_buffercache_functions(EngineFunctionRegistry& registry);
void register_schema_functions(EngineFunctionRegistry& registry);
void register_view_functions(EngineFunctionRegistry& registry);
void register_sequence_ownership_functions(EngineFunctionRegistry& registry);
void register_object_definition_functions(EngineFunctionRegistry& registry);
void register_catalog_info_functions(EngineFunctionRegistry& registry);
void register_reg_type_functions(EngineFunctionRegistry& registry);
void register_role_functions(EngineFunctionRegistry& registry);

}  // namespace chalkdb
