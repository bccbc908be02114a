#include "storage/catalog/system_tables.h"

#include <stdexcept>

namespace chalkdb {

namespace {

SystemTable make_table(Oid oid, std::string_view name,
                       std::initializer_list<std::pair<const char*, TypeId>> columns) {
  SystemTable table{oid, name, {}};
  int16_t attnum = 0;
  for (const auto& [column_name, type] : columns) {
    table.columns.push_back({column_name, DataType{type, -1}, ++attnum, true, std::nullopt});
  }
  return table;
}

// Columns that PostgreSQL leaves NULL in some rows.
void make_nullable(SystemTable& table, std::initializer_list<std::string_view> names) {
  for (ColumnInfo& column : table.columns) {
    for (std::string_view name : names) {
      if (column.name == name) column.not_null = false;
    }
  }
}

std::vector<SystemTable> build_system_tables() {
  using T = TypeId;
  std::vector<SystemTable> tables;
  tables.push_back(make_table(kPgNamespaceRelation, "pg_namespace",
                              {{"oid", T::Oid}, {"nspname", T::Name}, {"nspowner", T::Oid}}));
  tables.push_back(make_table(kPgAmRelation, "pg_am", {{"oid", T::Oid}, {"amname", T::Name}, {"amtype", T::Char}}));
  tables.push_back(make_table(
      kPgClassRelation, "pg_class",
      {{"oid", T::Oid},           {"relname", T::Name},          {"relnamespace", T::Oid},
       {"reltype", T::Oid},       {"reloftype", T::Oid},         {"relowner", T::Oid},
       {"relam", T::Oid},         {"relfilenode", T::Oid},       {"reltablespace", T::Oid},
       {"relpages", T::Int4},     {"reltuples", T::Float4},      {"relallvisible", T::Int4},
       {"reltoastrelid", T::Oid}, {"relhasindex", T::Bool},      {"relisshared", T::Bool},
       {"relpersistence", T::Char}, {"relkind", T::Char},        {"relnatts", T::Int2},
       {"relchecks", T::Int2},    {"relhasrules", T::Bool},      {"relhastriggers", T::Bool},
       {"relhassubclass", T::Bool}, {"relrowsecurity", T::Bool}, {"relforcerowsecurity", T::Bool},
       {"relispopulated", T::Bool}, {"relreplident", T::Char},   {"relispartition", T::Bool},
       {"relrewrite", T::Oid},    {"reloptions", T::TextArray},  {"relpartbound", T::Text}}));
  make_nullable(tables.back(), {"reloptions", "relpartbound"});
  tables.push_back(make_table(
      kPgAttributeRelation, "pg_attribute",
      {{"attrelid", T::Oid},      {"attname", T::Name},         {"atttypid", T::Oid},
       {"attstattarget", T::Int4}, {"attlen", T::Int2},         {"attnum", T::Int2},
       {"attndims", T::Int4},     {"attcacheoff", T::Int4},     {"atttypmod", T::Int4},
       {"attbyval", T::Bool},     {"attalign", T::Char},        {"attstorage", T::Char},
       {"attcompression", T::Char}, {"attnotnull", T::Bool},    {"atthasdef", T::Bool},
       {"atthasmissing", T::Bool}, {"attidentity", T::Char},    {"attgenerated", T::Char},
       {"attisdropped", T::Bool}, {"attislocal", T::Bool},      {"attinhcount", T::Int4},
       {"attcollation", T::Oid}}));
  tables.push_back(make_table(kPgAttrdefRelation, "pg_attrdef",
                              {{"oid", T::Oid}, {"adrelid", T::Oid}, {"adnum", T::Int2},
                               {"adbin", T::Text}}));
  tables.push_back(make_table(
      kPgTypeRelation, "pg_type",
      {{"oid", T::Oid},           {"typname", T::Name},        {"typnamespace", T::Oid},
       {"typowner", T::Oid},      {"typlen", T::Int2},         {"typbyval", T::Bool},
       {"typtype", T::Char},      {"typcategory", T::Char},    {"typispreferred", T::Bool},
       {"typisdefined", T::Bool}, {"typdelim", T::Char},       {"typrelid", T::Oid},
       {"typelem", T::Oid},       {"typarray", T::Oid},        {"typalign", T::Char},
       {"typstorage", T::Char},   {"typnotnull", T::Bool},     {"typbasetype", T::Oid},
       {"typtypmod", T::Int4},    {"typndims", T::Int4},       {"typcollation", T::Oid}}));
  tables.push_back(make_table(
      kPgSequenceRelation, "pg_sequence",
      {{"seqrelid", T::Oid}, {"seqtypid", T::Oid}, {"seqstart", T::Int8},
       {"seqincrement", T::Int8}, {"seqmax", T::Int8}, {"seqmin", T::Int8},
       {"seqcache", T::Int8}, {"seqcycle", T::Bool}}));
  tables.push_back(make_table(
      kPgIndexRelation, "pg_index",
      {{"indexrelid", T::Oid},     {"indrelid", T::Oid},         {"indnatts", T::Int2},
       {"indnkeyatts", T::Int2},   {"indisunique", T::Bool},     {"indnullsnotdistinct", T::Bool},
       {"indisprimary", T::Bool},  {"indisexclusion", T::Bool},  {"indimmediate", T::Bool},
       {"indisclustered", T::Bool}, {"indisvalid", T::Bool},     {"indcheckxmin", T::Bool},
       {"indisready", T::Bool},    {"indislive", T::Bool},       {"indisreplident", T::Bool},
       {"indkey", T::Text},        {"indcollation", T::Text},    {"indclass", T::Text},
       {"indoption", T::Text},     {"indexprs", T::Text},        {"indpred", T::Text}}));
  make_nullable(tables.back(), {"indexprs", "indpred"});
  tables.push_back(make_table(
      kPgConstraintRelation, "pg_constraint",
      {{"oid", T::Oid},            {"conname", T::Name},         {"connamespace", T::Oid},
       {"contype", T::Char},       {"condeferrable", T::Bool},   {"condeferred", T::Bool},
       {"convalidated", T::Bool},  {"conrelid", T::Oid},         {"contypid", T::Oid},
       {"conindid", T::Oid},       {"conparentid", T::Oid},      {"confrelid", T::Oid},
       {"confupdtype", T::Char},   {"confdeltype", T::Char},     {"confmatchtype", T::Char},
       {"conislocal", T::Bool},    {"coninhcount", T::Int4},     {"connoinherit", T::Bool},
       {"conkey", T::Text},        {"confkey", T::Text},         {"conpfeqop", T::Text},
       {"conppeqop", T::Text},     {"conffeqop", T::Text},       {"confdelsetcols", T::Text},
       {"conexclop", T::Text},     {"conbin", T::Text}}));
  make_nullable(tables.back(), {"conkey", "confkey", "conpfeqop", "conppeqop", "conffeqop",
                                "confdelsetcols", "conexclop", "conbin"});
  // ev_qual and ev_action hold SQL text where PostgreSQL keeps node trees.
  tables.push_back(make_table(
      kPgRewriteRelation, "pg_rewrite",
      {{"oid", T::Oid},          {"rulename", T::Name},      {"ev_class", T::Oid},
       {"ev_type", T::Char},     {"ev_enabled", T::Char},    {"is_instead", T::Bool},
       {"ev_qual", T::Text},     {"ev_action", T::Text}}));
  tables.push_back(make_table(
      kPgDependRelation, "pg_depend",
      {{"classid", T::Oid},      {"objid", T::Oid},          {"objsubid", T::Int4},
       {"refclassid", T::Oid},   {"refobjid", T::Oid},       {"refobjsubid", T::Int4},
       {"deptype", T::Char}}));

  tables.push_back(make_table(
      kPgCollationRelation, "pg_collation",
      {{"oid", T::Oid},            {"collname", T::Name},        {"collnamespace", T::Oid},
       {"collowner", T::Oid},      {"collprovider", T::Char},    {"collisdeterministic", T::Bool},
       {"collencoding", T::Int4},  {"collcollate", T::Text},     {"collctype", T::Text},
       {"colliculocale", T::Text}, {"collversion", T::Text}}));
  make_nullable(tables.back(), {"collcollate", "collctype", "colliculocale", "collversion"});
  // Catalogs of objects ChalkDB does not have (role memberships, inheritance, triggers, row
  // security policies, extended statistics, publications): empty, present because psql's
  // \du and \d queries read them.
  tables.push_back(make_table(kPgAuthMembersRelation, "pg_auth_members",
                              {{"roleid", T::Oid}, {"member", T::Oid}, {"grantor", T::Oid},
                               {"admin_option", T::Bool}}));
  tables.push_back(make_table(kPgInheritsRelation, "pg_inherits",
                              {{"inhrelid", T::Oid}, {"inhparent", T::Oid}, {"inhseqno", T::Int4},
                               {"inhdetachpending", T::Bool}}));
  tables.push_back(make_table(
      kPgTriggerRelation, "pg_trigger",
      {{"oid", T::Oid},             {"tgrelid", T::Oid},          {"tgparentid", T::Oid},
       {"tgname", T::Name},         {"tgfoid", T::Oid},           {"tgtype", T::Int2},
       {"tgenabled", T::Char},      {"tgisinternal", T::Bool},    {"tgconstrrelid", T::Oid},
       {"tgconstrindid", T::Oid},   {"tgconstraint", T::Oid},     {"tgdeferrable", T::Bool},
       {"tginitdeferred", T::Bool}, {"tgnargs", T::Int2},         {"tgattr", T::Text},
       {"tgargs", T::Bytea},        {"tgqual", T::Text},          {"tgoldtable", T::Name},
       {"tgnewtable", T::Name}}));
  make_nullable(tables.back(), {"tgqual", "tgoldtable", "tgnewtable"});
  tables.push_back(make_table(
      kPgPolicyRelation, "pg_policy",
      {{"oid", T::Oid},          {"polname", T::Name},         {"polrelid", T::Oid},
       {"polcmd", T::Char},      {"polpermissive", T::Bool},   {"polroles", T::OidArray},
       {"polqual", T::Text},     {"polwithcheck", T::Text}}));
  make_nullable(tables.back(), {"polqual", "polwithcheck"});
  tables.push_back(make_table(
      kPgStatisticExtRelation, "pg_statistic_ext",
      {{"oid", T::Oid},             {"stxrelid", T::Oid},        {"stxname", T::Name},
       {"stxnamespace", T::Oid},    {"stxowner", T::Oid},        {"stxstattarget", T::Int4},
       {"stxkeys", T::Text},        {"stxkind", T::CharArray},   {"stxexprs", T::Text}}));
  make_nullable(tables.back(), {"stxexprs"});
  tables.push_back(make_table(
      kPgPublicationRelation, "pg_publication",
      {{"oid", T::Oid},             {"pubname", T::Name},        {"pubowner", T::Oid},
       {"puballtables", T::Bool},   {"pubinsert", T::Bool},      {"pubupdate", T::Bool},
       {"pubdelete", T::Bool},      {"pubtruncate", T::Bool},    {"pubviaroot", T::Bool}}));
  tables.push_back(make_table(kPgPublicationRelRelation, "pg_publication_rel",
                              {{"oid", T::Oid}, {"prpubid", T::Oid}, {"prrelid", T::Oid},
                               {"prqual", T::Text}, {"prattrs", T::Int2Array}}));
  make_nullable(tables.back(), {"prqual", "prattrs"});
  tables.push_back(make_table(kPgPublicationNamespaceRelation, "pg_publication_namespace",
                              {{"oid", T::Oid}, {"pnpubid", T::Oid}, {"pnnspid", T::Oid}}));

  const std::pair<Oid, size_t> expected_counts[] = {
      {kPgNamespaceRelation, pg_namespace::kColumnCount},
      {kPgAmRelation, pg_am::kColumnCount},
      {kPgClassRelation, pg_class::kColumnCount},
      {kPgAttributeRelation, pg_attribute::kColumnCount},
      {kPgAttrdefRelation, pg_attrdef::kColumnCount},
      {kPgTypeRelation, pg_type::kColumnCount},
      {kPgSequenceRelation, pg_sequence::kColumnCount},
      {kPgIndexRelation, pg_index::kColumnCount},
      {kPgConstraintRelation, pg_constraint::kColumnCount},
      {kPgRewriteRelation, pg_rewrite::kColumnCount},
      {kPgDependRelation, pg_depend::kColumnCount},
      {kPgCollationRelation, pg_collation::kColumnCount}};
  for (const auto& [oid, count] : expected_counts) {
    for (const SystemTable& table : tables) {
      if (table.oid == oid && table.columns.size() != count) {
        throw std::logic_error("column enum out of step with " + std::string(table.name));
      }
    }
  }
  return tables;
}

}  // namespace

const std::vector<SystemTable>& system_tables() {
  static const std::vector<SystemTable> tables = build_system_tables();
  return tables;
}

const SystemTable& system_table(Oid oid) {
  for (const SystemTable& table : system_tables()) {
    if (table.oid == oid) return table;
  }
  throw std::out_of_range("no system table with OID " + std::to_string(oid));
}

}  // namespace chalkdb
