// The curriculum data set (tests/data/curriculum/*.csv) end to end through libpq/libpqxx, the
// way a course's client programs use it: the CSV files are streamed with COPY ... FROM STDIN
// (CSV, HEADER), then exercise queries run as prepared statements whose parameter types the
// server infers ($1 a department, $2 a top-N bound, date ranges). The expected rows were
// captured from PostgreSQL 15 on the same files.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <pqxx/pqxx>
#include <sstream>
#include <string>
#include <vector>

#include "tests/integration/test_server.h"

namespace chalkdb::testing {
namespace {

using Rows = std::vector<std::vector<std::string>>;

const char* const kSchema = R"sql(
CREATE TABLE departments (
    dept_id serial PRIMARY KEY, name text NOT NULL UNIQUE, location text,
    budget numeric(12,2) NOT NULL DEFAULT 0 CHECK (budget >= 0));
CREATE TABLE employees (
    emp_id serial PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL,
    email text UNIQUE CHECK (email LIKE '%_@_%'), dept_id int REFERENCES departments (dept_id),
    manager_id int REFERENCES employees (emp_id), hire_date date NOT NULL DEFAULT current_date,
    salary numeric(10,2) NOT NULL CHECK (salary > 0), title text);
CREATE TABLE projects (
    project_id serial PRIMARY KEY, name text NOT NULL UNIQUE, dept_id int REFERENCES departments,
    start_date date NOT NULL, end_date date, budget numeric(12,2),
    CHECK (end_date IS NULL OR end_date >= start_date));
CREATE TABLE assignments (
    emp_id int NOT NULL REFERENCES employees ON DELETE CASCADE,
    project_id int NOT NULL REFERENCES projects, role text NOT NULL DEFAULT 'developer',
    hours numeric(6,1) CHECK (hours >= 0), PRIMARY KEY (emp_id, project_id));
CREATE TABLE customers (
    customer_id serial PRIMARY KEY, name text NOT NULL, email text NOT NULL UNIQUE, city text,
    signup_date date NOT NULL);
CREATE TABLE products (
    product_id serial PRIMARY KEY, name text NOT NULL UNIQUE, category text NOT NULL,
    price numeric(10,2) NOT NULL CHECK (price >= 0));
CREATE TABLE orders (
    order_id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers,
    order_date date NOT NULL, status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'shipped', 'delivered', 'cancelled')));
CREATE TABLE order_items (
    order_id int REFERENCES orders ON DELETE CASCADE, product_id int REFERENCES products,
    quantity int NOT NULL CHECK (quantity > 0), unit_price numeric(10,2) NOT NULL,
    PRIMARY KEY (order_id, product_id));
)sql";

// Referenced tables first, so every foreign key finds its row.
const std::vector<std::pair<std::string, int>> kTables = {
    {"departments", 8}, {"employees", 120}, {"projects", 16}, {"assignments", 260},
    {"customers", 40},  {"products", 15},   {"orders", 100},  {"order_items", 230}};

std::string read_csv(const std::string& table) {
  auto path = std::filesystem::path(CHALKDB_SOURCE_DIR) / "tests/data/curriculum" / (table + ".csv");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class CurriculumTest : public SharedServerTest {
 protected:
  static void SetUpTestSuite() {
    SharedServerTest::SetUpTestSuite();
    pqxx::connection connection(server().connection_string());
    pqxx::nontransaction(connection).exec(kSchema);
  }

  struct ConnectionDeleter {
    void operator()(PGconn* c) const { PQfinish(c); }
  };
  struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
  };
  using Result = std::unique_ptr<PGresult, ResultDeleter>;

  // Streams the whole file in 4 KiB CopyData messages (cutting rows and quoted fields at
  // arbitrary points, as clients do) and returns the command tag, e.g. "COPY 120".
  static std::string copy_csv(PGconn* connection, const std::string& table, const std::string& csv) {
    std::string sql = "COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER)";
    Result started(PQexec(connection, sql.c_str()));
    if (PQresultStatus(started.get()) != PGRES_COPY_IN) return PQresultErrorMessage(started.get());
    for (size_t offset = 0; offset < csv.size(); offset += 4096) {
      size_t length = std::min<size_t>(4096, csv.size() - offset);
      if (PQputCopyData(connection, csv.data() + offset, static_cast<int>(length)) != 1)
        return PQerrorMessage(connection);
    }
    if (PQputCopyEnd(connection, nullptr) != 1) return PQerrorMessage(connection);
    Result finished(PQgetResult(connection));
    std::string outcome = PQresultStatus(finished.get()) == PGRES_COMMAND_OK
                              ? PQcmdStatus(finished.get())
                              : PQresultErrorMessage(finished.get());
    while (Result rest{PQgetResult(connection)}) {
    }
    return outcome;
  }

  // Loads every table once for the whole suite (tests only read).
  static void load_once() {
    static bool loaded = false;
    if (loaded) return;
    std::unique_ptr<PGconn, ConnectionDeleter> connection(
        PQconnectdb(server().connection_string().c_str()));
    ASSERT_EQ(PQstatus(connection.get()), CONNECTION_OK) << PQerrorMessage(connection.get());
    for (const auto& [table, rows] : kTables)
      ASSERT_EQ(copy_csv(connection.get(), table, read_csv(table)), "COPY " + std::to_string(rows))
          << table;
    loaded = true;
  }

  void SetUp() override {
    SharedServerTest::SetUp();
    load_once();
    connection_ = std::make_unique<pqxx::connection>(server().connection_string());
  }

  // Runs a prepared statement and returns its rows as text, NULL as "NULL".
  template <typename... Args>
  Rows run(const std::string& name, Args&&... args) {
    pqxx::nontransaction tx(*connection_);
    pqxx::result result = tx.exec_prepared(name, std::forward<Args>(args)...);
    Rows rows;
    for (const auto& row : result) {
      std::vector<std::string> fields;
      for (const auto& field : row) fields.push_back(field.is_null() ? "NULL" : field.c_str());
      rows.push_back(std::move(fields));
    }
    return rows;
  }

  std::unique_ptr<pqxx::connection> connection_;
};

TEST_F(CurriculumTest, CsvFilesLoadWithQuotesAndNulls) {
  pqxx::nontransaction tx(*connection_);
  // Quoted fields keep their commas and doubled quotes; empty unquoted fields are NULL.
  EXPECT_EQ(tx.exec1("SELECT location FROM departments WHERE dept_id = 1")[0].as<std::string>(),
            "Austin, TX");
  EXPECT_TRUE(tx.exec1("SELECT location FROM departments WHERE dept_id = 7")[0].is_null());
  EXPECT_EQ(tx.exec1("SELECT name FROM projects WHERE project_id = 7")[0].as<std::string>(),
            "The \"Big\" Launch");
  pqxx::row counts = tx.exec1(
      "SELECT count(*), count(email), count(dept_id), count(manager_id), sum(salary) FROM employees");
  EXPECT_EQ(counts[0].as<std::string>(), "120");
  EXPECT_EQ(counts[1].as<std::string>(), "113");
  EXPECT_EQ(counts[2].as<std::string>(), "117");
  EXPECT_EQ(counts[3].as<std::string>(), "119");
  EXPECT_EQ(counts[4].as<std::string>(), "10278100.00");
}

TEST_F(CurriculumTest, TopNPerDepartmentWithParameters) {
  connection_->prepare("top_n",
                       "SELECT emp_id, last_name, salary, rnk "
                       "FROM (SELECT emp_id, last_name, salary, "
                       "             dense_rank() OVER (ORDER BY salary DESC) AS rnk "
                       "      FROM employees WHERE dept_id = $1) ranked "
                       "WHERE rnk <= $2 ORDER BY rnk, emp_id");
  EXPECT_EQ(run("top_n", 1, 4), (Rows{{"2", "Jones", "182650.00", "1"},
                                      {"10", "Goldwasser", "135200.00", "2"},
                                      {"9", "Conway", "115850.00", "3"},
                                      {"43", "Lamport", "105000.00", "4"},
                                      {"52", "Turing", "105000.00", "4"}}));
  EXPECT_EQ(run("top_n", 4, 3), (Rows{{"5", "Borg", "179750.00", "1"},
                                      {"14", "Knuth", "132700.00", "2"},
                                      {"50", "O'Neil", "102500.00", "3"}}));
}

TEST_F(CurriculumTest, HiresInADateRange) {
  connection_->prepare("hired_between",
                       "SELECT emp_id, last_name, hire_date, dept_id FROM employees "
                       "WHERE hire_date >= $1 AND hire_date < $2 ORDER BY hire_date, emp_id");
  EXPECT_EQ(run("hired_between", "2020-01-01", "2020-04-01"),
            (Rows{{"104", "Allen", "2020-01-10", "2"}, {"106", "Berners-Lee", "2020-03-13", "3"}}));
  EXPECT_EQ(run("hired_between", "2030-01-01", "2031-01-01"), Rows{});
}

TEST_F(CurriculumTest, DepartmentPayroll) {
  connection_->prepare("dept_payroll",
                       "SELECT d.name, count(*) AS headcount, sum(e.salary) AS payroll, "
                       "       round(avg(e.salary), 2) AS average "
                       "FROM departments d JOIN employees e USING (dept_id) "
                       "WHERE d.dept_id = $1 GROUP BY d.name");
  EXPECT_EQ(run("dept_payroll", 3), (Rows{{"Marketing", "15", "1259000.00", "83933.33"}}));
  EXPECT_EQ(run("dept_payroll", 8), Rows{});  // Research has nobody
}

TEST_F(CurriculumTest, RecursiveReportsWithDepthLimit) {
  connection_->prepare("reports_under",
                       "WITH RECURSIVE chart AS ("
                       "  SELECT emp_id, last_name, 0 AS depth, ARRAY[emp_id] AS ids "
                       "  FROM employees WHERE emp_id = $1 "
                       "  UNION ALL "
                       "  SELECT e.emp_id, e.last_name, c.depth + 1, c.ids || e.emp_id "
                       "  FROM employees e JOIN chart c ON e.manager_id = c.emp_id "
                       "  WHERE c.depth < $2) "
                       "SELECT emp_id, last_name, depth FROM chart ORDER BY ids");
  EXPECT_EQ(run("reports_under", 5, 2),
            (Rows{{"5", "Borg", "0"},         {"14", "Knuth", "1"},   {"48", "Berners-Lee", "2"},
                  {"50", "O'Neil", "2"},      {"58", "Lamport", "2"}, {"61", "Sammet", "2"},
                  {"62", "Thompson", "2"},    {"66", "Lamport", "2"}, {"82", "Sammet", "2"},
                  {"89", "Sammet", "2"},      {"99", "Berners-Lee", "2"}}));
  EXPECT_EQ(run("reports_under", 5, 0), (Rows{{"5", "Borg", "0"}}));
}

TEST_F(CurriculumTest, MonthlyRevenueBetweenDates) {
  connection_->prepare("monthly_revenue",
                       "SELECT date_trunc('month', o.order_date)::date AS month, "
                       "       count(DISTINCT o.order_id) AS orders, "
                       "       sum(i.quantity * i.unit_price) AS revenue "
                       "FROM orders o JOIN order_items i USING (order_id) "
                       "WHERE o.order_date BETWEEN $1 AND $2 AND o.status <> $3 "
                       "GROUP BY 1 ORDER BY 1");
  EXPECT_EQ(run("monthly_revenue", "2024-03-01", "2024-06-30", "cancelled"),
            (Rows{{"2024-03-01", "9", "1794.39"},
                  {"2024-04-01", "8", "1799.51"},
                  {"2024-05-01", "7", "1700.61"},
                  {"2024-06-01", "9", "2835.30"}}));
}

TEST_F(CurriculumTest, AntiJoinAndCorrelatedSubquery) {
  connection_->prepare("idle_in_dept",
                       "SELECT e.emp_id, e.last_name FROM employees e "
                       "WHERE e.dept_id = $1 "
                       "  AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.emp_id = e.emp_id) "
                       "ORDER BY e.emp_id");
  EXPECT_EQ(run("idle_in_dept", 1), (Rows{{"120", "Dijkstra"}}));
  EXPECT_EQ(run("idle_in_dept", 2),
            (Rows{{"11", "Borg"}, {"36", "Liskov"}, {"68", "Turing"}, {"86", "Sammet"},
                  {"90", "Liskov"}, {"101", "Sutherland"}, {"114", "Diffie"}, {"116", "O'Neil"}}));
  connection_->prepare("above_avg",
                       "SELECT e.emp_id, e.salary FROM employees e "
                       "WHERE e.dept_id = $1 AND e.salary > "
                       "  (SELECT avg(x.salary) FROM employees x WHERE x.dept_id = e.dept_id) "
                       "ORDER BY e.salary DESC, e.emp_id");
  EXPECT_EQ(run("above_avg", 7), (Rows{{"8", "160850.00"}, {"17", "133450.00"},
                                       {"105", "100000.00"}, {"67", "95000.00"}}));
}

TEST_F(CurriculumTest, ConstraintViolationsCarrySqlstate) {
  pqxx::nontransaction tx(*connection_);
  auto sqlstate_of = [&](const std::string& sql) {
    try {
      tx.exec(sql);
    } catch (const pqxx::sql_error& error) {
      return error.sqlstate();
    }
    return std::string("no error");
  };
  EXPECT_EQ(sqlstate_of("INSERT INTO employees (emp_id, first_name, last_name, dept_id, hire_date, salary) "
                        "VALUES (500, 'No', 'Such', 42, '2024-01-01', 1)"),
            "23503");
  EXPECT_EQ(sqlstate_of("UPDATE employees SET salary = -1 WHERE emp_id = 2"), "23514");
  EXPECT_EQ(sqlstate_of("UPDATE employees SET email = 'leslie.jones@chalk.example' WHERE emp_id = 2"),
            "23505");
  EXPECT_EQ(sqlstate_of("UPDATE employees SET last_name = NULL WHERE emp_id = 2"), "23502");
  EXPECT_EQ(sqlstate_of("UPDATE orders SET status = 'lost' WHERE order_id = 1"), "23514");
}

}  // namespace
}  // namespace chalkdb::testing
