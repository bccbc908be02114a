--
-- INSERT: multi-row VALUES, column lists, defaults, INSERT ... SELECT, and the errors a
-- value or a column list can raise.
--
CREATE TABLE items (
    id int NOT NULL,
    name varchar(8),
    qty int2 DEFAULT 1,
    price numeric(8,2),
    added date DEFAULT '2024-01-01'
);
INSERT INTO items VALUES (1, 'apple', 5, 0.5, '2024-03-01');
INSERT INTO items VALUES
    (2, 'banana', 12, 0.25, '2024-03-02'),
    (3, 'cherry', 100, 4.999, '2024-03-03'),
    (4, NULL, NULL, NULL, NULL);
-- column lists in any order; omitted columns get their default (or NULL)
INSERT INTO items (id, name) VALUES (5, 'date');
INSERT INTO items (name, id) VALUES ('elder', 6), ('fig', 7);
INSERT INTO items (id, name, qty, added) VALUES (8, 'grape', DEFAULT, DEFAULT);
-- fewer values than columns fills the leading columns
INSERT INTO items VALUES (9, 'kiwi');
-- quoted literals are converted to the column type
INSERT INTO items VALUES ('10', 'lemon', '3', '1.5', '2024-03-10');
SELECT * FROM items ORDER BY id;
-- INSERT ... SELECT
CREATE TABLE totals (id int8, label text, total numeric);
INSERT INTO totals SELECT id, name, qty * price FROM items WHERE price IS NOT NULL;
INSERT INTO totals (id, label) SELECT id + 100, name || '!' FROM items WHERE id <= 2;
INSERT INTO totals SELECT id, name FROM items WHERE id > 1000;
SELECT * FROM totals ORDER BY id;
-- NOT NULL violations
INSERT INTO items (name) VALUES ('nameless');
INSERT INTO items VALUES (NULL, 'null id');
INSERT INTO items DEFAULT VALUES;
-- value too long for varchar(8) (an explicit cast truncates instead)
INSERT INTO items (id, name) VALUES (11, 'watermelon');
INSERT INTO items (id, name) VALUES (11, 'watermelon'::varchar(8));
SELECT name FROM items WHERE id = 11;
-- invalid input syntax for integer
INSERT INTO items (id) VALUES ('ten');
INSERT INTO items (id, qty) VALUES (12, '');
INSERT INTO items (id) VALUES ('1.5');
-- out of range for the column type
INSERT INTO items (id, qty) VALUES (12, 40000);
INSERT INTO items (id) VALUES (2147483648);
INSERT INTO items (id) VALUES (2147483647 + 1);
INSERT INTO items (id, price) VALUES (12, 1234567.891);
-- the number of values must match the column list
INSERT INTO items (id, name) VALUES (12);
INSERT INTO items (id) VALUES (12, 'x');
INSERT INTO items VALUES (12, 'x', 1, 1, '2024-01-01', 99);
INSERT INTO totals SELECT id, name, qty, price FROM items;
INSERT INTO totals (id, label) SELECT id FROM items;
-- unknown or repeated target columns
INSERT INTO items (id, nope) VALUES (12, 2);
INSERT INTO items (id, id) VALUES (12, 13);
INSERT INTO nosuch VALUES (1);
-- a failing row makes the whole statement fail: nothing of it is inserted
INSERT INTO items (id, name) VALUES (20, 'ok'), (21, 'much too long');
INSERT INTO items (id, qty) SELECT id + 20, qty * 1000 FROM items WHERE qty IS NOT NULL;
SELECT count(*) FROM items;
-- a serial column takes the next value of its sequence only when no value is given
CREATE TABLE counters (id serial, big bigserial, note text);
INSERT INTO counters (note) VALUES ('a'), ('b');
INSERT INTO counters (id, note) VALUES (10, 'explicit');
INSERT INTO counters (note) VALUES ('c');
INSERT INTO counters (id, note) VALUES (NULL, 'null serial');
SELECT * FROM counters ORDER BY id;
DROP TABLE items;
DROP TABLE totals;
DROP TABLE counters;
