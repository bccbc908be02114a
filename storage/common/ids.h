// Identifier types shared by the storage and transaction layers.
//
// Transaction ids are 64 bits wide, so unlike PostgreSQL there is no wraparound and no
// freezing: xids only ever grow. Xids below kFirstNormalTransactionId are special, as in
// PostgreSQL (bootstrap rows are always committed).
#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace chalkdb {

using Oid = uint32_t;
using TransactionId = uint64_t;
using CommandId = uint32_t;
using BlockNumber = uint32_t;
using OffsetNumber = uint16_t;  // 1-based index of a line pointer in a page

inline constexpr Oid kInvalidOid = 0;
inline constexpr Oid kFirstNormalObjectId = 16384;  // user objects; below: built in
inline constexpr TransactionId kInvalidTransactionId = 0;
inline constexpr TransactionId kBootstrapTransactionId = 1;  // catalog rows made at bootstrap
inline constexpr TransactionId kFrozenTransactionId = 2;     // reserved, always committed
inline constexpr TransactionId kFirstNormalTransactionId = 3;
inline constexpr TransactionId kMaxTransactionId = UINT64_MAX;
inline constexpr CommandId kFirstCommandId = 0;
inline constexpr BlockNumber kInvalidBlockNumber = 0xFFFFFFFF;
inline constexpr OffsetNumber kInvalidOffsetNumber = 0;

// A tuple's physical address (PostgreSQL's ctid): block number and 1-based line pointer.
struct TupleId {
  BlockNumber block = kInvalidBlockNumber;
  OffsetNumber offset = kInvalidOffsetNumber;

  bool valid() const { return block != kInvalidBlockNumber && offset != kInvalidOffsetNumber; }
  // As PostgreSQL prints a tid: "(0,1)".
  std::string to_string() const {
    std::string text = "(";
    text += std::to_string(block);
    text += ',';
    text += std::to_string(offset);
    text += ')';
    return text;
  }
  friend bool operator==(const TupleId&, const TupleId&) = default;
  friend auto operator<=>(const TupleId&, const TupleId&) = default;
};

}  // namespace chalkdb
