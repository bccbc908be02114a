-- Prepared statements: five custom plans, then the cached generic plan ($n in EXPLAIN),
-- plan_cache_mode, and re-planning after DDL.
CREATE TABLE pc (id int PRIMARY KEY, grp int, v text);
INSERT INTO pc SELECT g, g % 10, 'v' || g FROM generate_series(1, 1000) g;
PREPARE get(int) AS SELECT v FROM pc WHERE id = $1;
EXPLAIN (COSTS OFF) EXECUTE get(1);
EXECUTE get(1);
EXECUTE get(2);
EXECUTE get(3);
EXECUTE get(4);
EXPLAIN (COSTS OFF) EXECUTE get(5);
EXECUTE get(6);
EXECUTE get(NULL);
EXECUTE get(2000);
SET plan_cache_mode = force_custom_plan;
EXPLAIN (COSTS OFF) EXECUTE get(7);
SET plan_cache_mode = force_generic_plan;
SHOW plan_cache_mode;
PREPARE range_of(int, int) AS SELECT id, v FROM pc WHERE id >= $1 ORDER BY id LIMIT $2;
EXPLAIN (COSTS OFF) EXECUTE range_of(10, 3);
EXECUTE range_of(10, 3);
EXECUTE range_of(998, 2000);
PREPARE grp_count(int) AS SELECT count(*) FROM pc WHERE grp = $1 AND v LIKE $2 || '%';
PREPARE grp_count(int, text) AS SELECT count(*) FROM pc WHERE grp = $1 AND v LIKE $2 || '%';
EXECUTE grp_count(3, 'v1');
EXECUTE grp_count(3, 'v2');
-- a new index makes the generic plan stale: the next execution plans again
PREPARE by_v(text) AS SELECT id FROM pc WHERE v = $1;
EXPLAIN (COSTS OFF) EXECUTE by_v('v5');
EXECUTE by_v('v5');
CREATE UNIQUE INDEX pc_v ON pc (v);
EXPLAIN (COSTS OFF) EXECUTE by_v('v5');
EXECUTE by_v('v5');
DROP INDEX pc_v;
EXPLAIN (COSTS OFF) EXECUTE by_v('v5');
-- modifications through a generic plan
PREPARE bump(int, text) AS UPDATE pc SET v = $2 WHERE id = $1;
EXECUTE bump(5, 'five');
EXECUTE bump(6, 'six');
EXPLAIN (COSTS OFF) EXECUTE bump(7, 'seven');
SELECT id, v FROM pc WHERE id BETWEEN 4 AND 7 ORDER BY id;
-- a statement without parameters, and a changed result type
PREPARE all_cols AS SELECT * FROM pc WHERE id = 1;
EXECUTE all_cols;
ALTER TABLE pc ADD COLUMN w int;
EXECUTE all_cols;
EXECUTE get(1);
TRUNCATE pc;
EXECUTE get(1);
RESET plan_cache_mode;
EXPLAIN EXECUTE nosuch(1);
EXPLAIN (COSTS OFF) EXECUTE get(1, 2);
DEALLOCATE ALL;
DROP TABLE pc;
