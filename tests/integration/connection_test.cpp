// Connection-level behaviour end to end: start-up over TCP and the Unix socket, what psql
// prints, cancel requests, max_connections, start-up FATALs and a clean server shutdown.
// Expected texts were produced by PostgreSQL 15 and its psql.
#include <gtest/gtest.h>
#include <stdio.h>
#include <sys/wait.h>

#include <array>
#include <chrono>
#include <future>
#include <pqxx/pqxx>
#include <thread>

#include "tests/integration/raw_connection.h"
#include "tests/integration/test_server.h"

namespace chalkdb::testing {
namespace {

using namespace std::chrono_literals;

class ConnectionTest : public SharedServerTest {};

struct CommandResult {
  std::string output;
  int exit_status = -1;
};

CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  size_t read = 0;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    result.output.append(buffer.data(), read);
  }
  int status = ::pclose(pipe);
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string psql(const TestServer& server, const std::string& host, const std::string& sql) {
  return "psql -X -h " + host + " -p " + std::to_string(server.port()) + " -U postgres -c '" + sql +
         "'";
}

std::string connection_failure(const std::string& connection_string) {
  try {
    pqxx::connection connection(connection_string);
  } catch (const pqxx::broken_connection& error) {
    return error.what();
  }
  return "connected";
}

TEST_F(ConnectionTest, LibpqxxConnectsOverTcpAndUnixSocket) {
  pqxx::connection tcp(server().connection_string());
  EXPECT_EQ(tcp.server_version(), 150018);  // from ParameterStatus server_version "15.18 (...)"
  EXPECT_EQ(tcp.protocol_version(), 3);
  EXPECT_GT(tcp.backendpid(), 0);

  pqxx::connection local(server().unix_connection_string());
  EXPECT_NE(local.backendpid(), tcp.backendpid());
  pqxx::nontransaction tx(local);
  EXPECT_EQ(tx.exec("select 1")[0][0].as<int>(), 1);
}

TEST_F(ConnectionTest, StartupSendsPostgresParameterStatusesInOrder) {
  RawConnection client(server().port());
  client.send(startup_packet(
      {{"user", "postgres"}, {"database", "postgres"}, {"application_name", "lab"}}));
  std::vector<BackendMessage> messages = client.read_until_ready();
  ASSERT_GE(messages.size(), 16u);
  EXPECT_EQ(messages.front().type, 'R');
  EXPECT_EQ(messages.front().body, std::string(4, '\0'));
  std::vector<std::string> names;
  for (const BackendMessage& message : messages) {
    if (message.type == 'S') names.push_back(message.body.substr(0, message.body.find('\0')));
  }
  std::vector<std::string> expected = {"application_name",
                                       "client_encoding",
                                       "DateStyle",
                                       "default_transaction_read_only",
                                       "in_hot_standby",
                                       "integer_datetimes",
                                       "IntervalStyle",
                                       "is_superuser",
                                       "server_encoding",
                                       "server_version",
                                       "session_authorization",
                                       "standard_conforming_strings",
                                       "TimeZone"};
  EXPECT_EQ(names, expected);
  EXPECT_EQ(messages[1].body, std::string("application_name\0lab\0", 21));
  EXPECT_EQ(messages[messages.size() - 2].type, 'K');
  EXPECT_EQ(messages.back().type, 'Z');
  EXPECT_EQ(messages.back().body, "I");
}

TEST_F(ConnectionTest, PsqlRunsACommandLikeOnPostgres) {
  std::string expected = " ?column? \n----------\n        1\n(1 row)\n\n";
  CommandResult tcp = run_command(psql(server(), "127.0.0.1", "select 1"));
  EXPECT_EQ(tcp.exit_status, 0);
  EXPECT_EQ(tcp.output, expected);
  CommandResult local =
      run_command(psql(server(), server().socket_directory().string(), "select 1"));
  EXPECT_EQ(local.exit_status, 0);
  EXPECT_EQ(local.output, expected);
}

TEST_F(ConnectionTest, PsqlShowsErrorsLikeOnPostgres) {
  CommandResult result = run_command(psql(server(), "127.0.0.1", "select 1/0"));
  EXPECT_EQ(result.exit_status, 1);
  EXPECT_EQ(result.output, "ERROR:  division by zero\n");
}

TEST_F(ConnectionTest, CancelRequestStopsARunningStatement) {
  pqxx::connection connection(server().connection_string());
  auto started = std::chrono::steady_clock::now();
  auto statement = std::async(std::launch::async, [&connection]() -> std::string {
    try {
      pqxx::nontransaction tx(connection);
      tx.exec("select count(*) from generate_series(1, 1000000000) g");  // minutes of work
    } catch (const pqxx::sql_error& error) {
      return error.sqlstate() + " " + error.what();
    }
    return "finished";
  });
  std::this_thread::sleep_for(500ms);
  connection.cancel_query();
  EXPECT_EQ(statement.get(), "57014 ERROR:  canceling statement due to user request\n");
  EXPECT_LT(std::chrono::steady_clock::now() - started, 15s);
  pqxx::nontransaction tx(connection);
  EXPECT_EQ(tx.exec("select 2")[0][0].as<int>(), 2);
}

TEST_F(ConnectionTest, CancelRequestWithAWrongKeyIsIgnored) {
  RawConnection canceller(server().port());
  canceller.send(std::string("\0\0\0\x10\x04\xd2\x16\x2e", 8) + std::string(8, '\x01'));
  EXPECT_EQ(canceller.read_until_closed(), "");  // closed without a reply, as PostgreSQL does
}

TEST_F(ConnectionTest, NonexistentDatabaseIsFatal3D000) {
  std::string failure = connection_failure(
      "host=127.0.0.1 port=" + std::to_string(server().port()) + " user=postgres dbname=nosuch_db");
  EXPECT_NE(failure.find("FATAL:  database \"nosuch_db\" does not exist"), std::string::npos)
      << failure;
}

TEST_F(ConnectionTest, UnknownStartupSettingIsFatal) {
  std::string failure = connection_failure(server().connection_string("options='-c foo=bar'"));
  EXPECT_NE(failure.find("FATAL:  unrecognized configuration parameter \"foo\""), std::string::npos)
      << failure;
}

TEST_F(ConnectionTest, ClientEncodingIsNegotiatedAtStartup) {
  // psql on a terminal with the C locale asks for SQL_ASCII.
  pqxx::connection ascii(server().connection_string("client_encoding=SQL_ASCII"));
  EXPECT_EQ(ascii.get_client_encoding(), "SQL_ASCII");
  pqxx::connection unicode(server().connection_string("client_encoding=unicode"));
  EXPECT_EQ(unicode.get_client_encoding(), "UTF8");
  std::string failure = connection_failure(server().connection_string("client_encoding=foo"));
  EXPECT_NE(failure.find("FATAL:  invalid value for parameter \"client_encoding\": \"foo\""),
            std::string::npos)
      << failure;
}

TEST_F(ConnectionTest, ClientVanishingInsideATransactionRollsItBack) {
  {
    pqxx::connection connection(server().connection_string());
    pqxx::nontransaction tx(connection);
    tx.exec0("create table vanished (id int)");
  }
  {
    RawConnection client(server().port());
    client.start_session();
    client.query("begin");
    client.query("insert into vanished values (1)");
  }  // closed without COMMIT or Terminate
  std::string expected_log = "unexpected EOF on client connection with an open transaction";
  for (int attempt = 0; attempt < 500 && server().log().find(expected_log) == std::string::npos;
       ++attempt) {
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_NE(server().log().find(expected_log), std::string::npos);
  pqxx::connection connection(server().connection_string());
  pqxx::nontransaction tx(connection);
  EXPECT_EQ(tx.exec("select count(*) from vanished")[0][0].as<int>(), 0);
  tx.exec0("insert into vanished values (2)");
  EXPECT_EQ(tx.exec("select count(*) from vanished")[0][0].as<int>(), 1);
}

TEST(ConnectionLimitTest, TooManyClientsIsFatal53300) {
  TestServer server(TestServer::Options{.max_connections = 2, .extra_arguments = {}});
  server.start();
  {
    pqxx::connection first(server.connection_string());
    pqxx::connection second(server.connection_string());
    std::string failure = connection_failure(server.connection_string());
    EXPECT_NE(failure.find("FATAL:  sorry, too many clients already"), std::string::npos)
        << failure;
  }
  // Slots are given back when sessions end (asynchronously, so allow a moment).
  std::string last_failure;
  for (int attempt = 0; attempt < 100; ++attempt) {
    last_failure = connection_failure(server.connection_string());
    if (last_failure == "connected") break;
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(last_failure, "connected");
  EXPECT_EQ(server.stop(), 0);
}

TEST(ShutdownTest, SigtermEndsSessionsAndExitsCleanly) {
  TestServer server;
  server.start();
  pqxx::connection idle(server.connection_string());
  RawConnection in_transaction(server.port());
  in_transaction.start_session();
  in_transaction.query("begin");

  EXPECT_EQ(server.stop(), 0) << server.log();
  std::optional<std::string> goodbye = in_transaction.read_until_closed();
  ASSERT_TRUE(goodbye);
  std::vector<BackendMessage> messages = parse_backend_messages(*goodbye);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].type, 'E');
  EXPECT_EQ(messages[0].field('S'), "FATAL");
  EXPECT_EQ(messages[0].field('C'), "57P01");
  EXPECT_EQ(messages[0].field('M'), "terminating connection due to administrator command");

  pqxx::nontransaction tx(idle);
  EXPECT_THROW(tx.exec("select 1"), pqxx::broken_connection);
  EXPECT_FALSE(std::filesystem::exists(server.socket_path()));
  EXPECT_NE(server.log().find("database system is shut down"), std::string::npos);
}

TEST(ShutdownTest, SigtermStopsARunningStatement) {
  TestServer server;
  server.start();
  RawConnection busy(server.port());
  busy.start_session();
  busy.send(frontend_message(
      'Q', std::string("select count(*) from generate_series(1, 1000000000) g") + '\0'));
  std::this_thread::sleep_for(300ms);
  auto stop_started = std::chrono::steady_clock::now();
  EXPECT_EQ(server.stop(), 0) << server.log();
  EXPECT_LT(std::chrono::steady_clock::now() - stop_started, 30s);
  std::optional<std::string> goodbye = busy.read_until_closed();
  ASSERT_TRUE(goodbye);
  std::vector<BackendMessage> messages = parse_backend_messages(*goodbye);
  ASSERT_FALSE(messages.empty());
  EXPECT_EQ(messages.back().type, 'E');
  EXPECT_EQ(messages.back().field('S'), "FATAL");
  EXPECT_EQ(messages.back().field('C'), "57P01");
}

TEST(ShutdownTest, ServerRestartsOnTheSamePortAndDataDirectory) {
  TestServer server;
  server.start();
  EXPECT_EQ(server.stop(), 0);
  server.start();
  pqxx::connection connection(server.connection_string());
  pqxx::nontransaction tx(connection);
  EXPECT_EQ(tx.exec("select 1")[0][0].as<int>(), 1);
}

TEST(ShutdownTest, StaleSocketFileFromACrashIsReplaced) {
  TestServer server;
  server.start();
  server.kill();
  EXPECT_TRUE(std::filesystem::exists(server.socket_path()));
  server.start();
  pqxx::connection connection(server.unix_connection_string());
  EXPECT_TRUE(connection.is_open());
}

TEST(CommandLineTest, HelpDocumentsTheFlags) {
  CommandResult help = run_command(std::string(CHALKDB_BINARY) + " --help");
  EXPECT_EQ(help.exit_status, 0);
  for (const char* flag : {"--port", "--listen", "--data", "--socket-dir", "--shared-buffers",
                           "--log-level", "--max-connections"}) {
    EXPECT_NE(help.output.find(flag), std::string::npos) << flag;
  }
}

TEST(CommandLineTest, BadFlagsExitWithStatusTwo) {
  CommandResult unknown = run_command(std::string(CHALKDB_BINARY) + " --no-such-flag");
  EXPECT_EQ(unknown.exit_status, 2);
  EXPECT_NE(unknown.output.find("--no-such-flag"), std::string::npos);
  CommandResult bad_size = run_command(std::string(CHALKDB_BINARY) + " --shared-buffers lots");
  EXPECT_EQ(bad_size.exit_status, 2);
  EXPECT_NE(bad_size.output.find("invalid value for parameter \"shared_buffers\": \"lots\""),
            std::string::npos);
}

}  // namespace
}  // namespace chalkdb::testing
