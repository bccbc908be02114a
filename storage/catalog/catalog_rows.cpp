#include "storage/catalog/catalog_rows.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <sstream>

#include "sql/types/type_registry.h"
#include "storage/catalog/system_tables.h"
#include "storage/tuple/type_storage.h"

namespace chalkdb::catalog_rows {

namespace {

constexpr Oid kHeapAccessMethod = 2;
constexpr Oid kDefaultCollation = 100;

Value name(std::string_view text) { return Value::text(std::string(text), TypeId::Name); }
Value character(char c) {
  return Value::text(c == '\0' ? std::string() : std::string(1, c), TypeId::Char);
}
char character_of(const Value& value) {
  return value.as_text().empty() ? '\0' : value.as_text()[0];
}

// pg_type.typstorage: numeric is 'm' (main), other varlenas 'x' (extended), the rest 'p'.
char storage_strategy(TypeId type, const TypeStorage& storage) {
  if (storage.length >= 0) return 'p';
  return type == TypeId::Numeric ? 'm' : 'x';
}

TypeStorage storage_of(TypeId type) {
  return type_storage(type).value_or(TypeStorage{-1, false, 'i'});
}

bool is_collatable(TypeId type) {
  return type == TypeId::Text || type == TypeId::Varchar || type == TypeId::Bpchar;
}

// pg_index.indoption bits.
constexpr int kIndexOptionDesc = 1;
constexpr int kIndexOptionNullsFirst = 2;

// The default B-tree operator class of a column type (pg_opclass.oid), 0 if none.
Oid default_btree_opclass(TypeId type) {
  switch (type) {
    case TypeId::Bool: return 10003;
    case TypeId::Bytea: return 10006;
    case TypeId::Char: return 10007;
    case TypeId::Name: return 10028;
    case TypeId::Int8: return 3124;
    case TypeId::Int2: return 1979;
    case TypeId::Int4: return 1978;
    case TypeId::Text:
    case TypeId::Varchar: return 3126;
    case TypeId::Oid: return 1981;
    case TypeId::Tid: return 10050;
    case TypeId::Float4: return 10012;
    case TypeId::Float8: return 3123;
    case TypeId::Bpchar: return 10004;
    case TypeId::Date: return 3122;
    case TypeId::Time: return 10038;
    case TypeId::Timestamp: return 3128;
    case TypeId::TimestampTz: return 3127;
    case TypeId::Interval: return 10022;
    case TypeId::Numeric: return 3125;
    default: return 0;
  }
}

// int2vector / oidvector output ("1 2") and array output ("{1,2}").
template <typename T>
std::string vector_text(const std::vector<T>& items) {
  return fmt::format("{}", fmt::join(items, " "));
}
std::string array_text(const std::vector<int16_t>& items) {
  return fmt::format("{{{}}}", fmt::join(items, ","));
}
std::vector<int16_t> parse_int2_list(std::string text) {
  for (char& c : text) {
    if (c == '{' || c == '}' || c == ',') c = ' ';
  }
  std::istringstream in(text);
  std::vector<int16_t> items;
  int value = 0;
  while (in >> value) items.push_back(static_cast<int16_t>(value));
  return items;
}
Value optional_text(const std::optional<std::string>& text) {
  return text ? Value::text(*text) : Value::null(TypeId::Text);
}
Value int2_array_or_null(const std::vector<int16_t>& items) {
  return items.empty() ? Value::null(TypeId::Text) : Value::text(array_text(items));
}
std::vector<int16_t> int2_array_of(const Value& value) {
  return value.is_null() ? std::vector<int16_t>{} : parse_int2_list(value.as_text());
}

}  // namespace

std::vector<Value> namespace_row(Oid oid, std::string_view nspname, Oid owner) {
  return {Value::oid(oid), name(nspname), Value::oid(owner)};
}

std::vector<std::vector<Value>> access_method_rows() {
  return {{Value::oid(kHeapAccessMethod), name("heap"), character('t')},
          {Value::oid(kBtreeAccessMethod), name("btree"), character('i')}};
}

std::vector<std::vector<Value>> collation_rows() {
  auto row = [](Oid oid, std::string_view collname, char provider, std::optional<std::string> locale) {
    std::vector<Value> row(pg_collation::kColumnCount);
    row[pg_collation::oid] = Value::oid(oid);
    row[pg_collation::collname] = name(collname);
    row[pg_collation::collnamespace] = Value::oid(kPgCatalogNamespace);
    row[pg_collation::collowner] = Value::oid(kBootstrapSuperuserId);
    row[pg_collation::collprovider] = character(provider);
    row[pg_collation::collisdeterministic] = Value::boolean(true);
    row[pg_collation::collencoding] = Value::int4(-1);
    row[pg_collation::collcollate] = optional_text(locale);
    row[pg_collation::collctype] = optional_text(locale);
    row[pg_collation::colliculocale] = Value::null(TypeId::Text);
    row[pg_collation::collversion] = Value::null(TypeId::Text);
    return row;
  };
  return {row(kDefaultCollation, "default", 'd', std::nullopt), row(950, "C", 'c', "C"),
          row(951, "POSIX", 'c', "POSIX")};
}

std::vector<Value> class_row(const TableInfo& table, bool referenced) {
  bool is_table = table.relkind == kRelkindTable;
  bool is_index = table.relkind == kRelkindIndex;
  std::vector<Value> row(pg_class::kColumnCount);
  row[pg_class::oid] = Value::oid(table.oid);
  row[pg_class::relname] = name(table.name);
  row[pg_class::relnamespace] = Value::oid(table.namespace_oid);
  row[pg_class::reltype] = Value::oid(0);
  row[pg_class::reloftype] = Value::oid(0);
  row[pg_class::relowner] = Value::oid(kBootstrapSuperuserId);
  row[pg_class::relam] =
      Value::oid(is_table ? kHeapAccessMethod : is_index ? kBtreeAccessMethod : 0);
  row[pg_class::relfilenode] = Value::oid(table.relfilenode);
  row[pg_class::reltablespace] = Value::oid(0);
  row[pg_class::relpages] = Value::int4(table.pages);
  row[pg_class::reltuples] = Value::float4(table.tuples);  // -1: never counted (PostgreSQL 14+)
  row[pg_class::relallvisible] = Value::int4(0);
  row[pg_class::reltoastrelid] = Value::oid(0);
  row[pg_class::relhasindex] = Value::boolean(!table.indexes.empty());
  row[pg_class::relisshared] = Value::boolean(false);
  row[pg_class::relpersistence] = character(table.persistence);
  row[pg_class::relkind] = character(table.relkind);
  row[pg_class::relnatts] = Value::int2(static_cast<int16_t>(table.columns.size()));
  row[pg_class::relchecks] = Value::int2(static_cast<int16_t>(
      std::count_if(table.constraints.begin(), table.constraints.end(),
                    [](const ConstraintInfo& c) { return c.type == kConstraintCheck; })));
  row[pg_class::relhasrules] = Value::boolean(table.view.has_value());
  bool has_foreign_keys = std::any_of(table.constraints.begin(), table.constraints.end(),
                                      [](const ConstraintInfo& c) { return c.type == kConstraintForeignKey; });
  row[pg_class::relhastriggers] = Value::boolean(has_foreign_keys || referenced);
  row[pg_class::relhassubclass] = Value::boolean(false);
  row[pg_class::relrowsecurity] = Value::boolean(false);
  row[pg_class::relforcerowsecurity] = Value::boolean(false);
  row[pg_class::relispopulated] = Value::boolean(true);
  // User tables identify rows by default ('d'); system catalogs and sequences by nothing.
  bool user_table = is_table && table.oid >= kFirstNormalObjectId;
  row[pg_class::relreplident] = character(user_table ? 'd' : 'n');
  row[pg_class::relispartition] = Value::boolean(false);
  row[pg_class::relrewrite] = Value::oid(0);
  row[pg_class::reloptions] = Value::null(TypeId::TextArray);
  row[pg_class::relpartbound] = Value::null(TypeId::Text);
  return row;
}

std::vector<Value> attribute_row(Oid relation, const ColumnInfo& column) {
  TypeStorage storage = storage_of(column.type.id);
  std::vector<Value> row(pg_attribute::kColumnCount);
  row[pg_attribute::attrelid] = Value::oid(relation);
  row[pg_attribute::attname] = name(column.name);
  row[pg_attribute::atttypid] = Value::oid(static_cast<Oid>(column.type.id));
  row[pg_attribute::attstattarget] = Value::int4(-1);
  row[pg_attribute::attlen] = Value::int2(storage.length);
  row[pg_attribute::attnum] = Value::int2(column.attnum);
  row[pg_attribute::attndims] = Value::int4(0);
  row[pg_attribute::attcacheoff] = Value::int4(-1);
  row[pg_attribute::atttypmod] = Value::int4(column.type.typmod);
  row[pg_attribute::attbyval] = Value::boolean(storage.by_value);
  row[pg_attribute::attalign] = character(storage.align);
  row[pg_attribute::attstorage] = character(storage_strategy(column.type.id, storage));
  row[pg_attribute::attcompression] = character('\0');
  row[pg_attribute::attnotnull] = Value::boolean(column.not_null);
  row[pg_attribute::atthasdef] = Value::boolean(column.default_expr.has_value());
  row[pg_attribute::atthasmissing] = Value::boolean(false);
  row[pg_attribute::attidentity] = character(column.identity);
  row[pg_attribute::attgenerated] = character('\0');
  row[pg_attribute::attisdropped] = Value::boolean(false);
  row[pg_attribute::attislocal] = Value::boolean(true);
  row[pg_attribute::attinhcount] = Value::int4(0);
  row[pg_attribute::attcollation] =
      Value::oid(is_collatable(column.type.id) ? kDefaultCollation : 0);
  return row;
}

std::vector<Value> attrdef_row(Oid oid, Oid relation, int16_t attnum, std::string_view expr) {
  return {Value::oid(oid), Value::oid(relation), Value::int2(attnum),
          Value::text(std::string(expr))};
}

std::vector<Value> type_row(const BuiltinType& type) {
  TypeStorage storage = storage_of(type.id);
  const TypeInfo& info = type_info(type.id);
  std::vector<Value> row(pg_type::kColumnCount);
  row[pg_type::oid] = Value::oid(static_cast<Oid>(type.id));
  row[pg_type::typname] = name(info.typname);
  row[pg_type::typnamespace] = Value::oid(kPgCatalogNamespace);
  row[pg_type::typowner] = Value::oid(kBootstrapSuperuserId);
  row[pg_type::typlen] = Value::int2(storage.length);
  row[pg_type::typbyval] = Value::boolean(storage.by_value);
  row[pg_type::typtype] = character('b');
  row[pg_type::typcategory] = character(info.category);
  row[pg_type::typispreferred] = Value::boolean(info.preferred);
  row[pg_type::typisdefined] = Value::boolean(true);
  row[pg_type::typdelim] = character(',');
  row[pg_type::typrelid] = Value::oid(0);
  row[pg_type::typelem] = Value::oid(type.element_type);
  row[pg_type::typarray] = Value::oid(type.array_type);
  row[pg_type::typalign] = character(storage.align);
  row[pg_type::typstorage] = character(storage_strategy(type.id, storage));
  row[pg_type::typnotnull] = Value::boolean(false);
  row[pg_type::typbasetype] = Value::oid(0);
  row[pg_type::typtypmod] = Value::int4(-1);
  row[pg_type::typndims] = Value::int4(0);
  row[pg_type::typcollation] = Value::oid(type.collation);
  return row;
}

std::vector<Value> sequence_row(Oid sequence, const SequenceOptions& options) {
  std::vector<Value> row(pg_sequence::kColumnCount);
  row[pg_sequence::seqrelid] = Value::oid(sequence);
  row[pg_sequence::seqtypid] = Value::oid(static_cast<Oid>(options.type));
  row[pg_sequence::seqstart] = Value::int8(options.start);
  row[pg_sequence::seqincrement] = Value::int8(options.increment);
  row[pg_sequence::seqmax] = Value::int8(options.max_value);
  row[pg_sequence::seqmin] = Value::int8(options.min_value);
  row[pg_sequence::seqcache] = Value::int8(options.cache);
  row[pg_sequence::seqcycle] = Value::boolean(options.cycle);
  return row;
}

std::vector<Value> index_row(const IndexInfo& index, const TableInfo& table) {
  std::vector<Oid> collations, classes;
  std::vector<int> options;
  for (const IndexKeyInfo& key : index.keys) {
    const ColumnInfo* column = table.column_by_attnum(key.attnum);
    TypeId type = column ? column->type.id : TypeId::Unknown;
    collations.push_back(is_collatable(type) ? kDefaultCollation : 0);
    classes.push_back(default_btree_opclass(type));
    options.push_back((key.descending ? kIndexOptionDesc : 0) |
                      (key.nulls_first ? kIndexOptionNullsFirst : 0));
  }
  std::vector<Value> row(pg_index::kColumnCount);
  row[pg_index::indexrelid] = Value::oid(index.oid);
  row[pg_index::indrelid] = Value::oid(index.table_oid);
  row[pg_index::indnatts] = Value::int2(static_cast<int16_t>(index.keys.size() + index.include.size()));
  row[pg_index::indnkeyatts] = Value::int2(static_cast<int16_t>(index.keys.size()));
  row[pg_index::indisunique] = Value::boolean(index.unique);
  row[pg_index::indnullsnotdistinct] = Value::boolean(false);
  row[pg_index::indisprimary] = Value::boolean(index.primary);
  row[pg_index::indisexclusion] = Value::boolean(false);
  row[pg_index::indimmediate] = Value::boolean(index.unique);
  row[pg_index::indisclustered] = Value::boolean(false);
  row[pg_index::indisvalid] = Value::boolean(index.valid);
  row[pg_index::indcheckxmin] = Value::boolean(false);
  row[pg_index::indisready] = Value::boolean(true);
  row[pg_index::indislive] = Value::boolean(true);
  row[pg_index::indisreplident] = Value::boolean(false);
  row[pg_index::indkey] = Value::text(vector_text(index.all_attnums()));
  row[pg_index::indcollation] = Value::text(vector_text(collations));
  row[pg_index::indclass] = Value::text(vector_text(classes));
  row[pg_index::indoption] = Value::text(vector_text(options));
  row[pg_index::indexprs] = Value::null(TypeId::Text);
  row[pg_index::indpred] = Value::null(TypeId::Text);
  return row;
}

std::vector<Value> constraint_row(const ConstraintInfo& constraint) {
  std::vector<Value> row(pg_constraint::kColumnCount);
  row[pg_constraint::oid] = Value::oid(constraint.oid);
  row[pg_constraint::conname] = name(constraint.name);
  row[pg_constraint::connamespace] = Value::oid(constraint.namespace_oid);
  row[pg_constraint::contype] = character(constraint.type);
  row[pg_constraint::condeferrable] = Value::boolean(constraint.deferrable);
  row[pg_constraint::condeferred] = Value::boolean(constraint.deferred);
  row[pg_constraint::convalidated] = Value::boolean(constraint.validated);
  row[pg_constraint::conrelid] = Value::oid(constraint.table_oid);
  row[pg_constraint::contypid] = Value::oid(0);
  row[pg_constraint::conindid] = Value::oid(constraint.index_oid);
  row[pg_constraint::conparentid] = Value::oid(constraint.parent_oid);
  row[pg_constraint::confrelid] = Value::oid(constraint.referenced_table);
  row[pg_constraint::confupdtype] = character(constraint.update_action);
  row[pg_constraint::confdeltype] = character(constraint.delete_action);
  row[pg_constraint::confmatchtype] = character(constraint.match_type);
  row[pg_constraint::conislocal] = Value::boolean(true);
  row[pg_constraint::coninhcount] = Value::int4(0);
  row[pg_constraint::connoinherit] = Value::boolean(constraint.no_inherit);
  row[pg_constraint::conkey] = int2_array_or_null(constraint.columns);
  row[pg_constraint::confkey] = int2_array_or_null(constraint.referenced_columns);
  // Operator OIDs of FOREIGN KEY comparisons are not recorded yet.
  row[pg_constraint::conpfeqop] = Value::null(TypeId::Text);
  row[pg_constraint::conppeqop] = Value::null(TypeId::Text);
  row[pg_constraint::conffeqop] = Value::null(TypeId::Text);
  row[pg_constraint::confdelsetcols] = Value::null(TypeId::Text);
  row[pg_constraint::conexclop] = Value::null(TypeId::Text);
  row[pg_constraint::conbin] = optional_text(constraint.check_expr);
  return row;
}

IndexInfo index_from_row(const std::vector<Value>& row) {
  IndexInfo index;
  index.oid = static_cast<Oid>(row[pg_index::indexrelid].as_int());
  index.table_oid = static_cast<Oid>(row[pg_index::indrelid].as_int());
  index.unique = row[pg_index::indisunique].as_bool();
  index.primary = row[pg_index::indisprimary].as_bool();
  index.valid = row[pg_index::indisvalid].as_bool();
  auto key_count = static_cast<size_t>(row[pg_index::indnkeyatts].as_int());
  std::vector<int16_t> attnums = parse_int2_list(row[pg_index::indkey].as_text());
  std::vector<int16_t> options = parse_int2_list(row[pg_index::indoption].as_text());
  for (size_t i = 0; i < attnums.size(); ++i) {
    if (i >= key_count) {
      index.include.push_back(attnums[i]);
      continue;
    }
    int option = i < options.size() ? options[i] : 0;
    index.keys.push_back({attnums[i], (option & kIndexOptionDesc) != 0,
                          (option & kIndexOptionNullsFirst) != 0});
  }
  return index;
}

ConstraintInfo constraint_from_row(const std::vector<Value>& row) {
  ConstraintInfo constraint;
  constraint.oid = static_cast<Oid>(row[pg_constraint::oid].as_int());
  constraint.name = row[pg_constraint::conname].as_text();
  constraint.namespace_oid = static_cast<Oid>(row[pg_constraint::connamespace].as_int());
  constraint.type = character_of(row[pg_constraint::contype]);
  constraint.deferrable = row[pg_constraint::condeferrable].as_bool();
  constraint.deferred = row[pg_constraint::condeferred].as_bool();
  constraint.validated = row[pg_constraint::convalidated].as_bool();
  constraint.table_oid = static_cast<Oid>(row[pg_constraint::conrelid].as_int());
  constraint.index_oid = static_cast<Oid>(row[pg_constraint::conindid].as_int());
  constraint.parent_oid = static_cast<Oid>(row[pg_constraint::conparentid].as_int());
  constraint.referenced_table = static_cast<Oid>(row[pg_constraint::confrelid].as_int());
  constraint.update_action = character_of(row[pg_constraint::confupdtype]);
  constraint.delete_action = character_of(row[pg_constraint::confdeltype]);
  constraint.match_type = character_of(row[pg_constraint::confmatchtype]);
  constraint.no_inherit = row[pg_constraint::connoinherit].as_bool();
  constraint.columns = int2_array_of(row[pg_constraint::conkey]);
  constraint.referenced_columns = int2_array_of(row[pg_constraint::confkey]);
  if (!row[pg_constraint::conbin].is_null()) constraint.check_expr = row[pg_constraint::conbin].as_text();
  return constraint;
}

std::vector<Value> rewrite_row(Oid rule, Oid view, std::string_view query) {
  std::vector<Value> row(pg_rewrite::kColumnCount);
  row[pg_rewrite::oid] = Value::oid(rule);
  row[pg_rewrite::rulename] = name("_RETURN");
  row[pg_rewrite::ev_class] = Value::oid(view);
  row[pg_rewrite::ev_type] = character('1');  // SELECT
  row[pg_rewrite::ev_enabled] = character('O');
  row[pg_rewrite::is_instead] = Value::boolean(true);
  row[pg_rewrite::ev_qual] = Value::text("<>");
  row[pg_rewrite::ev_action] = Value::text(std::string(query));
  return row;
}

std::vector<Value> rule_depend_row(Oid rule, Oid relation, int16_t attnum) {
  std::vector<Value> row(pg_depend::kColumnCount);
  row[pg_depend::classid] = Value::oid(kPgRewriteRelation);
  row[pg_depend::objid] = Value::oid(rule);
  row[pg_depend::objsubid] = Value::int4(0);
  row[pg_depend::refclassid] = Value::oid(kPgClassRelation);
  row[pg_depend::refobjid] = Value::oid(relation);
  row[pg_depend::refobjsubid] = Value::int4(attnum);
  row[pg_depend::deptype] = character('n');
  return row;
}

std::vector<Value> sequence_owner_depend_row(Oid sequence, Oid table, int16_t attnum, char deptype) {
  std::vector<Value> row(pg_depend::kColumnCount);
  row[pg_depend::classid] = Value::oid(kPgClassRelation);
  row[pg_depend::objid] = Value::oid(sequence);
  row[pg_depend::objsubid] = Value::int4(0);
  row[pg_depend::refclassid] = Value::oid(kPgClassRelation);
  row[pg_depend::refobjid] = Value::oid(table);
  row[pg_depend::refobjsubid] = Value::int4(attnum);
  row[pg_depend::deptype] = character(deptype);
  return row;
}

TableInfo table_from_class_row(const std::vector<Value>& row) {
  TableInfo table;
  table.oid = static_cast<Oid>(row[pg_class::oid].as_int());
  table.name = row[pg_class::relname].as_text();
  table.namespace_oid = static_cast<Oid>(row[pg_class::relnamespace].as_int());
  table.relfilenode = static_cast<Oid>(row[pg_class::relfilenode].as_int());
  table.relkind = character_of(row[pg_class::relkind]);
  table.persistence = character_of(row[pg_class::relpersistence]);
  table.pages = static_cast<int32_t>(row[pg_class::relpages].as_int());
  table.tuples = static_cast<float>(row[pg_class::reltuples].as_float());
  return table;
}

ColumnInfo column_from_attribute_row(const std::vector<Value>& row) {
  ColumnInfo column;
  column.name = row[pg_attribute::attname].as_text();
  column.type = DataType{static_cast<TypeId>(row[pg_attribute::atttypid].as_int()),
                         static_cast<int32_t>(row[pg_attribute::atttypmod].as_int())};
  column.attnum = static_cast<int16_t>(row[pg_attribute::attnum].as_int());
  column.not_null = row[pg_attribute::attnotnull].as_bool();
  column.identity = character_of(row[pg_attribute::attidentity]);
  return column;
}

SequenceOptions sequence_options_from_row(const std::vector<Value>& row) {
  SequenceOptions options;
  options.type = static_cast<TypeId>(row[pg_sequence::seqtypid].as_int());
  options.start = row[pg_sequence::seqstart].as_int();
  options.increment = row[pg_sequence::seqincrement].as_int();
  options.max_value = row[pg_sequence::seqmax].as_int();
  options.min_value = row[pg_sequence::seqmin].as_int();
  options.cache = row[pg_sequence::seqcache].as_int();
  options.cycle = row[pg_sequence::seqcycle].as_bool();
  return options;
}

}  // namespace chalkdb::catalog_rows
