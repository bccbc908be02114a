-- B-tree indexes with INCLUDE columns (stored in leaf entries, not part of the key) and
-- amcheck's bt_index_check / bt_index_parent_check, with pageinspect's view of leaf items.
-- (The oracle cluster has the extensions pageinspect and amcheck installed.)
CREATE TABLE inc (id int, note text, qty int);
INSERT INTO inc SELECT g, 'note ' || g, g * 10 FROM generate_series(1, 2000) g;
CREATE UNIQUE INDEX inc_id_idx ON inc (id) INCLUDE (note, qty);
SELECT bt_index_check('inc_id_idx');
SELECT bt_index_check('inc_id_idx', true);
SELECT bt_index_parent_check('inc_id_idx', true, true);

-- Uniqueness is decided on the key column only, and DETAIL names only it.
INSERT INTO inc VALUES (5, 'a different note', 0);
INSERT INTO inc VALUES (2001, 'note 5', 50);

-- Lookups and ordered scans through the index, both directions.
SET enable_seqscan = off;
SELECT note, qty FROM inc WHERE id = 1500;
SELECT id, note FROM inc WHERE id BETWEEN 10 AND 13 ORDER BY id DESC;
SELECT id, qty FROM inc WHERE id > 1995 ORDER BY id;
RESET enable_seqscan;

-- Writes after the build (inserts split leaves, updates add versions) keep it sound.
INSERT INTO inc SELECT g, repeat('x', g % 50), NULL FROM generate_series(2002, 4000) g;
UPDATE inc SET note = NULL WHERE id % 100 = 0;
DELETE FROM inc WHERE id % 3 = 0;
SELECT bt_index_check('inc_id_idx', true);
SELECT bt_index_parent_check('inc_id_idx', true);
SELECT count(*) FROM inc;

-- A one-page index: leaf items carry the INCLUDE columns (nulls and vars tell).
CREATE TABLE small (k int, label text);
INSERT INTO small VALUES (3, 'c'), (1, NULL), (2, 'b');
CREATE INDEX small_k_idx ON small (k) INCLUDE (label);
SELECT itemoffset, ctid, nulls, vars, dead, htid FROM bt_page_items('small_k_idx', 1) ORDER BY itemoffset;
SELECT bt_index_check('small_k_idx', true);

-- Errors.
CREATE INDEX ON small (k) INCLUDE (nope);
SELECT bt_index_check('small');
SELECT bt_index_check('no_such_index');

DROP TABLE inc;
DROP TABLE small;
