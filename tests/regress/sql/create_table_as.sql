--
-- CREATE TABLE ... AS query: column names and types taken from the query or a column list,
-- WITH [NO] DATA, IF NOT EXISTS, command tags and errors.
--
CREATE TABLE cta_src (a int, b text, c numeric(6,2));
INSERT INTO cta_src VALUES (1, 'x', 1.50), (2, 'y', NULL), (3, 'z', 7.25);
CREATE TABLE cta_copy AS SELECT * FROM cta_src;
SELECT * FROM cta_copy ORDER BY a;
-- a column list renames the first columns; the rest keep the query's names
CREATE TABLE cta_named (x) AS SELECT a, b FROM cta_src WHERE a > 1 ORDER BY a DESC;
SELECT * FROM cta_named ORDER BY x;
SELECT x + 1 AS next, b FROM cta_named ORDER BY x;
-- expressions, aggregates and untyped literals
CREATE TABLE cta_exprs AS SELECT 'abc' AS s, 1.5 AS n, NULL AS z, a * 2 AS doubled FROM cta_src WHERE a = 1;
SELECT s, pg_typeof(s) AS s_type, n, pg_typeof(n) AS n_type, pg_typeof(z) AS z_type, doubled FROM cta_exprs;
CREATE TABLE cta_counts AS SELECT b IS NULL AS missing, count(*) FROM cta_src GROUP BY 1;
SELECT missing, count, pg_typeof(count) FROM cta_counts;
-- WITH NO DATA makes the empty table; WITH DATA is the default
CREATE TABLE cta_empty (p, q) AS SELECT a, c FROM cta_src WITH NO DATA;
SELECT count(*) FROM cta_empty;
INSERT INTO cta_empty VALUES (10, 2.5);
SELECT p, q FROM cta_empty;
CREATE TABLE cta_with_data AS SELECT a FROM cta_src WITH DATA;
SELECT count(*) FROM cta_with_data;
-- the new table is an ordinary table
UPDATE cta_copy SET b = 'changed' WHERE a = 2;
DELETE FROM cta_copy WHERE a = 3;
SELECT * FROM cta_copy ORDER BY a;
-- IF NOT EXISTS skips with a NOTICE
CREATE TABLE IF NOT EXISTS cta_copy AS SELECT 1;
CREATE TABLE IF NOT EXISTS cta_copy (x) AS SELECT 1 WITH NO DATA;
-- rolled back with its transaction
BEGIN;
CREATE TABLE cta_rolled AS SELECT a FROM cta_src;
SELECT count(*) FROM cta_rolled;
ROLLBACK;
SELECT count(*) FROM cta_rolled;
-- SELECT ... INTO is CREATE TABLE AS
SELECT a, b INTO cta_into FROM cta_src WHERE a < 3 ORDER BY a;
SELECT * FROM cta_into ORDER BY a;
SELECT * INTO TABLE cta_into FROM cta_src;
SELECT * FROM (SELECT a INTO cta_nested FROM cta_src) s;
DROP TABLE cta_into;
-- errors
CREATE TABLE cta_copy AS SELECT 1;
CREATE TABLE cta_bad (x, y, z) AS SELECT a, b FROM cta_src;
CREATE TABLE cta_bad AS SELECT a, a FROM cta_src;
CREATE TABLE cta_bad AS SELECT nope FROM cta_src;
CREATE TABLE cta_bad AS SELECT * FROM cta_missing;
DROP TABLE cta_src, cta_copy, cta_named, cta_exprs, cta_counts, cta_empty, cta_with_data;
