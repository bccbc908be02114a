#include "server/protocol/frontend_message.h"

#include "server/protocol/protocol_constants.h"

namespace chalkdb {

std::optional<uint32_t> message_length_limit(char type) {
  switch (type) {
    case 'Q':  // Query
    case 'F':  // FunctionCall
    case 'P':  // Parse
    case 'B':  // Bind
    case 'd':  // CopyData
      return protocol::kLargeMessageLimit;
    case 'X':  // Terminate
    case 'C':  // Close
    case 'D':  // Describe
    case 'E':  // Execute
    case 'H':  // Flush
    case 'S':  // Sync
    case 'c':  // CopyDone
    case 'f':  // CopyFail
      return protocol::kSmallMessageLimit;
    default:
      return std::nullopt;
  }
}

}  // namespace chalkdb
