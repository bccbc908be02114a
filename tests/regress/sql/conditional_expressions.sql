--
-- Conditional expressions and comparison predicates: CASE (both forms), COALESCE, NULLIF,
-- GREATEST, LEAST, BETWEEN [SYMMETRIC], IS [NOT] DISTINCT FROM, and their typing errors.
--
SELECT CASE WHEN 1 = 1 THEN 'a' ELSE 'b' END, CASE 2 WHEN 1 THEN 'x' WHEN 2 THEN 'y' END, CASE 3 WHEN 1 THEN 'x' END;
SELECT CASE WHEN NULL THEN 1 WHEN true THEN 2 END, CASE NULL WHEN NULL THEN 'null matches' ELSE 'no match' END;
SELECT coalesce(NULL, 2, 3), coalesce(NULL::int, NULL), coalesce('a', 'b');
SELECT nullif(1, 1), nullif(1, 2), nullif(NULL, 1), nullif(1, NULL), nullif('a', 'a'), pg_typeof(nullif(1, 2.5)), pg_typeof(nullif(NULL, 1));
SELECT greatest(1, 5, 3), least('b', 'a'), greatest(1, 2.5), least(1, NULL::int), greatest(NULL, NULL), pg_typeof(greatest(1, 2.5));
SELECT greatest(date '2024-01-01', timestamp '2023-06-01 10:00'), least(ARRAY[2,1], ARRAY[1,9]);
SELECT 5 BETWEEN 1 AND 10, 5 BETWEEN 10 AND 1, 5 BETWEEN SYMMETRIC 10 AND 1, 5 NOT BETWEEN 1 AND 3, 5 NOT BETWEEN SYMMETRIC 10 AND 1;
SELECT NULL BETWEEN 1 AND 2, 1 BETWEEN NULL AND 2, 3 BETWEEN NULL AND 2, 'b' BETWEEN 'a' AND 'c';
SELECT 1 IS DISTINCT FROM NULL, NULL IS NOT DISTINCT FROM NULL, 1 IS DISTINCT FROM 1, ARRAY[1] IS DISTINCT FROM ARRAY[2];
CREATE TABLE cond_t (id int, a int, b text);
INSERT INTO cond_t VALUES (1, 10, 'x'), (2, NULL, 'y'), (3, 30, NULL);
SELECT id, CASE WHEN a > 15 THEN 'big' WHEN a IS NULL THEN 'none' ELSE 'small' END, coalesce(b, '-'), nullif(a, 10), greatest(a, 20) FROM cond_t ORDER BY id;
SELECT id FROM cond_t WHERE a BETWEEN SYMMETRIC 35 AND 5 ORDER BY id;
DROP TABLE cond_t;
-- errors
SELECT CASE WHEN true THEN 1 ELSE 'a'::text END;
SELECT greatest(1, 'x');
SELECT nullif(1, 'a'::text);
SELECT CASE WHEN 1 THEN 2 END;
SELECT coalesce(1, now());
