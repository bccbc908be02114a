// Test fixture: a Database on a fresh temporary data directory and one session, driven
// without the network.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "executor/database.h"
#include "tests/executor/collecting_sink.h"

namespace chalkdb::testing {

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("chalkdb-engine-" + std::to_string(std::random_device{}()));
    open();
  }
  void TearDown() override {
    session_.reset();
    database_.reset();
    std::filesystem::remove_all(directory_);
  }
  void open(size_t buffer_pages = 256) {
    DatabaseOptions options;
    options.data_directory = directory_;
    options.shared_buffers_pages = buffer_pages;
    database_ = Database::open(options);
    session_ = database_->create_session({});
  }
  void reopen(size_t buffer_pages = 256) {
    session_.reset();
    database_.reset();
    open(buffer_pages);
  }

  // Runs SQL and returns the last statement's result.
  StatementResult run(const std::string& sql) {
    CollectingSink sink;
    session_->execute_simple(sql, sink);
    return sink.results.empty() ? StatementResult{} : sink.results.back();
  }
  // The rows of a query, one string per row with columns joined by '|'.
  std::vector<std::string> rows(const std::string& sql) {
    std::vector<std::string> out;
    for (const auto& row : run(sql).rows) {
      std::string line;
      for (size_t i = 0; i < row.size(); ++i) line += (i ? "|" : "") + row[i];
      out.push_back(line);
    }
    return out;
  }
  // The error the statement fails with (a test failure when it succeeds).
  SqlError failure(const std::string& sql) {
    try {
      run(sql);
    } catch (const SqlError& error) {
      return error;
    }
    ADD_FAILURE() << "no error: " << sql;
    return SqlError(sqlstate::kSuccessfulCompletion, "");
  }
  // The SQLSTATE the statement fails with, or "" when it succeeds.
  std::string error_code(const std::string& sql) {
    try {
      run(sql);
    } catch (const SqlError& error) {
      return std::string(error.state.code);
    }
    return "";
  }

  std::filesystem::path directory_;
  std::unique_ptr<Database> database_;
  std::unique_ptr<Session> session_;
};

}  // namespace chalkdb::testing
