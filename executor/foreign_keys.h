// ForeignKeys: enforcement of FOREIGN KEY constraints for one INSERT, UPDATE or DELETE.
//
// Rows the statement writes into a referencing table are checked against the referenced
// table (23503 `insert or update on table "e" violates foreign key constraint "e_d_fkey"`,
// DETAIL `Key (d)=(9) is not present in table "d".`); rows it deletes from (or whose key it
// changes in) a referenced table trigger the constraint's ON DELETE / ON UPDATE action:
// NO ACTION and RESTRICT fail (`update or delete on table "d" violates foreign key constraint
// ... on table "e"`, DETAIL `Key (id)=(1) is still referenced from table "e".`), CASCADE,
// SET NULL and SET DEFAULT change the referencing rows.
//
// Like PostgreSQL's RI triggers, the work is queued per row and done at the end of the
// statement with a snapshot that sees the statement's own changes, so a statement that
// removes both a row and the rows referencing it succeeds. Lookups and actions are SQL
// queries on the other table (planned like any query, so an index on the key is used when
// there is one). Differences: the referenced row is not locked FOR KEY SHARE (ChalkDB has no
// row locks yet), so a concurrent transaction may delete it before this one commits; RESTRICT
// behaves as NO ACTION; MATCH FULL is treated as MATCH SIMPLE.
#pragma once

#include <memory>
#include <vector>

#include "executor/exec_context.h"
#include "executor/expression_evaluator.h"

namespace chalkdb {

class ForeignKeys {
 public:
  ForeignKeys(std::shared_ptr<const TableInfo> table, ExecContext& context);

  // True when deleted or updated rows must be reported with their old version.
  bool referenced() const { return !incoming_.empty(); }
  bool empty() const { return incoming_.empty() && outgoing_.empty(); }

  void row_inserted(const Row& row);
  void row_updated(const Row& old_row, const Row& new_row);
  void row_deleted(const Row& old_row);
  // Runs the queued checks and actions.
  void finish();

 private:
  struct Reference {  // one FOREIGN KEY constraint, seen from this table
    ConstraintInfo constraint;
    std::shared_ptr<const TableInfo> other;  // the referenced (outgoing) or referencing table
  };
  struct Event {
    size_t reference;
    Row key;      // old key (incoming) or new key (outgoing)
    Row new_key;  // incoming update: the new key; empty for a delete
  };

  void check_present(const Reference& reference, const Row& key, ExecContext& context) const;
  void apply_action(const Reference& reference, const Event& event, ExecContext& context) const;

  std::shared_ptr<const TableInfo> table_;
  ExecContext& context_;
  std::vector<Reference> outgoing_;  // this table's foreign keys
  std::vector<Reference> incoming_;  // other tables' foreign keys referencing this one
  std::vector<Event> outgoing_events_, incoming_events_;
};

}  // namespace chalkdb
