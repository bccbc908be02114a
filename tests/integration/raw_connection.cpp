#include "tests/integration/raw_connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "tests/server/wire_bytes.h"

namespace chalkdb::testing {

namespace {

uint32_t read_uint32(std::string_view bytes, size_t offset) {
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<uint8_t>(bytes[offset + i]);
  return value;
}

}  // namespace

std::optional<std::string> BackendMessage::field(char code) const {
  size_t at = 0;
  while (at < body.size() && body[at] != '\0') {
    size_t end = body.find('\0', at + 1);
    if (end == std::string::npos) break;
    if (body[at] == code) return body.substr(at + 1, end - at - 1);
    at = end + 1;
  }
  return std::nullopt;
}

std::vector<BackendMessage> parse_backend_messages(std::string_view bytes) {
  std::vector<BackendMessage> messages;
  size_t at = 0;
  while (at + 5 <= bytes.size()) {
    uint32_t length = read_uint32(bytes, at + 1);
    if (at + 1 + length > bytes.size()) break;
    messages.push_back({bytes[at], std::string(bytes.substr(at + 5, length - 4))});
    at += 1 + length;
  }
  return messages;
}

std::string startup_packet(const std::vector<std::pair<std::string, std::string>>& parameters) {
  std::string body = wire::int32_be(196608);
  for (const auto& [name, value] : parameters) {
    body += wire::cstr(name) + wire::cstr(value);
  }
  body += '\0';
  return wire::startup_frame(body);
}

std::string frontend_message(char type, std::string_view body) { return wire::frame(type, body); }

RawConnection::RawConnection(uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close();
    throw std::runtime_error("could not connect to port " + std::to_string(port));
  }
}

RawConnection::~RawConnection() { close(); }

void RawConnection::send(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent <= 0) throw std::runtime_error("send failed");
    bytes.remove_prefix(static_cast<size_t>(sent));
  }
}

void RawConnection::shutdown_write() { ::shutdown(fd_, SHUT_WR); }

void RawConnection::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

bool RawConnection::receive(std::chrono::milliseconds timeout) {
  pollfd waiting{fd_, POLLIN, 0};
  if (::poll(&waiting, 1, static_cast<int>(timeout.count())) <= 0) {
    throw std::runtime_error("timed out waiting for the server");
  }
  char buffer[65536];
  ssize_t received = ::recv(fd_, buffer, sizeof buffer, 0);
  if (received <= 0) return false;  // closed (or reset) by the server
  received_.append(buffer, static_cast<size_t>(received));
  return true;
}

std::optional<std::string> RawConnection::read_until_closed(std::chrono::milliseconds timeout) {
  try {
    while (receive(timeout)) {
    }
  } catch (const std::runtime_error&) {
    return std::nullopt;
  }
  return std::exchange(received_, {});
}

std::string RawConnection::read_exactly(size_t count) {
  while (received_.size() < count) {
    if (!receive(kTimeout)) throw std::runtime_error("server closed the connection");
  }
  std::string bytes = received_.substr(0, count);
  received_.erase(0, count);
  return bytes;
}

std::vector<BackendMessage> RawConnection::read_until_ready() {
  while (true) {
    std::vector<BackendMessage> messages = parse_backend_messages(received_);
    size_t consumed = 0;
    for (size_t i = 0; i < messages.size(); ++i) {
      consumed += 5 + messages[i].body.size();
      if (messages[i].type == 'Z') {
        received_.erase(0, consumed);
        messages.resize(i + 1);
        return messages;
      }
    }
    if (!receive(kTimeout)) throw std::runtime_error("server closed the connection");
  }
}

std::vector<BackendMessage> RawConnection::start_session() {
  send(startup_packet());
  return read_until_ready();
}

std::vector<BackendMessage> RawConnection::query(std::string_view sql) {
  send(frontend_message('Q', std::string(sql) + '\0'));
  return read_until_ready();
}

}  // namespace chalkdb::testing
