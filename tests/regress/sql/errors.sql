--
-- Errors as psql shows them: syntax errors at various positions (with LINE and caret),
-- unknown tables, columns, functions and operators, and type mismatches. The session stays
-- usable after each of them.
--
CREATE TABLE people (id int, name text, born date);
INSERT INTO people VALUES (1, 'ann', '1990-05-01'), (2, 'bob', NULL);
-- syntax errors: first token, middle of a line, a keyword in the wrong place
SELEC 1;
SELECT * FORM people;
SELECT id, FROM people;
SELECT id name born FROM people;
INSERT INTO people VALUES (3, 'cid', '2000-01-01'));
CREATE TABLE (a int);
SELECT 1 +;
SELECT * FROM people WHERE;
DELETE people WHERE id = 1;
UPDATE people name = 'x';
-- syntax errors in multi-line statements point at the right line
SELECT id,
       name
  FROM people
 WHERE id = = 1;
SELECT id
FROM people
ORDER BY
LIMIT 1;
-- a syntax error deep inside a long line is shown with the line trimmed around it
SELECT id, name, born, id + 1, id + 2, id + 3, id + 4, id + 5, id + 6, id + 7, id * 8 AS x FROM people WHERE id < 3 AND AND id > 0;
-- the session is still usable
SELECT count(*) FROM people;
-- unknown table (42P01)
SELECT * FROM nosuch_table;
SELECT *
  FROM people p,
       nosuch_table t;
-- unknown column (42703), with and without a hint
SELECT nosuch FROM people;
SELECT id FROM people WHERE nosuch > 1;
SELECT nam FROM people;
SELECT id FROM people ORDER BY nosuch;
-- operator does not exist (42883)
SELECT name + 1 FROM people;
SELECT born * 2 FROM people;
SELECT 'abc'::text - 'a';
SELECT true + 1;
-- unknown function (42883)
SELECT nosuch_fn(1);
SELECT nosuch_fn(id, name) FROM people;
SELECT sum(name) FROM people;
-- unknown type (42704)
SELECT 1::nosuchtype;
-- type mismatch (42804)
INSERT INTO people (id, born) VALUES (3, 17);
INSERT INTO people (born) SELECT id FROM people;
SELECT id FROM people WHERE 1;
SELECT id FROM people WHERE name;
-- comparisons between incompatible types (42883) and bad literals (22P02, 22007)
SELECT id FROM people WHERE born = 1;
SELECT id FROM people WHERE id = 'one';
SELECT id FROM people WHERE born > 'soon';
DROP TABLE people;
-- a statement cut off at the end of the input
SELECT (1 +
