--
-- Casts between the supported types: implicit, assignment and explicit contexts as pg_cast
-- defines them, conversions and their errors for every input function.
--
-- numeric conversions
SELECT 3.7::int, (-3.5)::int, 2.5::float8::int, 3.5::float8::int, '42'::int2, 127::int2::int8, 1e10::bigint;
SELECT 1::float4, 0.1::float4::float8, 1.5::float8::numeric, 123.456::numeric(5,1), 42::numeric(4,2);
SELECT 32768::int2;
SELECT 2147483648::int;
SELECT 'abc'::int;
SELECT ''::int;
SELECT ' 12 '::int, '+5'::int, '-0'::int;
SELECT '1e400'::float8;
SELECT '12.5x'::numeric;
SELECT 1234.5::numeric(4,1);
-- booleans
SELECT 'yes'::bool, 'off'::bool, 't'::bool, '0'::bool, 1::bool, 0::bool, true::int, false::text;
SELECT 'maybe'::bool;
SELECT 2::bool::int;
-- strings
SELECT 'abcdef'::varchar(3), 'ab'::char(4) || '|', 'abc   '::char(3)::text || '|', 123::text, 1.50::text, true::varchar;
SELECT 12345::varchar(3);
SELECT 'x'::"char", 'abc'::name, 65::"char"::int;
-- dates and times
SELECT '2024-02-29'::date, '2024-02-29 10:30'::timestamp, '2024-02-29 10:30+02'::timestamptz, '10:30'::time, '1 day 2 hours'::interval;
SELECT date '2024-01-01'::timestamp, timestamp '2024-01-01 10:00'::date, timestamp '2024-01-01 10:00'::time, interval '10:30'::time, time '01:00'::interval;
SELECT '2024-02-30'::date;
SELECT 'yesterday'::date = current_date - 1, 'epoch'::timestamp, 'infinity'::date;
SELECT 'garbage'::timestamp;
SELECT '1 fortnight'::interval;
SELECT 1::date;
SELECT date '2024-01-01'::int;
-- json, uuid, bytea, arrays
SELECT '{"a":1}'::json::jsonb, '[1]'::jsonb::json, '1'::jsonb::float8, 'abc'::bytea::text, '\x41'::bytea::text;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid::text, '{1,2}'::int[]::text, '{1,2}'::text::int[];
SELECT 1::jsonb;
SELECT '{"a":1}'::jsonb::int;
SELECT 1::uuid;
SELECT ARRAY[1]::date[];
-- implicit and assignment casts in INSERT and comparisons
CREATE TABLE cast_t (i int, s smallint, v varchar(3), n numeric(5,2), d date, b bool);
INSERT INTO cast_t VALUES (1.6, 2.4, 'ab', 3.14159, '2024-01-01', 'true');
INSERT INTO cast_t (i) VALUES ('7');
INSERT INTO cast_t (v) VALUES ('abcd');
INSERT INTO cast_t (s) VALUES (40000);
INSERT INTO cast_t (d) VALUES (20240101);
INSERT INTO cast_t (b) VALUES (1);
INSERT INTO cast_t (v) VALUES (12);
SELECT * FROM cast_t ORDER BY i;
SELECT i FROM cast_t WHERE i = '1' AND n > 3;
SELECT i FROM cast_t WHERE d = '2024-01-01'::timestamp;
DROP TABLE cast_t;
