-- Upserts on the curriculum data set (tests/data/curriculum): INSERT ... ON CONFLICT DO
-- UPDATE / DO NOTHING with EXCLUDED, a WHERE on the update, conflict targets by column and by
-- constraint name, and an upsert fed by an aggregate. psql runs in tests/data.
CREATE TABLE products (
    product_id serial PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    category   text NOT NULL,
    price      numeric(10,2) NOT NULL CHECK (price >= 0)
);
\copy products FROM 'curriculum/products.csv' WITH (FORMAT csv, HEADER)
SELECT setval('products_product_id_seq', max(product_id)) FROM products;

-- a price list: new prices for known products, one new product
INSERT INTO products (name, category, price) VALUES
    ('Stapler', 'office', 13.49),
    ('Desk lamp', 'office', 29.99),
    ('Sticky notes', 'stationery', 3.25)
ON CONFLICT (name) DO UPDATE SET price = EXCLUDED.price
RETURNING product_id, name, price;
-- only lower prices are taken (WHERE on the update); the row that stays is not returned
INSERT INTO products (name, category, price) VALUES ('Stapler', 'office', 15.00), ('Green tea', 'pantry', 7.50)
ON CONFLICT (name) DO UPDATE SET price = EXCLUDED.price WHERE EXCLUDED.price < products.price
RETURNING name, price;
INSERT INTO products (product_id, name, category, price) VALUES (4, 'Stapler (heavy duty)', 'office', 19.99)
ON CONFLICT ON CONSTRAINT products_pkey DO UPDATE SET name = EXCLUDED.name, price = EXCLUDED.price
RETURNING *;
INSERT INTO products (name, category, price) VALUES ('Gel pen, blue', 'stationery', 0.99)
ON CONFLICT DO NOTHING;
SELECT product_id, name, category, price FROM products ORDER BY product_id;

-- stock levels summed from deliveries: one upsert per product, counters accumulate
CREATE TABLE stock (product_id int PRIMARY KEY REFERENCES products, units int NOT NULL, deliveries int NOT NULL DEFAULT 1);
INSERT INTO stock (product_id, units) VALUES (1, 10), (2, 5);
CREATE TABLE deliveries (product_id int, quantity int);
INSERT INTO deliveries VALUES (1, 3), (1, 4), (3, 7), (2, 1);
INSERT INTO stock (product_id, units)
SELECT product_id, sum(quantity) FROM deliveries GROUP BY product_id
ON CONFLICT (product_id) DO UPDATE
SET units = stock.units + EXCLUDED.units, deliveries = stock.deliveries + 1;
SELECT * FROM stock ORDER BY product_id;

-- errors: no unique index behind the target, the same key twice in one command, a foreign key
INSERT INTO products (name, category, price) VALUES ('x', 'office', 1) ON CONFLICT (category) DO NOTHING;
INSERT INTO stock (product_id, units) VALUES (5, 1), (5, 2)
ON CONFLICT (product_id) DO UPDATE SET units = EXCLUDED.units;
INSERT INTO stock (product_id, units) VALUES (99, 1)
ON CONFLICT (product_id) DO UPDATE SET units = EXCLUDED.units;
SELECT count(*) FROM stock;

DROP TABLE deliveries, stock, products;
