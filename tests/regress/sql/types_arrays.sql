--
-- Arrays of scalars: literals and their output quoting, ARRAY[...], subscripts and slices,
-- = ANY / ALL, the array functions and operators, unnest in FROM, array columns, casts and
-- the errors of array input.
--
SELECT '{1,2,3}'::int[], ARRAY[1,2,3], '{}'::text[], ARRAY[]::int[], '{ 1 , 2 }'::int4[];
SELECT pg_typeof(ARRAY[1,2]), pg_typeof('{a}'::text[]), pg_typeof(ARRAY[1.5]), pg_typeof(ARRAY['x']);
SELECT ARRAY['a b', 'c"d', NULL, '', 'NULL', 'x,y', 'back\slash'];
SELECT '{"a,b",c d, " x ",\"q,NULL,"NULL",""}'::text[];
SELECT '{1.50,2}'::numeric[], '{t,f,NULL}'::bool[], '{2024-01-01}'::date[], '{"2024-01-01 10:00"}'::timestamp[];
SELECT '[0:1]={7,8}'::int[], ARRAY[1, 2.5], ARRAY[1, '2'];
-- subscripts and slices
SELECT (ARRAY[10,20,30])[2], (ARRAY[10,20,30])[0], (ARRAY[10,20,30])[4], (ARRAY[10,20,30])[NULL];
SELECT (ARRAY[10,20,30])[2:3], (ARRAY[10,20,30])[:2], (ARRAY[10,20,30])[2:], (ARRAY[10,20,30])[5:9];
-- ANY and ALL
SELECT 2 = ANY(ARRAY[1,2,3]), 5 = ANY(ARRAY[1,2,3]), 2 > ALL(ARRAY[1,2,3]), 4 > ALL(ARRAY[1,2,3]);
SELECT 1 = ANY('{1,2}'), 1 = ANY(NULL::int[]), 3 = ALL(ARRAY[3,NULL]), 3 <> ALL(ARRAY[1,2]), NULL::int = ANY('{}'::int[]);
SELECT 'ab' LIKE ANY(ARRAY['%b', 'x%']), 'ab' = SOME(ARRAY['ab']);
-- functions
SELECT array_length(ARRAY[1,2,3], 1), array_length('{}'::int[], 1), cardinality(ARRAY[1,2]), cardinality('{}'::int[]);
SELECT array_lower(ARRAY[1,2], 1), array_upper(ARRAY[1,2], 1), array_ndims(ARRAY[1]), array_dims(ARRAY[1,2,3]);
SELECT array_position(ARRAY['a','b','c'], 'b'), array_position(ARRAY[1,NULL,3], NULL), array_position(ARRAY[1,2], 9);
SELECT array_append(ARRAY[1,2], 3), array_prepend(0, ARRAY[1]), array_cat(ARRAY[1], ARRAY[2,3]), array_append(NULL::int[], 1);
SELECT array_remove(ARRAY[1,2,1], 1), array_replace(ARRAY[1,2,1], 1, 9);
SELECT array_to_string(ARRAY[1,NULL,3], ','), array_to_string(ARRAY[1,NULL,3], ',', '*');
SELECT string_to_array('a,b,,c', ','), string_to_array('a,b,,c', ',', ''), string_to_array('abc', NULL), string_to_array('', ',');
-- operators
SELECT ARRAY[1,2] || 3, 0 || ARRAY[1,2], ARRAY[1] || ARRAY[2,3], ARRAY['a'] || 'b'::text;
SELECT ARRAY[1,2] = ARRAY[1,2], ARRAY[1,2] < ARRAY[1,3], ARRAY[1,2] < ARRAY[1,2,0], ARRAY[1,NULL] = ARRAY[1,NULL];
SELECT ARRAY[1,2,3] @> ARRAY[3,1], ARRAY[1] <@ ARRAY[1,2], ARRAY[1,2] && ARRAY[2,5], ARRAY[1] && ARRAY[7];
-- casts
SELECT ARRAY[1,2]::text[], ARRAY[1,2]::bigint[], '{1.6,2.4}'::numeric[]::int[], ARRAY['1','2']::int[];
SELECT ARRAY['abc','de']::varchar(2)[], ARRAY[1,2]::text;
-- unnest in FROM
SELECT * FROM unnest(ARRAY['a','b','c']);
SELECT u.x, u.x || '!' AS bang FROM unnest(ARRAY['a',NULL,'c']) AS u(x) ORDER BY 1;
SELECT n FROM unnest('{3,1,2}'::int[]) AS n ORDER BY n;
-- array columns
CREATE TABLE arr_t (id int, tags text[], scores int[]);
INSERT INTO arr_t VALUES (1, '{red,green}', '{10,20}'), (2, ARRAY['blue'], ARRAY[5]), (3, NULL, '{}');
SELECT * FROM arr_t ORDER BY id;
SELECT id, tags[1], scores[2], cardinality(scores) FROM arr_t ORDER BY id;
SELECT id FROM arr_t WHERE 'green' = ANY(tags) ORDER BY id;
UPDATE arr_t SET tags = tags || 'black'::text WHERE id = 2;
SELECT id, tags FROM arr_t WHERE tags @> '{blue}' ORDER BY id;
SELECT tags, count(*) FROM arr_t GROUP BY tags ORDER BY tags;
DROP TABLE arr_t;
-- errors
SELECT '{1,2'::int[];
SELECT '1,2'::int[];
SELECT '{1,,2}'::int[];
SELECT '{1,2}x'::int[];
SELECT '{a}'::int[];
SELECT '{1,{2}}'::int[];
SELECT ARRAY[];
SELECT (1)[1];
SELECT ARRAY[1,2] || ARRAY['a'];
SELECT 1 = ANY(1);
