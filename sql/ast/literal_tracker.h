// LiteralTracker: which Literal nodes were made on this thread while it was active, each with
// the location it was made at (its token's: folding a minus sign into a number moves the
// node's `location` to the '-' but not the tracked one).
//
// The parse of a query runs under a tracker so that QueryTemplateCache can find the nodes that
// carry the query's literals and later give them another query's values; a node destroyed
// before the parse ends (a builder's temporary) leaves the tracker again, so what remains
// is exactly the literals of the finished tree.
#pragma once

#include <utility>
#include <vector>

#include "sql/ast/ast.h"

namespace chalkdb::ast {

class LiteralTracker {
 public:
  using Made = std::pair<Literal*, int>;  // the node, the location it was made at

  LiteralTracker();  // active on this thread until destroyed
  ~LiteralTracker();
  LiteralTracker(const LiteralTracker&) = delete;
  LiteralTracker& operator=(const LiteralTracker&) = delete;

  const std::vector<Made>& literals() const { return literals_; }

  // Called by Literal's constructor and destructor.
  static void made(Literal& literal);
  static void destroyed(Literal& literal);

 private:
  std::vector<Made> literals_;
  LiteralTracker* outer_;
};

}  // namespace chalkdb::ast
