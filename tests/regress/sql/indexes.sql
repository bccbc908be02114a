-- B-tree indexes: CREATE/DROP INDEX, PRIMARY KEY and UNIQUE constraints, unique violations,
-- index scans chosen by cost, ORDER BY served by an index.
CREATE TABLE accounts (id int PRIMARY KEY, owner text UNIQUE, balance int);
SELECT c.relname, c.relkind, c.relam, i.indisunique, i.indisprimary, i.indkey, i.indnatts
  FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
  WHERE c.relname IN ('accounts_pkey', 'accounts_owner_key') ORDER BY c.relname;
SELECT conname, contype, conkey FROM pg_constraint WHERE conname IN ('accounts_pkey', 'accounts_owner_key') ORDER BY conname;
INSERT INTO accounts VALUES (1, 'alice', 100), (2, 'bob', 50);
INSERT INTO accounts VALUES (1, 'carol', 10);
INSERT INTO accounts VALUES (3, 'bob', 10);
INSERT INTO accounts VALUES (NULL, 'dave', 10);
INSERT INTO accounts VALUES (3, NULL, 10), (4, NULL, 20);
UPDATE accounts SET id = 2 WHERE id = 1;
UPDATE accounts SET balance = balance + 1 WHERE id = 1;
SELECT * FROM accounts ORDER BY id;
BEGIN;
INSERT INTO accounts VALUES (5, 'erin', 0);
INSERT INTO accounts VALUES (5, 'frank', 0);
ROLLBACK;
INSERT INTO accounts VALUES (5, 'frank', 0);
SELECT id, owner FROM accounts WHERE id = 5;
ALTER TABLE accounts ADD CONSTRAINT accounts_balance UNIQUE (balance);
INSERT INTO accounts VALUES (6, 'gina', 50);
-- constraints on a table with rows
CREATE TABLE t (a int, b int, c text);
INSERT INTO t SELECT g, g % 10, 'row ' || g FROM generate_series(1, 2000) g;
CREATE INDEX ON t (b);
CREATE INDEX ON t (b);
CREATE UNIQUE INDEX t_c_key ON t (c);
CREATE INDEX IF NOT EXISTS t_c_key ON t (c);
ALTER TABLE t ADD PRIMARY KEY (a);
CREATE UNIQUE INDEX t_pair ON t (a, b);
SELECT c.relname, i.indisunique, i.indisprimary, i.indkey FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
  JOIN pg_class t ON t.oid = i.indrelid WHERE t.relname = 't' ORDER BY c.relname;
INSERT INTO t VALUES (1, 1, 'new');
DROP INDEX t_pair;
DROP INDEX t_b_idx1;
SELECT relname, relpages > 0 AS has_pages, reltuples FROM pg_class WHERE relname IN ('t', 't_pkey') ORDER BY relname;
-- plans
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE a = 42;
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE 42 = a;
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE c = 'row 7' AND b = 7;
EXPLAIN (COSTS OFF) SELECT * FROM t ORDER BY a LIMIT 5;
EXPLAIN (COSTS OFF) SELECT * FROM t ORDER BY a DESC LIMIT 5;
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE a > 10;
EXPLAIN SELECT * FROM t WHERE a = 42;
SELECT * FROM t WHERE a = 42;
SELECT * FROM t WHERE 42 = a;
SELECT a FROM t ORDER BY a LIMIT 5;
SELECT a FROM t ORDER BY a DESC LIMIT 5;
SELECT a, b FROM t WHERE a BETWEEN 100 AND 105 ORDER BY a;
SELECT count(*) FROM t WHERE b = 3;
SELECT count(*) FROM t WHERE a > 1990;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM t ORDER BY a;
RESET enable_seqscan;
-- duplicates found when building
CREATE TABLE d (x int, y text);
INSERT INTO d VALUES (1, 'a'), (2, 'b'), (1, 'c'), (NULL, 'd'), (NULL, 'e');
CREATE UNIQUE INDEX d_x_idx ON d (x);
ALTER TABLE d ADD PRIMARY KEY (x);
CREATE UNIQUE INDEX d_y_idx ON d (y);
INSERT INTO d VALUES (3, 'a');
-- errors
CREATE INDEX ON missing (a);
CREATE INDEX ON t (nope);
CREATE INDEX ON t USING nosuch (a);
CREATE TABLE two_pk (a int PRIMARY KEY, b int PRIMARY KEY);
CREATE TABLE bad_key (a int, PRIMARY KEY (z));
DROP INDEX t_pkey;
DROP INDEX nosuch;
DROP INDEX IF EXISTS nosuch;
DROP INDEX t_b_idx;
REINDEX INDEX t_pkey;
REINDEX TABLE t;
SELECT a FROM t WHERE a = 1999;
DROP TABLE t;
SELECT count(*) FROM pg_class WHERE relname IN ('t', 't_pkey', 't_c_key', 't_b_idx');
DROP TABLE accounts, d;
