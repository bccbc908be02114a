-- INSERT ... ON CONFLICT DO UPDATE (upsert): arbiter inference, EXCLUDED, the target alias,
-- WHERE, RETURNING, a row affected twice, constraint errors and EXPLAIN.
CREATE TABLE counters (name text PRIMARY KEY, hits int NOT NULL DEFAULT 0, note text,
                       CHECK (hits < 1000));
CREATE UNIQUE INDEX counters_note_key ON counters (note);
INSERT INTO counters VALUES ('a', 1, 'first');

-- an insert and an update in one statement; both count and both are returned
INSERT INTO counters AS c VALUES ('a', 5, 'x'), ('b', 2, 'second')
  ON CONFLICT (name) DO UPDATE SET hits = c.hits + EXCLUDED.hits
  RETURNING name, hits, note;
SELECT * FROM counters ORDER BY name;

-- without an alias the table name qualifies the existing row
INSERT INTO counters VALUES ('a', 10) ON CONFLICT (name) DO UPDATE SET hits = counters.hits + excluded.hits, note = excluded.note;
SELECT * FROM counters ORDER BY name;

-- WHERE: a rejected update neither changes nor counts the row
INSERT INTO counters AS c VALUES ('a', 1), ('b', 1)
  ON CONFLICT (name) DO UPDATE SET hits = c.hits + 100 WHERE c.hits > 10
  RETURNING *;
SELECT * FROM counters ORDER BY name;

-- ON CONSTRAINT, SET ... = DEFAULT, a key change, and a subquery in SET
INSERT INTO counters VALUES ('b', 7) ON CONFLICT ON CONSTRAINT counters_pkey DO UPDATE SET hits = DEFAULT, note = 'reset';
INSERT INTO counters VALUES ('b') ON CONFLICT (name) DO UPDATE SET name = 'c' RETURNING *;
INSERT INTO counters VALUES ('c') ON CONFLICT (name) DO UPDATE SET hits = (SELECT max(hits) FROM counters) RETURNING *;
SELECT * FROM counters ORDER BY name;

-- the same key twice in one command
INSERT INTO counters VALUES ('d', 1), ('d', 2) ON CONFLICT (name) DO UPDATE SET hits = excluded.hits;
INSERT INTO counters VALUES ('a', 1), ('a', 2) ON CONFLICT (name) DO UPDATE SET hits = excluded.hits;
SELECT * FROM counters ORDER BY name;
-- DO NOTHING skips the second one instead
INSERT INTO counters VALUES ('d', 1), ('d', 2) ON CONFLICT (name) DO NOTHING;
SELECT * FROM counters WHERE name = 'd';

-- errors: no matching unique index, no target, ambiguous and unknown columns, constraints
INSERT INTO counters VALUES ('a') ON CONFLICT (hits) DO UPDATE SET hits = 0;
INSERT INTO counters VALUES ('a') ON CONFLICT DO UPDATE SET hits = 0;
INSERT INTO counters VALUES ('a') ON CONFLICT (name) DO UPDATE SET hits = hits + 1;
INSERT INTO counters VALUES ('a') ON CONFLICT (name) DO UPDATE SET hits = excluded.nosuch;
INSERT INTO counters VALUES ('a') ON CONFLICT (name) DO UPDATE SET nosuch = 1;
INSERT INTO counters VALUES ('a') ON CONFLICT (name) DO UPDATE SET hits = 1, hits = 2;
INSERT INTO counters VALUES ('a', 999) ON CONFLICT (name) DO UPDATE SET hits = counters.hits + excluded.hits;
INSERT INTO counters VALUES ('a') ON CONFLICT (name) DO UPDATE SET hits = NULL;
INSERT INTO counters VALUES ('a') ON CONFLICT (name) DO UPDATE SET note = 'second';
SELECT * FROM counters ORDER BY name;

-- inside a transaction: rows of earlier commands are updated, the block's error aborts it
BEGIN;
INSERT INTO counters VALUES ('e', 1);
INSERT INTO counters VALUES ('e', 1) ON CONFLICT (name) DO UPDATE SET hits = counters.hits + 1 RETURNING *;
ROLLBACK;
SELECT count(*) FROM counters WHERE name = 'e';

EXPLAIN INSERT INTO counters VALUES ('a', 1) ON CONFLICT (name) DO UPDATE SET hits = counters.hits + excluded.hits;
EXPLAIN (COSTS OFF) INSERT INTO counters AS c VALUES ('a', 1)
  ON CONFLICT (name) DO UPDATE SET hits = c.hits + 1 WHERE c.hits < 50;
EXPLAIN (COSTS OFF) INSERT INTO counters AS c SELECT name, hits FROM counters
  ON CONFLICT ON CONSTRAINT counters_pkey DO NOTHING;
DROP TABLE counters;
