// pageinspect's heap functions: get_raw_page, page_header, page_checksum, heap_page_items,
// with PostgreSQL 15's names, parameters and output columns. They read the page through the
// buffer pool and decode it with the same definitions the heap uses (storage/page/page.h,
// storage/heap/heap_tuple.h), so what they print is the format docs/formats/ describes.
// Differences from PostgreSQL: xids are 64 bits and shown as bigint (PostgreSQL: xid), the
// LSN is shown as text in pg_lsn's X/X notation, t_field3 is the inserting command id
// (t_cmin; PostgreSQL's t_field3 holds t_cid, which may be a combo id). There are no OIDs on
// tuples (t_oid is NULL) and no "fsm"/"vm" fork files to read.
#include <fmt/format.h>

#include <array>
#include <cstring>

#include "executor/functions/engine_functions.h"
#include "executor/functions/relation_arguments.h"
#include "sql/error/sql_error.h"
#include "storage/heap/heap_tuple.h"
#include "storage/page/page.h"
#include "storage/page/page_checksum.h"

namespace chalkdb {

namespace {

DataType type(TypeId id) { return DataType{id}; }

// A page given as a bytea argument, copied to an aligned buffer (a bytea's bytes are not).
struct PageCopy {
  alignas(disk::kMaxAlign) std::array<std::byte, disk::kPageSize> bytes;

  explicit PageCopy(const Value& bytea) {
    const std::string& raw = bytea.as_text();
    if (raw.size() != disk::kPageSize) {
      throw SqlError(sqlstate::kInvalidParameterValue, "invalid page size")
          .with_detail(fmt::format("Expected {} bytes, got {}.", disk::kPageSize, raw.size()));
    }
    std::memcpy(bytes.data(), raw.data(), disk::kPageSize);
  }
  Page page() { return Page(std::span<std::byte, disk::kPageSize>(bytes)); }
};

Value raw_page(ExecContext& context, std::string_view relation_name, std::string_view fork,
               const Value& block_value) {
  BlockNumber block = block_number_argument(block_value);
  auto relation = relation_named(context, relation_name);
  if (fork != "main") {
    if (fork != "fsm" && fork != "vm" && fork != "init")
      throw SqlError(sqlstate::kInvalidParameterValue, "invalid fork name")
          .with_hint("Valid fork names are \"main\", \"fsm\", \"vm\", and \"init\".");
    throw SqlError(sqlstate::kUndefinedFile,
                   fmt::format("could not open file \"{}_{}\": No such file or directory",
                               RelationFiles::relative_path(relation->relfilenode), fork));
  }
  if (relation->relkind == kRelkindView) {
    throw SqlError(sqlstate::kWrongObjectType,
                   fmt::format("cannot get raw page from relation \"{}\"", relation->name))
        .with_detail("This operation is not supported for views.");
  }
  check_block_in_range(context, *relation, block);
  PageGuard guard = context.storage.buffer_pool().read_page(relation->relfilenode, block);
  Page page = guard.page();
  std::string bytes(reinterpret_cast<const char*>(page.bytes().data()), disk::kPageSize);
  return Value::text(std::move(bytes), TypeId::Bytea);
}

Value get_raw_page(ExecContext& context, std::span<const Value> args) {
  return raw_page(context, args[0].as_text(), "main", args[1]);
}

Value get_raw_page_fork(ExecContext& context, std::span<const Value> args) {
  return raw_page(context, args[0].as_text(), args[1].as_text(), args[2]);
}

std::string lsn_text(uint64_t lsn) {
  return fmt::format("{:X}/{:X}", lsn >> 32, lsn & 0xFFFFFFFF);
}

void page_header(ExecContext&, std::span<const Value> args, EngineRows& out) {
  PageCopy copy(args[0]);
  Page page = copy.page();
  uint16_t size_version = page.pagesize_version();
  out.push_back({Value::text(lsn_text(page.lsn())),
                 Value::int2(static_cast<int16_t>(page.checksum())),
                 Value::int2(static_cast<int16_t>(page.flags())),
                 Value::int4(page.lower()),
                 Value::int4(page.upper()),
                 Value::int4(page.special()),
                 Value::int4(size_version & 0xFF00),
                 Value::int2(static_cast<int16_t>(size_version & 0x00FF)),
                 Value::int8(static_cast<int64_t>(page.prune_xid()))});
}

// t_bits as PostgreSQL's bits_to_text prints it: every bit of the bitmap's bytes, '1' for a
// present column, least significant bit first.
std::string bits_text(std::span<const uint8_t> bitmap) {
  std::string text;
  for (uint8_t byte : bitmap)
    for (int bit = 0; bit < 8; ++bit) text.push_back((byte >> bit) & 1 ? '1' : '0');
  return text;
}

std::vector<Value> tuple_columns(std::span<std::byte> item) {
  HeapTupleHeader header(item);
  TupleId ctid = header.ctid();
  std::span<const std::byte> data = header.hoff() <= item.size()
                                        ? std::span<const std::byte>(item).subspan(header.hoff())
                                        : std::span<const std::byte>();
  return {Value::int8(static_cast<int64_t>(header.xmin())),
          Value::int8(static_cast<int64_t>(header.xmax())),
          Value::int4(static_cast<int32_t>(header.cmin())),
          Value::tid(ctid.block, ctid.offset),
          Value::int4(header.infomask2()),
          Value::int4(header.infomask()),
          Value::int2(header.hoff()),
          header.has_nulls() ? Value::text(bits_text(header.null_bitmap())) : Value::null(TypeId::Text),
          Value::null(TypeId::Oid),
          Value::text(std::string(reinterpret_cast<const char*>(data.data()), data.size()),
                      TypeId::Bytea)};
}

// A normal item whose bytes lie in the page and can hold a header (PostgreSQL checks the
// same before decoding, so a damaged page shows NULLs instead of garbage or a crash).
bool item_is_decodable(Page& page, OffsetNumber offset) {
  LinePointer lp = page.line_pointer(offset);
  if (!lp.is_normal() || !page.has_item(offset)) return false;
  if (lp.length < disk::kHeapTupleHeaderSize) return false;
  HeapTupleHeader header(page.item(offset));
  size_t bitmap = header.has_nulls() ? (header.natts() + 7) / 8 : 0;
  return header.hoff() >= disk::kHeapTupleHeaderSize + bitmap && header.hoff() <= lp.length;
}

void heap_page_items(ExecContext&, std::span<const Value> args, EngineRows& out) {
  PageCopy copy(args[0]);
  Page page = copy.page();
  if (page.lower() < disk::kPageHeaderSize || page.lower() > disk::kPageSize) return;
  for (OffsetNumber offset = 1; offset <= page.item_count(); ++offset) {
    LinePointer lp = page.line_pointer(offset);
    std::vector<Value> row = {Value::int2(static_cast<int16_t>(offset)),
                              Value::int2(static_cast<int16_t>(lp.offset)),
                              Value::int2(lp.flags),
                              Value::int2(static_cast<int16_t>(lp.length))};
    if (item_is_decodable(page, offset)) {
      for (auto& v : tuple_columns(page.item(offset))) row.push_back(std::move(v));
    } else {
      for (TypeId t : {TypeId::Int8, TypeId::Int8, TypeId::Int4, TypeId::Tid, TypeId::Int4,
                       TypeId::Int4, TypeId::Int2, TypeId::Text, TypeId::Oid, TypeId::Bytea})
        row.push_back(Value::null(t));
    }
    out.push_back(std::move(row));
  }
}

// page_checksum(page, blkno): the checksum the page would have at that block (NULL for a new
// page), to compare with page_header's checksum.
Value page_checksum_fn(ExecContext&, std::span<const Value> args) {
  BlockNumber block = block_number_argument(args[1]);
  PageCopy copy(args[0]);
  if (copy.page().is_new()) return Value::null(TypeId::Int2);
  return Value::int2(static_cast<int16_t>(page_checksum(copy.bytes, block)));
}

}  // namespace

void register_pageinspect_functions(EngineFunctionRegistry& registry) {
  const DataType bytea = type(TypeId::Bytea), text = type(TypeId::Text), int2 = type(TypeId::Int2),
                 int4 = type(TypeId::Int4), int8 = type(TypeId::Int8);
  registry.add(EngineFunction::scalar_function("get_raw_page", {{"relname", text}, {"blkno", int8}},
                                               bytea, get_raw_page));
  registry.add(EngineFunction::scalar_function(
      "get_raw_page", {{"relname", text}, {"fork", text}, {"blkno", int8}}, bytea,
      get_raw_page_fork));
  EngineFunction header = EngineFunction::set_function(
      "page_header", {{"page", bytea}},
      {{"lsn", text}, {"checksum", int2}, {"flags", int2}, {"lower", int4}, {"upper", int4},
       {"special", int4}, {"pagesize", int4}, {"version", int2}, {"prune_xid", int8}},
      page_header);
  header.estimated_rows = 1;
  registry.add(std::move(header));
  registry.add(EngineFunction::scalar_function("page_checksum", {{"page", bytea}, {"blkno", int8}},
                                               int2, page_checksum_fn));
  registry.add(EngineFunction::set_function(
      "heap_page_items", {{"page", bytea}},
      {{"lp", int2}, {"lp_off", int2}, {"lp_flags", int2}, {"lp_len", int2}, {"t_xmin", int8},
       {"t_xmax", int8}, {"t_field3", int4}, {"t_ctid", type(TypeId::Tid)}, {"t_infomask2", int4},
       {"t_infomask", int4}, {"t_hoff", int2}, {"t_bits", text}, {"t_oid", type(TypeId::Oid)},
       {"t_data", bytea}},
      heap_page_items));
}

}  // namespace chalkdb
