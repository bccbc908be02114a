// json and jsonb values: input validation and normalisation, and the tree the operators use.
//
// A json Value holds its input text unchanged (as PostgreSQL's json does); a jsonb Value holds
// the text jsonb_out prints: object keys ordered by length then bytes with the last duplicate
// kept, ", " and ": " separators, numbers as numeric prints them. The parser is ChalkDB's own,
// not nlohmann::json, because PostgreSQL keeps numbers exactly (numeric, not double) and its
// errors name the offending token: 22P02 "invalid input syntax for type json" with DETAIL
// "Token "x" is invalid." / "The input string ended unexpectedly." and CONTEXT "JSON data,
// line 1: ...".
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sql/value/value.h"

namespace chalkdb {

struct JsonNode {
  enum class Kind { Null, Bool, Number, String, Array, Object };
  Kind kind = Kind::Null;
  bool boolean = false;
  std::string scalar;  // Number: its text; String: the decoded string
  std::vector<JsonNode> items;                            // Array
  std::vector<std::pair<std::string, JsonNode>> members;  // Object, in jsonb order when normalised
  size_t source_begin = 0, source_end = 0;  // where the value was in the parsed text
};

// jsonb rules (\u0000 refused) unless `jsonb` is false.
JsonNode parse_json_tree(std::string_view text, bool jsonb = true);
// Sorts keys as jsonb does and drops earlier duplicates, recursively.
void normalise_jsonb(JsonNode& node);
// jsonb_out's text for a tree.
std::string jsonb_text(const JsonNode& node);
// The JSON string literal for `text`, escaped as PostgreSQL's escape_json.
void append_json_string(std::string& out, std::string_view text);

Value parse_json(std::string_view text);   // json_in
Value parse_jsonb(std::string_view text);  // jsonb_in
Value jsonb_value(const JsonNode& node);

int compare_jsonb(const Value& a, const Value& b);

}  // namespace chalkdb
