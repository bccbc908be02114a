--
-- ALTER TABLE: columns (ADD / DROP / RENAME / TYPE / DEFAULT / NOT NULL), constraints
-- (ADD / DROP), RENAME TO, and the errors around them.
--
CREATE TABLE at_parent (id int PRIMARY KEY, code text UNIQUE);
INSERT INTO at_parent VALUES (1, 'a'), (2, 'b');
CREATE TABLE at_t (a int, b text, p int);
INSERT INTO at_t VALUES (1, 'x', 1), (2, NULL, 2), (3, 'z', NULL);
-- ADD COLUMN: existing rows get the default (NULL without one)
ALTER TABLE at_t ADD COLUMN n int DEFAULT 7 NOT NULL;
ALTER TABLE at_t ADD c numeric(5,1);
ALTER TABLE at_t ADD COLUMN IF NOT EXISTS c int;
ALTER TABLE at_t ADD COLUMN s serial;
SELECT * FROM at_t ORDER BY a;
INSERT INTO at_t (a) VALUES (4);
SELECT * FROM at_t ORDER BY a;
ALTER TABLE at_t ADD COLUMN m int NOT NULL;
ALTER TABLE at_t ADD COLUMN n int;
ALTER TABLE at_t ADD COLUMN bad nosuchtype;
ALTER TABLE at_t ADD COLUMN k int UNIQUE CHECK (k > 0);
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'at_t'::regclass ORDER BY conname;
-- ALTER COLUMN SET / DROP DEFAULT
ALTER TABLE at_t ALTER COLUMN b SET DEFAULT 'dflt';
ALTER TABLE at_t ALTER n DROP DEFAULT;
INSERT INTO at_t (a, n) VALUES (5, 0);
SELECT a, b, n FROM at_t WHERE a = 5;
ALTER TABLE at_t ALTER COLUMN nope SET DEFAULT 1;
ALTER TABLE at_t ALTER COLUMN a SET DEFAULT 'abc';
-- SET / DROP NOT NULL
ALTER TABLE at_t ALTER COLUMN b SET NOT NULL;
ALTER TABLE at_t ALTER COLUMN a SET NOT NULL;
INSERT INTO at_t (a) VALUES (NULL);
ALTER TABLE at_t ALTER COLUMN a DROP NOT NULL;
ALTER TABLE at_parent ALTER COLUMN id DROP NOT NULL;
SELECT attname, attnotnull FROM pg_attribute
WHERE attrelid = 'at_t'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum;
-- ALTER COLUMN TYPE rewrites the rows
ALTER TABLE at_t ALTER COLUMN n TYPE text;
SELECT a, n, pg_typeof(n) FROM at_t ORDER BY a;
ALTER TABLE at_t ALTER COLUMN n TYPE int;
ALTER TABLE at_t ALTER COLUMN n SET DATA TYPE bigint USING n::int * 2;
SELECT a, n, pg_typeof(n) FROM at_t ORDER BY a;
ALTER TABLE at_t ALTER COLUMN c TYPE int;
SELECT a, c FROM at_t ORDER BY a;
ALTER TABLE at_t ALTER COLUMN nope TYPE int;
-- DROP COLUMN
ALTER TABLE at_t DROP COLUMN c;
ALTER TABLE at_t DROP COLUMN nope;
ALTER TABLE at_t DROP COLUMN IF EXISTS nope;
ALTER TABLE at_t DROP COLUMN k;
SELECT * FROM at_t ORDER BY a;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'at_t'::regclass ORDER BY conname;
-- RENAME COLUMN and RENAME TO
ALTER TABLE at_t RENAME COLUMN b TO label;
ALTER TABLE at_t RENAME nope TO x;
ALTER TABLE at_t RENAME COLUMN a TO label;
ALTER TABLE at_t RENAME TO at_parent;
ALTER TABLE at_t RENAME TO at_renamed;
SELECT a, label FROM at_renamed ORDER BY a;
SELECT * FROM at_t;
ALTER TABLE at_renamed RENAME TO at_t;
ALTER TABLE at_t RENAME label TO b;
ALTER TABLE at_t ALTER COLUMN n SET DEFAULT 1;
-- ADD CONSTRAINT CHECK / FOREIGN KEY validate the rows already there
ALTER TABLE at_t ADD CONSTRAINT at_t_a_big CHECK (a > 1);
ALTER TABLE at_t ADD CHECK (a > 0);
ALTER TABLE at_t ADD CONSTRAINT at_t_a_check CHECK (a < 100);
ALTER TABLE at_t ADD FOREIGN KEY (a) REFERENCES at_parent;
ALTER TABLE at_t ADD FOREIGN KEY (p) REFERENCES at_parent;
INSERT INTO at_t (a, p) VALUES (6, 9);
INSERT INTO at_t (a) VALUES (0);
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'at_t'::regclass ORDER BY conname;
-- DROP CONSTRAINT
ALTER TABLE at_t DROP CONSTRAINT at_t_a_check;
INSERT INTO at_t (a) VALUES (0);
ALTER TABLE at_t DROP CONSTRAINT nope;
ALTER TABLE at_t DROP CONSTRAINT IF EXISTS nope;
ALTER TABLE at_parent DROP CONSTRAINT at_parent_pkey;
ALTER TABLE at_parent DROP CONSTRAINT at_parent_pkey CASCADE;
INSERT INTO at_t (a, p) VALUES (7, 9);
SELECT conname, contype FROM pg_constraint WHERE conrelid IN ('at_t'::regclass, 'at_parent'::regclass)
ORDER BY conname;
-- a column a foreign key relies on
ALTER TABLE at_t ADD FOREIGN KEY (b) REFERENCES at_parent (code);
ALTER TABLE at_t ALTER COLUMN b DROP NOT NULL;
ALTER TABLE at_t ALTER COLUMN b SET DEFAULT NULL;
UPDATE at_t SET b = 'a';
ALTER TABLE at_t ADD FOREIGN KEY (b) REFERENCES at_parent (code);
ALTER TABLE at_parent DROP COLUMN code;
ALTER TABLE at_parent DROP COLUMN code CASCADE;
SELECT * FROM at_parent ORDER BY id;
-- several subcommands, and everything rolls back with the transaction
ALTER TABLE at_t ALTER COLUMN p SET DEFAULT 1, ALTER COLUMN b DROP DEFAULT;
BEGIN;
ALTER TABLE at_t ADD COLUMN temp int DEFAULT 5;
ALTER TABLE at_t DROP COLUMN n;
ALTER TABLE at_t RENAME TO at_gone;
SELECT * FROM at_gone ORDER BY a;
ROLLBACK;
SELECT * FROM at_t ORDER BY a;
ALTER TABLE nope ADD COLUMN x int;
ALTER TABLE IF EXISTS nope RENAME TO x;
DROP TABLE at_t, at_parent;
