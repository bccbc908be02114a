#include "sql/parser/statement_cache.h"

#include "sql/parser/parser.h"

namespace chalkdb {

StatementCache& StatementCache::global() {
  static StatementCache cache;
  return cache;
}

std::shared_ptr<const StatementCache::Statements> StatementCache::parse(std::string_view query) {
  if (query.size() > kMaxTextBytes) return std::make_shared<const Statements>(parse_sql(query));
  std::string key(query);
  {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(key);
    if (found != entries_.end()) return found->second;
  }
  // Parsed outside the lock: another session may parse the same text meanwhile, harmlessly.
  auto statements = std::make_shared<const Statements>(parse_sql(query));
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_.emplace(std::move(key), statements);
  return statements;
}

size_t StatementCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace chalkdb
