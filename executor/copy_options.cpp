#include "executor/copy_options.h"

#include <fmt/format.h>

#include <cctype>
#include <optional>
#include <set>
#include <string_view>

#include "sql/error/sql_error.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

SqlError redundant(const ast::CopyOption& option) {
  return SqlError(sqlstate::kSyntaxError, "conflicting or redundant options").with_position(option.location + 1);
}

SqlError invalid(std::string message) {
  return SqlError(sqlstate::kInvalidParameterValue, std::move(message));
}

SqlError not_supported(std::string message) {
  return SqlError(sqlstate::kFeatureNotSupported, std::move(message));
}

// defGetString(): the option's argument as text (42601 "<name> requires a parameter").
std::string string_argument(const ast::CopyOption& option) {
  if (!option.value) {
    throw SqlError(sqlstate::kSyntaxError, fmt::format("{} requires a parameter", option.name))
        .with_position(option.location + 1);
  }
  return *option.value;
}

bool boolean_argument(const ast::CopyOption& option) {
  if (!option.value) return true;
  std::string value = *option.value;
  for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (value == "true" || value == "on" || value == "1") return true;
  if (value == "false" || value == "off" || value == "0") return false;
  if (value == "match") throw not_supported("HEADER MATCH is not supported");
  throw SqlError(sqlstate::kSyntaxError, fmt::format("{} requires a Boolean value", option.name))
      .with_position(option.location + 1);
}

std::vector<std::string> column_list_argument(const ast::CopyOption& option) {
  if (option.all_columns || !option.columns.empty()) return option.columns;
  throw SqlError(sqlstate::kSyntaxError,
                 fmt::format("argument to option \"{}\" must be a list of column names", option.name))
      .with_position(option.location + 1);
}

}  // namespace

CopyOptions copy_options(const ast::CopyStmt& copy) {
  CopyOptions options;
  std::set<std::string> seen;
  std::optional<std::string> delimiter, null_string, quote, escape;
  bool force_quote_given = false, force_not_null_given = false;
  for (const ast::CopyOption& option : copy.options) {
    if (!seen.insert(option.name).second) throw redundant(option);
    if (option.name == "format") {
      std::string format = string_argument(option);
      if (format == "text") options.format = CopyFormat::Text;
      else if (format == "csv") options.format = CopyFormat::Csv;
      else if (format == "binary") throw not_supported("COPY format \"binary\" is not supported yet");
      else throw invalid(fmt::format("COPY format \"{}\" not recognized", format)).with_position(option.location + 1);
    } else if (option.name == "freeze") {
      boolean_argument(option);
    } else if (option.name == "delimiter") {
      delimiter = string_argument(option);
    } else if (option.name == "null") {
      null_string = string_argument(option);
    } else if (option.name == "header") {
      options.header = boolean_argument(option);
    } else if (option.name == "quote") {
      quote = string_argument(option);
    } else if (option.name == "escape") {
      escape = string_argument(option);
    } else if (option.name == "force_quote") {
      force_quote_given = true;
      if (option.all_columns) options.force_quote_all = true;
      else options.force_quote = column_list_argument(option);
    } else if (option.name == "force_not_null") {
      force_not_null_given = true;
      options.force_not_null = column_list_argument(option);
    } else if (option.name == "encoding") {
      std::string encoding = string_argument(option);
      if (encoding != "UTF8" && encoding != "utf8" && encoding != "UTF-8" && encoding != "utf-8")
        throw not_supported(fmt::format("COPY encoding \"{}\" is not supported", encoding));
    } else {
      throw SqlError(sqlstate::kSyntaxError, fmt::format("option \"{}\" not recognized", option.name))
          .with_position(option.location + 1);
    }
  }

  bool csv = options.csv();
  if (delimiter) {
    if (delimiter->size() != 1) throw not_supported("COPY delimiter must be a single one-byte character");
    options.delimiter = (*delimiter)[0];
  } else {
    options.delimiter = csv ? ',' : '\t';
  }
  options.null_string = null_string ? *null_string : (csv ? "" : "\\N");
  if (options.delimiter == '\n' || options.delimiter == '\r')
    throw invalid("COPY delimiter cannot be newline or carriage return");
  if (options.null_string.find_first_of("\r\n") != std::string::npos)
    throw invalid("COPY null representation cannot use newline or carriage return");
  if (!csv && std::string_view("\\.abcdefghijklmnopqrstuvwxyz0123456789").find(options.delimiter) != std::string_view::npos)
    throw invalid(fmt::format("COPY delimiter cannot be \"{}\"", options.delimiter));
  if (quote && !csv) throw not_supported("COPY quote available only in CSV mode");
  if (quote) {
    if (quote->size() != 1) throw not_supported("COPY quote must be a single one-byte character");
    options.quote = (*quote)[0];
  }
  if (csv && options.delimiter == options.quote) throw invalid("COPY delimiter and quote must be different");
  if (escape && !csv) throw not_supported("COPY escape available only in CSV mode");
  if (escape) {
    if (escape->size() != 1) throw not_supported("COPY escape must be a single one-byte character");
    options.escape = (*escape)[0];
  } else {
    options.escape = options.quote;
  }
  if (force_quote_given && !csv) throw not_supported("COPY force quote available only in CSV mode");
  if (force_quote_given && copy.is_from) throw not_supported("COPY force quote only available using COPY TO");
  if (force_not_null_given && !csv) throw not_supported("COPY force not null available only in CSV mode");
  if (force_not_null_given && !copy.is_from)
    throw not_supported("COPY force not null only available using COPY FROM");
  if (options.null_string.find(options.delimiter) != std::string::npos)
    throw invalid("COPY delimiter must not appear in the NULL specification");
  if (csv && options.null_string.find(options.quote) != std::string::npos)
    throw invalid("CSV quote character must not appear in the NULL specification");
  return options;
}

}  // namespace chalkdb
