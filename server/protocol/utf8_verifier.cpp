#include "server/protocol/utf8_verifier.h"

#include <algorithm>

#include <fmt/format.h>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

constexpr SqlState kCharacterNotInRepertoire{"22021"};

// Sequence length announced by a lead byte (pg_utf_mblen); invalid lead bytes count as 1.
size_t sequence_length(uint8_t lead) {
  if ((lead & 0x80) == 0) return 1;
  if ((lead & 0xe0) == 0xc0) return 2;
  if ((lead & 0xf0) == 0xe0) return 3;
  if ((lead & 0xf8) == 0xf0) return 4;
  return 1;
}

bool in_range(uint8_t byte, uint8_t low, uint8_t high) { return byte >= low && byte <= high; }

// The second byte's allowed range depends on the lead byte (pg_utf8_islegal).
bool legal_second_byte(uint8_t lead, uint8_t second) {
  switch (lead) {
    case 0xe0: return in_range(second, 0xa0, 0xbf);
    case 0xed: return in_range(second, 0x80, 0x9f);
    case 0xf0: return in_range(second, 0x90, 0xbf);
    case 0xf4: return in_range(second, 0x80, 0x8f);
    default: return in_range(second, 0x80, 0xbf);
  }
}

bool legal_sequence(const uint8_t* bytes, size_t length) {
  uint8_t lead = bytes[0];
  if (lead == 0 || (lead >= 0x80 && lead < 0xc2) || lead > 0xf4) return false;
  if (length >= 2 && !legal_second_byte(lead, bytes[1])) return false;
  for (size_t i = 2; i < length; ++i) {
    if (!in_range(bytes[i], 0x80, 0xbf)) return false;
  }
  return true;
}

[[noreturn]] void report_invalid(const uint8_t* bytes, size_t available) {
  size_t shown = std::min(sequence_length(bytes[0]), available);
  std::string hex;
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) hex += ' ';
    hex += fmt::format("0x{:02x}", bytes[i]);
  }
  throw SqlError(kCharacterNotInRepertoire,
                 fmt::format("invalid byte sequence for encoding \"UTF8\": {}", hex));
}

}  // namespace

void verify_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  size_t position = 0;
  while (position < text.size()) {
    if (bytes[position] != 0 && bytes[position] < 0x80) {
      ++position;
      continue;
    }
    size_t available = text.size() - position;
    size_t length = sequence_length(bytes[position]);
    if (length > available || !legal_sequence(bytes + position, length)) {
      report_invalid(bytes + position, available);
    }
    position += length;
  }
}

}  // namespace chalkdb
