--
-- UPDATE ... SET ... WHERE and DELETE ... WHERE, with the row counts in their command tags,
-- and the errors an UPDATE can raise (a failing statement changes nothing).
--
CREATE TABLE stock (id int NOT NULL, item varchar(10), qty int DEFAULT 0, price numeric(6,2),
                    checked date);
INSERT INTO stock VALUES
    (1, 'bolt', 100, 0.10, '2024-01-01'),
    (2, 'nut', 250, 0.05, '2024-01-01'),
    (3, 'washer', 0, 0.02, NULL),
    (4, 'screw', 75, 0.12, '2024-02-01'),
    (5, 'rivet', NULL, 0.30, NULL);
-- one row, several rows, no rows
UPDATE stock SET qty = 120 WHERE id = 1;
UPDATE stock SET price = price * 2 WHERE price < 0.11;
UPDATE stock SET qty = 1 WHERE id = 42;
UPDATE stock SET qty = 1 WHERE qty IS NULL AND id > 100;
SELECT * FROM stock ORDER BY id;
-- several columns at once; the right-hand sides all see the old row
UPDATE stock SET qty = qty + 5, checked = '2024-03-15' WHERE item = 'screw';
UPDATE stock SET qty = price * 100, price = qty / 100.0 WHERE id = 2;
SELECT * FROM stock ORDER BY id;
-- SET to NULL and back to the column default
UPDATE stock SET checked = NULL WHERE id = 1;
UPDATE stock SET qty = DEFAULT WHERE qty IS NULL;
SELECT id, qty, checked FROM stock ORDER BY id;
-- every row
UPDATE stock SET checked = '2024-04-01';
SELECT id, checked FROM stock ORDER BY id;
-- errors leave the table as it was
UPDATE stock SET id = NULL WHERE id = 3;
UPDATE stock SET item = 'hex socket cap' WHERE id = 4;
UPDATE stock SET qty = 'many' WHERE id = 4;
UPDATE stock SET qty = qty / (id - 3);
UPDATE stock SET qty = 2147483647 + qty WHERE id = 4;
UPDATE stock SET nope = 1;
UPDATE stock SET qty = nope;
UPDATE stock SET checked = 5;
UPDATE nosuch SET a = 1;
SELECT * FROM stock ORDER BY id;
-- DELETE: one row, a condition, no rows, then everything
DELETE FROM stock WHERE id = 3;
DELETE FROM stock WHERE qty < 100 OR price > 0.25;
DELETE FROM stock WHERE id = 3;
SELECT * FROM stock ORDER BY id;
DELETE FROM stock WHERE 1 / (id - 1) > 0;
DELETE FROM stock WHERE nope = 1;
DELETE FROM nosuch;
SELECT count(*) FROM stock;
DELETE FROM stock;
SELECT count(*) FROM stock;
DELETE FROM stock;
-- deleted and updated rows can be inserted and updated again
INSERT INTO stock (id, item) VALUES (1, 'bolt'), (2, 'nut');
UPDATE stock SET qty = id * 10;
SELECT * FROM stock ORDER BY id;
DROP TABLE stock;
