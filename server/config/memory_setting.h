// parse_shared_buffers: reads a --shared-buffers value the way PostgreSQL reads the
// shared_buffers setting — a number of 8 kB pages, or a size with a unit ("128MB", "1.5 GB",
// units B, kB, MB, GB, TB, case-sensitive), rounded to whole pages and limited to
// 16 .. 1073741823 pages.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace chalkdb {

// The message is PostgreSQL's, possibly followed by "\nHINT:  ..." on a second line.
class InvalidSettingValue : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

size_t parse_shared_buffers(std::string_view text);

}  // namespace chalkdb
