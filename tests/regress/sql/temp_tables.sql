-- Temporary tables: CREATE TEMP TABLE (and ... AS), the session's pg_temp schema on the
-- search path, shadowing of permanent tables, ON COMMIT actions.
CREATE TABLE notes (id int, body text);
INSERT INTO notes VALUES (1, 'permanent');
CREATE TEMP TABLE notes (id int PRIMARY KEY, body text);
INSERT INTO notes VALUES (2, 'temporary');
SELECT * FROM notes;
SELECT * FROM public.notes;
SELECT * FROM pg_temp.notes;
SELECT relname, relpersistence FROM pg_class WHERE relname LIKE 'notes%' ORDER BY 2, 1;
SELECT n.nspname LIKE 'pg_temp_%' AS in_temp_schema FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'notes_pkey';
SELECT current_schemas(false), array_length(current_schemas(true), 1) AS with_implicit;
SELECT pg_my_temp_schema() <> 0 AS has_temp_schema;
SELECT pg_table_is_visible('public.notes'::regclass), pg_table_is_visible('notes'::regclass);
UPDATE notes SET body = 'changed' WHERE id = 2;
CREATE INDEX ON notes (body);
SELECT body FROM notes;
DROP TABLE notes;
SELECT * FROM notes;
-- CREATE TEMPORARY TABLE ... AS, and a temporary table in an explicit pg_temp
CREATE TEMPORARY TABLE copied AS SELECT id * 10 AS ten_times FROM notes;
SELECT * FROM copied;
CREATE TABLE pg_temp.explicit_one (a int);
SELECT relpersistence FROM pg_class WHERE relname = 'explicit_one';
CREATE TEMP TABLE public.wrong (a int);
CREATE TEMP TABLE nosuch.wrong (a int);
CREATE TABLE kept (a int) ON COMMIT DROP;
-- ON COMMIT DELETE ROWS
CREATE TEMP TABLE scratch (a int) ON COMMIT DELETE ROWS;
INSERT INTO scratch VALUES (1);
SELECT count(*) FROM scratch;
BEGIN;
INSERT INTO scratch VALUES (1), (2);
SELECT count(*) FROM scratch;
COMMIT;
SELECT count(*) FROM scratch;
-- ON COMMIT DROP
BEGIN;
CREATE TEMP TABLE gone (a int) ON COMMIT DROP;
INSERT INTO gone VALUES (1);
SELECT * FROM gone;
COMMIT;
SELECT * FROM gone;
CREATE TEMP TABLE gone_too ON COMMIT DROP AS SELECT 1 AS a;
SELECT * FROM gone_too;
-- ON COMMIT PRESERVE ROWS is the default
CREATE TEMP TABLE preserved (a int) ON COMMIT PRESERVE ROWS;
INSERT INTO preserved VALUES (7);
SELECT * FROM preserved;
-- temporary sequences, and the sequence of a serial column of a temporary table
CREATE TEMP SEQUENCE ticket;
SELECT nextval('ticket'), nextval('pg_temp.ticket');
CREATE TEMP TABLE numbered (id serial, v text);
INSERT INTO numbered (v) VALUES ('x'), ('y');
SELECT * FROM numbered ORDER BY id;
SELECT relname, relkind, relpersistence FROM pg_class
  WHERE relname IN ('ticket', 'numbered', 'numbered_id_seq') ORDER BY 1;
DROP SEQUENCE ticket;
DROP TABLE numbered;
-- rolled back
BEGIN;
CREATE TEMP TABLE never (a int);
ROLLBACK;
SELECT * FROM never;
DROP TABLE copied, explicit_one, scratch, preserved, notes;
