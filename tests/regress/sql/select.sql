--
-- SELECT: target lists, *, aliases, WHERE, ORDER BY, LIMIT / OFFSET, SELECT without FROM,
-- and generate_series in FROM.
--
CREATE TABLE fruit (id int, name text, color text, price numeric(6,2), stock int);
INSERT INTO fruit VALUES
    (1, 'apple', 'red', 1.20, 50),
    (2, 'banana', 'yellow', 0.50, 120),
    (3, 'cherry', 'red', 4.75, NULL),
    (4, 'lemon', 'yellow', 0.80, 30),
    (5, 'lime', 'green', 0.35, 0),
    (6, 'grape', NULL, 3.10, 75),
    (7, 'kiwi', 'green', 0.90, NULL);
SELECT * FROM fruit ORDER BY id;
SELECT fruit.* FROM fruit WHERE id = 3;
-- expressions and output column names
SELECT name, price * 2 AS double_price, stock - 10, id FROM fruit ORDER BY id;
SELECT name AS "Fruit Name", price p, stock AS "STOCK" FROM fruit ORDER BY 1;
SELECT f.name, f.color FROM fruit f WHERE f.color = 'red' ORDER BY f.name;
SELECT f.name FROM fruit AS f WHERE f.id < 3 ORDER BY f.id;
-- WHERE with AND / OR / NOT and NULLs (a NULL condition filters the row out)
SELECT id, name FROM fruit WHERE color = 'yellow' AND price < 0.6;
SELECT id, name FROM fruit WHERE color = 'green' OR stock > 100 ORDER BY id;
SELECT id, name FROM fruit WHERE NOT (color = 'red') ORDER BY id;
SELECT id, name FROM fruit WHERE stock IS NULL ORDER BY id;
SELECT id, name FROM fruit WHERE color IS NOT NULL AND stock >= 50 ORDER BY id;
SELECT id, name FROM fruit WHERE stock <> 0 ORDER BY id;
SELECT id FROM fruit WHERE false;
SELECT id FROM fruit WHERE NULL;
-- ORDER BY: direction, NULL placement, several keys, position, alias, expression
SELECT name, stock FROM fruit ORDER BY stock, id;
SELECT name, stock FROM fruit ORDER BY stock DESC, id;
SELECT name, stock FROM fruit ORDER BY stock NULLS FIRST, id;
SELECT name, stock FROM fruit ORDER BY stock DESC NULLS LAST, id;
SELECT name, stock FROM fruit ORDER BY stock ASC NULLS LAST, name DESC;
SELECT color, name FROM fruit ORDER BY color DESC, name;
SELECT name, price FROM fruit ORDER BY 2 DESC, 1;
SELECT name, price * 10 AS dimes FROM fruit ORDER BY dimes;
SELECT name, price * stock FROM fruit ORDER BY price * stock DESC NULLS LAST, id;
SELECT name FROM fruit ORDER BY 3;
-- LIMIT and OFFSET
SELECT id, name FROM fruit ORDER BY id LIMIT 3;
SELECT id, name FROM fruit ORDER BY id OFFSET 5;
SELECT id, name FROM fruit ORDER BY id LIMIT 2 OFFSET 2;
SELECT id, name FROM fruit ORDER BY id OFFSET 2 LIMIT 2;
SELECT id, name FROM fruit ORDER BY id LIMIT 0;
SELECT id, name FROM fruit ORDER BY id LIMIT ALL OFFSET 6;
SELECT id, name FROM fruit ORDER BY id OFFSET 100;
SELECT id, name FROM fruit ORDER BY price DESC LIMIT 1;
SELECT id FROM fruit LIMIT -1;
SELECT id FROM fruit OFFSET -1;
-- SELECT without FROM
SELECT 1;
SELECT 1 AS one, 'two' AS two, 3.0 AS three, NULL AS nothing;
SELECT 'hello', 2 + 2;
SELECT 1 AS x ORDER BY x LIMIT 1;
-- generate_series as a table
SELECT * FROM generate_series(1, 5);
SELECT g FROM generate_series(1, 10) g WHERE g % 3 = 0;
SELECT i, i * i AS square FROM generate_series(1, 5) AS t(i) ORDER BY square DESC;
SELECT * FROM generate_series(10, 1, -3);
SELECT * FROM generate_series(5, 1);
SELECT s.n, f.name FROM generate_series(1, 3) AS s(n), fruit f WHERE f.id = s.n * 2 ORDER BY s.n;
DROP TABLE fruit;
