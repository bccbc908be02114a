// SearchPath: how a relation name without a schema is found and where CREATE puts a new one,
// following PostgreSQL's namespace.c.
//
// The path is the session's search_path setting ("$user", public by default) with two
// implicit entries: the session's temporary schema (pg_temp_N) first unless "pg_temp" is
// listed, then pg_catalog unless it is listed. Entries naming no existing schema are skipped;
// "$user" stands for the schema named after the session's user. CREATE without a schema uses
// the first existing explicit entry (never pg_catalog implicitly, nor the temporary schema);
// with none, 3F000 "no schema has been selected to create in".
//
// As in PostgreSQL, where the active path is a per-backend global, the session whose
// statement runs on a thread installs its SearchPathSource there for the statement
// (ActiveSearchPath::Scope); code without a session (tests, bootstrap) sees the default path
// and no temporary schema.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sql/settings/session_settings.h"
#include "storage/catalog/catalog.h"

namespace chalkdb {

// What a session contributes to name lookups.
struct SearchPathSource {
  const SessionSettings* settings = nullptr;  // its search_path; null: the default
  std::string user = "postgres";
  std::string temp_schema;  // "pg_temp_N" once the session made a temporary table; else empty
};

class ActiveSearchPath {
 public:
  // The source installed on this thread, or the default one.
  static const SearchPathSource& current();

  // Installs `source` on this thread until destroyed (restoring the previous one).
  class Scope {
   public:
    explicit Scope(const SearchPathSource& source);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    const SearchPathSource* previous_;
  };
};

// The items of a search_path value as PostgreSQL's SplitIdentifierString reads them
// (comma-separated, unquoted names folded to lower case, "" inside quotes). Throws 22023 on
// a malformed list.
std::vector<std::string> split_search_path(std::string_view text);

class SearchPath {
 public:
  SearchPath(Catalog& catalog, const Snapshot& snapshot,
             const SearchPathSource& source = ActiveSearchPath::current());

  // A relation by optional schema and name: in that schema ("pg_temp" meaning the session's
  // temporary schema), else along the path. Null when not found (also for a missing schema).
  // Throws 0A000 for another session's temporary schema named explicitly.
  std::shared_ptr<const TableInfo> find_relation(const std::optional<std::string>& schema,
                                                 std::string_view name) const;

  // The schema a new relation goes to. An explicit one must exist (3F000 `schema "s" does
  // not exist`); TEMP tables go to the session's temporary schema, and naming another schema
  // for them is 42P16. The temporary schema must have been set up (executor/temp_tables.h).
  std::string creation_schema(const std::optional<std::string>& schema, bool temporary) const;

  // True when `schema` is this session's temporary schema.
  bool is_own_temp_schema(std::string_view schema) const;

  // current_schemas(include_implicit) and current_schema() (null when the path is empty).
  std::vector<std::string> current_schemas(bool include_implicit) const;
  std::optional<std::string> current_schema() const;

  // pg_table_is_visible: the relation is the first of its name along the path.
  bool is_visible(const TableInfo& relation) const;
  // The name regclass output uses: bare when visible, else schema-qualified.
  std::string display_name(const TableInfo& relation) const;

 private:
  struct Entry {
    Oid oid;
    std::string name;
    bool implicit;
  };
  // The existing schemas searched, in order; temp: whether the temporary schema takes part.
  std::vector<Entry> entries(bool with_temp) const;
  std::vector<std::string> configured_items() const;

  Catalog& catalog_;
  const Snapshot& snapshot_;
  const SearchPathSource& source_;
};

}  // namespace chalkdb
