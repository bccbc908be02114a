#include "server/protocol/extended_messages.h"

#include <fmt/format.h>

#include "server/protocol/message_reader.h"
#include "sql/error/sql_error.h"
#include "sql/parser/utf8_validation.h"

namespace chalkdb {

namespace {

SqlError protocol_violation(std::string message) {
  return SqlError(sqlstate::kProtocolViolation, std::move(message));
}

std::vector<int16_t> read_format_codes(MessageReader& reader) {
  int16_t count = reader.get_int16();
  std::vector<int16_t> formats;
  for (int16_t i = 0; i < count; ++i) {
    int16_t format = reader.get_int16();
    if (format != 0 && format != 1) {
      throw SqlError(sqlstate::kInvalidParameterValue, fmt::format("unsupported format code: {}", format));
    }
    formats.push_back(format);
  }
  return formats;
}

TargetMessage decode_target(std::string_view body, const char* message) {
  MessageReader reader(body);
  TargetMessage target;
  target.kind = static_cast<char>(reader.get_byte());
  target.name = std::string(reader.get_cstring());
  reader.expect_end();
  if (target.kind != 'S' && target.kind != 'P') {
    throw protocol_violation(fmt::format("invalid {} message subtype {}", message,
                                         static_cast<int>(static_cast<unsigned char>(target.kind))));
  }
  return target;
}

}  // namespace

int16_t BindMessage::parameter_format(size_t index) const {
  if (parameter_formats.empty()) return 0;
  if (parameter_formats.size() == 1) return parameter_formats.front();
  return parameter_formats[index];
}

std::vector<int16_t> BindMessage::result_formats_for(size_t columns) const {
  if (result_formats.empty()) return std::vector<int16_t>(columns, 0);
  if (result_formats.size() == 1) return std::vector<int16_t>(columns, result_formats.front());
  if (result_formats.size() != columns) {
    throw protocol_violation(fmt::format("bind message has {} result formats but query has {} columns",
                                         result_formats.size(), columns));
  }
  return result_formats;
}

ParseMessage decode_parse(std::string_view body) {
  MessageReader reader(body);
  ParseMessage parse;
  parse.statement = std::string(reader.get_cstring());
  std::string_view query = reader.get_cstring();
  check_utf8(query);
  parse.query = std::string(query);
  int16_t count = reader.get_int16();
  if (count < 0) throw protocol_violation("invalid message format");
  for (int16_t i = 0; i < count; ++i) parse.parameter_types.push_back(static_cast<uint32_t>(reader.get_int32()));
  reader.expect_end();
  return parse;
}

BindMessage decode_bind(std::string_view body) {
  MessageReader reader(body);
  BindMessage bind;
  bind.portal = std::string(reader.get_cstring());
  bind.statement = std::string(reader.get_cstring());
  bind.parameter_formats = read_format_codes(reader);
  int16_t count = reader.get_int16();
  if (count < 0) throw protocol_violation("invalid message format");
  if (bind.parameter_formats.size() > 1 && bind.parameter_formats.size() != static_cast<size_t>(count)) {
    throw protocol_violation(fmt::format("bind message has {} parameter formats but {} parameters",
                                         bind.parameter_formats.size(), count));
  }
  for (int16_t i = 0; i < count; ++i) {
    int32_t length = reader.get_int32();
    if (length == -1) {
      bind.parameters.emplace_back(std::nullopt);
    } else if (length < 0) {
      throw protocol_violation("insufficient data left in message");
    } else {
      bind.parameters.emplace_back(std::string(reader.get_bytes(static_cast<size_t>(length))));
    }
  }
  bind.result_formats = read_format_codes(reader);
  reader.expect_end();
  return bind;
}

TargetMessage decode_describe(std::string_view body) { return decode_target(body, "DESCRIBE"); }
TargetMessage decode_close(std::string_view body) { return decode_target(body, "CLOSE"); }

ExecuteMessage decode_execute(std::string_view body) {
  MessageReader reader(body);
  ExecuteMessage execute;
  execute.portal = std::string(reader.get_cstring());
  execute.max_rows = reader.get_int32();
  reader.expect_end();
  return execute;
}

}  // namespace chalkdb
