#include "sql/types/json_value.h"

#include <fmt/format.h>

#include <algorithm>

#include "sql/error/sql_error.h"
#include "sql/types/numeric.h"
#include "sql/types/utf8.h"

namespace chalkdb {

namespace {

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_delimiter(char c) {
  return is_json_space(c) || c == ',' || c == '[' || c == ']' || c == '{' || c == '}' ||
         c == ':' || c == '"';
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A recursive-descent parser over PostgreSQL's JSON lexer rules, with its error texts.
class JsonParser {
 public:
  JsonParser(std::string_view text, bool for_jsonb) : text_(text), for_jsonb_(for_jsonb) {}

  JsonNode parse() {
    JsonNode root = parse_value(0);
    skip_spaces();
    if (pos_ < text_.size()) {
      size_t start = pos_;
      std::string token = next_token_text();
      fail_at(start, pos_, fmt::format("Expected end of input, but found \"{}\".", token));
    }
    return root;
  }

 private:
  // Deeper documents fail with 54001 before the recursion could exhaust a backend thread's stack
  // (PostgreSQL's own limit comes from max_stack_depth and lies somewhat deeper).
  static constexpr int kMaxDepth = 2000;

  void skip_spaces() {
    while (pos_ < text_.size() && is_json_space(text_[pos_])) ++pos_;
  }

  // The text of the token at pos_ (advancing past it), as the lexer would cut it.
  std::string next_token_text() {
    size_t start = pos_;
    char c = text_[pos_];
    if (c == '"') {
      ++pos_;
      while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
      pos_ = std::min(pos_ + 1, text_.size());
    } else if (is_delimiter(c)) {
      ++pos_;
    } else {
      while (pos_ < text_.size() && !is_delimiter(text_[pos_])) ++pos_;
    }
    return std::string(text_.substr(start, pos_ - start));
  }

  // CONTEXT as report_json_context: the current line up to the end of the offending token,
  // the last 50 bytes of it at most, "..." where text was left out.
  [[noreturn]] void fail_at(size_t token_start, size_t token_end, std::string detail,
                            const SqlState& state = sqlstate::kInvalidTextRepresentation,
                            std::string message = "invalid input syntax for type json") const {
    (void)token_start;
    size_t line_start = 0;
    int line = 1;
    for (size_t i = 0; i < token_end && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    size_t context_start = line_start;
    std::string prefix;
    if (token_end - context_start >= 50) {
      context_start = token_end - 49;
      while (context_start < token_end && (static_cast<unsigned char>(text_[context_start]) & 0xC0) == 0x80)
        ++context_start;
      prefix = "...";
    }
    std::string suffix =
        token_end < text_.size() && text_[token_end] != '\n' && text_[token_end] != '\r' ? "..." : "";
    throw SqlError(state, std::move(message))
        .with_detail(std::move(detail))
        .with_context(fmt::format("JSON data, line {}: {}{}{}", line, prefix,
                                  text_.substr(context_start, token_end - context_start), suffix));
  }

  [[noreturn]] void fail_unexpected_end() const {
    fail_at(text_.size(), text_.size(), "The input string ended unexpectedly.");
  }

  [[noreturn]] void fail_expected(std::string_view expected) {
    size_t start = pos_;
    std::string token = next_token_text();
    if (!token.empty() && !is_delimiter(token[0]) && token[0] != '-' &&
        !(token[0] >= '0' && token[0] <= '9') && token != "true" && token != "false" && token != "null") {
      fail_at(start, pos_, fmt::format("Token \"{}\" is invalid.", token));
    }
    fail_at(start, pos_, fmt::format("Expected {}, but found \"{}\".", expected, token));
  }

  JsonNode parse_value(int depth) {
    if (depth > kMaxDepth) {
      throw SqlError(sqlstate::kStatementTooComplex, "stack depth limit exceeded")
          .with_hint("Increase the configuration parameter \"max_stack_depth\" (currently 2048kB), after "
                     "ensuring the platform's stack depth limit is adequate.");
    }
    skip_spaces();
    size_t begin = pos_;
    JsonNode node = parse_bare_value(depth);
    node.source_begin = begin;
    node.source_end = pos_;
    return node;
  }

  JsonNode parse_bare_value(int depth) {
    if (pos_ >= text_.size()) fail_unexpected_end();
    char c = text_[pos_];
    if (c == '{') return parse_object(depth);
    if (c == '[') return parse_array(depth);
    if (c == '"') {
      JsonNode node;
      node.kind = JsonNode::Kind::String;
      node.scalar = parse_string();
      return node;
    }
    if (c == ']' || c == '}' || c == ',' || c == ':') fail_expected("JSON value");
    return parse_scalar();
  }

  JsonNode parse_scalar() {
    size_t start = pos_;
    while (pos_ < text_.size() && !is_delimiter(text_[pos_])) ++pos_;
    std::string_view word = text_.substr(start, pos_ - start);
    JsonNode node;
    if (word == "true" || word == "false") {
      node.kind = JsonNode::Kind::Bool;
      node.boolean = word == "true";
    } else if (word == "null") {
      node.kind = JsonNode::Kind::Null;
    } else if (is_json_number(word)) {
      node.kind = JsonNode::Kind::Number;
      node.scalar = std::string(word);
    } else {
      fail_at(start, pos_, fmt::format("Token \"{}\" is invalid.", word));
    }
    return node;
  }

  // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
  static bool is_json_number(std::string_view w) {
    size_t i = 0;
    auto digits = [&] {
      size_t s = i;
      while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
      return i - s;
    };
    if (i < w.size() && w[i] == '-') ++i;
    if (i < w.size() && w[i] == '0') {
      ++i;
    } else if (digits() == 0) {
      return false;
    }
    if (i < w.size() && w[i] == '.') {
      ++i;
      if (digits() == 0) return false;
    }
    if (i < w.size() && (w[i] == 'e' || w[i] == 'E')) {
      ++i;
      if (i < w.size() && (w[i] == '+' || w[i] == '-')) ++i;
      if (digits() == 0) return false;
    }
    return i == w.size();
  }

  std::string parse_string() {
    size_t start = pos_;
    ++pos_;
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) fail_unexpected_end();
      char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        fail_at(start, pos_ + 1, fmt::format("Character with value 0x{:02x} must be escaped.", c));
      }
      if (c != '\\') {
        out.push_back(c);
        ++pos_;
        continue;
      }
      if (pos_ + 1 >= text_.size()) fail_unexpected_end();
      char e = text_[pos_ + 1];
      pos_ += 2;
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': append_unicode_escape(start, out); break;
        default:
          fail_at(start, pos_, fmt::format("Escape sequence \"\\{}\" is invalid.", e));
      }
    }
  }

  char32_t read_hex4(size_t start) {
    if (pos_ + 4 > text_.size()) {
      while (pos_ < text_.size() && text_[pos_] != '"') ++pos_;
      fail_at(start, pos_, "\"\\u\" must be followed by four hexadecimal digits.");
    }
    char32_t value = 0;
    for (int k = 0; k < 4; ++k) {
      int d = hex_digit(text_[pos_ + k]);
      if (d < 0) fail_at(start, pos_ + k + 1, "\"\\u\" must be followed by four hexadecimal digits.");
      value = value * 16 + static_cast<char32_t>(d);
    }
    pos_ += 4;
    return value;
  }

  void append_unicode_escape(size_t start, std::string& out) {
    char32_t code = read_hex4(start);
    if (code >= 0xD800 && code <= 0xDBFF) {
      if (pos_ + 1 < text_.size() && text_[pos_] == '\\' && text_[pos_ + 1] == 'u') {
        pos_ += 2;
        char32_t low = read_hex4(start);
        if (low < 0xDC00 || low > 0xDFFF) {
          fail_at(start, pos_, "Unicode high surrogate must not be followed by another high surrogate.");
        }
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
      } else {
        fail_at(start, pos_, "Unicode high surrogate must not be followed by another high surrogate.");
      }
    } else if (code >= 0xDC00 && code <= 0xDFFF) {
      fail_at(start, pos_, "Unicode low surrogate must follow a high surrogate.");
    }
    if (code == 0) {
      if (for_jsonb_) {
        fail_at(start, pos_, "\\u0000 cannot be converted to text.", sqlstate::kUntranslatableCharacter,
                "unsupported Unicode escape sequence");
      }
      out.append("\\u0000");
      return;
    }
    utf8_append(out, code);
  }

  JsonNode parse_array(int depth) {
    ++pos_;
    JsonNode node;
    node.kind = JsonNode::Kind::Array;
    skip_spaces();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return node;
    }
    while (true) {
      node.items.push_back(parse_value(depth + 1));
      skip_spaces();
      if (pos_ >= text_.size()) fail_unexpected_end();
      if (text_[pos_] == ']') {
        ++pos_;
        return node;
      }
      if (text_[pos_] != ',') fail_expected("\",\" or \"]\"");
      ++pos_;
    }
  }

  JsonNode parse_object(int depth) {
    ++pos_;
    JsonNode node;
    node.kind = JsonNode::Kind::Object;
    skip_spaces();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return node;
    }
    while (true) {
      skip_spaces();
      if (pos_ >= text_.size()) fail_unexpected_end();
      if (text_[pos_] != '"') fail_expected("string or \"}\"");
      std::string key = parse_string();
      skip_spaces();
      if (pos_ >= text_.size()) fail_unexpected_end();
      if (text_[pos_] != ':') fail_expected("\":\"");
      ++pos_;
      node.members.emplace_back(std::move(key), parse_value(depth + 1));
      skip_spaces();
      if (pos_ >= text_.size()) fail_unexpected_end();
      if (text_[pos_] == '}') {
        ++pos_;
        return node;
      }
      if (text_[pos_] != ',') fail_expected("\",\" or \"}\"");
      ++pos_;
    }
  }

  std::string_view text_;
  bool for_jsonb_;
  size_t pos_ = 0;
};

// jsonb's key order: shorter keys first, equal lengths by bytes.
bool jsonb_key_less(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

void append_jsonb(std::string& out, const JsonNode& node) {
  switch (node.kind) {
    case JsonNode::Kind::Null: out.append("null"); return;
    case JsonNode::Kind::Bool: out.append(node.boolean ? "true" : "false"); return;
    case JsonNode::Kind::Number: out.append(node.scalar); return;
    case JsonNode::Kind::String: append_json_string(out, node.scalar); return;
    case JsonNode::Kind::Array:
      out.push_back('[');
      for (size_t i = 0; i < node.items.size(); ++i) {
        if (i > 0) out.append(", ");
        append_jsonb(out, node.items[i]);
      }
      out.push_back(']');
      return;
    case JsonNode::Kind::Object:
      out.push_back('{');
      for (size_t i = 0; i < node.members.size(); ++i) {
        if (i > 0) out.append(", ");
        append_json_string(out, node.members[i].first);
        out.append(": ");
        append_jsonb(out, node.members[i].second);
      }
      out.push_back('}');
      return;
  }
}

// jsonb's order of kinds: null < string < number < boolean < array < object.
int kind_rank(JsonNode::Kind kind) {
  switch (kind) {
    case JsonNode::Kind::Null: return 0;
    case JsonNode::Kind::String: return 1;
    case JsonNode::Kind::Number: return 2;
    case JsonNode::Kind::Bool: return 3;
    case JsonNode::Kind::Array: return 4;
    case JsonNode::Kind::Object: return 5;
  }
  return 0;
}

int sign_of(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

int compare_nodes(const JsonNode& a, const JsonNode& b) {
  if (a.kind != b.kind) return kind_rank(a.kind) < kind_rank(b.kind) ? -1 : 1;
  switch (a.kind) {
    case JsonNode::Kind::Null: return 0;
    case JsonNode::Kind::Bool: return a.boolean == b.boolean ? 0 : (a.boolean ? 1 : -1);
    case JsonNode::Kind::Number:
      return sign_of(Numeric::parse(a.scalar).compare(Numeric::parse(b.scalar)));
    case JsonNode::Kind::String: return sign_of(a.scalar.compare(b.scalar));
    case JsonNode::Kind::Array:
      if (a.items.size() != b.items.size()) return a.items.size() < b.items.size() ? -1 : 1;
      for (size_t i = 0; i < a.items.size(); ++i)
        if (int c = compare_nodes(a.items[i], b.items[i]); c != 0) return c;
      return 0;
    case JsonNode::Kind::Object:
      if (a.members.size() != b.members.size()) return a.members.size() < b.members.size() ? -1 : 1;
      for (size_t i = 0; i < a.members.size(); ++i) {
        const auto& [ka, va] = a.members[i];
        const auto& [kb, vb] = b.members[i];
        if (ka != kb) return jsonb_key_less(ka, kb) ? -1 : 1;
        if (int c = compare_nodes(va, vb); c != 0) return c;
      }
      return 0;
  }
  return 0;
}

}  // namespace

JsonNode parse_json_tree(std::string_view text, bool jsonb) { return JsonParser(text, jsonb).parse(); }

void normalise_jsonb(JsonNode& node) {
  if (node.kind == JsonNode::Kind::Number) {
    node.scalar = Numeric::parse(node.scalar).to_string();
    return;
  }
  for (JsonNode& item : node.items) normalise_jsonb(item);
  if (node.kind != JsonNode::Kind::Object) return;
  for (auto& member : node.members) normalise_jsonb(member.second);
  // Stable sort keeps duplicates in input order, so the last of each run is the one kept.
  std::stable_sort(node.members.begin(), node.members.end(),
                   [](const auto& a, const auto& b) { return jsonb_key_less(a.first, b.first); });
  std::vector<std::pair<std::string, JsonNode>> unique;
  for (auto& member : node.members) {
    if (!unique.empty() && unique.back().first == member.first) {
      unique.back().second = std::move(member.second);
    } else {
      unique.push_back(std::move(member));
    }
  }
  node.members = std::move(unique);
}

std::string jsonb_text(const JsonNode& node) {
  std::string out;
  append_jsonb(out, node);
  return out;
}

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  for (char c : text) {
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<int>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

Value parse_json(std::string_view text) {
  JsonParser(text, false).parse();
  return Value::text(std::string(text), TypeId::Json);
}

Value parse_jsonb(std::string_view text) {
  JsonNode node = JsonParser(text, true).parse();
  normalise_jsonb(node);
  return jsonb_value(node);
}

Value jsonb_value(const JsonNode& node) { return Value::text(jsonb_text(node), TypeId::Jsonb); }

int compare_jsonb(const Value& a, const Value& b) {
  if (a.as_text() == b.as_text()) return 0;
  return compare_nodes(parse_json_tree(a.as_text()), parse_json_tree(b.as_text()));
}

}  // namespace chalkdb
