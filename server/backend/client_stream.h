// ClientStream: a backend thread's blocking conversation with its client after start-up —
// whole frontend messages in, buffered backend messages out.
//
// Output collects in one buffer and goes out when the backend is about to wait for the client
// (so a result set, its CommandComplete and ReadyForQuery share a send) or when it exceeds
// 8 KiB, PostgreSQL's send-buffer size, so large results stream without a syscall per row.
//
// The socket is moved onto an I/O context of the stream's own that nothing runs: left on the
// server's, it would stay registered with the server's epoll set, whose thread would then wake
// (for nothing: the backend reads synchronously) every time the client sends a message.
#pragma once

#include <array>
#include <boost/asio/io_context.hpp>
#include <optional>

#include "server/net/client_socket.h"
#include "server/protocol/backend_message_writer.h"
#include "server/protocol/message_framer.h"

namespace chalkdb {

class ClientStream {
 public:
  static constexpr size_t kSendBufferSize = 8192;

  // `framer` may already hold bytes that arrived with the startup packet.
  ClientStream(ClientSocket socket, MessageFramer framer);

  // The next message, or nullopt if the client closed the connection between messages.
  // Pending output is sent before blocking. Throws CommunicationError when the stream is
  // broken, SqlError (FATAL) for an unknown message type.
  std::optional<FrontendMessage> read_message();

  BackendMessageWriter& out() { return out_; }
  // Throws CommunicationError when the client is gone; later output is then discarded.
  void flush();
  void flush_if_full() {
    if (out_.size() >= kSendBufferSize) flush();
  }
  bool lost() const { return lost_; }

  // For shutdown(2) from another thread, which wakes a read blocked on this socket.
  int native_handle() { return socket_.native_handle(); }

 private:
  bool receive_more();
  static ClientSocket detach_from_server_io(boost::asio::io_context& io, ClientSocket socket);

  boost::asio::io_context io_;  // never run; owns only this socket's (unused) reactor entry
  ClientSocket socket_;
  MessageFramer framer_;
  BackendMessageWriter out_;
  std::array<char, kSendBufferSize> read_buffer_{};
  bool lost_ = false;
};

}  // namespace chalkdb
