// Every on-disk layout constant of the storage engine, defined once (docs/formats/ explains
// them in prose). All multi-byte fields are stored in the host's byte order, as PostgreSQL
// does; a data directory is therefore not portable between little- and big-endian machines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace chalkdb::disk {

// ---- Data directory (docs/formats/control_file.md) -----------------------------------------
inline constexpr std::string_view kVersionFileName = "CHALKDB_VERSION";  // like PG_VERSION
inline constexpr std::string_view kVersionFileContents = "1\n";
inline constexpr std::string_view kGlobalDirectory = "global";
inline constexpr std::string_view kControlFileName = "global/control";
inline constexpr std::string_view kControlTempFileName = "global/control.tmp";
inline constexpr std::string_view kRelationDirectory = "base";  // base/<relfilenode>
inline constexpr std::string_view kCommitLogDirectory = "pg_xact";

// ---- Control file ----------------------------------------------------------------------------
inline constexpr uint32_t kControlMagic = 0x43484B44;  // "CHKD"
inline constexpr uint32_t kControlFormatVersion = 1;
inline constexpr size_t kControlFileSize = 64;
inline constexpr size_t kControlMagicOffset = 0;           // uint32
inline constexpr size_t kControlVersionOffset = 4;         // uint32
inline constexpr size_t kControlNextXidOffset = 8;         // uint64
inline constexpr size_t kControlNextOidOffset = 16;        // uint32
inline constexpr size_t kControlCleanShutdownOffset = 20;  // uint8 (0 or 1)
inline constexpr size_t kControlCrcOffset = 60;            // uint32 CRC-32 of bytes [0, 60)
// Ids handed out beyond the persisted value are reserved in these steps, so a restart after a
// crash skips at most one step and never reuses an id (PostgreSQL's VAR_OID_PREFETCH idea).
inline constexpr uint64_t kXidReservation = 1024;
inline constexpr uint32_t kOidReservation = 128;

// ---- Page (docs/formats/page.md) -------------------------------------------------------------
inline constexpr size_t kPageSize = 8192;
inline constexpr size_t kMaxAlign = 8;  // MAXALIGN
inline constexpr uint16_t kPageLayoutVersion = 1;
inline constexpr size_t kPdLsnOffset = 0;              // uint64
inline constexpr size_t kPdChecksumOffset = 8;         // uint16, 0 = not computed
inline constexpr size_t kPdFlagsOffset = 10;           // uint16
inline constexpr size_t kPdLowerOffset = 12;           // uint16
inline constexpr size_t kPdUpperOffset = 14;           // uint16
inline constexpr size_t kPdSpecialOffset = 16;         // uint16
inline constexpr size_t kPdPagesizeVersionOffset = 18; // uint16: page size | layout version
inline constexpr size_t kPdPruneXidOffset = 20;        // uint64
inline constexpr size_t kPageHeaderSize = 28;
inline constexpr size_t kLinePointerSize = 4;
// A line pointer packs lp_off:15, lp_flags:2, lp_len:15 into a uint32, low bits first.
inline constexpr uint32_t kLpOffMask = 0x7FFF;
inline constexpr uint32_t kLpFlagsShift = 15;
inline constexpr uint32_t kLpFlagsMask = 0x3;
inline constexpr uint32_t kLpLenShift = 17;
inline constexpr uint32_t kLpLenMask = 0x7FFF;
inline constexpr uint8_t kLpUnused = 0;
inline constexpr uint8_t kLpNormal = 1;
inline constexpr uint8_t kLpRedirect = 2;
inline constexpr uint8_t kLpDead = 3;
// pd_flags bits (PostgreSQL's values).
inline constexpr uint16_t kPdHasFreeLines = 0x0001;
inline constexpr uint16_t kPdPageFull = 0x0002;
inline constexpr uint16_t kPdAllVisible = 0x0004;

// ---- Heap tuple (docs/formats/heap_tuple.md) -------------------------------------------------
inline constexpr size_t kTXminOffset = 0;        // uint64
inline constexpr size_t kTXmaxOffset = 8;        // uint64
inline constexpr size_t kTCminOffset = 16;       // uint32
inline constexpr size_t kTCmaxOffset = 20;       // uint32
inline constexpr size_t kTCtidBlockOffset = 24;  // uint32
inline constexpr size_t kTCtidOffsetOffset = 28; // uint16
inline constexpr size_t kTInfomask2Offset = 30;  // uint16
inline constexpr size_t kTInfomaskOffset = 32;   // uint16
inline constexpr size_t kTHoffOffset = 34;       // uint8
inline constexpr size_t kTBitsOffset = 35;       // null bitmap, one bit per column
inline constexpr size_t kHeapTupleHeaderSize = 35;
// t_infomask bits (PostgreSQL's values).
inline constexpr uint16_t kHeapHasNull = 0x0001;
inline constexpr uint16_t kHeapHasVarWidth = 0x0002;
inline constexpr uint16_t kHeapXmaxExclLock = 0x0040;
inline constexpr uint16_t kHeapXmaxLockOnly = 0x0080;
inline constexpr uint16_t kHeapXminCommitted = 0x0100;
inline constexpr uint16_t kHeapXminInvalid = 0x0200;
inline constexpr uint16_t kHeapXmaxCommitted = 0x0400;
inline constexpr uint16_t kHeapXmaxInvalid = 0x0800;
inline constexpr uint16_t kHeapUpdated = 0x2000;
// t_infomask2 bits.
inline constexpr uint16_t kHeapNattsMask = 0x07FF;
inline constexpr uint16_t kHeapKeysUpdated = 0x2000;
inline constexpr uint16_t kHeapHotUpdated = 0x4000;
inline constexpr uint16_t kHeapOnlyTuple = 0x8000;
inline constexpr size_t kMaxColumns = 1600;  // PostgreSQL's MaxHeapAttributeNumber
// PostgreSQL's MaxHeapTupleSize: what fits on an empty page with one line pointer.
inline constexpr size_t kMaxHeapTupleSize =
    kPageSize - ((kPageHeaderSize + kLinePointerSize + kMaxAlign - 1) & ~(kMaxAlign - 1));

// ---- B-tree index pages (docs/formats/btree_page.md) -----------------------------------------
inline constexpr uint32_t kBtreeMagic = 0x053162;  // BTREE_MAGIC
inline constexpr uint32_t kBtreeVersion = 4;        // BTREE_VERSION (layout is ChalkDB's)
inline constexpr uint32_t kBtreeMetaBlock = 0;      // BTREE_METAPAGE
inline constexpr uint32_t kBtreeNoBlock = 0;        // P_NONE: no sibling / no root yet
// Special space (BTPageOpaqueData), 16 bytes at pd_special.
inline constexpr size_t kBtpoPrevOffset = 0;     // uint32 left sibling
inline constexpr size_t kBtpoNextOffset = 4;     // uint32 right sibling
inline constexpr size_t kBtpoLevelOffset = 8;    // uint32, 0 = leaf
inline constexpr size_t kBtpoFlagsOffset = 12;   // uint16
inline constexpr size_t kBtpoCycleIdOffset = 14; // uint16, unused (no VACUUM yet)
inline constexpr size_t kBtreeSpecialSize = 16;
// btpo_flags bits (PostgreSQL's values).
inline constexpr uint16_t kBtpLeaf = 0x0001;
inline constexpr uint16_t kBtpRoot = 0x0002;
inline constexpr uint16_t kBtpDeleted = 0x0004;
inline constexpr uint16_t kBtpMeta = 0x0008;
inline constexpr uint16_t kBtpHalfDead = 0x0010;
inline constexpr uint16_t kBtpSplitEnd = 0x0020;
inline constexpr uint16_t kBtpHasGarbage = 0x0040;
inline constexpr uint16_t kBtpIncompleteSplit = 0x0080;
// Meta page contents (BTMetaPageData) at MAXALIGN(page header).
inline constexpr size_t kBtMetaOffset = 32;
inline constexpr size_t kBtmMagicOffset = 0;                  // uint32
inline constexpr size_t kBtmVersionOffset = 4;                // uint32
inline constexpr size_t kBtmRootOffset = 8;                   // uint32
inline constexpr size_t kBtmLevelOffset = 12;                 // uint32
inline constexpr size_t kBtmFastRootOffset = 16;              // uint32
inline constexpr size_t kBtmFastLevelOffset = 20;             // uint32
inline constexpr size_t kBtmLastCleanupDelPagesOffset = 24;   // uint32
inline constexpr size_t kBtmLastCleanupHeapTuplesOffset = 32; // float64
inline constexpr size_t kBtmAllEqualImageOffset = 40;         // uint8
inline constexpr size_t kBtMetaSize = 41;
inline constexpr size_t kBtMetaLower = 76;  // pd_lower of the meta page: past the metadata
// Items. Offset 1 of a page with a right sibling is its high key (P_HIKEY); data items start
// at 1 on the rightmost page of a level and at 2 elsewhere (P_FIRSTKEY).
inline constexpr uint16_t kBtHighKeyOffset = 1;
inline constexpr size_t kBtTidSize = 6;     // leaf item = key bytes + heap TID (BE block, offset)
inline constexpr size_t kBtDownlinkSize = 4;  // internal item = child block + separator bytes
// Largest leaf item (key + TID), so that three always fit a page (BTMaxItemSize).
inline constexpr size_t kBtMaxItemSize = 2704;
inline constexpr int kBtLeafFillFactor = 90;      // BTREE_DEFAULT_FILLFACTOR
inline constexpr int kBtInternalFillFactor = 70;  // BTREE_NONLEAF_FILLFACTOR

// ---- Tuple data ------------------------------------------------------------------------------
inline constexpr size_t kNameDataLength = 64;  // NAMEDATALEN: name is 63 bytes + NUL
inline constexpr size_t kVarlenaShortMax = 127;  // total size that fits a 1-byte header

// ---- Commit log (docs/formats/commit_log.md) -------------------------------------------------
inline constexpr size_t kClogBitsPerXact = 2;
inline constexpr size_t kClogXactsPerByte = 4;
inline constexpr size_t kClogPageSize = 8192;
inline constexpr uint64_t kClogXactsPerPage = kClogPageSize * kClogXactsPerByte;  // 32768
inline constexpr uint64_t kClogPagesPerSegment = 32;  // PostgreSQL's SLRU_PAGES_PER_SEGMENT
inline constexpr uint8_t kClogInProgress = 0;
inline constexpr uint8_t kClogCommitted = 1;
inline constexpr uint8_t kClogAborted = 2;
inline constexpr uint8_t kClogSubCommitted = 3;

constexpr size_t max_align(size_t n) { return (n + kMaxAlign - 1) & ~(kMaxAlign - 1); }

}  // namespace chalkdb::disk
