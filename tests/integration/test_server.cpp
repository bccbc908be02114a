#include "tests/integration/test_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace chalkdb::testing {

namespace {

using namespace std::chrono_literals;

constexpr auto kStartTimeout = 60s;
constexpr auto kStopTimeout = 60s;

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

sockaddr_in loopback(uint16_t port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

std::filesystem::path make_temporary_root() {
  std::string pattern = (std::filesystem::temp_directory_path() / "chalkdb-it-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

// Starts the server with stdout and stderr appended to `log_path`. The child is killed if the
// test process dies, so a crashed test leaves no server behind.
pid_t spawn(const std::vector<char*>& argv, const std::filesystem::path& log_path) {
  pid_t parent = ::getpid();
  pid_t child = ::fork();
  if (child != 0) return child;
  // In the child only async-signal-safe calls until exec.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(127);
  int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (log < 0) ::_exit(127);
  ::dup2(log, STDOUT_FILENO);
  ::dup2(log, STDERR_FILENO);
  ::execv(argv[0], argv.data());
  ::_exit(127);
}

}  // namespace

uint16_t free_tcp_port() {
  FileDescriptor socket(::socket(AF_INET, SOCK_STREAM, 0));
  sockaddr_in address = loopback(0);
  if (::bind(socket.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    throw std::runtime_error("could not bind a probe socket");
  }
  socklen_t length = sizeof address;
  ::getsockname(socket.get(), reinterpret_cast<sockaddr*>(&address), &length);
  return ntohs(address.sin_port);
}

TestServer::TestServer(Options options)
    : options_(std::move(options)),
      root_(make_temporary_root()),
      data_directory_(root_ / "data"),
      socket_directory_(root_),
      log_path_(root_ / "server.log"),
      port_(free_tcp_port()) {}

TestServer::~TestServer() {
  if (running()) kill();
  std::error_code ignored;
  std::filesystem::remove_all(root_, ignored);
}

void TestServer::start() {
  if (running()) throw std::runtime_error("server already running");
  std::vector<std::string> arguments = {
      CHALKDB_BINARY,
      "--port",
      std::to_string(port_),
      "--listen",
      "127.0.0.1",
      "--data",
      data_directory_.string(),
      "--socket-dir",
      socket_directory_.string(),
      "--max-connections",
      std::to_string(options_.max_connections),
  };
  arguments.insert(arguments.end(), options_.extra_arguments.begin(),
                   options_.extra_arguments.end());
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);

  pid_ = spawn(argv, log_path_);
  if (pid_ < 0) throw std::runtime_error(std::string("could not start ") + CHALKDB_BINARY);

  auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (!accepts_connections()) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("chalkdb exited during start-up:\n" + log());
    }
    if (std::chrono::steady_clock::now() > deadline) {
      kill();
      throw std::runtime_error("chalkdb did not accept connections in time:\n" + log());
    }
    std::this_thread::sleep_for(20ms);
  }
}

bool TestServer::alive() {
  if (!running()) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) != pid_) return true;
  pid_ = -1;
  return false;
}

int TestServer::stop() {
  if (!running()) return 0;
  ::kill(pid_, SIGTERM);
  return wait_for_exit();
}

void TestServer::kill() {
  if (!running()) return;
  ::kill(pid_, SIGKILL);
  wait_for_exit();
}

int TestServer::wait_for_exit() {
  auto deadline = std::chrono::steady_clock::now() + kStopTimeout;
  int status = 0;
  while (::waitpid(pid_, &status, WNOHANG) != pid_) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(10ms);
  }
  pid_ = -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

// Both sockets must be there: the Unix socket is bound after the TCP one.
bool TestServer::accepts_connections() const {
  if (!std::filesystem::exists(socket_path())) return false;
  FileDescriptor socket(::socket(AF_INET, SOCK_STREAM, 0));
  sockaddr_in address = loopback(port_);
  return ::connect(socket.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
}

std::filesystem::path TestServer::socket_path() const {
  return socket_directory_ / (".s.PGSQL." + std::to_string(port_));
}

std::string TestServer::connection_string(const std::string& extra) const {
  return "host=127.0.0.1 port=" + std::to_string(port_) + " user=postgres dbname=postgres " + extra;
}

std::string TestServer::unix_connection_string(const std::string& extra) const {
  return "host=" + socket_directory_.string() + " port=" + std::to_string(port_) +
         " user=postgres dbname=postgres " + extra;
}

std::string TestServer::log() const {
  std::ifstream file(log_path_);
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

std::unique_ptr<TestServer> SharedServerTest::server_;
std::string SharedServerTest::start_error_;

void SharedServerTest::SetUpTestSuite() {
  server_ = std::make_unique<TestServer>();
  start_error_.clear();
  try {
    server_->start();
  } catch (const std::exception& error) {
    start_error_ = error.what();
  }
}

void SharedServerTest::TearDownTestSuite() {
  if (server_ && server_->running()) {
    int status = server_->stop();
    EXPECT_EQ(status, 0) << "unclean shutdown; server log:\n" << server_->log();
  }
  server_.reset();
}

void SharedServerTest::SetUp() {
  ASSERT_TRUE(start_error_.empty()) << start_error_;
  ASSERT_TRUE(server_->alive()) << "the server has exited; its log:\n" << server_->log();
}

}  // namespace chalkdb::testing
