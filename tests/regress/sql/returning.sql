--
-- RETURNING on INSERT, UPDATE and DELETE; UPDATE ... FROM and DELETE ... USING.
--
CREATE TABLE items (id serial, name text NOT NULL, qty int DEFAULT 10, price numeric(6,2));
-- INSERT returns the row as stored: defaults and serial values filled in
INSERT INTO items (name, price) VALUES ('bolt', 0.10) RETURNING *;
INSERT INTO items (name, qty, price) VALUES ('nut', 5, 0.05), ('washer', 0, 0.02)
    RETURNING id, name, qty * price AS stock_value;
INSERT INTO items AS i (name) VALUES ('screw') RETURNING i.id, i.qty;
INSERT INTO items (name, price) SELECT 'rivet', 0.30 RETURNING id, upper(name) AS shout;
-- without rows returned the tag still counts
INSERT INTO items (name) SELECT 'none' WHERE false RETURNING id;
-- UPDATE returns the new version
UPDATE items SET qty = qty + 1 WHERE id <= 2 RETURNING id, qty;
UPDATE items SET price = DEFAULT WHERE name = 'screw' RETURNING name, price IS NULL AS cleared;
UPDATE items SET qty = 0 WHERE false RETURNING *;
-- DELETE returns the old row
DELETE FROM items WHERE name = 'washer' RETURNING *;
DELETE FROM items WHERE qty > 100 RETURNING id;
SELECT * FROM items ORDER BY id;
-- UPDATE ... FROM joins other tables in
CREATE TABLE price_changes (item text, new_price numeric(6,2));
INSERT INTO price_changes VALUES ('bolt', 0.12), ('nut', 0.06), ('gear', 9.99);
UPDATE items SET price = c.new_price FROM price_changes c WHERE c.item = items.name;
SELECT id, name, price FROM items ORDER BY id;
UPDATE items i SET qty = i.qty * 2 FROM price_changes c WHERE c.item = i.name AND c.new_price > 0.1
    RETURNING i.name, i.qty, c.new_price;
-- DELETE ... USING
DELETE FROM items USING price_changes c WHERE c.item = items.name AND c.new_price < 0.1
    RETURNING items.name, c.new_price;
SELECT id, name FROM items ORDER BY id;
-- errors
INSERT INTO items (name) VALUES ('x') RETURNING nosuch;
INSERT INTO items (name) VALUES ('x') RETURNING count(*);
UPDATE items SET qty = 1 RETURNING c.item;
DELETE FROM items USING price_changes WHERE name = item RETURNING zzz;
UPDATE items SET qty = 1 FROM items WHERE true;
-- a failed RETURNING statement changes nothing
INSERT INTO items (name) VALUES ('y'), (NULL) RETURNING id;
SELECT count(*) FROM items;
DROP TABLE items;
DROP TABLE price_changes;
