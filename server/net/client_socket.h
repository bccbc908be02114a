// ClientSocket: one client connection, TCP or Unix-domain alike (Asio's generic stream
// socket), and ClientInfo, who the client is as PostgreSQL's log lines describe it.
#pragma once

#include <boost/asio/generic/stream_protocol.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace chalkdb {

using ClientSocket = boost::asio::generic::stream_protocol::socket;

struct ClientAddress {
  std::string host = "[local]";
  std::optional<uint16_t> port;  // none for Unix-domain connections

  // "host=127.0.0.1 port=35246" or "host=[local]", as in PostgreSQL's connection log lines.
  std::string describe() const {
    std::string text = "host=" + host;
    if (port) text += " port=" + std::to_string(*port);
    return text;
  }
};

struct ClientInfo {
  int32_t process_id = 0;  // the backend's id in log lines and BackendKeyData
  ClientAddress address;
  std::chrono::steady_clock::time_point connected_at = std::chrono::steady_clock::now();
};

}  // namespace chalkdb
