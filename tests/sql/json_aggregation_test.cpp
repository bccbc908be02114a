// The json aggregates' results from collected inputs: PostgreSQL's json_agg and
// json_object_agg text layout, normalised jsonb, and the key checks.
#include <gtest/gtest.h>

#include "sql/error/sql_error.h"
#include "sql/types/json_aggregation.h"
#include "sql/types/value_io.h"

namespace chalkdb {
namespace {

using T = TypeId;

Value int_array(std::string_view text) { return parse_value(text, DataType{T::Int4Array}); }

TEST(JsonAggregationTest, JsonAggSeparatesWithCommaSpaceAndBreaksBeforeLaterArrays) {
  EXPECT_EQ(json_agg_result({Value::int4(1), Value::null(T::Int4), Value::text("a\"b")}).as_text(),
            "[1, null, \"a\\\"b\"]");
  EXPECT_EQ(json_agg_result({int_array("{1,2}"), Value::null(T::Int4Array), int_array("{3}")}).as_text(),
            "[[1,2], null, \n [3]]");
  EXPECT_EQ(json_agg_result({Value::text("{\"b\":1,  \"a\":2}", T::Json)}).as_text(), "[{\"b\":1,  \"a\":2}]");
}

TEST(JsonAggregationTest, JsonbAggNormalisesItsElements) {
  EXPECT_EQ(jsonb_agg_result({Value::text("{\"b\":1,  \"a\":2}", T::Json), Value::null(T::Int4)}).as_text(),
            "[{\"a\": 2, \"b\": 1}, null]");
}

TEST(JsonAggregationTest, ObjectAggregatesKeepOrDeduplicateKeys) {
  std::vector<std::pair<Value, Value>> members{{Value::text("k"), Value::int4(1)},
                                               {Value::text("a"), Value::boolean(true)},
                                               {Value::text("k"), Value::null(T::Int4)}};
  EXPECT_EQ(json_object_agg_result(members).as_text(), "{ \"k\" : 1, \"a\" : true, \"k\" : null }");
  EXPECT_EQ(jsonb_object_agg_result(members).as_text(), "{\"a\": true, \"k\": null}");
}

TEST(JsonAggregationTest, KeysMustBeNonNullScalars) {
  try {
    check_json_object_agg_key(Value::null(T::Text));
    FAIL();
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kInvalidParameterValue);
    EXPECT_EQ(e.message, "field name must not be null");
  }
  EXPECT_THROW(check_json_object_agg_key(int_array("{1}")), SqlError);
  EXPECT_NO_THROW(check_json_object_agg_key(Value::int4(3)));
}

}  // namespace
}  // namespace chalkdb
