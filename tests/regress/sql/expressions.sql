--
-- Scalar expressions: operator precedence, casts, integer / float / numeric arithmetic and
-- their output formats, division by zero, overflow, concatenation, NULL semantics, booleans,
-- and date and timestamp literals.
--
-- precedence and associativity
SELECT 2 + 3 * 4, (2 + 3) * 4, 10 - 4 - 3, 2 * 3 % 4, 100 / 10 / 5;
SELECT 2 ^ 3 ^ 2, -2 ^ 2, 2 ^ -1, - 5 + 3, -(5 + 3);
SELECT 1 + 2 = 3, NOT 1 = 2 AND 2 = 2, true OR false AND false, 'a' || 'b' = 'ab';
-- comparison operators do not associate
SELECT 1 < 2 = true;
-- integer arithmetic truncates toward zero; % takes the sign of the dividend
SELECT 1 / 3, 7 / 2, -7 / 2, 7 / -2, -7 % 3, 7 % -3, -7 % -3;
SELECT 2 ^ 10, 4 ^ 0.5, 10 ^ -2, 0 ^ 0;
-- numeric keeps the scale of its inputs, division picks a scale of its own
SELECT 1.0 / 3, 10.0 / 4, 2.0 / 3 * 3, 1 / 3.0;
SELECT 1.50 + 2.505, 1.23 * 4.5, 5.5 % 2, -0.5 * 2, 0.0 * -1;
SELECT 123456789012345678901234567890 + 1, 99999999999999999999 * 99999999999999999999;
SELECT 0.1 + 0.2, 0.1 + 0.2 = 0.3;
-- float8 and float4 print the shortest text that reads back exactly
SELECT 0.1::float8 + 0.2::float8, 0.1::float8 + 0.2::float8 = 0.3::float8;
SELECT 1::float8 / 3, 3::float4 / 7, 2::float8 ^ 0.5, 100.0::float8, -0.0::float8;
SELECT 1e20::float8, 1e-5::float8, 123456789012345678::float8, 1.5e300::float8 * 1e7;
SELECT 1e15::float8, 1e16::float8, 0.0001::float8, 0.00001::float8, 1e308::float8;
SELECT 3.4e38::float4, 1.17549435e-38::float4, 16777217::float4, 0.1::float4 + 0.2::float4;
SELECT 'NaN'::float8, 'Infinity'::float8, '-inf'::float8, 'NaN'::numeric;
-- mixed types promote: int op numeric is numeric, anything op float is float
SELECT 1 + 1.5, 1 + 1.5::float8, 2::int2 * 3::int8, 1.5 + 1::float4;
-- casts: :: and CAST, rounding to integer, numeric typmods
SELECT CAST('42' AS int), '42'::int8 + 1, CAST(3.7 AS int), '3.7'::float8::int;
SELECT 2.5::int, 3.5::int, (-2.5)::int, 2.5::float8::int, 3.5::float8::int, (-2.5)::float8::int;
SELECT 12.345::numeric(5,2), 12.344::numeric(5,2), (-12.345)::numeric(5,2), 7::numeric(5,2);
SELECT CAST(1.5 AS text) || '!', 42::text, true::text, 'yes'::boolean, 'off'::boolean;
SELECT '  12  '::int, '-0'::int, '+7'::int2, '007'::int8;
SELECT 1234.5::numeric(4,1);
SELECT 'abc'::int;
SELECT '12abc'::int8;
SELECT 'maybe'::boolean;
SELECT '1.2.3'::numeric;
SELECT 40000::int2;
SELECT 1e10::int;
SELECT '9223372036854775808'::int8;
-- overflow and division by zero
SELECT 2147483647 + 1;
SELECT -2147483648 - 1;
SELECT 9223372036854775807 + 1;
SELECT 32767::int2 + 1::int2;
SELECT 1e308::float8 * 10;
SELECT 1 / 0;
SELECT 1.0 / 0;
SELECT 1::float8 / 0;
SELECT 5 % 0;
SELECT 0 / 0;
-- string concatenation
SELECT 'abc' || 'def', 'num: ' || 42, 1.5 || ' units', 'x' || NULL, '' || '';
SELECT 'it''s', 'a' || 'b' || 'c' AS abc, 'x' || 1 + 2;
-- NULL in comparisons and arithmetic
SELECT NULL = NULL, 1 = NULL, NULL <> 1, NULL IS NULL, 1 IS NOT NULL, NULL + 1, NULL || 'x';
SELECT NULL::int IS NULL, NULL::text IS NOT NULL, (NULL::int < 5) IS NULL;
-- boolean output, comparisons, and three-valued logic
SELECT true, false, 1 < 2, 'a' < 'b', 2 >= 3, 1 <> 1, 'abc' = 'abc', 1.0 = 1;
SELECT true AND NULL, false AND NULL, true OR NULL, false OR NULL, NOT NULL::boolean;
SELECT NULL::boolean AND NULL, NULL::boolean OR NULL, true AND true, NOT false;
-- dates and timestamps
SELECT DATE '2024-02-29', '2024-03-01'::date - 1, DATE '2024-01-31' + 1, '2023-12-31'::date + 366;
SELECT DATE '2024-03-01' - DATE '2024-01-01', DATE '2024-01-01' < DATE '2024-01-02';
SELECT TIMESTAMP '2024-02-29 13:45:30', '2024-01-01 00:00:00.5'::timestamp;
SELECT '2024-01-01 08:00:00.123456'::timestamp, TIMESTAMP '2024-01-01';
SELECT CAST(DATE '2024-05-17' AS timestamp), CAST(TIMESTAMP '2024-05-17 23:59:59' AS date);
SELECT DATE '2024-01-01' = TIMESTAMP '2024-01-01 00:00:00', DATE '0001-01-01', DATE '9999-12-31';
SELECT DATE '2024-02-30';
SELECT '2024-13-01'::date;
SELECT 'yesterday-ish'::date;
SELECT TIMESTAMP '2024-01-01 25:00:00';
