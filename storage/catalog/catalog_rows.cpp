#include "storage/catalog/catalog_rows.h"

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

}  // namespace

std::vector<Value> namespace_row(Oid oid, std::string_view nspname, Oid owner) {
  return {Value::oid(oid), name(nspname), Value::oid(owner)};
}

std::vector<Value> class_row(const TableInfo& table) {
  bool is_table = table.relkind == kRelkindTable;
  std::vector<Value> row(pg_class::kColumnCount);
  row[pg_class::oid] = Value::oid(table.oid);
  row[pg_class::relname] = name(table.name);
  row[pg_class::relnamespace] = Value::oid(table.namespace_oid);
  row[pg_class::reltype] = Value::oid(0);
  row[pg_class::reloftype] = Value::oid(0);
  row[pg_class::relowner] = Value::oid(kBootstrapSuperuserId);
  row[pg_class::relam] = Value::oid(is_table ? kHeapAccessMethod : 0);
  row[pg_class::relfilenode] = Value::oid(table.relfilenode);
  row[pg_class::reltablespace] = Value::oid(0);
  row[pg_class::relpages] = Value::int4(0);
  row[pg_class::reltuples] = Value::float4(-1);  // never vacuumed or analyzed (PostgreSQL 14+)
  row[pg_class::relallvisible] = Value::int4(0);
  row[pg_class::reltoastrelid] = Value::oid(0);
  row[pg_class::relhasindex] = Value::boolean(false);
  row[pg_class::relisshared] = Value::boolean(false);
  row[pg_class::relpersistence] = character('p');
  row[pg_class::relkind] = character(table.relkind);
  row[pg_class::relnatts] = Value::int2(static_cast<int16_t>(table.columns.size()));
  row[pg_class::relchecks] = Value::int2(0);
  row[pg_class::relhasrules] = Value::boolean(false);
  row[pg_class::relhastriggers] = Value::boolean(false);
  row[pg_class::relhassubclass] = Value::boolean(false);
  row[pg_class::relrowsecurity] = Value::boolean(false);
  row[pg_class::relforcerowsecurity] = Value::boolean(false);
  row[pg_class::relispopulated] = Value::boolean(true);
  // User tables identify rows by default ('d'); system catalogs and sequences by nothing.
  bool user_table = is_table && table.oid >= kFirstNormalObjectId;
  row[pg_class::relreplident] = character(user_table ? 'd' : 'n');
  row[pg_class::relispartition] = Value::boolean(false);
  row[pg_class::relrewrite] = Value::oid(0);
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
  row[pg_attribute::attidentity] = character('\0');
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

TableInfo table_from_class_row(const std::vector<Value>& row) {
  TableInfo table;
  table.oid = static_cast<Oid>(row[pg_class::oid].as_int());
  table.name = row[pg_class::relname].as_text();
  table.namespace_oid = static_cast<Oid>(row[pg_class::relnamespace].as_int());
  table.relfilenode = static_cast<Oid>(row[pg_class::relfilenode].as_int());
  table.relkind = character_of(row[pg_class::relkind]);
  return table;
}

ColumnInfo column_from_attribute_row(const std::vector<Value>& row) {
  ColumnInfo column;
  column.name = row[pg_attribute::attname].as_text();
  column.type = DataType{static_cast<TypeId>(row[pg_attribute::atttypid].as_int()),
                         static_cast<int32_t>(row[pg_attribute::atttypmod].as_int())};
  column.attnum = static_cast<int16_t>(row[pg_attribute::attnum].as_int());
  column.not_null = row[pg_attribute::attnotnull].as_bool();
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
