#include "server/net/listener.h"

#include <fmt/format.h>

#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/steady_timer.hpp>
#include <stdexcept>

#include "server/logging/server_log.h"

namespace chalkdb {

namespace {

using boost::asio::ip::tcp;
using UnixProtocol = boost::asio::local::stream_protocol;

std::vector<std::string> split_addresses(const std::string& list) {
  std::vector<std::string> addresses;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    std::string address = list.substr(start, comma - start);
    address.erase(0, address.find_first_not_of(" \t"));
    address.erase(address.find_last_not_of(" \t") + 1);
    if (!address.empty()) addresses.push_back(address);
    start = comma + 1;
  }
  return addresses;
}

std::string family_name(const tcp::endpoint& endpoint) {
  return endpoint.address().is_v4() ? "IPv4" : "IPv6";
}

constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

std::string port_in_use_hint(uint16_t port) {
  return fmt::format(
      "Is another server already running on port {}? If not, wait a few seconds "
      "and retry.",
      port);
}

}  // namespace

Listener::Listener(boost::asio::io_context& io, Accepted on_accepted)
    : io_(io), on_accepted_(std::move(on_accepted)) {}

Listener::~Listener() { close(); }

void Listener::listen_tcp(const std::string& address_list, uint16_t port) {
  for (const std::string& address : split_addresses(address_list)) {
    if (address == "*") {
      listen_tcp_address("0.0.0.0", port);
      // IPv6 may be unavailable; like PostgreSQL, '*' is satisfied by any family.
      try {
        listen_tcp_address("::", port);
      } catch (const std::runtime_error& error) {
        server_log(server_process_id(), LogSeverity::Warning, error.what());
      }
    } else {
      listen_tcp_address(address, port);
    }
  }
}

// A host name may resolve to several addresses; it counts as listened on if any bind works.
void Listener::listen_tcp_address(const std::string& address, uint16_t port) {
  tcp::resolver resolver(io_);
  boost::system::error_code error;
  auto results = resolver.resolve(address, std::to_string(port),
                                  tcp::resolver::numeric_service | tcp::resolver::passive, error);
  if (error) {
    throw std::runtime_error(
        fmt::format("could not translate host name \"{}\", service \"{}\" to "
                    "address: {}",
                    address, port, error.message()));
  }
  std::string first_failure;
  size_t bound = 0;
  for (const auto& result : results) {
    std::string failure = bind_tcp(result.endpoint());
    if (failure.empty()) {
      ++bound;
    } else if (first_failure.empty()) {
      first_failure = failure;
    }
  }
  if (bound == 0) {
    throw std::runtime_error(fmt::format("{}\nHINT:  {}", first_failure, port_in_use_hint(port)));
  }
}

std::string Listener::bind_tcp(const tcp::endpoint& endpoint) {
  auto acceptor = std::make_unique<TcpAcceptor>(io_);
  boost::system::error_code error;
  acceptor->open(endpoint.protocol(), error);
  if (!error) acceptor->set_option(tcp::acceptor::reuse_address(true), error);
  if (!error && endpoint.address().is_v6())
    acceptor->set_option(boost::asio::ip::v6_only(true), error);
  if (!error) acceptor->bind(endpoint, error);
  if (!error) acceptor->listen(boost::asio::socket_base::max_listen_connections, error);
  if (error) {
    return fmt::format("could not bind {} address \"{}\": {}", family_name(endpoint),
                       endpoint.address().to_string(), error.message());
  }
  descriptions_.push_back(fmt::format("listening on {} address \"{}\", port {}",
                                      family_name(endpoint), endpoint.address().to_string(),
                                      endpoint.port()));
  accept_tcp(*acceptor);
  tcp_acceptors_.push_back(std::move(acceptor));
  return {};
}

void Listener::listen_unix(const std::filesystem::path& directory, uint16_t port) {
  std::filesystem::path path = directory / (".s.PGSQL." + std::to_string(port));
  socket_path_ = path;
  remove_stale_socket_file(port);
  auto acceptor = std::make_unique<UnixAcceptor>(io_);
  boost::system::error_code error;
  acceptor->open(UnixProtocol(), error);
  if (!error) acceptor->bind(UnixProtocol::endpoint(path.string()), error);
  if (!error) acceptor->listen(boost::asio::socket_base::max_listen_connections, error);
  if (error) {
    socket_path_.clear();
    throw std::runtime_error(
        fmt::format("could not bind Unix address \"{}\": {}", path.string(), error.message()));
  }
  // Any local user may connect, as with PostgreSQL's default unix_socket_permissions 0777.
  std::error_code not_changed;  // a socket that cannot be opened up still serves its owner
  std::filesystem::permissions(path, std::filesystem::perms::all, not_changed);
  descriptions_.push_back(fmt::format("listening on Unix socket \"{}\"", path.string()));
  unix_acceptor_ = std::move(acceptor);
  accept_unix();
}

void Listener::remove_stale_socket_file(uint16_t port) const {
  std::error_code missing;
  if (!std::filesystem::exists(socket_path_, missing)) return;
  UnixProtocol::socket probe(io_);
  boost::system::error_code refused;
  probe.connect(UnixProtocol::endpoint(socket_path_.string()), refused);
  if (!refused) {
    throw std::runtime_error(
        fmt::format("could not bind Unix address \"{}\": Address already in "
                    "use\nHINT:  {}",
                    socket_path_.string(), port_in_use_hint(port)));
  }
  std::filesystem::remove(socket_path_, missing);
}

void Listener::accept_tcp(TcpAcceptor& acceptor) {
  acceptor.async_accept(
      [this, &acceptor](const boost::system::error_code& error, tcp::socket socket) {
        if (error == boost::asio::error::operation_aborted) return;
        if (error)
          return retry_after_accept_failure(error, [this, &acceptor] { accept_tcp(acceptor); });
        {
          boost::system::error_code ignored;
          socket.set_option(tcp::no_delay(true), ignored);
          socket.set_option(boost::asio::socket_base::keep_alive(true), ignored);
          ClientAddress address;
          tcp::endpoint peer = socket.remote_endpoint(ignored);
          address.host = peer.address().to_string();
          address.port = peer.port();
          on_accepted_(ClientSocket(std::move(socket)), std::move(address));
        }
        accept_tcp(acceptor);
      });
}

void Listener::accept_unix() {
  unix_acceptor_->async_accept(
      [this](const boost::system::error_code& error, UnixProtocol::socket socket) {
        if (error == boost::asio::error::operation_aborted) return;
        if (error) return retry_after_accept_failure(error, [this] { accept_unix(); });
        on_accepted_(ClientSocket(std::move(socket)), ClientAddress{});
        accept_unix();
      });
}

// Failures such as running out of file descriptors last a while; retrying at once would spin.
void Listener::retry_after_accept_failure(const boost::system::error_code& error,
                                          std::function<void()> accept_again) {
  server_log(server_process_id(), LogSeverity::Log,
             "could not accept new connection: " + error.message());
  auto timer = std::make_shared<boost::asio::steady_timer>(io_, kAcceptRetryDelay);
  timer->async_wait(
      [timer, accept_again = std::move(accept_again)](const boost::system::error_code& cancelled) {
        if (!cancelled) accept_again();
      });
}

void Listener::close() {
  boost::system::error_code ignored;
  for (auto& acceptor : tcp_acceptors_) acceptor->close(ignored);
  if (unix_acceptor_) unix_acceptor_->close(ignored);
  if (!socket_path_.empty()) {
    std::error_code missing;
    std::filesystem::remove(socket_path_, missing);
    socket_path_.clear();
  }
}

}  // namespace chalkdb
