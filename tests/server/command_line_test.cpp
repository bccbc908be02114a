#include "server/config/command_line.h"

#include <gtest/gtest.h>

namespace chalkdb {
namespace {

std::variant<ServerConfig, int> parse(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), "chalkdb");
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  return parse_command_line(static_cast<int>(argv.size()), argv.data());
}

TEST(CommandLineTest, Defaults) {
  auto parsed = parse({});
  const auto& config = std::get<ServerConfig>(parsed);
  EXPECT_EQ(config.port, 5433);
  EXPECT_EQ(config.listen_addresses, "127.0.0.1");
  EXPECT_EQ(config.socket_directory, "/tmp");
  EXPECT_EQ(config.database.data_directory, "./chalkdb-data");
  EXPECT_EQ(config.database.shared_buffers_pages, 16384u);
  EXPECT_EQ(config.max_connections, 100u);
  EXPECT_EQ(config.log_level, spdlog::level::info);
}

TEST(CommandLineTest, AllFlags) {
  auto parsed =
      parse({"--port", "55001", "--listen", "*", "--data", "/tmp/d", "--socket-dir", "/run/x",
             "--shared-buffers", "1GB", "--max-connections", "7", "--log-level", "warning"});
  const auto& config = std::get<ServerConfig>(parsed);
  EXPECT_EQ(config.port, 55001);
  EXPECT_EQ(config.listen_addresses, "*");
  EXPECT_EQ(config.database.data_directory, "/tmp/d");
  EXPECT_EQ(config.socket_directory, "/run/x");
  EXPECT_EQ(config.database.shared_buffers_pages, 131072u);
  EXPECT_EQ(config.max_connections, 7u);
  EXPECT_EQ(config.log_level, spdlog::level::warn);
}

// Values PostgreSQL 15 gave for `postgres -c shared_buffers=... -C shared_buffers`.
TEST(CommandLineTest, SharedBuffersInPostgresSyntax) {
  auto pages = [](const std::string& value) {
    auto parsed = parse({"--shared-buffers", value});
    return std::get<ServerConfig>(parsed).database.shared_buffers_pages;
  };
  EXPECT_EQ(pages("16384"), 16384u);
  EXPECT_EQ(pages("128 MB"), 16384u);
  EXPECT_EQ(pages("1.5MB"), 192u);
  EXPECT_EQ(pages("0x10"), 16u);
}

TEST(CommandLineTest, HelpExitsWithZero) { EXPECT_EQ(std::get<int>(parse({"--help"})), 0); }

TEST(CommandLineTest, BadFlagsExitWithTwo) {
  EXPECT_EQ(std::get<int>(parse({"--no-such-flag"})), 2);
  EXPECT_EQ(std::get<int>(parse({"--port", "seventy"})), 2);
  EXPECT_EQ(std::get<int>(parse({"--port", "70000"})), 2);
  EXPECT_EQ(std::get<int>(parse({"--log-level", "chatty"})), 2);
  EXPECT_EQ(std::get<int>(parse({"--shared-buffers", "10XB"})), 2);
  EXPECT_EQ(std::get<int>(parse({"--shared-buffers", "64kB"})), 2);  // below 16 pages
  EXPECT_EQ(std::get<int>(parse({"--max-connections", "0"})), 2);
  EXPECT_EQ(std::get<int>(parse({"stray"})), 2);
}

}  // namespace
}  // namespace chalkdb
