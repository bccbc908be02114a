#include "server/backend/client_stream.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/write.hpp>

#include "server/protocol/communication_error.h"

namespace chalkdb {

ClientStream::ClientStream(ClientSocket socket, MessageFramer framer)
    : socket_(detach_from_server_io(io_, std::move(socket))), framer_(std::move(framer)) {}

// Blocking mode, set explicitly because the asynchronous start-up left the descriptor
// non-blocking: a read then waits in recv(2) itself instead of in an extra poll(2).
ClientSocket ClientStream::detach_from_server_io(boost::asio::io_context& io, ClientSocket socket) {
  ClientSocket::protocol_type protocol = socket.local_endpoint().protocol();
  ClientSocket own(io, protocol, socket.release());
  own.non_blocking(false);
  return own;
}

std::optional<FrontendMessage> ClientStream::read_message() {
  while (true) {
    if (std::optional<FrontendMessage> message = framer_.next_message()) return message;
    flush();
    if (!receive_more()) {
      if (std::optional<std::string> problem = framer_.message_truncation()) {
        throw CommunicationError(*problem);
      }
      return std::nullopt;
    }
  }
}

bool ClientStream::receive_more() {
  boost::system::error_code error;
  size_t received = socket_.read_some(boost::asio::buffer(read_buffer_), error);
  if (error == boost::asio::error::eof) return false;
  if (error) throw CommunicationError("could not receive data from client: " + error.message());
  framer_.append(std::string_view(read_buffer_.data(), received));
  return true;
}

void ClientStream::flush() {
  if (out_.empty()) return;
  if (lost_) {
    out_.clear();
    throw CommunicationError("connection to client lost");
  }
  boost::system::error_code error;
  boost::asio::write(socket_, boost::asio::buffer(out_.buffer()), error);
  out_.clear();
  if (error) {
    lost_ = true;
    throw CommunicationError("could not send data to client: " + error.message());
  }
}

}  // namespace chalkdb
