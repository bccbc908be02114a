#include "executor/result_sink.h"

namespace chalkdb {

namespace {

[[noreturn]] void no_client_copy() {
  throw SqlError(sqlstate::kFeatureNotSupported, "COPY to or from a client is not supported here");
}

}  // namespace

void ResultSink::copy_out_begin(const CopyFormatInfo&) { no_client_copy(); }
void ResultSink::copy_data(std::string_view) { no_client_copy(); }
void ResultSink::copy_out_end() { no_client_copy(); }
CopyInSource& ResultSink::copy_in_begin(const CopyFormatInfo&) { no_client_copy(); }

}  // namespace chalkdb
