// ValuesScan: the rows of a VALUES list (PostgreSQL's "Values Scan on "*VALUES*""), and
// Result: one row computed from no input (SELECT without FROM, single-row VALUES).
#pragma once

#include "executor/operator.h"

namespace chalkdb {

class ValuesScan : public Operator {
 public:
  using Operator::Operator;
  void open() override;

 protected:
  void produce(RowBatch& out) override;

 private:
  size_t next_row_ = 0;
};

class ResultOperator : public Operator {
 public:
  using Operator::Operator;
  void open() override;

 protected:
  void produce(RowBatch& out) override;

 private:
  bool done_ = false;
};

}  // namespace chalkdb
