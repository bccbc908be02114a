#include "server/backend/extended_query.h"

#include <fmt/format.h>

#include "server/backend/protocol_result_sink.h"
#include "server/protocol/extended_messages.h"
#include "sql/error/sql_error.h"
#include "sql/parser/utf8_validation.h"
#include "sql/types/binary_io.h"
#include "sql/types/type_registry.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

DataType declared_type(uint32_t oid) {
  if (oid == 0) return DataType{TypeId::Unknown};
  auto id = static_cast<TypeId>(oid);
  if (id != TypeId::Unknown && type_info(id).id == TypeId::Unknown) {
    throw SqlError(sqlstate::kUndefinedObject, fmt::format("type with OID {} does not exist", oid));
  }
  return DataType{id};
}

std::string quoted_name(const std::string& name) { return fmt::format("\"{}\"", name); }

}  // namespace

void ExtendedQuery::parse(const FrontendMessage& message) {
  ParseMessage parse = decode_parse(message.body);
  std::vector<DataType> types;
  for (uint32_t oid : parse.parameter_types) types.push_back(declared_type(oid));
  if (parse.statement.empty()) {
    unnamed_statement_.reset();
    unnamed_statement_ = session_.prepare(parse.query, std::move(types));
  } else {
    if (session_.prepared_statements().contains(parse.statement)) {
      throw SqlError(SqlState{"42P05"},
                     fmt::format("prepared statement {} already exists", quoted_name(parse.statement)));
    }
    auto prepared = session_.prepare(parse.query, std::move(types));
    session_.prepared_statements()[parse.statement] = std::move(prepared);
  }
  stream_.out().parse_complete();
}

std::shared_ptr<const PreparedStatement> ExtendedQuery::lookup_statement(const std::string& name) const {
  if (name.empty()) return unnamed_statement_;
  auto& statements = session_.prepared_statements();
  auto found = statements.find(name);
  return found == statements.end() ? nullptr : found->second;
}

std::shared_ptr<const PreparedStatement> ExtendedQuery::find_statement(const std::string& name) const {
  if (auto statement = lookup_statement(name)) return statement;
  if (name.empty()) throw SqlError(sqlstate::kInvalidSqlStatementName, "unnamed prepared statement does not exist");
  throw SqlError(sqlstate::kInvalidSqlStatementName,
                 fmt::format("prepared statement {} does not exist", quoted_name(name)));
}

ExtendedQuery::BoundPortal& ExtendedQuery::find_portal(const std::string& name) {
  auto found = portals_.find(name);
  if (found == portals_.end() || found->second.generation != session_.transaction_generation()) {
    throw SqlError(sqlstate::kInvalidCursorName, fmt::format("portal {} does not exist", quoted_name(name)));
  }
  return found->second;
}

std::vector<Value> ExtendedQuery::parameter_values(const BindMessage& bind,
                                                   const PreparedStatement& statement) const {
  std::vector<Value> values;
  for (size_t i = 0; i < bind.parameters.size(); ++i) {
    DataType type = statement.parameter_types[i];
    if (type.id == TypeId::Unknown) type = DataType{TypeId::Text};
    const std::optional<std::string>& bytes = bind.parameters[i];
    if (!bytes) {
      values.push_back(Value::null(type.id));
    } else if (bind.parameter_format(i) == 1) {
      values.push_back(parse_binary_value(*bytes, type, static_cast<int>(i + 1)));
    } else {
      check_utf8(*bytes);
      values.push_back(parse_value(*bytes, type));
    }
  }
  return values;
}

void ExtendedQuery::bind(const FrontendMessage& message) {
  BindMessage bind = decode_bind(message.body);
  std::shared_ptr<const PreparedStatement> statement = find_statement(bind.statement);
  if (bind.parameters.size() != statement->parameter_types.size()) {
    throw SqlError(sqlstate::kProtocolViolation,
                   fmt::format("bind message supplies {} parameters, but prepared statement \"{}\" requires {}",
                               bind.parameters.size(), bind.statement, statement->parameter_types.size()));
  }
  if (bind.portal.empty()) {
    portals_.erase("");
  } else if (auto existing = portals_.find(bind.portal); existing != portals_.end()) {
    if (existing->second.generation == session_.transaction_generation()) {
      throw SqlError(SqlState{"42P03"}, fmt::format("cursor {} already exists", quoted_name(bind.portal)));
    }
    portals_.erase(existing);
  }
  std::vector<Value> values = parameter_values(bind, *statement);
  BoundPortal bound;
  bound.portal = session_.bind(statement, std::move(values));
  bound.result_formats = bind.result_formats_for(bound.portal->columns().size());
  bound.generation = session_.transaction_generation();
  portals_[bind.portal] = std::move(bound);
  stream_.out().bind_complete();
}

void ExtendedQuery::describe(const FrontendMessage& message) {
  TargetMessage target = decode_describe(message.body);
  BackendMessageWriter& out = stream_.out();
  if (target.kind == 'S') {
    std::shared_ptr<const PreparedStatement> statement = find_statement(target.name);
    out.parameter_description(statement->parameter_types);
    if (statement->columns.empty()) out.no_data();
    else out.row_description(statement->columns);
    return;
  }
  BoundPortal& bound = find_portal(target.name);
  if (bound.portal->columns().empty()) out.no_data();
  else out.row_description(bound.portal->columns(), bound.result_formats);
}

void ExtendedQuery::execute(const FrontendMessage& message) {
  ExecuteMessage execute = decode_execute(message.body);
  BoundPortal& bound = find_portal(execute.portal);
  ProtocolResultSink sink(stream_);
  sink.set_result_formats(bound.result_formats);
  uint64_t max_rows = execute.max_rows > 0 ? static_cast<uint64_t>(execute.max_rows) : 0;
  if (session_.execute_portal(*bound.portal, max_rows, sink)) stream_.out().portal_suspended();
}

void ExtendedQuery::close(const FrontendMessage& message) {
  TargetMessage target = decode_close(message.body);
  if (target.kind == 'P') portals_.erase(target.name);
  else if (target.name.empty()) unnamed_statement_.reset();
  else session_.prepared_statements().erase(target.name);
  stream_.out().close_complete();
}

void ExtendedQuery::end_of_batch() {
  uint64_t generation = session_.transaction_generation();
  std::erase_if(portals_, [&](const auto& entry) { return entry.second.generation != generation; });
}

std::string ExtendedQuery::statement_text(const FrontendMessage& message) const {
  try {
    switch (message.type) {
      case 'P': return decode_parse(message.body).query;
      case 'B': {
        auto statement = lookup_statement(decode_bind(message.body).statement);
        return statement ? statement->text : std::string();
      }
      case 'E': {
        auto found = portals_.find(decode_execute(message.body).portal);
        return found == portals_.end() ? std::string() : found->second.portal->statement().text;
      }
      default: return {};
    }
  } catch (const SqlError&) {
    return {};
  }
}

}  // namespace chalkdb
