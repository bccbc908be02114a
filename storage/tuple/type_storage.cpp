#include "storage/tuple/type_storage.h"

#include "sql/types/type_registry.h"

namespace chalkdb {

std::optional<TypeStorage> type_storage(TypeId type) {
  const TypeInfo& info = type_info(type);
  bool storable = info.id == type && info.typlen >= -1 &&
                  info.category != type_category::kPseudo &&
                  info.category != type_category::kUnknown;
  if (!storable) return std::nullopt;
  bool by_value = info.typlen == 1 || info.typlen == 2 || info.typlen == 4 || info.typlen == 8;
  return TypeStorage{info.typlen, by_value, info.typalign};
}

}  // namespace chalkdb
