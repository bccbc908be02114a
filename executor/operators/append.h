// Append: all rows of its first child, then of the next, ... (UNION ALL).
#pragma once

#include "executor/operator.h"

namespace chalkdb {

class Append : public Operator {
 public:
  Append(const PlanNode& node, ExecContext& context, std::vector<std::unique_ptr<Operator>> inputs)
      : Operator(node, context), inputs_(std::move(inputs)) {}
  void open() override {
    count_loop();
    current_ = 0;
    if (!inputs_.empty()) inputs_[0]->open();
  }
  std::vector<const Operator*> children() const override {
    std::vector<const Operator*> out;
    for (const auto& input : inputs_) out.push_back(input.get());
    return out;
  }

 protected:
  void produce(RowBatch& out) override {
    RowBatch batch;
    while (out.empty() && current_ < inputs_.size()) {
      if (!inputs_[current_]->next(batch)) {
        if (++current_ < inputs_.size()) inputs_[current_]->open();
        continue;
      }
      for (auto& row : batch) emit(std::move(row), out);
    }
  }

 private:
  std::vector<std::unique_ptr<Operator>> inputs_;
  size_t current_ = 0;
};

}  // namespace chalkdb
