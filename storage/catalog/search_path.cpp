#include "storage/catalog/search_path.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "sql/error/sql_error.h"
#include "sql/parser/identifier.h"
#include "sql/types/more_string_functions.h"
#include "storage/catalog/system_tables.h"

namespace chalkdb {

namespace {

constexpr std::string_view kUserPlaceholder = "$user";
constexpr std::string_view kTempAlias = "pg_temp";
constexpr std::string_view kDefaultSearchPath = "\"$user\", public";

thread_local const SearchPathSource* active_source = nullptr;

const SearchPathSource& default_source() {
  static const SearchPathSource source;
  return source;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

SqlError invalid_list() {
  return SqlError(sqlstate::kInvalidParameterValue, "invalid list syntax in parameter \"search_path\"");
}

}  // namespace

const SearchPathSource& ActiveSearchPath::current() {
  return active_source ? *active_source : default_source();
}

ActiveSearchPath::Scope::Scope(const SearchPathSource& source) : previous_(active_source) {
  active_source = &source;
}

ActiveSearchPath::Scope::~Scope() { active_source = previous_; }

std::vector<std::string> split_search_path(std::string_view text) {
  std::vector<std::string> items;
  size_t i = 0;
  auto skip_spaces = [&] {
    while (i < text.size() && is_space(text[i])) ++i;
  };
  skip_spaces();
  if (i == text.size()) return items;  // an empty list
  while (true) {
    std::string item;
    if (i < text.size() && text[i] == '"') {
      ++i;
      while (true) {
        if (i >= text.size()) throw invalid_list();
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            item += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        item += text[i++];
      }
    } else {
      size_t start = i;
      while (i < text.size() && text[i] != ',' && !is_space(text[i])) ++i;
      if (i == start) throw invalid_list();
      item = fold_identifier(text.substr(start, i - start));
    }
    items.push_back(std::move(item));
    skip_spaces();
    if (i == text.size()) return items;
    if (text[i] != ',') throw invalid_list();
    ++i;
    skip_spaces();
  }
}

SearchPath::SearchPath(Catalog& catalog, const Snapshot& snapshot, const SearchPathSource& source)
    : catalog_(catalog), snapshot_(snapshot), source_(source) {}

std::vector<std::string> SearchPath::configured_items() const {
  if (!source_.settings) return split_search_path(std::string(kDefaultSearchPath));
  // Read for every name a statement looks up, changed rarely: one entry per thread, keyed by
  // the settings generation (unique across sessions).
  thread_local std::optional<std::pair<uint64_t, std::vector<std::string>>> last;
  const uint64_t generation = source_.settings->generation();
  if (!last || last->first != generation) {
    last.emplace(generation, split_search_path(source_.settings->get_string("search_path")));
  }
  return last->second;
}

// recomputeNamespacePath(): pg_temp_N (implicitly first unless listed), pg_catalog (implicitly
// first unless listed), then the listed schemas that exist, without repeats.
std::vector<SearchPath::Entry> SearchPath::entries(bool with_temp) const {
  std::vector<Entry> explicit_entries;
  bool temp_listed = false;
  auto add = [&](std::string name, bool implicit, std::vector<Entry>& into) {
    std::optional<Oid> oid = catalog_.find_namespace(name, snapshot_);
    if (!oid) return;
    for (const Entry& entry : explicit_entries) {
      if (entry.oid == *oid) return;
    }
    into.push_back({*oid, std::move(name), implicit});
  };
  for (std::string& item : configured_items()) {
    if (item == kUserPlaceholder) {
      add(source_.user, false, explicit_entries);
    } else if (item == kTempAlias) {
      temp_listed = true;
      if (with_temp && !source_.temp_schema.empty()) add(source_.temp_schema, false, explicit_entries);
    } else {
      add(std::move(item), false, explicit_entries);
    }
  }
  std::vector<Entry> path;
  if (with_temp && !temp_listed && !source_.temp_schema.empty()) add(source_.temp_schema, true, path);
  bool catalog_listed = std::any_of(explicit_entries.begin(), explicit_entries.end(),
                                    [](const Entry& entry) { return entry.oid == kPgCatalogNamespace; });
  if (!catalog_listed) path.push_back({kPgCatalogNamespace, "pg_catalog", true});
  path.insert(path.end(), explicit_entries.begin(), explicit_entries.end());
  return path;
}

bool SearchPath::is_own_temp_schema(std::string_view schema) const {
  return !source_.temp_schema.empty() && (schema == source_.temp_schema || schema == kTempAlias);
}

std::shared_ptr<const TableInfo> SearchPath::find_relation(const std::optional<std::string>& schema,
                                                           std::string_view name) const {
  if (!schema) {
    for (const Entry& entry : entries(true)) {
      if (auto relation = catalog_.find_relation_in(entry.oid, name, snapshot_)) return relation;
    }
    return nullptr;
  }
  std::string_view target = *schema == kTempAlias ? std::string_view(source_.temp_schema) : *schema;
  if (target.empty()) return nullptr;
  auto relation = catalog_.find_relation(target, name, snapshot_);
  if (relation && relation->persistence == kPersistenceTemporary && target != source_.temp_schema) {
    throw SqlError(sqlstate::kFeatureNotSupported, "cannot access temporary tables of other sessions");
  }
  return relation;
}

std::string SearchPath::creation_schema(const std::optional<std::string>& schema, bool temporary) const {
  if (schema) {
    if (*schema == kTempAlias || (schema->starts_with("pg_temp_") && is_own_temp_schema(*schema)))
      return source_.temp_schema;
    if (!catalog_.find_namespace(*schema, snapshot_)) {
      throw SqlError(sqlstate::kInvalidSchemaName, fmt::format("schema \"{}\" does not exist", *schema));
    }
    if (temporary) {
      throw SqlError(sqlstate::kInvalidTableDefinition, "cannot create temporary relation in non-temporary schema");
    }
    return *schema;
  }
  if (temporary) return source_.temp_schema;
  for (const Entry& entry : entries(false)) {
    if (!entry.implicit) return entry.name;
  }
  throw SqlError(sqlstate::kInvalidSchemaName, "no schema has been selected to create in");
}

std::vector<std::string> SearchPath::current_schemas(bool include_implicit) const {
  std::vector<std::string> names;
  for (Entry& entry : entries(true)) {
    if (include_implicit || !entry.implicit) names.push_back(std::move(entry.name));
  }
  return names;
}

std::optional<std::string> SearchPath::current_schema() const {
  std::vector<std::string> names = current_schemas(false);
  if (names.empty()) return std::nullopt;
  return names.front();
}

bool SearchPath::is_visible(const TableInfo& relation) const {
  for (const Entry& entry : entries(true)) {
    if (entry.oid == relation.namespace_oid) return true;
    if (catalog_.find_relation_in(entry.oid, relation.name, snapshot_)) return false;
  }
  return false;
}

std::string SearchPath::display_name(const TableInfo& relation) const {
  if (is_visible(relation)) return quote_identifier(relation.name);
  return quote_identifier(relation.schema) + "." + quote_identifier(relation.name);
}

}  // namespace chalkdb
