#include "executor/copy_statement.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "executor/copy_from.h"
#include "executor/copy_options.h"
#include "executor/copy_to.h"
#include "planner/binder.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

constexpr SqlState kUndefinedFile{"58P01"};
constexpr SqlState kInvalidName{"42602"};
constexpr size_t kFileChunk = 64 * 1024;

SqlError file_error(const std::string& path, const char* action) {
  int error = errno;
  return SqlError(error == ENOENT ? kUndefinedFile : sqlstate::kIoError,
                  fmt::format("could not open file \"{}\" for {}: {}", path, action, std::strerror(error)));
}

// A server file as COPY FROM's input.
class FileCopySource : public CopyInSource {
 public:
  explicit FileCopySource(const std::string& path) : file_(path, std::ios::binary), path_(path) {
    if (!file_) throw file_error(path, "reading");
  }
  bool read(std::string& chunk) override {
    chunk.resize(kFileChunk);
    file_.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    chunk.resize(static_cast<size_t>(file_.gcount()));
    if (file_.bad()) throw SqlError(sqlstate::kIoError, fmt::format("could not read from COPY file: {}", path_));
    return !chunk.empty();
  }

 private:
  std::ifstream file_;
  std::string path_;
};

std::shared_ptr<const TableInfo> copy_table(const ast::CopyStmt& copy, ExecContext& context) {
  if (!copy.table) return nullptr;
  try {
    return Binder(context.catalog, context.snapshot).lookup_table(*copy.table);
  } catch (SqlError& error) {
    error.position.reset();  // COPY names its table outside any query text position
    throw;
  }
}

uint64_t copy_in(const ast::CopyStmt& copy, const CopyOptions& options,
                 std::shared_ptr<const TableInfo> table, ExecContext& context, ResultSink& sink) {
  CopyFrom loader(copy, options, table, context);
  if (copy.file_name) {
    FileCopySource file(*copy.file_name);
    return loader.load(file);
  }
  return loader.load(sink.copy_in_begin(CopyFormatInfo{false, loader.field_count()}));
}

uint64_t copy_out(const ast::CopyStmt& copy, const CopyOptions& options,
                  std::shared_ptr<const TableInfo> table, ExecContext& context, ResultSink& sink) {
  if (!copy.file_name) {
    uint64_t rows = copy_to(
        copy, options, table, context,
        [&](size_t columns) { sink.copy_out_begin(CopyFormatInfo{false, columns}); },
        [&](std::string_view line) { sink.copy_data(line); });
    sink.copy_out_end();
    return rows;
  }
  const std::string& path = *copy.file_name;
  if (path.empty() || path[0] != '/')
    throw SqlError(kInvalidName, "relative path not allowed for COPY to file");
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) throw file_error(path, "writing");
  uint64_t rows = copy_to(copy, options, table, context, [](size_t) {},
                          [&](std::string_view line) { file.write(line.data(), static_cast<std::streamsize>(line.size())); });
  file.close();
  if (!file) throw SqlError(sqlstate::kIoError, fmt::format("could not write to file \"{}\"", path));
  return rows;
}

}  // namespace

void run_copy(const ast::CopyStmt& copy, ExecContext& context, ResultSink& sink) {
  if (copy.program) throw SqlError(sqlstate::kFeatureNotSupported, "COPY ... PROGRAM is not supported");
  CopyOptions options = copy_options(copy);
  std::shared_ptr<const TableInfo> table = copy_table(copy, context);
  uint64_t rows = copy.is_from ? copy_in(copy, options, table, context, sink)
                               : copy_out(copy, options, table, context, sink);
  sink.command_complete(fmt::format("COPY {}", rows));
}

}  // namespace chalkdb
