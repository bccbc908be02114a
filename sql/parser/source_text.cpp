#include "sql/parser/source_text.h"

#include <algorithm>

namespace chalkdb {

namespace {

bool is_continuation_byte(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

SourceText::SourceText(std::string_view query) : query_(query) {
  const bool ascii = std::all_of(query.begin(), query.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return;
  for (size_t i = 0; i < query.size(); ++i) {
    if (!is_continuation_byte(static_cast<unsigned char>(query[i]))) character_offsets_.push_back(i);
  }
  character_offsets_.push_back(query.size());
}

size_t SourceText::byte_offset(size_t character) const {
  if (character_offsets_.empty()) return std::min(character, query_.size());
  return character_offsets_[std::min(character, character_offsets_.size() - 1)];
}

std::string SourceText::slice(size_t first, size_t last) const {
  if (last < first) return {};
  const size_t begin = byte_offset(first);
  const size_t end = byte_offset(last + 1);
  return std::string(query_.substr(begin, end - begin));
}

}  // namespace chalkdb
