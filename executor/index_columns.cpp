#include "executor/index_columns.h"

namespace chalkdb {

IndexColumns::IndexColumns(const IndexInfo& index) {
  for (const IndexKeyInfo& key : index.keys) key_slots_.push_back(static_cast<size_t>(key.attnum - 1));
  for (int16_t attnum : index.include) include_slots_.push_back(static_cast<size_t>(attnum - 1));
}

void IndexColumns::pick(const std::vector<size_t>& slots, std::span<const Value> row,
                        std::vector<Value>& out) {
  out.clear();
  out.reserve(slots.size());
  for (size_t slot : slots) out.push_back(row[slot]);
}

}  // namespace chalkdb
