#include "executor/schema_ddl.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "executor/foreign_key_definition.h"
#include "executor/table_ddl.h"
#include "sql/error/sql_error.h"
#include "storage/catalog/search_path.h"
#include "storage/catalog/system_tables.h"

namespace chalkdb {

namespace {

constexpr std::string_view kReservedPrefix = "pg_";

// PostgreSQL's roles so far: the bootstrap superuser and pg_database_owner.
Oid role_oid(const std::string& role) {
  if (role == "current_user" || role == "session_user" || role == "current_role" ||
      role == ActiveSearchPath::current().user || role == "postgres")
    return kBootstrapSuperuserId;
  if (role == "pg_database_owner") return kDatabaseOwnerRole;
  throw SqlError(sqlstate::kUndefinedObject, fmt::format("role \"{}\" does not exist", role));
}

std::string role_name(const std::string& role) {
  if (role == "current_user" || role == "session_user" || role == "current_role") return ActiveSearchPath::current().user;
  return role;
}

void check_schema_name(const std::string& name) {
  if (name.starts_with(kReservedPrefix)) {
    throw SqlError(sqlstate::kReservedName, fmt::format("unacceptable schema name \"{}\"", name))
        .with_detail("The prefix \"pg_\" is reserved for system schemas.");
  }
}

SqlError schema_missing(const std::string& name) {
  return SqlError(sqlstate::kInvalidSchemaName, fmt::format("schema \"{}\" does not exist", name));
}

void notice(ResultSink& sink, std::string message, std::string detail = {}) {
  SqlError error(sqlstate::kSuccessfulCompletion, std::move(message));
  if (!detail.empty()) error.with_detail(std::move(detail));
  sink.notice(error.with_severity(Severity::Notice));
}

// The relations of a schema that DROP SCHEMA reports: tables, and sequences no serial column
// owns. Indexes and owned sequences go with their table, unreported, as in PostgreSQL.
std::vector<std::shared_ptr<const TableInfo>> reported_members(Oid namespace_oid, ExecContext& context) {
  std::vector<std::shared_ptr<const TableInfo>> members;
  std::set<Oid> owned;
  for (const auto& relation : context.catalog.relations(context.snapshot)) {
    if (relation->namespace_oid != namespace_oid) continue;
    if (relation->relkind == kRelkindTable) {
      for (Oid sequence : owned_sequences(*relation, context)) owned.insert(sequence);
    }
    if (relation->relkind == kRelkindTable || relation->relkind == kRelkindSequence) members.push_back(relation);
  }
  std::erase_if(members, [&](const auto& relation) { return owned.contains(relation->oid); });
  return members;  // OID order
}

struct DropPlan {
  std::vector<std::string> dependents;    // "table s.t", "constraint f on table r"
  std::vector<std::string> dependencies;  // "table s.t depends on schema s"
  std::vector<std::shared_ptr<const TableInfo>> relations;
  std::vector<IncomingForeignKey> outside_keys;
};

DropPlan plan_drop(const std::vector<Oid>& schemas, ExecContext& context) {
  DropPlan plan;
  SearchPath path(context.catalog, context.snapshot);
  for (Oid schema : schemas) {
    std::string schema_name = context.catalog.namespace_by_oid(schema, context.snapshot)->name;
    for (auto& relation : reported_members(schema, context)) {
      std::string object = fmt::format("{} {}", relation->relkind == kRelkindTable ? "table" : "sequence",
                                       path.display_name(*relation));
      plan.dependents.push_back(object);
      plan.dependencies.push_back(fmt::format("{} depends on schema {}", object, schema_name));
      if (relation->relkind == kRelkindTable) {
        for (auto& key : incoming_foreign_keys(relation->oid, context)) {
          if (std::find(schemas.begin(), schemas.end(), key.table->namespace_oid) != schemas.end()) continue;
          std::string constraint = fmt::format("constraint {} on table {}", key.constraint.name,
                                               path.display_name(*key.table));
          plan.dependencies.push_back(fmt::format("{} depends on {}", constraint, object));
          plan.dependents.push_back(std::move(constraint));
          plan.outside_keys.push_back(std::move(key));
        }
      }
      plan.relations.push_back(std::move(relation));
    }
  }
  return plan;
}

void execute_drop(const DropPlan& plan, ExecContext& context) {
  for (const auto& key : plan.outside_keys) {
    context.transaction.next_command();
    context.catalog.drop_constraint(key.table->oid, key.constraint.name, context.write_xid(),
                                    context.transaction.command_id());
  }
  for (const auto& relation : plan.relations) {
    context.transaction.next_command();
    std::vector<Oid> owned;
    if (relation->relkind == kRelkindTable) owned = owned_sequences(*relation, context);
    TransactionId xid = context.write_xid();
    CommandId cid = context.transaction.command_id();
    context.catalog.drop_relation(relation->oid, xid, cid);
    for (Oid sequence : owned) context.catalog.drop_relation(sequence, xid, cid);
  }
}

}  // namespace

void create_schema(const ast::CreateSchemaStmt& stmt, ExecContext& context, ResultSink& sink) {
  Oid owner = stmt.authorization ? role_oid(*stmt.authorization) : kBootstrapSuperuserId;
  std::string name = stmt.name ? *stmt.name : role_name(*stmt.authorization);
  if (stmt.if_not_exists && context.catalog.find_namespace(name, context.snapshot)) {
    notice(sink, fmt::format("schema \"{}\" already exists, skipping", name));
    return;
  }
  check_schema_name(name);
  context.catalog.create_namespace(name, owner, context.write_xid(), context.transaction.command_id());
}

void drop_schemas(const ast::DropSchemaStmt& stmt, ExecContext& context, ResultSink& sink) {
  std::vector<Oid> schemas;
  for (const std::string& name : stmt.names) {
    std::optional<Oid> oid = context.catalog.find_namespace(name, context.snapshot);
    if (!oid) {
      if (!stmt.if_exists) throw schema_missing(name);
      notice(sink, fmt::format("schema \"{}\" does not exist, skipping", name));
      continue;
    }
    if (*oid == kPgCatalogNamespace || *oid == kPgToastNamespace) {
      throw SqlError(sqlstate::kDependentObjectsStillExist,
                     fmt::format("cannot drop schema {} because it is required by the database system", name));
    }
    if (std::find(schemas.begin(), schemas.end(), *oid) == schemas.end()) schemas.push_back(*oid);
  }
  DropPlan plan = plan_drop(schemas, context);
  if (!plan.dependents.empty() && !stmt.cascade) {
    std::string message = stmt.names.size() == 1
        ? fmt::format("cannot drop schema {} because other objects depend on it", stmt.names.front())
        : "cannot drop desired object(s) because other objects depend on them";
    throw SqlError(sqlstate::kDependentObjectsStillExist, message)
        .with_detail(fmt::format("{}", fmt::join(plan.dependencies, "\n")))
        .with_hint("Use DROP ... CASCADE to drop the dependent objects too.");
  }
  if (plan.dependents.size() == 1) notice(sink, "drop cascades to " + plan.dependents.front());
  if (plan.dependents.size() > 1) {
    notice(sink, fmt::format("drop cascades to {} other objects", plan.dependents.size()),
           fmt::format("drop cascades to {}", fmt::join(plan.dependents, "\ndrop cascades to ")));
  }
  execute_drop(plan, context);
  for (Oid schema : schemas) {
    context.transaction.next_command();
    context.catalog.drop_namespace(schema, context.write_xid(), context.transaction.command_id());
  }
}

void drop_schema_contents(Oid namespace_oid, ExecContext& context) {
  execute_drop(plan_drop({namespace_oid}, context), context);
}

void alter_schema(const ast::AlterSchemaStmt& stmt, ExecContext& context) {
  std::optional<Oid> oid = context.catalog.find_namespace(stmt.name, context.snapshot);
  if (!oid) throw schema_missing(stmt.name);
  if (context.catalog.find_namespace(stmt.new_name, context.snapshot)) {
    throw SqlError(sqlstate::kDuplicateSchema, fmt::format("schema \"{}\" already exists", stmt.new_name));
  }
  check_schema_name(stmt.new_name);
  context.catalog.rename_namespace(*oid, stmt.new_name, context.write_xid(), context.transaction.command_id());
  context.transaction.next_command();
  Snapshot renamed = Snapshot::latest(context.write_xid(), context.transaction.command_id());
  for (const auto& relation : context.catalog.relations(renamed)) {
    if (relation->namespace_oid == *oid && relation->relkind == kRelkindTable)
      requalify_serial_defaults(*relation, stmt.name, context);
  }
}

}  // namespace chalkdb
