// SessionSettings: one session's view of the settings — its own values layered over the
// server-wide ones in the SettingsRegistry, with PostgreSQL's SET/RESET/SHOW semantics.
//
// Lookup order: SET LOCAL value (this transaction) -> SET value -> the session's defaults
// (start-up packet options) -> the server-wide value. As in PostgreSQL, SET inside a
// transaction block is undone if the transaction aborts, SET LOCAL ends with the
// transaction, and transaction_isolation-like settings exist per transaction. A name with a
// dot that no layer registered (SET myapp.user_id = 42) is a custom placeholder setting, a
// string that exists in this session once set (hidden from SHOW ALL, like PostgreSQL's). The
// owner
// (the executor's session) must report transaction boundaries with begin_transaction() and
// end_transaction(). Not thread-safe: a session is used by one thread at a time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sql/settings/settings_registry.h"

namespace chalkdb {

class SessionSettings {
 public:
  // `superuser` decides whether superuser-context settings may be SET.
  explicit SessionSettings(const SettingsRegistry& registry = SettingsRegistry::global(), bool superuser = true);

  // SET [LOCAL] name TO value[, ...] with the values as ast::SetStmt holds them; no values
  // means SET name TO DEFAULT. Returns false when the SET has no effect because it only
  // lasts for a transaction and none is open (PostgreSQL then warns "SET LOCAL can only be
  // used in transaction blocks"). Throws SqlError 42704 (unknown name), 22023 (bad value,
  // several values for a single-valued setting), 55P02 (context forbids the change), 42501.
  bool set(std::string_view name, const std::vector<std::string>& values, bool local = false);
  bool set(std::string_view name, std::string_view value, bool local = false);

  // RESET name, or RESET ALL for name "all".
  void reset(std::string_view name);

  // A start-up packet option (-c name=value, DateStyle=ISO): becomes the value RESET returns
  // to. Settings that cannot change after server start are refused with 55P02.
  void set_session_default(std::string_view name, std::string_view value);

  // A value the server sets for the session whatever the setting's context (is_superuser,
  // session_authorization).
  void set_internal(std::string_view name, std::string_view value);

  // The value as SHOW prints it ("4MB", "1s", "on", "ISO, MDY").
  std::string show(std::string_view name) const;

  struct ShowRow {
    std::string name;
    std::string setting;
    std::string description;
  };
  // SHOW ALL: every setting not hidden from it, sorted by name ignoring case.
  std::vector<ShowRow> show_all() const;

  // Typed values; integers are in the setting's unit (kB for work_mem, ms for timeouts, 8kB
  // blocks for shared_buffers). Asking for the wrong type throws std::bad_variant_access.
  bool get_bool(std::string_view name) const;
  int64_t get_int(std::string_view name) const;
  double get_real(std::string_view name) const;
  std::string get_string(std::string_view name) const;
  SettingValue value(std::string_view name) const;

  void begin_transaction();
  void end_transaction(bool committed);

  // Changes whenever a value of this session may have changed, so that a consumer can keep
  // values it derived from settings until the next change. Unique across all sessions: a
  // cache keyed by it cannot mistake another session's settings for these.
  uint64_t generation() const { return generation_; }

  // The reported (ParameterStatus) settings whose shown value changed since the last call,
  // as (name, value); the first call returns all of them.
  std::vector<std::pair<std::string, std::string>> take_reported_changes();

 private:
  using Values = std::map<std::string, SettingValue>;  // key: lower-case name

  const SettingDefinition& definition(std::string_view name) const;
  // The definition, creating a custom placeholder for an unknown dotted name.
  const SettingDefinition& definition_to_set(std::string_view name);
  void check_can_set(const SettingDefinition& definition) const;
  SettingValue value_of(const SettingDefinition& definition) const;
  SettingValue reset_value_of(const SettingDefinition& definition) const;
  void reset_one(const SettingDefinition& definition);
  // Called before session_ changes: keeps the values a rollback restores, once per transaction.
  void remember_session_for_rollback();
  // Gives the per-transaction settings the values their sources had when the transaction
  // began. Deferred from begin_transaction (which runs for every statement outside a block)
  // to their first read or the first change of any setting, whichever comes first.
  void take_transaction_values() const;

  // A per-transaction setting (transaction_isolation) and the setting its value starts from.
  struct TransactionScoped {
    std::string key;
    const SettingDefinition* source;
  };

  const SettingsRegistry& registry_;
  bool superuser_;
  bool in_transaction_ = false;
  // A setting was changed in the current transaction, so its end changes values again (SET
  // LOCAL expires, a rollback restores). Taking the per-transaction defaults is no change.
  bool changed_in_transaction_ = false;
  void changed();

  uint64_t generation_;
  Values defaults_;  // start-up options and server-set values
  Values session_;   // SET
  mutable Values local_;  // SET LOCAL and per-transaction settings (filled lazily, hence mutable)
  mutable bool transaction_values_pending_ = false;
  std::optional<Values> session_at_begin_;  // set only once session_ changes in a transaction
  std::vector<TransactionScoped> transaction_scoped_;  // looked up once: begin_transaction is hot
  std::map<std::string, std::string> reported_;
  std::map<std::string, std::unique_ptr<SettingDefinition>> placeholders_;  // key: lower-case name
};

}  // namespace chalkdb
