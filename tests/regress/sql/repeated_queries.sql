-- Queries that differ only in their constants, as drivers and pgbench send them with the
-- simple protocol: the second and later ones reuse the first one's parse, and must still
-- give their own results, types, errors and error positions.
CREATE TABLE lookup (id int PRIMARY KEY, v text, amount numeric(10,2));
INSERT INTO lookup VALUES (1, 'one', 1.50), (22, 'twenty-two', 22.25), (333, 'it''s', -3.00);
SELECT v FROM lookup WHERE id = 1;
SELECT v FROM lookup WHERE id = 22;
SELECT v FROM lookup WHERE id = 333;
SELECT v FROM lookup WHERE id = -1;
SELECT id, v FROM lookup WHERE v = 'one';
SELECT id, v FROM lookup WHERE v = 'it''s';
SELECT id, v FROM lookup WHERE v = '';
-- Integer constants change type with their size, as a fresh parse would give them.
SELECT pg_typeof(1), pg_typeof(-2147483648), pg_typeof(2147483648), pg_typeof(-9223372036854775808), pg_typeof(9223372036854775808);
SELECT pg_typeof(5), pg_typeof(-5), pg_typeof(5), pg_typeof(-5), pg_typeof(5);
SELECT 1.5::numeric(10,2), 2 + 3;
SELECT 12345.678::numeric(10,2), 20 + 30;
SELECT 1.5::numeric(10,1), 2 + 3;
-- Errors report positions in the query as sent, whatever the length of earlier constants.
SELECT v FROM lookup WHERE id = 1 AND nosuch = 2;
SELECT v FROM lookup WHERE id = 1234567 AND nosuch = 2;
SELECT 'a' || nosuch FROM lookup;
SELECT 'a much longer string' || nosuch FROM lookup;
SELECT 1 + 'x';
SELECT 12345 + 'not a number';
SELECT id FROM lookup WHERE id = 99999999999;
SELECT id FROM lookup WHERE id = 1 / 0;
SELECT id FROM lookup WHERE id = 100 / 0;
-- Writes and transaction blocks in one query string.
UPDATE lookup SET v = 'uno' WHERE id = 1;
UPDATE lookup SET v = 'veintidos' WHERE id = 22;
BEGIN; UPDATE lookup SET amount = amount + 1 WHERE id = 1; COMMIT;
BEGIN; UPDATE lookup SET amount = amount + 100 WHERE id = 333; COMMIT;
SELECT * FROM lookup ORDER BY 1;
SELECT * FROM lookup ORDER BY 2;
SELECT * FROM lookup ORDER BY 3 LIMIT 1;
SELECT * FROM lookup ORDER BY 1 LIMIT 2 OFFSET 1;
DELETE FROM lookup WHERE id = 22 RETURNING v;
DELETE FROM lookup WHERE id = 4444 RETURNING v;
DROP TABLE lookup;
