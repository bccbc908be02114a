// CommunicationError: a broken conversation with one client (bad length word, EOF inside a
// message, a failed socket write).
//
// It mirrors PostgreSQL's COMMERROR level: the problem is logged on the server and the
// connection is closed without sending an ErrorResponse, because the message boundaries can no
// longer be trusted (e.g. a 2 GB length prefix gets no reply from PostgreSQL either).
#pragma once

#include <stdexcept>
#include <string>

namespace chalkdb {

class CommunicationError : public std::runtime_error {
 public:
  explicit CommunicationError(const std::string& log_message) : std::runtime_error(log_message) {}
};

}  // namespace chalkdb
