// Constants of the PostgreSQL v3 frontend/backend protocol: request codes, protocol versions
// and the message size limits PostgreSQL 15 enforces (libpq/pqcomm.h, postgres.c).
#pragma once

#include <cstdint>

namespace chalkdb::protocol {

constexpr uint32_t make_version(uint32_t major, uint32_t minor) { return (major << 16) | minor; }
constexpr uint32_t version_major(uint32_t version) { return version >> 16; }
constexpr uint32_t version_minor(uint32_t version) { return version & 0xffff; }

inline constexpr uint32_t kProtocolVersion3 = make_version(3, 0);

// Special "protocol versions" that open SSL/GSS negotiation or a cancel request.
inline constexpr uint32_t kCancelRequestCode = make_version(1234, 5678);
inline constexpr uint32_t kSslRequestCode = make_version(1234, 5679);
inline constexpr uint32_t kGssEncRequestCode = make_version(1234, 5680);

// The startup packet body (after its length word) holds 4 to 10000 bytes, as in PostgreSQL.
inline constexpr uint32_t kMaxStartupPacketBody = 10000;
inline constexpr uint32_t kMinStartupPacketBody = 4;  // the protocol version alone
// Limits on a typed message's length word (which counts itself), as in postgres.c.
inline constexpr uint32_t kSmallMessageLimit = 10000;
inline constexpr uint32_t kLargeMessageLimit = 0x3fffffff - 1;  // MaxAllocSize - 1

// PostgreSQL truncates user and database names to NAMEDATALEN - 1 bytes.
inline constexpr size_t kMaxIdentifierBytes = 63;

}  // namespace chalkdb::protocol
