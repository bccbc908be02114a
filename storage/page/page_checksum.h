// Page checksums: PostgreSQL's pg_checksum_page (storage/checksum_impl.h), bit for bit.
//
// The 8 KiB page is read as 32 interleaved streams of uint32 words, each folded with an
// FNV-1a-like step (x = (sum ^ word) * 16777619 ^ ((sum ^ word) >> 17)) from fixed seeds, two
// rounds of zeros are mixed in, the 32 sums are XOR-ed, the block number is XOR-ed in (so a
// page written to the wrong block is caught) and the result is reduced to 1..65535. The
// pd_checksum field counts as zero while computing. The buffer pool stores the checksum in
// every page it writes and verifies it on every read (docs/formats/page.md); an all-zero page
// (a relation extension not yet written) carries none, as in PostgreSQL.
#pragma once

#include <cstdint>
#include <span>

#include "storage/common/disk_format.h"
#include "storage/common/ids.h"

namespace chalkdb {

uint16_t page_checksum(std::span<const std::byte, disk::kPageSize> page, BlockNumber block);

// Stores page_checksum() in the page's pd_checksum field.
void set_page_checksum(std::span<std::byte, disk::kPageSize> page, BlockNumber block);

// True for a page whose stored checksum matches, and for an all-zero page.
bool page_checksum_is_valid(std::span<const std::byte, disk::kPageSize> page, BlockNumber block);

}  // namespace chalkdb
