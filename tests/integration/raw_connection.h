// RawConnection: a client that speaks the wire protocol byte by byte, for tests that libpq
// cannot express — malformed packets, exact message sequences, ReadyForQuery status bytes,
// clients that vanish mid-result.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chalkdb::testing {

struct BackendMessage {
  char type = 0;
  std::string body;

  // A field of an ErrorResponse or NoticeResponse ('C' SQLSTATE, 'M' message, ...).
  std::optional<std::string> field(char code) const;
};

// Splits complete backend messages; a trailing partial message is ignored.
std::vector<BackendMessage> parse_backend_messages(std::string_view bytes);

// A StartupMessage packet for protocol 3.0 with these parameters.
std::string startup_packet(const std::vector<std::pair<std::string, std::string>>& parameters = {
                               {"user", "postgres"}, {"database", "postgres"}});

// A typed frontend message: type byte, length, body.
std::string frontend_message(char type, std::string_view body);

class RawConnection {
 public:
  static constexpr std::chrono::seconds kTimeout{20};

  explicit RawConnection(uint16_t port);  // TCP to 127.0.0.1
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  void send(std::string_view bytes);
  void shutdown_write();
  void close();

  // Everything the server sends until it closes the connection; nullopt if it is still open
  // after `timeout`.
  std::optional<std::string> read_until_closed(std::chrono::milliseconds timeout = kTimeout);

  // The next `count` bytes; throws if they do not arrive within kTimeout.
  std::string read_exactly(size_t count);

  // Messages up to and including the next ReadyForQuery; throws if the connection closes or
  // nothing more arrives within kTimeout.
  std::vector<BackendMessage> read_until_ready();

  // Startup with user postgres through ReadyForQuery.
  std::vector<BackendMessage> start_session();
  // A simple Query and its answer through ReadyForQuery.
  std::vector<BackendMessage> query(std::string_view sql);

 private:
  // Appends what arrives within `timeout`; false when the server closed the connection.
  bool receive(std::chrono::milliseconds timeout);

  int fd_ = -1;
  std::string received_;
};

}  // namespace chalkdb::testing
