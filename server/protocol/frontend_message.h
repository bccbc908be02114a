// FrontendMessage: one typed client message after start-up (type byte and body; the length
// word has been checked and stripped), and the per-type size limits PostgreSQL 15 enforces.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace chalkdb {

struct FrontendMessage {
  char type = 0;
  std::string body;
};

// The largest length word (which counts itself) PostgreSQL accepts for a message of this
// type, or nullopt when the type byte is not a frontend message at all.
std::optional<uint32_t> message_length_limit(char type);

}  // namespace chalkdb
