// Numeric's shared internals: cached powers of ten, decimal digit counts of the big-integer
// coefficient, scale alignment and the overflow error. Used only by the files that implement
// Numeric (numeric.cpp, numeric_arithmetic.cpp, numeric_rounding.cpp, numeric_text_io.cpp,
// numeric_math.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sql/error/sql_error.h"
#include "sql/types/numeric.h"

namespace chalkdb::numeric_support {

using BigInt = Numeric::BigInt;

// 10^0 .. 10^511, computed once.
const std::vector<BigInt>& pow10_table();
BigInt pow10(int n);
void multiply_pow10(BigInt& value, int n);

inline bool fits_one_limb(const BigInt& value) { return value.backend().size() == 1; }
inline uint64_t low_limb(const BigInt& value) { return value.backend().limbs()[0]; }

// Decimal digits of a positive integer.
int digit_count(const BigInt& magnitude);
// Its decimal text (not boost's str(), which trips GCC 12's false -Wrestrict warning at -O3).
std::string decimal_string(const BigInt& magnitude);

inline int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// Brings both coefficients to the larger scale; returns that scale.
int align(const Numeric& a, const Numeric& b, BigInt& x, BigInt& y);

// 22003 "value overflows numeric format".
SqlError overflow_error();

}  // namespace chalkdb::numeric_support
