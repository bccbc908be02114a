--
-- TRUNCATE: emptying tables, RESTART IDENTITY, transactional behaviour and errors.
--
CREATE TABLE logs (id serial, msg text);
CREATE TABLE events (id bigserial, kind text);
INSERT INTO logs (msg) VALUES ('a'), ('b'), ('c');
INSERT INTO events (kind) VALUES ('x'), ('y');
TRUNCATE logs;
SELECT count(*) FROM logs;
-- sequences continue unless RESTART IDENTITY
INSERT INTO logs (msg) VALUES ('d') RETURNING id;
TRUNCATE TABLE logs, events RESTART IDENTITY;
INSERT INTO logs (msg) VALUES ('e') RETURNING id;
INSERT INTO events (kind) VALUES ('z') RETURNING id;
TRUNCATE logs CONTINUE IDENTITY RESTRICT;
INSERT INTO logs (msg) VALUES ('f') RETURNING id;
-- inside a transaction block: rolled back, the rows are back
BEGIN;
TRUNCATE logs;
SELECT count(*) FROM logs;
ROLLBACK;
SELECT * FROM logs;
BEGIN;
TRUNCATE events;
COMMIT;
SELECT count(*) FROM events;
-- errors
TRUNCATE nosuch;
TRUNCATE logs, nosuch;
SELECT count(*) FROM logs;
CREATE SEQUENCE not_a_table;
TRUNCATE not_a_table;
DROP SEQUENCE not_a_table;
DROP TABLE logs, events;
