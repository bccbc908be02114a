// StackDepth: a guard against input nested so deeply that parsing it would overflow the
// thread's stack (SELECT ((((...)))) with thousands of parentheses, NOT NOT NOT ...).
//
// The parser and the AST builders recurse once per nesting level; they call check() at each
// recursive rule, which fails once the stack has grown by more than a fixed budget since
// parse_sql() started. parse_sql() turns the failure into PostgreSQL's 54001 "stack depth
// limit exceeded". Header-only because the generated parser (a separate library) calls it.
#pragma once

#include <cstdint>
#include <exception>

namespace chalkdb {

class StackDepth {
 public:
  // Parsing and building may use this much stack; backend threads have 8 MB.
  static constexpr std::uintptr_t kBudgetBytes = 1024 * 1024;

  class Exceeded : public std::exception {
   public:
    const char* what() const noexcept override { return "stack depth limit exceeded"; }
  };

  // Marks where the stack stood when parsing started on this thread (outermost scope wins).
  class Scope {
   public:
    Scope() : outer_(base_) {
      if (base_ == 0) base_ = current();
    }
    ~Scope() { base_ = outer_; }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    std::uintptr_t outer_;
  };

  static void check() {
    if (base_ != 0 && base_ - current() > kBudgetBytes) throw Exceeded();
  }

 private:
  // The stack grows downwards on every platform ChalkDB targets.
  static std::uintptr_t current() { return reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0)); }

  inline static thread_local std::uintptr_t base_ = 0;
};

}  // namespace chalkdb
