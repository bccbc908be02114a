// TestServer: runs the real `chalkdb` binary (CHALKDB_BINARY) for end-to-end tests — on a free
// TCP port, with a fresh temporary data directory and socket directory — and stops it with
// SIGTERM (a clean shutdown) or SIGKILL (a crash). It can be started again on the same data
// directory to test persistence and recovery. The server's log is kept for failure messages.
#pragma once

#include <gtest/gtest.h>
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace chalkdb::testing {

class TestServer {
 public:
  struct Options {
    size_t max_connections = 100;
    std::vector<std::string> extra_arguments;
  };

  TestServer() : TestServer(Options{}) {}
  explicit TestServer(Options options);
  ~TestServer();  // stops the server if running and deletes the temporary directories
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  // Starts the server and waits until it accepts connections; throws std::runtime_error with
  // the server log if it exits or does not come up in time.
  void start();
  // SIGTERM and wait; returns the exit status (0 for a clean shutdown).
  int stop();
  // SIGKILL and wait, as in a crash.
  void kill();
  bool running() const { return pid_ > 0; }
  // True while the process has not exited on its own (e.g. crashed).
  bool alive();

  uint16_t port() const { return port_; }
  const std::filesystem::path& data_directory() const { return data_directory_; }
  const std::filesystem::path& socket_directory() const { return socket_directory_; }
  std::filesystem::path socket_path() const;

  // A libpq connection string for TCP ("host=127.0.0.1 port=... user=postgres dbname=postgres")
  // followed by `extra` (e.g. "application_name=x").
  std::string connection_string(const std::string& extra = "") const;
  // The same over the Unix-domain socket.
  std::string unix_connection_string(const std::string& extra = "") const;

  // Everything the server wrote to stdout and stderr so far.
  std::string log() const;

 private:
  bool accepts_connections() const;
  int wait_for_exit();

  Options options_;
  std::filesystem::path root_;
  std::filesystem::path data_directory_;
  std::filesystem::path socket_directory_;
  std::filesystem::path log_path_;
  uint16_t port_ = 0;
  pid_t pid_ = -1;
};

// A TCP port nobody listens on right now.
uint16_t free_tcp_port();

// Fixture for a test suite that shares one server, started before its first test and
// stopped (cleanly, exit status 0 expected) after its last.
class SharedServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();
  void SetUp() override;

  static TestServer& server() { return *server_; }

 private:
  static std::unique_ptr<TestServer> server_;
  static std::string start_error_;
};

}  // namespace chalkdb::testing
