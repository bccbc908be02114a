// End-to-end behaviour of simple queries through libpqxx and raw protocol messages:
// PostgreSQL's text output of typed values, multi-statement queries, errors with SQLSTATEs
// and transaction status. Expected texts were produced by PostgreSQL 15.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "tests/integration/raw_connection.h"
#include "tests/integration/test_server.h"

namespace chalkdb::testing {
namespace {

using namespace std::string_literals;

class QueryTest : public SharedServerTest {};

std::string message_types(const std::vector<BackendMessage>& messages) {
  std::string types;
  for (const BackendMessage& message : messages) types += message.type;
  return types;
}

char ready_status(const std::vector<BackendMessage>& messages) {
  return messages.back().type == 'Z' ? messages.back().body.at(0) : '?';
}

std::string command_tag(const BackendMessage& message) {
  return message.body.substr(0, message.body.find('\0'));
}

// The one text field of a single-column DataRow.
std::string data_row_text(const BackendMessage& message) { return message.body.substr(6); }

TEST_F(QueryTest, TypedValuesAndNullsAsPostgresPrintsThem) {
  pqxx::connection connection(server().connection_string());
  pqxx::nontransaction tx(connection);
  pqxx::result result = tx.exec(
      "SELECT 1::int2 AS a, 2::int4 AS b, 3::int8 AS c, 1.50::numeric AS d, 0.1::float8 AS e, "
      "'x'::text AS f, true AS g, false AS h, NULL::int AS i, '2024-01-02'::date AS j, "
      "'2024-01-02 03:04:05.123456'::timestamp AS k, 'a'::varchar(5) AS l, 'ab'::char(4) AS m, "
      "1e100::float8 AS n, -0.5::float4 AS o, '2024-01-02 03:04:05+02'::timestamptz AS p");
  ASSERT_EQ(result.size(), 1u);
  ASSERT_EQ(result.columns(), 16u);
  const pqxx::row row = result[0];
  std::vector<std::string> expected = {"1",
                                       "2",
                                       "3",
                                       "1.50",
                                       "0.1",
                                       "x",
                                       "t",
                                       "f",
                                       "",
                                       "2024-01-02",
                                       "2024-01-02 03:04:05.123456",
                                       "a",
                                       "ab  ",
                                       "1e+100",
                                       "-0.5",
                                       "2024-01-02 01:04:05+00"};
  for (size_t i = 0; i < expected.size(); ++i) {
    if (i == 8) {
      EXPECT_TRUE(row[8].is_null());
      continue;
    }
    EXPECT_EQ(row[static_cast<pqxx::row::size_type>(i)].c_str(), expected[i])
        << "column " << result.column_name(static_cast<pqxx::row::size_type>(i));
  }
  // Type OIDs as in pg_type, which psql uses to align numbers right.
  EXPECT_EQ(result.column_type(0), 21u);
  EXPECT_EQ(result.column_type(1), 23u);
  EXPECT_EQ(result.column_type(2), 20u);
  EXPECT_EQ(result.column_type(3), 1700u);
  EXPECT_EQ(result.column_type(6), 16u);
  EXPECT_EQ(result.column_type(9), 1082u);
}

TEST_F(QueryTest, ComputedColumnNameAndTypeOfSelectOne) {
  RawConnection client(server().port());
  client.start_session();
  std::vector<BackendMessage> answer = client.query("select 1");
  ASSERT_EQ(message_types(answer), "TDCZ");
  // Byte for byte what PostgreSQL 15 sends for `select 1`.
  EXPECT_EQ(answer[0].body, "\0\x01?column?\0\0\0\0\0\0\0\0\0\0\x17\0\x04\xff\xff\xff\xff\0\0"s);
  EXPECT_EQ(answer[1].body, "\0\x01\0\0\0\x01"s + "1");
  EXPECT_EQ(command_tag(answer[2]), "SELECT 1");
  EXPECT_EQ(ready_status(answer), 'I');
}

TEST_F(QueryTest, MultiStatementQueryAnswersEachStatement) {
  RawConnection client(server().port());
  client.start_session();
  std::vector<BackendMessage> answer = client.query("select 1; select 2");
  ASSERT_EQ(message_types(answer), "TDCTDCZ");
  EXPECT_EQ(data_row_text(answer[1]), "1");
  EXPECT_EQ(data_row_text(answer[4]), "2");

  // libpqxx keeps the last result.
  pqxx::connection connection(server().connection_string());
  pqxx::nontransaction tx(connection);
  EXPECT_EQ(tx.exec("select 1; select 2")[0][0].as<int>(), 2);
}

TEST_F(QueryTest, ErrorStopsTheRestOfAMultiStatementQuery) {
  RawConnection client(server().port());
  client.start_session();
  // An error raised while rows are produced: PostgreSQL has sent the RowDescription already.
  std::vector<BackendMessage> answer =
      client.query("select 1; select 1/g from generate_series(0, 0) g; select 3");
  ASSERT_EQ(message_types(answer), "TDCTEZ");
  EXPECT_EQ(answer[4].field('C'), "22012");
  EXPECT_EQ(ready_status(answer), 'I');
}

TEST_F(QueryTest, EmptyQueryStrings) {
  RawConnection client(server().port());
  client.start_session();
  EXPECT_EQ(message_types(client.query("")), "IZ");
  EXPECT_EQ(message_types(client.query(";")), "IZ");
  EXPECT_EQ(message_types(client.query(" ; ; ")), "IZ");
}

TEST_F(QueryTest, ErrorsCarrySqlstateThroughLibpqxx) {
  pqxx::connection connection(server().connection_string());
  pqxx::nontransaction tx(connection);
  try {
    tx.exec("select 1/0");
    FAIL() << "no error";
  } catch (const pqxx::sql_error& error) {
    EXPECT_EQ(error.sqlstate(), "22012");
    EXPECT_EQ(std::string(error.what()), "ERROR:  division by zero\n");
  }
  try {
    tx.exec("SELEC 1");
    FAIL() << "no error";
  } catch (const pqxx::sql_error& error) {
    EXPECT_EQ(error.sqlstate(), "42601");
  }
  try {
    tx.exec("select * from nosuch");
    FAIL() << "no error";
  } catch (const pqxx::sql_error& error) {
    EXPECT_EQ(error.sqlstate(), "42P01");
    EXPECT_EQ(std::string(error.what()),
              "ERROR:  relation \"nosuch\" does not exist\n"
              "LINE 1: select * from nosuch\n"
              "                      ^\n");
  }
  // The connection is still usable after errors.
  EXPECT_EQ(tx.exec("select 5")[0][0].as<int>(), 5);
}

TEST_F(QueryTest, SyntaxErrorAnywhereRunsNothingAndPointsIntoTheWholeString) {
  RawConnection client(server().port());
  client.start_session();
  // PostgreSQL parses the whole string first, so even `SELECT 1` is not run.
  std::vector<BackendMessage> answer = client.query("SELECT 1; SELEC 2");
  ASSERT_EQ(message_types(answer), "EZ");
  EXPECT_EQ(answer[0].field('C'), "42601");
  EXPECT_EQ(answer[0].field('M'), "syntax error at or near \"SELEC\"");
  EXPECT_EQ(answer[0].field('P'), "11");
}

TEST_F(QueryTest, TransactionStatusInReadyForQuery) {
  RawConnection client(server().port());
  EXPECT_EQ(ready_status(client.start_session()), 'I');
  EXPECT_EQ(ready_status(client.query("begin")), 'T');
  EXPECT_EQ(ready_status(client.query("select 1")), 'T');
  std::vector<BackendMessage> failed = client.query("select nosuch_column");
  ASSERT_EQ(message_types(failed), "EZ");
  EXPECT_EQ(failed[0].field('C'), "42703");
  EXPECT_EQ(ready_status(failed), 'E');
  std::vector<BackendMessage> ignored = client.query("select 1");
  ASSERT_EQ(message_types(ignored), "EZ");
  EXPECT_EQ(ignored[0].field('C'), "25P02");
  EXPECT_EQ(ignored[0].field('M'),
            "current transaction is aborted, commands ignored until end of transaction block");
  EXPECT_EQ(ready_status(ignored), 'E');
  std::vector<BackendMessage> commit = client.query("commit");
  ASSERT_EQ(message_types(commit), "CZ");
  EXPECT_EQ(command_tag(commit[0]), "ROLLBACK");  // COMMIT of a failed transaction
  EXPECT_EQ(ready_status(commit), 'I');
}

TEST_F(QueryTest, CommitOutsideATransactionIsAWarning) {
  RawConnection client(server().port());
  client.start_session();
  std::vector<BackendMessage> answer = client.query("commit");
  ASSERT_EQ(message_types(answer), "NCZ");
  EXPECT_EQ(answer[0].field('S'), "WARNING");
  EXPECT_EQ(answer[0].field('V'), "WARNING");
  EXPECT_EQ(answer[0].field('C'), "25P01");
  EXPECT_EQ(answer[0].field('M'), "there is no transaction in progress");
  EXPECT_EQ(command_tag(answer[1]), "COMMIT");
}

TEST_F(QueryTest, LibpqxxTransactionsCommitAndRollBack) {
  pqxx::connection connection(server().connection_string());
  {
    pqxx::work tx(connection);
    tx.exec0("create table tx_demo (id int, label text)");
    tx.commit();
  }
  {
    pqxx::work tx(connection);
    tx.exec0("insert into tx_demo values (1, 'kept')");
    tx.commit();
  }
  {
    pqxx::work tx(connection);
    tx.exec0("insert into tx_demo values (2, 'discarded')");
    // destroyed without commit: libpqxx sends ROLLBACK
  }
  pqxx::nontransaction tx(connection);
  pqxx::result rows = tx.exec("select id, label from tx_demo order by id");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].as<int>(), 1);
  EXPECT_EQ(rows[0][1].as<std::string>(), "kept");
}

TEST_F(QueryTest, FailedLibpqxxTransactionRaisesAndConnectionRecovers) {
  pqxx::connection connection(server().connection_string());
  {
    pqxx::work tx(connection, "failing");
    EXPECT_THROW(tx.exec("select 1/0"), pqxx::sql_error);
  }
  pqxx::work tx(connection);
  EXPECT_EQ(tx.exec("select 3")[0][0].as<int>(), 3);
  tx.commit();
}

TEST_F(QueryTest, NoticesReachTheClient) {
  struct Collector : pqxx::errorhandler {
    explicit Collector(pqxx::connection_base& connection) : pqxx::errorhandler(connection) {}
    bool operator()(const char message[]) noexcept override {
      notices.emplace_back(message);
      return true;
    }
    std::vector<std::string> notices;
  };
  pqxx::connection connection(server().connection_string());
  Collector collector(connection);
  pqxx::nontransaction tx(connection);
  tx.exec("commit");
  ASSERT_EQ(collector.notices.size(), 1u);
  EXPECT_EQ(collector.notices[0], "WARNING:  there is no transaction in progress\n");
}

}  // namespace
}  // namespace chalkdb::testing
