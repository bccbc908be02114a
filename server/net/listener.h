// Listener: the server's listening sockets — TCP on each address of --listen (PostgreSQL's
// listen_addresses: a comma-separated list, '*' for all, empty for none) and the Unix-domain
// socket <socket-dir>/.s.PGSQL.<port> that `psql -h /tmp` looks for.
//
// PostgreSQL guards the socket file with a lock file; ChalkDB instead probes a leftover socket
// file: if a server answers on it the port is in use, otherwise the stale file is replaced.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "server/net/client_socket.h"

namespace chalkdb {

class Listener {
 public:
  using Accepted = std::function<void(ClientSocket, ClientAddress)>;

  Listener(boost::asio::io_context& io, Accepted on_accepted);
  ~Listener();
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  // Each throws std::runtime_error worded like PostgreSQL's start-up failures.
  void listen_tcp(const std::string& address_list, uint16_t port);
  void listen_unix(const std::filesystem::path& directory, uint16_t port);

  // Stops accepting and removes the socket file.
  void close();

  // One line per socket, e.g. `listening on IPv4 address "127.0.0.1", port 5433`.
  const std::vector<std::string>& descriptions() const { return descriptions_; }

 private:
  using TcpAcceptor = boost::asio::ip::tcp::acceptor;
  using UnixAcceptor = boost::asio::local::stream_protocol::acceptor;

  void listen_tcp_address(const std::string& address, uint16_t port);
  std::string bind_tcp(const boost::asio::ip::tcp::endpoint& endpoint);
  void remove_stale_socket_file(uint16_t port) const;
  void retry_after_accept_failure(const boost::system::error_code& error,
                                  std::function<void()> accept_again);
  void accept_tcp(TcpAcceptor& acceptor);
  void accept_unix();

  boost::asio::io_context& io_;
  Accepted on_accepted_;
  std::vector<std::unique_ptr<TcpAcceptor>> tcp_acceptors_;
  std::unique_ptr<UnixAcceptor> unix_acceptor_;
  std::filesystem::path socket_path_;
  std::vector<std::string> descriptions_;
};

}  // namespace chalkdb
