#include "sql/parser/query_template_cache.h"

#include <algorithm>
#include <span>
#include <utility>

#include "sql/ast/literal_tracker.h"
#include "sql/parser/numeric_literal.h"
#include "sql/parser/parser.h"
#include "sql/parser/string_literal.h"

namespace chalkdb {

namespace {

// What a parse makes of one literal token: the kind and text of its Literal node.
struct LiteralValue {
  ast::LiteralKind kind;
  std::string text;
  bool operator==(const LiteralValue&) const = default;
};

LiteralValue value_of(const ScannedLiteral& literal, std::string_view text, bool negated) {
  if (literal.kind == ScannedLiteral::Kind::String) return {ast::LiteralKind::String, decode_standard_string(text)};
  std::unique_ptr<ast::Literal> made = literal.kind == ScannedLiteral::Kind::Integer
                                           ? make_integer_literal(std::string(text), literal.offset)
                                           : make_numeric_literal(std::string(text), literal.offset);
  if (negated) negate_number_literal(*made, literal.offset);
  return {made->literal_kind, std::move(made->text)};
}

bool kept_kind(ast::StmtKind kind) {
  using K = ast::StmtKind;
  return kind == K::Select || kind == K::Insert || kind == K::Update || kind == K::Delete || kind == K::Transaction;
}

bool same_tokens(const std::vector<ScannedLiteral>& lexed, const std::vector<ScannedLiteral>& scanned) {
  return std::ranges::equal(lexed, scanned, [](const ScannedLiteral& a, const ScannedLiteral& b) {
    return a.kind == b.kind && a.offset == b.offset && a.length == b.length;
  });
}

// `location` in a text whose literals are `from`, in the text that has `to` in their place.
int map_location(int location, std::span<const ScannedLiteral> from, std::span<const ScannedLiteral> to) {
  int shift = 0;
  for (size_t i = 0; i < from.size() && location >= from[i].offset; ++i) {
    const int into = location - from[i].offset;
    if (into < from[i].length) return to[i].offset + std::min(into, to[i].length - 1);
    shift = (to[i].offset + to[i].length) - (from[i].offset + from[i].length);
  }
  return location + shift;
}

}  // namespace

struct QueryTemplateCache::Template {
  // The node holding one literal of the query, or none when later queries must repeat it.
  struct Slot {
    ast::Literal* node = nullptr;
    bool negated = false;  // a minus sign was folded into the node
  };

  bool usable = false;  // false: the key's queries are parsed every time
  std::string text;     // the query the tree was parsed from
  std::vector<ScannedLiteral> literals;  // that query's
  std::vector<Slot> slots;               // one per literal
  std::vector<ast::StmtPtr> statements;
  std::vector<std::pair<int, int>> statement_spans;  // [begin, end) of each statement's text

  bool assign_slots(std::vector<ast::LiteralTracker::Made> made);
  bool record_statement_spans();
};

// Each literal must be held by at most one node, and that node must hold what a parse makes
// of the literal's text (with a minus sign folded in when the node has moved to it).
bool QueryTemplateCache::Template::assign_slots(std::vector<ast::LiteralTracker::Made> made) {
  std::ranges::sort(made, {}, &ast::LiteralTracker::Made::second);
  slots.resize(literals.size());
  for (size_t i = 0; i < literals.size(); ++i) {
    const ScannedLiteral& literal = literals[i];
    auto [first, last] = std::ranges::equal_range(made, literal.offset, {}, &ast::LiteralTracker::Made::second);
    if (last - first > 1) return false;
    if (first == last) continue;
    ast::Literal* node = first->first;
    const bool negated = node->location != literal.offset;
    if (value_of(literal, literal.text(text), negated) != LiteralValue{node->literal_kind, node->text}) return false;
    slots[i] = {node, negated};
  }
  return true;
}

bool QueryTemplateCache::Template::record_statement_spans() {
  for (const ast::StmtPtr& statement : statements) {
    if (!kept_kind(statement->kind)) return false;
    const auto begin = static_cast<size_t>(statement->location);
    if (text.compare(begin, statement->text.size(), statement->text) != 0) return false;
    statement_spans.emplace_back(statement->location, static_cast<int>(begin + statement->text.size()));
  }
  return true;
}

QueryTemplateCache::QueryTemplateCache() = default;
QueryTemplateCache::~QueryTemplateCache() = default;

const std::vector<ast::StmtPtr>& QueryTemplateCache::parse(std::string_view query) {
  current_ = nullptr;
  std::optional<ScannedQuery> scanned;
  if (query.size() <= kMaxQueryBytes) scanned = scan_literals(query);
  if (!scanned) return parse_uncached(query);
  auto found = templates_.find(scanned->key);
  if (found == templates_.end()) return parse_as_template(query, std::move(*scanned));
  Template& entry = *found->second;
  if (!entry.usable || !fill(entry, query, *scanned)) return parse_uncached(query);
  current_ = &entry;
  current_literals_ = std::move(scanned->literals);
  return entry.statements;
}

const std::vector<ast::StmtPtr>& QueryTemplateCache::parse_uncached(std::string_view query) {
  uncached_ = parse_sql(query);
  return uncached_;
}

const std::vector<ast::StmtPtr>& QueryTemplateCache::parse_as_template(std::string_view query, ScannedQuery scanned) {
  auto entry = std::make_unique<Template>();
  std::vector<ScannedLiteral> lexed;
  std::vector<ast::LiteralTracker::Made> made;
  {
    ast::LiteralTracker tracker;
    entry->statements = parse_sql(query, lexed);
    made = tracker.literals();
  }
  entry->text = query;
  entry->literals = scanned.literals;
  entry->usable = same_tokens(lexed, scanned.literals) && entry->assign_slots(std::move(made)) &&
                  entry->record_statement_spans();
  if (templates_.size() >= kMaxEntries) templates_.clear();
  Template& kept = *templates_.emplace(std::move(scanned.key), std::move(entry)).first->second;
  if (!kept.usable) {
    uncached_ = std::move(kept.statements);
    kept.statements.clear();
    return uncached_;
  }
  current_ = &kept;
  current_literals_ = kept.literals;
  return kept.statements;
}

// Gives the template's nodes the query's literals, once the literals no node holds are known
// to be the same.
bool QueryTemplateCache::fill(Template& entry, std::string_view query, const ScannedQuery& scanned) {
  for (size_t i = 0; i < entry.slots.size(); ++i) {
    if (!entry.slots[i].node && scanned.literals[i].text(query) != entry.literals[i].text(entry.text)) return false;
  }
  for (size_t i = 0; i < entry.slots.size(); ++i) {
    const Template::Slot& slot = entry.slots[i];
    if (!slot.node) continue;
    LiteralValue value = value_of(scanned.literals[i], scanned.literals[i].text(query), slot.negated);
    slot.node->literal_kind = value.kind;
    slot.node->text = std::move(value.text);
  }
  for (size_t i = 0; i < entry.statements.size(); ++i) {
    const auto [begin, end] = entry.statement_spans[i];
    const int new_begin = map_location(begin, entry.literals, scanned.literals);
    const int new_end = map_location(end, entry.literals, scanned.literals);
    entry.statements[i]->text = query.substr(new_begin, new_end - new_begin);
  }
  return true;
}

int QueryTemplateCache::query_location(int location) const {
  return current_ ? map_location(location, current_->literals, current_literals_) : location;
}

}  // namespace chalkdb
