// QueryTemplateCache: one session's parsed queries, kept under their text with the literals
// masked (LiteralScanner), so that a query differing from an earlier one only in its constants
// — `SELECT v FROM t WHERE id = 42`, then `... id = 7` — is not parsed again. The earlier tree
// is given the new constants, in exactly the Literal nodes a parse would have made; binding
// and planning then run as for any query, so plans still see the actual values (as
// PostgreSQL's custom plans do). Only the grammar's work is saved, which for short queries is
// most of a simple-protocol round trip.
//
// A parse becomes a template only when every literal token of it is held by exactly one
// Literal node whose value can be made again from the token's text (checked against the
// parse itself). Literal tokens that no node holds (a type modifier such as numeric(10,2))
// must be written the same for a later query to use the template. Only queries made of
// SELECT, INSERT, UPDATE, DELETE and transaction control are kept: other statements keep
// parts of their tree beyond their own run (views, prepared statements).
//
// Locations in a template's tree stay those of the text it was parsed from; query_location()
// maps them into the query last returned, for error positions. A template's tree is changed
// in place, so the cache belongs to one session, and what parse() returns is valid until its
// next call.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sql/ast/ast.h"
#include "sql/parser/literal_scanner.h"

namespace chalkdb {

class QueryTemplateCache {
 public:
  static constexpr size_t kMaxQueryBytes = 8192;
  static constexpr size_t kMaxEntries = 256;

  QueryTemplateCache();
  ~QueryTemplateCache();
  QueryTemplateCache(const QueryTemplateCache&) = delete;
  QueryTemplateCache& operator=(const QueryTemplateCache&) = delete;

  // parse_sql(query)'s statements: a template's with this query's constants, or parsed now.
  const std::vector<ast::StmtPtr>& parse(std::string_view query);

  // A 0-based location in the statements last returned, as a location in their query.
  int query_location(int location) const;

  size_t size() const { return templates_.size(); }

 private:
  struct Template;

  const std::vector<ast::StmtPtr>& parse_uncached(std::string_view query);
  const std::vector<ast::StmtPtr>& parse_as_template(std::string_view query, ScannedQuery scanned);
  bool fill(Template& entry, std::string_view query, const ScannedQuery& scanned);

  std::unordered_map<std::string, std::unique_ptr<Template>> templates_;
  std::vector<ast::StmtPtr> uncached_;
  // For query_location: the template last used, and the literals of the query it was used for.
  const Template* current_ = nullptr;
  std::vector<ScannedLiteral> current_literals_;
};

}  // namespace chalkdb
