#include "sql/parser/grammar_error_report.h"

#include "ChalkSqlParser.h"
#include "sql/parser/parse_tree.h"
#include "sql/parser/syntax_error.h"

namespace chalkdb {

namespace {

using P = ChalkSqlParser;

// Whether a parenthesized query is a bare VALUES list (possibly with ORDER BY/LIMIT or more
// parentheses), which PostgreSQL names in the message.
bool is_values_query(P::SelectWithParensContext* query) {
  P::SelectClauseContext* clause = query->selectStmt()->selectClause();
  if (clause->selectIntersect().size() != 1) return false;
  P::SelectIntersectContext* intersect = clause->selectIntersect(0);
  if (intersect->selectPrimary().size() != 1) return false;
  P::SelectPrimaryContext* primary = intersect->selectPrimary(0);
  if (primary->valuesClause()) return true;
  return primary->selectWithParens() && is_values_query(primary->selectWithParens());
}

}  // namespace

SqlError report_grammar_error(const GrammarError& error) {
  if (error.kind == GrammarError::Kind::UnexpectedToken) return syntax_error_at(*error.token);
  const bool values = is_values_query(static_cast<P::SelectWithParensContext*>(error.query));
  SqlError report = syntax_error(values ? "VALUES in FROM must have an alias" : "subquery in FROM must have an alias",
                                 location_of(error.token));
  report.with_hint(values ? "For example, FROM (VALUES ...) [AS] foo." : "For example, FROM (SELECT ...) [AS] foo.");
  return report;
}

}  // namespace chalkdb
