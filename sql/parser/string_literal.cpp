#include "sql/parser/string_literal.h"

#include <cstdint>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "ChalkSqlLexer.h"
#include "sql/error/sql_error.h"
#include "sql/parser/syntax_error.h"
#include "sql/parser/utf8_validation.h"

namespace chalkdb {

namespace {

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  return (c | 0x20) - 'a' + 10;
}

bool is_high_surrogate(uint32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool is_low_surrogate(uint32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

void append_utf8(std::string& out, uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Walks a literal token's UTF-8 text, keeping the character offset of the current byte so
// errors can point into the query.
class LiteralReader {
 public:
  // Owns the text: token.getText() returns a temporary.
  LiteralReader(std::string text, int token_location)
      : text_(std::move(text)), token_location_(token_location) {}

  bool at_end() const { return position_ >= text_.size(); }
  char peek(size_t ahead = 0) const {
    return position_ + ahead < text_.size() ? text_[position_ + ahead] : '\0';
  }
  char take() {
    const char c = text_[position_++];
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters_;
    return c;
  }
  int location() const { return token_location_ + characters_; }
  std::string_view rest() const { return std::string_view(text_).substr(position_); }

  // Steps over the whitespace and -- comments between continued literal segments.
  void skip_continuation() {
    while (!at_end() && peek() != '\'') {
      if (peek() == '-' && peek(1) == '-') {
        while (!at_end() && peek() != '\n' && peek() != '\r') take();
      } else {
        take();
      }
    }
  }

 private:
  std::string text_;
  int token_location_;
  size_t position_ = 0;
  int characters_ = 0;
};

// Reads segments 'body' ['body' ...] calling `read_char` for each body character that is not
// the closing quote; '' stands for a quote in both kinds of string.
template <typename ReadChar>
std::string read_quoted_segments(LiteralReader& reader, ReadChar read_char) {
  std::string value;
  while (!reader.at_end()) {
    reader.take();  // opening quote
    while (true) {
      if (reader.peek() == '\'') {
        reader.take();
        if (reader.peek() != '\'') break;
        reader.take();
        value += '\'';
      } else {
        read_char(value);
      }
    }
    reader.skip_continuation();
  }
  return value;
}

std::string decode_standard_string_at(std::string_view text, int location) {
  LiteralReader reader(std::string(text), location);
  return read_quoted_segments(reader, [&](std::string& value) { value += reader.take(); });
}

// The backslash escapes of E'...' strings (scan.l's xe* rules).
class EscapeDecoder {
 public:
  explicit EscapeDecoder(LiteralReader& reader) : reader_(reader) {}

  void read(std::string& value) {
    if (reader_.peek() != '\\') {
      value += reader_.take();
      return;
    }
    const int escape_location = reader_.location();
    reader_.take();
    const char c = reader_.take();
    switch (c) {
      case 'b': value += '\b'; break;
      case 'f': value += '\f'; break;
      case 'n': value += '\n'; break;
      case 'r': value += '\r'; break;
      case 't': value += '\t'; break;
      case 'x': read_hex_byte(value); break;
      case 'u': read_unicode(value, c, 4, escape_location); break;
      case 'U': read_unicode(value, c, 8, escape_location); break;
      default:
        if (c >= '0' && c <= '7') {
          read_octal_byte(value, c);
        } else {
          value += c;
        }
    }
  }

  // Called at the end: a high surrogate still waiting for its partner is an error.
  void finish() {
    if (pending_high_surrogate_) surrogate_error();
  }

  bool produced_raw_bytes() const { return raw_bytes_; }

 private:
  void read_octal_byte(std::string& value, char first) {
    int byte = first - '0';
    for (int i = 0; i < 2 && reader_.peek() >= '0' && reader_.peek() <= '7'; ++i) {
      byte = byte * 8 + (reader_.take() - '0');
    }
    value += static_cast<char>(byte & 0xFF);
    raw_bytes_ = true;
  }

  void read_hex_byte(std::string& value) {
    if (!is_hex_digit(reader_.peek())) {
      value += 'x';
      return;
    }
    int byte = hex_value(reader_.take());
    if (is_hex_digit(reader_.peek())) byte = byte * 16 + hex_value(reader_.take());
    value += static_cast<char>(byte);
    raw_bytes_ = true;
  }

  void read_unicode(std::string& value, char kind, int digits, int escape_location) {
    const std::string escape_text =
        std::string{'\\', kind} + std::string(reader_.rest().substr(0, static_cast<size_t>(digits)));
    uint32_t c = 0;
    for (int i = 0; i < digits; ++i) {
      if (!is_hex_digit(reader_.peek())) {
        throw std::move(SqlError(sqlstate::kInvalidEscapeSequence, "invalid Unicode escape")
                            .with_hint("Unicode escapes must be \\uXXXX or \\UXXXXXXXX.")
                            .with_position(escape_location + 1));
      }
      c = c * 16 + static_cast<uint32_t>(hex_value(reader_.take()));
    }
    if (pending_high_surrogate_) {
      if (!is_low_surrogate(c)) throw escape_error("invalid Unicode surrogate pair", escape_text, escape_location);
      append_utf8(value, 0x10000 + ((*pending_high_surrogate_ - 0xD800) << 10) + (c - 0xDC00));
      pending_high_surrogate_.reset();
      return;
    }
    if (is_high_surrogate(c)) {
      pending_high_surrogate_ = c;
      expect_low_surrogate_next();
      return;
    }
    if (is_low_surrogate(c)) throw escape_error("invalid Unicode surrogate pair", escape_text, escape_location);
    if (c == 0 || c > 0x10FFFF) throw escape_error("invalid Unicode escape value", escape_text, escape_location);
    append_utf8(value, c);
  }

  // A high surrogate must be followed at once by \u or \U; anything else is reported at or
  // near that next character, as scan.l's xeu state does.
  void expect_low_surrogate_next() {
    if (reader_.peek() == '\\' && (reader_.peek(1) == 'u' || reader_.peek(1) == 'U')) return;
    surrogate_error();
  }

  [[noreturn]] void surrogate_error() {
    std::string next(reader_.rest().substr(0, 1));
    throw escape_error("invalid Unicode surrogate pair", next, reader_.location());
  }

  static SqlError escape_error(const std::string& message, const std::string& near, int location) {
    return syntax_error(fmt::format("{} at or near \"{}\"", message, near), location);
  }

  LiteralReader& reader_;
  std::optional<uint32_t> pending_high_surrogate_;
  bool raw_bytes_ = false;
};

std::string decode_escape_string(const antlr4::Token& token) {
  const std::string text = token.getText();
  LiteralReader reader(text.substr(1), static_cast<int>(token.getStartIndex()) + 1);
  EscapeDecoder decoder(reader);
  std::string value = read_quoted_segments(reader, [&](std::string& out) { decoder.read(out); });
  decoder.finish();
  if (decoder.produced_raw_bytes()) check_utf8(value);
  return value;
}

std::string decode_dollar_string(const antlr4::Token& token) {
  const std::string text = token.getText();
  const size_t delimiter_length = text.find('$', 1) + 1;
  return text.substr(delimiter_length, text.size() - 2 * delimiter_length);
}

}  // namespace

std::string decode_string_literal(const antlr4::Token& token) {
  switch (token.getType()) {
    case ChalkSqlLexer::ESCAPE_STRING:
      return decode_escape_string(token);
    case ChalkSqlLexer::DOLLAR_STRING:
      return decode_dollar_string(token);
    default:
      return decode_standard_string_at(token.getText(), static_cast<int>(token.getStartIndex()));
  }
}

std::string decode_standard_string(std::string_view text) { return decode_standard_string_at(text, 0); }

}  // namespace chalkdb
