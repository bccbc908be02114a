#include "sql/types/formatting_functions.h"

#include "sql/types/datetime_template_parser.h"
#include "sql/types/datetime_to_char.h"
#include "sql/types/number_template.h"

namespace chalkdb {

namespace {

using T = TypeId;
using namespace formatting;

}  // namespace

void add_formatting_functions(std::vector<FunctionEntry>& f) {
  f.push_back({"to_char", {T::Timestamp, T::Text}, T::Text, to_char_timestamp_fn});
  f.push_back({"to_char", {T::TimestampTz, T::Text}, T::Text, to_char_timestamp_fn});
  f.push_back({"to_char", {T::Interval, T::Text}, T::Text, to_char_interval_fn});
  for (TypeId t : {T::Int4, T::Int8, T::Float4, T::Float8, T::Numeric})
    f.push_back({"to_char", {t, T::Text}, T::Text, to_char_number_fn});
  f.push_back({"to_date", {T::Text, T::Text}, T::Date, to_date_fn});
  f.push_back({"to_timestamp", {T::Text, T::Text}, T::TimestampTz, to_timestamp_text_fn});
  f.push_back({"to_number", {T::Text, T::Text}, T::Numeric, to_number_fn});
}

}  // namespace chalkdb
