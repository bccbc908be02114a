// End-to-end behaviour of the extended query protocol: libpqxx prepared statements and
// parameters, partial fetches (Execute with a row limit), binary parameters and results,
// errors skipping to Sync, and malformed messages. Expected bytes and messages are what
// PostgreSQL 15 sends (see compat/libpq.md in the shared design notes).
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "tests/integration/raw_connection.h"
#include "tests/integration/test_server.h"

namespace chalkdb::testing {
namespace {

using namespace std::string_literals;

class ExtendedProtocolTest : public SharedServerTest {};

std::string int16_bytes(int16_t value) {
  return {static_cast<char>((value >> 8) & 0xff), static_cast<char>(value & 0xff)};
}

std::string int32_bytes(int32_t value) {
  std::string bytes;
  for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back(static_cast<char>((value >> shift) & 0xff));
  return bytes;
}

std::string cstring(std::string_view text) { return std::string(text) + '\0'; }

std::string parse(std::string_view name, std::string_view sql, std::vector<int32_t> types = {}) {
  std::string body = cstring(name) + cstring(sql) + int16_bytes(static_cast<int16_t>(types.size()));
  for (int32_t type : types) body += int32_bytes(type);
  return frontend_message('P', body);
}

struct Parameter {
  std::optional<std::string> bytes;
};

std::string bind(std::string_view portal, std::string_view statement, std::vector<int16_t> formats,
                 std::vector<std::optional<std::string>> values, std::vector<int16_t> result_formats) {
  std::string body = cstring(portal) + cstring(statement) + int16_bytes(static_cast<int16_t>(formats.size()));
  for (int16_t format : formats) body += int16_bytes(format);
  body += int16_bytes(static_cast<int16_t>(values.size()));
  for (const auto& value : values) {
    if (!value) {
      body += int32_bytes(-1);
    } else {
      body += int32_bytes(static_cast<int32_t>(value->size())) + *value;
    }
  }
  body += int16_bytes(static_cast<int16_t>(result_formats.size()));
  for (int16_t format : result_formats) body += int16_bytes(format);
  return frontend_message('B', body);
}

std::string describe(char kind, std::string_view name) { return frontend_message('D', std::string(1, kind) + cstring(name)); }
std::string execute(std::string_view portal, int32_t max_rows = 0) {
  return frontend_message('E', cstring(portal) + int32_bytes(max_rows));
}
std::string close_message(char kind, std::string_view name) { return frontend_message('C', std::string(1, kind) + cstring(name)); }
std::string sync() { return frontend_message('S', ""); }

std::string message_types(const std::vector<BackendMessage>& messages) {
  std::string types;
  for (const BackendMessage& message : messages) types += message.type;
  return types;
}

std::string command_tag(const BackendMessage& message) { return message.body.substr(0, message.body.find('\0')); }

// The fields of a DataRow (nullopt for NULL).
std::vector<std::optional<std::string>> data_row_fields(const BackendMessage& message) {
  std::vector<std::optional<std::string>> fields;
  const std::string& body = message.body;
  auto read32 = [&](size_t at) {
    return static_cast<int32_t>((static_cast<uint8_t>(body[at]) << 24) | (static_cast<uint8_t>(body[at + 1]) << 16) |
                                (static_cast<uint8_t>(body[at + 2]) << 8) | static_cast<uint8_t>(body[at + 3]));
  };
  size_t count = (static_cast<uint8_t>(body[0]) << 8) | static_cast<uint8_t>(body[1]);
  size_t at = 2;
  for (size_t i = 0; i < count; ++i) {
    int32_t length = read32(at);
    at += 4;
    if (length < 0) {
      fields.emplace_back(std::nullopt);
    } else {
      fields.emplace_back(body.substr(at, static_cast<size_t>(length)));
      at += static_cast<size_t>(length);
    }
  }
  return fields;
}

std::string error_code(const std::vector<BackendMessage>& messages) {
  for (const BackendMessage& message : messages)
    if (message.type == 'E') return message.field('C').value_or("");
  return "";
}

std::string error_message(const std::vector<BackendMessage>& messages) {
  for (const BackendMessage& message : messages)
    if (message.type == 'E') return message.field('M').value_or("");
  return "";
}

TEST_F(ExtendedProtocolTest, LibpqxxPreparedStatementsWithParametersOfSeveralTypes) {
  pqxx::connection connection(server().connection_string());
  {
    pqxx::work tx(connection);
    tx.exec0("CREATE TABLE demo (id int4, label text, ts timestamp, amount numeric(12,3), flag bool, "
             "day date, big int8, note varchar(10))");
    tx.commit();
  }
  connection.prepare("ins_demo", "INSERT INTO demo VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
  connection.prepare("get_demo", "SELECT id, label, ts, amount, flag, day, big, note FROM demo WHERE id = $1");
  {
    pqxx::work tx(connection);
    tx.exec_prepared0("ins_demo", 1, "hello", "2024-01-02 03:04:05.123456", "12345.678", true, "2024-02-29",
                      int64_t{9000000000}, nullptr);
    tx.exec_prepared0("ins_demo", 2, "second", nullptr, "-0.5", false, nullptr, -1, "x");
    tx.commit();
  }
  pqxx::work tx(connection);
  pqxx::result first = tx.exec_prepared("get_demo", 1);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0][0].as<int>(), 1);
  EXPECT_EQ(first[0][1].as<std::string>(), "hello");
  EXPECT_EQ(first[0][2].as<std::string>(), "2024-01-02 03:04:05.123456");
  EXPECT_EQ(first[0][3].as<std::string>(), "12345.678");
  EXPECT_EQ(first[0][4].as<bool>(), true);
  EXPECT_EQ(first[0][5].as<std::string>(), "2024-02-29");
  EXPECT_EQ(first[0][6].as<int64_t>(), 9000000000);
  EXPECT_TRUE(first[0][7].is_null());
  pqxx::result second = tx.exec_prepared("get_demo", 2);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_TRUE(second[0][2].is_null());
  EXPECT_EQ(second[0][3].as<std::string>(), "-0.500");
  EXPECT_EQ(second[0][7].as<std::string>(), "x");
  EXPECT_EQ(tx.exec_prepared("get_demo", 3).size(), 0u);
  pqxx::result sum = tx.exec_params("SELECT $1::int4 + $2 AS total, $3 || 'x' AS text", 40, 2, "abc");
  EXPECT_EQ(sum[0][0].as<int>(), 42);
  EXPECT_EQ(sum[0][1].as<std::string>(), "abcx");
  tx.exec0("DROP TABLE demo");
  tx.commit();
}

TEST_F(ExtendedProtocolTest, ErrorsInsidePreparedStatementsKeepTheConnectionUsable) {
  pqxx::connection connection(server().connection_string());
  pqxx::nontransaction tx(connection);
  try {
    tx.exec_params("SELECT 1 / $1::int4", 0);
    FAIL() << "division by zero expected";
  } catch (const pqxx::sql_error& error) {
    EXPECT_EQ(error.sqlstate(), "22012");
  }
  try {
    tx.exec_params("SELECT $1::int4", "abc");
    FAIL() << "invalid input expected";
  } catch (const pqxx::sql_error& error) {
    EXPECT_EQ(error.sqlstate(), "22P02");
  }
  EXPECT_EQ(tx.exec_params("SELECT $1::int4 * 2", 21)[0][0].as<int>(), 42);
}

TEST_F(ExtendedProtocolTest, DescribeStatementReportsInferredParameterTypes) {
  RawConnection client(server().port());
  client.start_session();
  client.query("CREATE TABLE described (id int4, name text, price numeric(8,2))");
  client.send(parse("s1", "SELECT name, price FROM described WHERE id = $1 AND price > $2") + describe('S', "s1") + sync());
  auto messages = client.read_until_ready();
  ASSERT_EQ(message_types(messages), "1tTZ");
  // ParameterDescription: 2 parameters, int4 (23) and numeric (1700).
  EXPECT_EQ(messages[1].body, int16_bytes(2) + int32_bytes(23) + int32_bytes(1700));
  client.send(parse("s2", "INSERT INTO described VALUES ($1, $2, $3)") + describe('S', "s2") + sync());
  messages = client.read_until_ready();
  ASSERT_EQ(message_types(messages), "1tnZ");
  EXPECT_EQ(messages[1].body, int16_bytes(3) + int32_bytes(23) + int32_bytes(25) + int32_bytes(1700));
  client.send(parse("s3", "SELECT $1 IS NULL") + sync());
  messages = client.read_until_ready();
  EXPECT_EQ(error_code(messages), "42P18");
  EXPECT_EQ(error_message(messages), "could not determine data type of parameter $1");
  client.query("DROP TABLE described");
}

TEST_F(ExtendedProtocolTest, ExecuteWithARowLimitSuspendsThePortal) {
  RawConnection client(server().port());
  client.start_session();
  client.query("BEGIN");
  client.send(parse("", "SELECT n FROM generate_series(1, 5) AS n") + bind("", "", {}, {}, {}) + describe('P', "") +
              execute("", 2) + sync());
  auto messages = client.read_until_ready();
  ASSERT_EQ(message_types(messages), "12TDDsZ");
  EXPECT_EQ(data_row_fields(messages[3])[0], "1");
  EXPECT_EQ(data_row_fields(messages[4])[0], "2");
  client.send(execute("", 2) + sync());
  messages = client.read_until_ready();
  ASSERT_EQ(message_types(messages), "DDsZ");
  EXPECT_EQ(data_row_fields(messages[0])[0], "3");
  client.send(execute("", 2) + sync());
  messages = client.read_until_ready();
  ASSERT_EQ(message_types(messages), "DCZ");
  EXPECT_EQ(data_row_fields(messages[0])[0], "5");
  EXPECT_EQ(command_tag(messages[1]), "SELECT 1");
  client.query("COMMIT");
  // The portal ended with its transaction.
  client.send(execute("", 0) + sync());
  messages = client.read_until_ready();
  EXPECT_EQ(error_code(messages), "34000");
  EXPECT_EQ(error_message(messages), "portal \"\" does not exist");
}

TEST_F(ExtendedProtocolTest, BinaryParametersAndResults) {
  RawConnection client(server().port());
  client.start_session();
  client.send(parse("", "SELECT $1 + 1 AS n, $2 || 'x' AS s, 12345.678::numeric AS d, "
                        "'2024-01-02 03:04:05.123456'::timestamp AS t, true AS b, 2.5::float8 AS f",
                    {23, 25}) +
              bind("", "", {1, 0}, {int32_bytes(41), "abc"s}, {1}) + describe('P', "") + execute("") + sync());
  auto messages = client.read_until_ready();
  ASSERT_EQ(message_types(messages), "12TDCZ");
  auto fields = data_row_fields(messages[3]);
  ASSERT_EQ(fields.size(), 6u);
  EXPECT_EQ(fields[0], int32_bytes(42));
  EXPECT_EQ(fields[1], "abcx");
  EXPECT_EQ(fields[2], "\x00\x03\x00\x01\x00\x00\x00\x03\x00\x01\x09\x29\x1a\x7c"s);
  EXPECT_EQ(fields[3], "\x00\x02\xb0\xec\x85\x17\xd5\x80"s);
  EXPECT_EQ(fields[4], "\x01"s);
  EXPECT_EQ(fields[5], "\x40\x04\x00\x00\x00\x00\x00\x00"s);
  // A binary numeric parameter.
  client.send(parse("", "SELECT $1::numeric * 2 AS d", {1700}) +
              bind("", "", {1}, {"\x00\x03\x00\x01\x00\x00\x00\x03\x00\x01\x09\x29\x1a\x7c"s}, {0}) + execute("") + sync());
  messages = client.read_until_ready();
  ASSERT_EQ(message_types(messages), "12DCZ");
  EXPECT_EQ(data_row_fields(messages[2])[0], "24691.356");
}

TEST_F(ExtendedProtocolTest, AnErrorSkipsMessagesUntilSync) {
  RawConnection client(server().port());
  client.start_session();
  client.send(parse("", "SELEC 1") + bind("", "", {}, {}, {}) + describe('P', "") + execute("") + sync());
  auto messages = client.read_until_ready();
  ASSERT_EQ(message_types(messages), "EZ");
  EXPECT_EQ(messages[0].field('C'), "42601");
  EXPECT_EQ(messages[1].body, "I");
  // Named statements survive an error in a later batch.
  client.send(parse("kept", "SELECT $1::int4 AS v") + sync());
  EXPECT_EQ(message_types(client.read_until_ready()), "1Z");
  client.send(bind("", "kept", {}, {"x"s}, {}) + execute("") + sync());
  messages = client.read_until_ready();
  ASSERT_EQ(message_types(messages), "EZ");
  EXPECT_EQ(messages[0].field('C'), "22P02");
  client.send(bind("", "kept", {}, {"7"s}, {}) + execute("") + sync());
  messages = client.read_until_ready();
  ASSERT_EQ(message_types(messages), "2DCZ");
  EXPECT_EQ(data_row_fields(messages[1])[0], "7");
  // Inside a transaction block the error fails the block.
  client.query("BEGIN");
  client.send(parse("", "SELECT 1/0") + bind("", "", {}, {}, {}) + execute("") + sync());
  messages = client.read_until_ready();
  EXPECT_EQ(messages.back().body, "E");
  client.send(bind("", "kept", {}, {"7"s}, {}) + execute("") + sync());
  messages = client.read_until_ready();
  EXPECT_EQ(error_code(messages), "25P02");
  EXPECT_EQ(client.query("ROLLBACK").back().body, "I");
}

TEST_F(ExtendedProtocolTest, MalformedMessagesGetPostgresErrors) {
  RawConnection client(server().port());
  client.start_session();
  client.send(parse("p1", "SELECT $1::int4") + sync());
  client.read_until_ready();
  struct Case {
    std::string messages;
    std::string code;
    std::string message;
  };
  std::vector<Case> cases = {
      {bind("", "p1", {}, {}, {}), "08P01", "bind message supplies 0 parameters, but prepared statement \"p1\" requires 1"},
      {bind("", "nope", {}, {}, {}), "26000", "prepared statement \"nope\" does not exist"},
      {bind("", "", {}, {}, {}), "26000", "unnamed prepared statement does not exist"},
      {execute("nope"), "34000", "portal \"nope\" does not exist"},
      {describe('P', "nope"), "34000", "portal \"nope\" does not exist"},
      {describe('S', "nope"), "26000", "prepared statement \"nope\" does not exist"},
      {describe('X', ""), "08P01", "invalid DESCRIBE message subtype 88"},
      {bind("", "p1", {1}, {"\x00\x00\x01"s}, {}), "08P01", "insufficient data left in message"},
      {bind("", "p1", {1}, {"\x00\x00\x00\x01\x02"s}, {}), "22P03", "incorrect binary data format in bind parameter 1"},
      {bind("", "p1", {0, 0}, {"1"s}, {}), "08P01", "bind message has 2 parameter formats but 1 parameters"},
      {bind("", "p1", {2}, {"1"s}, {}), "22023", "unsupported format code: 2"},
      {bind("", "p1", {}, {"1"s}, {0, 0}), "08P01", "bind message has 2 result formats but query has 1 columns"},
      {parse("p1", "SELECT 1"), "42P05", "prepared statement \"p1\" already exists"},
      {frontend_message('E', "x"), "08P01", "invalid string in message"},
  };
  for (const Case& c : cases) {
    client.send(c.messages + sync());
    auto messages = client.read_until_ready();
    EXPECT_EQ(error_code(messages), c.code) << c.message;
    EXPECT_EQ(error_message(messages), c.message);
    EXPECT_EQ(messages.back().type, 'Z');
  }
  // Close of a missing name is not an error; after closing, the statement is gone.
  client.send(close_message('S', "p1") + close_message('P', "none") + sync());
  EXPECT_EQ(message_types(client.read_until_ready()), "33Z");
  client.send(bind("", "p1", {}, {"1"s}, {}) + sync());
  EXPECT_EQ(error_code(client.read_until_ready()), "26000");
}

TEST_F(ExtendedProtocolTest, SqlPrepareSharesNamesWithTheProtocol) {
  RawConnection client(server().port());
  client.start_session();
  client.query("PREPARE twice (int4) AS SELECT $1 * 2 AS doubled");
  client.send(bind("", "twice", {}, {"21"s}, {}) + execute("") + sync());
  auto messages = client.read_until_ready();
  ASSERT_EQ(message_types(messages), "2DCZ");
  EXPECT_EQ(data_row_fields(messages[1])[0], "42");
  client.send(parse("from_protocol", "SELECT $1::text || '!' AS shout") + sync());
  client.read_until_ready();
  messages = client.query("EXECUTE from_protocol('hey')");
  ASSERT_EQ(message_types(messages), "TDCZ");
  EXPECT_EQ(data_row_fields(messages[1])[0], "hey!");
}

TEST_F(ExtendedProtocolTest, CopyThroughLibpqxxStreams) {
  pqxx::connection connection(server().connection_string());
  {
    pqxx::work tx(connection);
    tx.exec0("CREATE TABLE streamed (id int4, name text, amount numeric(8,2))");
    pqxx::stream_to out(tx, "streamed");
    out << std::make_tuple(1, "one", "1.50") << std::make_tuple(2, "tab\there", "2")
        << std::make_tuple(3, "back\\slash", nullptr);
    out.complete();
    tx.commit();
  }
  pqxx::work tx(connection);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM streamed")[0].as<int>(), 3);
  EXPECT_EQ(tx.exec1("SELECT name FROM streamed WHERE id = 2")[0].as<std::string>(), "tab\there");
  pqxx::stream_from in(tx, "streamed");
  std::vector<std::string> lines;
  std::string line;
  while (in.get_raw_line(line)) lines.push_back(line);
  in.complete();
  // get_raw_line keeps each line's newline.
  EXPECT_EQ(lines, (std::vector<std::string>{"1\tone\t1.50\n", "2\ttab\\there\t2.00\n", "3\tback\\\\slash\t\\N\n"}));
  tx.exec0("DROP TABLE streamed");
  tx.commit();
}

TEST_F(ExtendedProtocolTest, CopyInMessageFlowAndFailures) {
  RawConnection client(server().port());
  client.start_session();
  client.query("CREATE TABLE copied (a int4, b text)");
  client.send(frontend_message('Q', cstring("COPY copied FROM STDIN WITH (FORMAT csv)")));
  std::string response = client.read_exactly(1 + 4 + 1 + 2 + 4);
  // CopyInResponse: text format, 2 columns, both text.
  EXPECT_EQ(response, "G"s + int32_bytes(11) + '\0' + int16_bytes(2) + int16_bytes(0) + int16_bytes(0));
  client.send(frontend_message('d', "1,x\n2,") + frontend_message('d', "\"y\nz\"\n") + frontend_message('c', ""));
  auto messages = client.read_until_ready();
  ASSERT_EQ(message_types(messages), "CZ");
  EXPECT_EQ(command_tag(messages[0]), "COPY 2");
  // CopyFail aborts the COPY with 57014 and loads nothing.
  client.send(frontend_message('Q', cstring("COPY copied FROM STDIN")));
  client.read_exactly(1 + 4 + 1 + 2 + 4);
  client.send(frontend_message('d', "3\tw\n") + frontend_message('f', cstring("client gave up")));
  messages = client.read_until_ready();
  EXPECT_EQ(error_code(messages), "57014");
  EXPECT_EQ(error_message(messages), "COPY from stdin failed: client gave up");
  // A bad row: the error names the line and column, and data still in flight is ignored.
  client.send(frontend_message('Q', cstring("COPY copied FROM STDIN")));
  client.read_exactly(1 + 4 + 1 + 2 + 4);
  client.send(frontend_message('d', "4\tok\nfive\tbad\n") + frontend_message('c', ""));
  messages = client.read_until_ready();
  EXPECT_EQ(error_code(messages), "22P02");
  for (const BackendMessage& message : messages) {
    if (message.type == 'E') {
      EXPECT_EQ(message.field('W'), "COPY copied, line 2, column a: \"five\"");
    }
  }
  messages = client.query("SELECT count(*) FROM copied");
  EXPECT_EQ(data_row_fields(messages[1])[0], "2");
  messages = client.query("COPY copied TO STDOUT (FORMAT csv)");
  ASSERT_EQ(message_types(messages), "HddcCZ");
  EXPECT_EQ(messages[1].body, "1,x\n");
  EXPECT_EQ(messages[2].body, "2,\"y\nz\"\n");
  EXPECT_EQ(command_tag(messages[4]), "COPY 2");
  client.query("DROP TABLE copied");
}

}  // namespace
}  // namespace chalkdb::testing
