#include "executor/copy_from_parser.h"

#include <algorithm>
#include <cstring>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

constexpr size_t kMaxDisplay = 100;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_octal(char c) { return c >= '0' && c <= '7'; }

}  // namespace

std::string copy_printout(std::string_view text) {
  if (text.size() <= kMaxDisplay) return std::string(text);
  size_t cut = kMaxDisplay;
  // Do not split a UTF-8 character.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

bool CopyFromParser::fill() {
  if (end_of_input_) return false;
  if (position_ > 0 && position_ * 2 >= buffer_.size()) {
    buffer_.erase(0, position_);
    position_ = 0;
  }
  if (!source_.read(chunk_)) {
    end_of_input_ = true;
    return false;
  }
  buffer_.append(chunk_);
  return true;
}

size_t CopyFromParser::find_record_end(size_t from) const {
  if (!options_.csv()) {
    const void* found = std::memchr(buffer_.data() + from, '\n', buffer_.size() - from);
    return found ? static_cast<size_t>(static_cast<const char*>(found) - buffer_.data()) : std::string::npos;
  }
  bool in_quotes = false;
  for (size_t i = from; i < buffer_.size(); ++i) {
    char c = buffer_[i];
    if (in_quotes) {
      if (c == options_.escape && options_.escape != options_.quote && i + 1 < buffer_.size() &&
          (buffer_[i + 1] == options_.quote || buffer_[i + 1] == options_.escape)) {
        ++i;
      } else if (c == options_.quote) {
        in_quotes = false;
      }
    } else if (c == options_.quote) {
      in_quotes = true;
    } else if (c == '\n') {
      return i;
    }
  }
  return std::string::npos;
}

bool CopyFromParser::read_record() {
  size_t end;
  while ((end = find_record_end(position_)) == std::string::npos) {
    if (!fill()) break;
  }
  if (end == std::string::npos) {
    if (position_ >= buffer_.size()) return false;
    end = buffer_.size();  // the last record has no line end
    if (options_.csv() && find_record_end(position_) == std::string::npos) {
      // A quote still open at the end of the data.
      size_t quotes = 0;
      for (size_t i = position_; i < end; ++i) quotes += buffer_[i] == options_.quote;
      if (quotes % 2 == 1) {
        record_ = std::string_view(buffer_).substr(position_);
        ++line_number_;
        throw SqlError(sqlstate::kBadCopyFileFormat, "unterminated CSV quoted field");
      }
    }
  }
  size_t next = std::min(end + 1, buffer_.size());
  if (end > position_ && buffer_[end - 1] == '\r') --end;
  record_ = std::string_view(buffer_).substr(position_, end - position_);
  position_ = next;
  ++line_number_;
  return true;
}

bool CopyFromParser::next_record(std::vector<CopyField>& fields) {
  if (!read_record()) return false;
  if (record_ == "\\.") {
    // End-of-data marker: anything after it is ignored, as PostgreSQL does.
    while (fill()) position_ = buffer_.size();
    return false;
  }
  fields.clear();
  decoded_.clear();
  decoded_.reserve(record_.size());
  if (options_.csv()) split_csv(fields);
  else split_text(fields);
  return true;
}

// Fields point into decoded_, which is sized up front so that views stay valid.
void CopyFromParser::split_text(std::vector<CopyField>& fields) {
  const std::string& null_string = options_.null_string;
  const char delimiter = options_.delimiter;
  size_t i = 0;
  const size_t n = record_.size();
  while (true) {
    size_t raw_start = i;
    size_t start = decoded_.size();
    while (i < n && record_[i] != delimiter) {
      char c = record_[i++];
      if (c != '\\' || i >= n) {
        decoded_.push_back(c);
        continue;
      }
      c = record_[i++];
      switch (c) {
        case 'b': decoded_.push_back('\b'); break;
        case 'f': decoded_.push_back('\f'); break;
        case 'n': decoded_.push_back('\n'); break;
        case 'r': decoded_.push_back('\r'); break;
        case 't': decoded_.push_back('\t'); break;
        case 'v': decoded_.push_back('\v'); break;
        case 'x': {
          int value = i < n ? hex_value(record_[i]) : -1;
          if (value < 0) {
            decoded_.push_back('x');
            break;
          }
          ++i;
          if (i < n && hex_value(record_[i]) >= 0) value = value * 16 + hex_value(record_[i++]);
          decoded_.push_back(static_cast<char>(value));
          break;
        }
        default:
          if (is_octal(c)) {
            int value = c - '0';
            if (i < n && is_octal(record_[i])) value = value * 8 + (record_[i++] - '0');
            if (i < n && is_octal(record_[i])) value = value * 8 + (record_[i++] - '0');
            decoded_.push_back(static_cast<char>(value));
          } else {
            decoded_.push_back(c);
          }
      }
    }
    std::string_view raw = record_.substr(raw_start, i - raw_start);
    CopyField field;
    field.is_null = raw == null_string;
    field.text = std::string_view(decoded_).substr(start, decoded_.size() - start);
    fields.push_back(field);
    if (i >= n) break;
    ++i;  // the delimiter
  }
}

void CopyFromParser::split_csv(std::vector<CopyField>& fields) {
  const char delimiter = options_.delimiter, quote = options_.quote, escape = options_.escape;
  const std::string& null_string = options_.null_string;
  size_t i = 0;
  const size_t n = record_.size();
  while (true) {
    size_t raw_start = i;
    size_t start = decoded_.size();
    bool quoted = false;
    while (i < n) {
      char c = record_[i];
      if (c == delimiter) break;
      if (c != quote) {
        decoded_.push_back(c);
        ++i;
        continue;
      }
      quoted = true;
      ++i;  // opening quote
      while (i < n) {
        c = record_[i++];
        if (c == escape && i < n && (record_[i] == quote || record_[i] == escape) &&
            (escape != quote || record_[i] == quote)) {
          decoded_.push_back(record_[i++]);
        } else if (c == quote) {
          break;
        } else {
          decoded_.push_back(c);
        }
      }
    }
    CopyField field;
    field.quoted = quoted;
    field.is_null = !quoted && record_.substr(raw_start, i - raw_start) == null_string;
    field.text = std::string_view(decoded_).substr(start, decoded_.size() - start);
    fields.push_back(field);
    if (i >= n) break;
    ++i;
  }
}

}  // namespace chalkdb
