// ExtendedMessages: decoding of the extended query protocol's frontend messages — Parse,
// Bind, Describe, Execute and Close — with PostgreSQL 15's errors for malformed bodies
// (08P01 from pqformat.c, format-code counts and values as exec_bind_message checks them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chalkdb {

struct ParseMessage {
  std::string statement;
  std::string query;
  std::vector<uint32_t> parameter_types;  // 0: unspecified
};

struct BindMessage {
  std::string portal;
  std::string statement;
  std::vector<int16_t> parameter_formats;  // as sent: none, one for all, or one each
  std::vector<std::optional<std::string>> parameters;  // nullopt: NULL
  std::vector<int16_t> result_formats;     // as sent

  // The format code of parameter `index` (0-based).
  int16_t parameter_format(size_t index) const;
  // One result format per column (08P01 when the count fits neither 0, 1 nor `columns`).
  std::vector<int16_t> result_formats_for(size_t columns) const;
};

// Describe and Close name a statement ('S') or a portal ('P').
struct TargetMessage {
  char kind = 'S';
  std::string name;
};

struct ExecuteMessage {
  std::string portal;
  int32_t max_rows = 0;  // 0 or negative: all
};

ParseMessage decode_parse(std::string_view body);
BindMessage decode_bind(std::string_view body);
TargetMessage decode_describe(std::string_view body);
TargetMessage decode_close(std::string_view body);
ExecuteMessage decode_execute(std::string_view body);

}  // namespace chalkdb
