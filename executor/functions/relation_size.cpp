// Database object size functions (PostgreSQL's dbsize.c): pg_relation_size, pg_table_size,
// pg_indexes_size, pg_total_relation_size, pg_size_pretty, pg_relation_filepath,
// pg_relation_filenode. Sizes are the relation files' lengths in blocks times 8 KiB.
// Differences from PostgreSQL: the free-space map and visibility map are kept in memory
// (storage/heap/free_space_map.h), so the "fsm" and "vm" forks are always 0 bytes; there is
// no TOAST relation (pg_table_size is the main fork); views have size 0. pg_indexes_size sums
// the table's B-tree indexes' files, and pg_total_relation_size adds it to pg_table_size.
#include <fmt/format.h>

#include <cstdlib>

#include "executor/functions/engine_functions.h"
#include "executor/functions/relation_arguments.h"
#include "sql/error/sql_error.h"
#include "sql/types/numeric.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

DataType type(TypeId id) { return DataType{id}; }

int64_t main_fork_size(ExecContext& context, const TableInfo& relation) {
  if (relation.relkind == kRelkindView) return 0;
  auto& files = context.storage.relation_files();
  if (!files.exists(relation.relfilenode)) return 0;
  return static_cast<int64_t>(files.block_count(relation.relfilenode)) *
         static_cast<int64_t>(disk::kPageSize);
}

// The forks PostgreSQL knows; only "main" has a file here.
bool is_main_fork(std::string_view fork) {
  if (fork == "main") return true;
  if (fork == "fsm" || fork == "vm" || fork == "init") return false;
  throw SqlError(sqlstate::kInvalidParameterValue, "invalid fork name")
      .with_hint("Valid fork names are \"main\", \"fsm\", \"vm\", and \"init\".");
}

int64_t indexes_size(ExecContext& context, const TableInfo& table) {
  int64_t total = 0;
  for (const IndexInfo& index : table.indexes) {
    auto relation = relation_with_oid(context, index.oid);
    if (relation) total += main_fork_size(context, *relation);
  }
  return total;
}

Value relation_size(ExecContext& context, std::span<const Value> args) {
  auto relation = relation_with_oid(context, static_cast<Oid>(args[0].as_int()));
  bool main = args.size() < 2 || is_main_fork(args[1].as_text());
  if (!relation) return Value::null(TypeId::Int8);
  return Value::int8(main ? main_fork_size(context, *relation) : 0);
}

Value table_size(ExecContext& context, std::span<const Value> args) {
  auto relation = relation_with_oid(context, static_cast<Oid>(args[0].as_int()));
  if (!relation) return Value::null(TypeId::Int8);
  return Value::int8(main_fork_size(context, *relation));
}

Value indexes_size_fn(ExecContext& context, std::span<const Value> args) {
  auto relation = relation_with_oid(context, static_cast<Oid>(args[0].as_int()));
  if (!relation) return Value::null(TypeId::Int8);
  return Value::int8(indexes_size(context, *relation));
}

Value total_relation_size(ExecContext& context, std::span<const Value> args) {
  auto relation = relation_with_oid(context, static_cast<Oid>(args[0].as_int()));
  if (!relation) return Value::null(TypeId::Int8);
  return Value::int8(main_fork_size(context, *relation) + indexes_size(context, *relation));
}

Value relation_filepath(ExecContext& context, std::span<const Value> args) {
  auto relation = relation_with_oid(context, static_cast<Oid>(args[0].as_int()));
  if (!relation || relation->relkind == kRelkindView) return Value::null(TypeId::Text);
  return Value::text(RelationFiles::relative_path(relation->relfilenode));
}

Value relation_filenode(ExecContext& context, std::span<const Value> args) {
  auto relation = relation_with_oid(context, static_cast<Oid>(args[0].as_int()));
  if (!relation || relation->relkind == kRelkindView) return Value::null(TypeId::Oid);
  return Value::oid(relation->relfilenode);
}

// PostgreSQL 15's size_pretty_units: each unit is used below its limit; kB and larger round
// half away from zero, and the division keeps one extra bit for that rounding.
struct SizeUnit {
  const char* name;
  __int128 limit;
  bool round;
  int bits;
};
constexpr SizeUnit kSizeUnits[] = {{"bytes", 10 * 1024, false, 0}, {"kB", 20 * 1024 - 1, true, 10},
                                   {"MB", 20 * 1024 - 1, true, 20}, {"GB", 20 * 1024 - 1, true, 30},
                                   {"TB", 20 * 1024 - 1, true, 40}, {"PB", 20 * 1024 - 1, true, 50}};

std::string int128_text(__int128 v) {
  if (v == 0) return "0";
  bool negative = v < 0;
  std::string digits;
  for (; v != 0; v /= 10) digits.insert(digits.begin(), static_cast<char>('0' + std::abs(static_cast<int>(v % 10))));
  return negative ? "-" + digits : digits;
}

// `bytes_text` is printed as is when the size stays in bytes (numeric keeps its fraction).
std::string size_pretty(__int128 size, const std::string& bytes_text) {
  constexpr size_t count = std::size(kSizeUnits);
  for (size_t i = 0; i < count; ++i) {
    const SizeUnit& unit = kSizeUnits[i];
    __int128 magnitude = size < 0 ? -size : size;
    if (i + 1 == count || magnitude < unit.limit) {
      if (i == 0) return bytes_text + " bytes";
      if (unit.round) size = (size + (size < 0 ? -1 : 1)) / 2;
      return int128_text(size) + " " + unit.name;
    }
    const SizeUnit& next = kSizeUnits[i + 1];
    int bits = next.bits - unit.bits - (next.round ? 1 : 0) + (unit.round ? 1 : 0);
    size /= static_cast<__int128>(1) << bits;
  }
  return bytes_text;
}

Value size_pretty_bigint(ExecContext&, std::span<const Value> args) {
  int64_t size = args[0].as_int();
  return Value::text(size_pretty(size, std::to_string(size)));
}

// The integer part of a numeric (truncated toward zero, as numeric_div_trunc leaves it).
__int128 numeric_integer_part(const std::string& text) {
  __int128 v = 0;
  bool negative = !text.empty() && text[0] == '-';
  for (size_t i = negative ? 1 : 0; i < text.size() && text[i] != '.'; ++i) {
    if (v > (static_cast<__int128>(1) << 120)) throw SqlError(sqlstate::kNumericValueOutOfRange, "value out of range");
    v = v * 10 + (text[i] - '0');
  }
  return negative ? -v : v;
}

Value size_pretty_numeric(ExecContext&, std::span<const Value> args) {
  std::string text = format_value(args[0]);
  if (text == "NaN" || text.ends_with("Infinity")) return Value::text(text + " bytes");
  return Value::text(size_pretty(numeric_integer_part(text), text));
}

std::vector<EngineParam> regclass_param() { return {{"relation", type(TypeId::Oid), true}}; }

}  // namespace

void register_relation_size_functions(EngineFunctionRegistry& registry) {
  const DataType bigint{TypeId::Int8}, text{TypeId::Text};
  registry.add(EngineFunction::scalar_function("pg_relation_size", regclass_param(), bigint,
                                               relation_size));
  registry.add(EngineFunction::scalar_function(
      "pg_relation_size", {{"relation", type(TypeId::Oid), true}, {"fork", text}}, bigint,
      relation_size));
  registry.add(EngineFunction::scalar_function("pg_table_size", regclass_param(), bigint, table_size));
  registry.add(EngineFunction::scalar_function("pg_indexes_size", regclass_param(), bigint,
                                               indexes_size_fn));
  registry.add(EngineFunction::scalar_function("pg_total_relation_size", regclass_param(), bigint,
                                               total_relation_size));
  registry.add(EngineFunction::scalar_function("pg_relation_filepath", regclass_param(), text,
                                               relation_filepath));
  registry.add(EngineFunction::scalar_function("pg_relation_filenode", regclass_param(),
                                               type(TypeId::Oid), relation_filenode));
  registry.add(EngineFunction::scalar_function("pg_size_pretty", {{"size", bigint}}, text,
                                               size_pretty_bigint));
  registry.add(EngineFunction::scalar_function("pg_size_pretty", {{"size", type(TypeId::Numeric)}},
                                               text, size_pretty_numeric));
}

}  // namespace chalkdb
