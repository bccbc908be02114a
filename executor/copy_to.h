// CopyTo: COPY table [(columns)] TO STDOUT / a file, and COPY (query) TO ... — rows written
// one line each in text or CSV format.
//
// Text format escapes backslash, the delimiter and \b \f \n \r \t \v and writes NULL as the
// NULL string (CopyAttributeOutText); CSV quotes a field when FORCE_QUOTE asks, when it equals
// the NULL string, or holds the delimiter, the quote or a line break (CopyAttributeOutCSV).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "executor/copy_options.h"
#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"
#include "storage/catalog/table_info.h"

namespace chalkdb {

// Receives each line of output (with its line end).
using CopyWriter = std::function<void(std::string_view)>;

// The number of columns COPY TO will write (for CopyOutResponse) is known once the source is
// resolved; `begin` is called with it before the first line.
uint64_t copy_to(const ast::CopyStmt& copy, const CopyOptions& options,
                 std::shared_ptr<const TableInfo> table, ExecContext& context,
                 const std::function<void(size_t columns)>& begin, const CopyWriter& write);

}  // namespace chalkdb
