// StatementCache: parsed statements by their exact text, shared by every session.
//
// Drivers send the same text with every Parse message (pgbench -M extended, libpq's
// PQexecParams, JDBC before its prepare threshold), so the extended protocol parses one text
// over and over; PostgreSQL's grammar is cheap, ANTLR's is not. The cache keeps the syntax
// trees of such texts: a tree depends on nothing but its text and is never changed after it
// is built, so sessions can share it. Binding and planning still happen for each Parse, so
// what a statement means follows the catalog and the session's settings exactly as before.
//
// Only texts of up to kMaxTextBytes are kept, and at most kMaxEntries of them; a full cache
// is emptied and starts again (cheap, and a workload with that many distinct texts gains
// little from any cache). Texts that fail to parse are not cached.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sql/ast/ast.h"

namespace chalkdb {

class StatementCache {
 public:
  using Statements = std::vector<ast::StmtPtr>;

  static constexpr size_t kMaxTextBytes = 8192;
  static constexpr size_t kMaxEntries = 4096;

  static StatementCache& global();

  // parse_sql(query)'s statements, parsed now or by an earlier call with the same text.
  std::shared_ptr<const Statements> parse(std::string_view query);

  size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Statements>> entries_;
};

}  // namespace chalkdb
