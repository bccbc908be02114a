#include "planner/engine_call_binder.h"

#include <fmt/format.h>

#include "planner/expression_binder.h"
#include "sql/error/sql_error.h"
#include "sql/types/cast.h"
#include "sql/types/object_reference_types.h"
#include "sql/types/type_registry.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

bool is_string_constant(const BoundExpr& e) {
  return e.kind == BoundExprKind::Constant && !e.constant.is_null() &&
         (e.type.id == TypeId::Unknown || e.type.id == TypeId::Text ||
          e.type.id == TypeId::Varchar || e.type.id == TypeId::Name);
}

bool is_oid_like(TypeId t) {
  return t == TypeId::Oid || t == TypeId::Int2 || t == TypeId::Int4 || t == TypeId::Int8 ||
         is_object_reference_type(t);
}

// One identifier of a qualified name: "Quoted" keeps its case, unquoted is folded to lower case.
std::string identifier_part(std::string_view part) {
  if (part.size() >= 2 && part.front() == '"' && part.back() == '"') {
    std::string text;
    for (size_t i = 1; i + 1 < part.size(); ++i) {
      text.push_back(part[i]);
      if (part[i] == '"' && i + 2 < part.size() && part[i + 1] == '"') ++i;
    }
    return text;
  }
  std::string text(part);
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

}  // namespace

ast::QualifiedName parse_relation_name(const std::string& text, int location) {
  ast::QualifiedName name;
  name.location = location;
  size_t dot = std::string::npos;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (text[i] == '.' && !quoted) dot = i;
  }
  if (dot == std::string::npos) {
    name.name = identifier_part(text);
  } else {
    name.schema = identifier_part(std::string_view(text).substr(0, dot));
    name.name = identifier_part(std::string_view(text).substr(dot + 1));
  }
  return name;
}

namespace {

// -1: does not fit; otherwise the number of exactly matching arguments.
int match_score(const EngineFunction& function, const std::vector<BoundExprPtr>& args) {
  if (args.size() != function.params.size()) return -1;
  int score = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    const EngineParam& param = function.params[i];
    TypeId given = args[i]->type.id;
    if (param.regclass) {
      if (given == TypeId::Unknown) continue;
      if (!is_oid_like(given)) return -1;
      score += given == TypeId::Oid ? 1 : 0;
    } else if (given == param.type.id) {
      ++score;
    } else if (given != TypeId::Unknown && !can_cast(given, param.type.id, CastContext::Implicit)) {
      return -1;
    }
  }
  return score;
}

std::string type_list(const std::vector<BoundExprPtr>& args) {
  std::vector<std::string> types;
  for (const auto& arg : args) types.push_back(format_type(arg->type));
  return fmt::format("{}", fmt::join(types, ", "));
}

[[noreturn]] void no_such_function(const std::string& name, const std::vector<BoundExprPtr>& args,
                                   int location) {
  throw SqlError(sqlstate::kUndefinedFunction,
                 fmt::format("function {}({}) does not exist", name, type_list(args)))
      .with_hint("No function matches the given name and argument types. You might need to add "
                 "explicit type casts.")
      .with_position(location + 1);
}

// pg_size_pretty(123): int4 converts equally well to bigint and numeric, as in PostgreSQL.
[[noreturn]] void not_unique(const std::string& name, const std::vector<BoundExprPtr>& args,
                             int location) {
  throw SqlError(sqlstate::kAmbiguousFunction,
                 fmt::format("function {}({}) is not unique", name, type_list(args)))
      .with_hint("Could not choose a best candidate function. You might need to add explicit "
                 "type casts.")
      .with_position(location + 1);
}

}  // namespace

BoundExprPtr bind_regclass(Binder& binder, const BoundExprPtr& operand) {
  if (is_string_constant(*operand)) {
    const std::string& text = operand->constant.as_text();
    if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos)  // an OID
      return make_constant(parse_value(text, DataType{kRegclassType}), DataType{kRegclassType}, operand->location);
    auto table = binder.lookup_table(parse_relation_name(operand->constant.as_text(), operand->location));
    return make_constant(Value::oid(table->oid), DataType{kRegclassType}, operand->location);
  }
  if (operand->kind == BoundExprKind::Constant && operand->constant.is_null())
    return make_constant(Value::null(TypeId::Oid), DataType{kRegclassType}, operand->location);
  if (!is_oid_like(operand->type.id)) {
    throw SqlError(sqlstate::kCannotCoerce,
                   fmt::format("cannot cast type {} to regclass", format_type(operand->type)))
        .with_position(operand->location + 1);
  }
  return ExpressionBinder::coerce(operand, DataType{kRegclassType}, CastContext::Explicit);
}

std::optional<EngineCall> bind_engine_call(Binder& binder, const std::string& name,
                                           const std::vector<BoundExprPtr>& args, int location) {
  auto overloads = EngineFunctionRegistry::global().overloads(name);
  if (overloads.empty()) return std::nullopt;
  const EngineFunction* best = nullptr;
  int best_score = -1;
  bool tie = false;
  for (const EngineFunction* candidate : overloads) {
    int score = match_score(*candidate, args);
    if (score >= 0 && score == best_score) tie = true;
    if (score > best_score) best = candidate, best_score = score, tie = false;
  }
  if (!best) no_such_function(name, args, location);
  if (tie) not_unique(name, args, location);
  EngineCall call;
  call.function = best;
  for (size_t i = 0; i < args.size(); ++i) {
    const EngineParam& param = best->params[i];
    call.args.push_back(param.regclass
                            ? bind_regclass(binder, args[i])
                            : ExpressionBinder::coerce(args[i], param.type, CastContext::Implicit));
  }
  return call;
}

}  // namespace chalkdb
