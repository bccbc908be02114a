-- Set-returning functions in the select list (ProjectSet, PostgreSQL 10+): unnest and
-- generate_series next to ordinary columns, several calls zipped (shorter ones padded with
-- NULL), over aggregates, under ORDER BY / LIMIT / DISTINCT, EXPLAIN, and the places where
-- they are refused.
CREATE TABLE docs (id int, tags text[]);
INSERT INTO docs VALUES (1, '{a,b}'), (2, NULL), (3, '{c}'), (4, '{}');
SELECT generate_series(1, 3);
SELECT generate_series(1, 3) AS n, 'x' AS label;
SELECT generate_series(5, 1, -2), generate_series(1.5, 2.5, 0.5);
SELECT unnest('{10,20}'::int[]) + 1 AS bumped;
SELECT id, unnest(tags) FROM docs ORDER BY id, 2;
SELECT id, unnest(tags) AS tag, generate_series(1, 2) AS n FROM docs ORDER BY id, n;
SELECT generate_series(1, 3), generate_series(1, 2), unnest('{a}'::text[]);
SELECT unnest(tags) AS tag, count(*) OVER () FROM docs ORDER BY tag;
SELECT id, unnest(tags) FROM docs ORDER BY id LIMIT 2;
SELECT unnest(array_agg(id ORDER BY id DESC)) FROM docs;
SELECT id % 2 AS odd, unnest(array_agg(id ORDER BY id)) FROM docs GROUP BY id % 2 ORDER BY 1, 2;
SELECT json_array_elements('[1, {"a": 2}]'), jsonb_object_keys('{"k": 1, "j": 2}');
SELECT regexp_split_to_table('a,b,,c', ','), string_to_table('x y', ' ');
SELECT count(*) FROM (SELECT unnest(tags) FROM docs) s;
SELECT * FROM (SELECT id, generate_series(1, id) AS n FROM docs) s WHERE n > 2 ORDER BY id, n;
SELECT generate_series(1, NULL::int), 'never' AS label;
SELECT generate_series(1, 3, 0);
EXPLAIN SELECT generate_series(1, 3);
EXPLAIN SELECT id, unnest(tags) FROM docs;
EXPLAIN (COSTS OFF) SELECT id, unnest(tags) AS tag FROM docs ORDER BY tag;
EXPLAIN (COSTS OFF) SELECT unnest(array_agg(id)) FROM docs;
-- refused
SELECT id FROM docs WHERE unnest(tags) = 'a';
SELECT id FROM docs GROUP BY id HAVING generate_series(1, 2) > 1;
SELECT sum(generate_series(1, 3));
DROP TABLE docs;
