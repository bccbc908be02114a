#include "server/config/memory_setting.h"

#include <gtest/gtest.h>

namespace chalkdb {
namespace {

std::string failure_of(std::string_view text) {
  try {
    parse_shared_buffers(text);
  } catch (const InvalidSettingValue& error) {
    return error.what();
  }
  return "accepted";
}

// Expected values and messages come from `postgres -c shared_buffers=... -C shared_buffers`.
TEST(MemorySettingTest, PagesAndUnitsAsPostgresReadsThem) {
  EXPECT_EQ(parse_shared_buffers("16384"), 16384u);
  EXPECT_EQ(parse_shared_buffers("128MB"), 16384u);
  EXPECT_EQ(parse_shared_buffers("128 MB"), 16384u);
  EXPECT_EQ(parse_shared_buffers("1.5MB"), 192u);
  EXPECT_EQ(parse_shared_buffers("0x10"), 16u);
  EXPECT_EQ(parse_shared_buffers("1GB"), 131072u);
  EXPECT_EQ(parse_shared_buffers("131072B"), 16u);
}

TEST(MemorySettingTest, InvalidValues) {
  EXPECT_EQ(failure_of("abc"), "invalid value for parameter \"shared_buffers\": \"abc\"");
  EXPECT_EQ(failure_of("10XB"),
            "invalid value for parameter \"shared_buffers\": \"10XB\"\n"
            "HINT:  Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".");
  EXPECT_EQ(failure_of("128mb").substr(0, 44), "invalid value for parameter \"shared_buffers\"");
  EXPECT_EQ(failure_of("inf"), "invalid value for parameter \"shared_buffers\": \"inf\"");
  EXPECT_EQ(failure_of(""), "invalid value for parameter \"shared_buffers\": \"\"");
}

TEST(MemorySettingTest, OutOfRange) {
  EXPECT_EQ(failure_of("8"),
            "8 8kB is outside the valid range for parameter \"shared_buffers\" (16 .. 1073741823)");
  EXPECT_EQ(failure_of("64kB"),
            "8 8kB is outside the valid range for parameter \"shared_buffers\" (16 .. 1073741823)");
  EXPECT_EQ(failure_of("-5"),
            "-5 8kB is outside the valid range for parameter \"shared_buffers\" (16 .. 1073741823)");
  EXPECT_NE(failure_of("9TB"), "accepted");
}

}  // namespace
}  // namespace chalkdb
