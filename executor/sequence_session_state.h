// SequenceSessionState: what currval() and lastval() remember in one session — the last
// value nextval() (or setval() with is_called) gave per sequence, and which sequence was used
// last. Like PostgreSQL's, it is not transactional and lives as long as the session.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>

#include "storage/common/ids.h"

namespace chalkdb {

struct SequenceSessionState {
  std::unordered_map<Oid, int64_t> current_values;
  std::optional<Oid> last_used;

  void record(Oid sequence, int64_t value) {
    current_values[sequence] = value;
    last_used = sequence;
  }
};

}  // namespace chalkdb
