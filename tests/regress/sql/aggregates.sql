--
-- Aggregates: count / sum / min / max / avg over integers, numerics and floats, with
-- GROUP BY and HAVING; NULL inputs, empty inputs, and the grouping errors.
--
CREATE TABLE sales (region text, product text, qty int, small int2, big int8,
                    price numeric(8,2), weight float8, ratio float4);
INSERT INTO sales VALUES
    ('north', 'apple', 10, 1, 10000000000, 1.50, 0.1, 0.5),
    ('north', 'pear', 3, 2, 20000000000, 2.25, 0.2, 0.25),
    ('north', 'apple', 7, NULL, NULL, 1.45, 0.3, NULL),
    ('south', 'apple', 20, 4, 5, 1.60, 1.5, 1.5),
    ('south', 'plum', NULL, 5, 6, NULL, NULL, 2),
    ('east', 'pear', 1, 6, 7, 2.10, 2.0, 0.1),
    (NULL, 'plum', 4, 7, 8, 0.99, 3.25, 3);
-- the whole table as one group
SELECT count(*), count(qty), sum(qty), min(qty), max(qty), avg(qty) FROM sales;
SELECT sum(small), avg(small), sum(big), avg(big), max(big) FROM sales;
SELECT sum(price), avg(price), min(price), max(price) FROM sales;
SELECT sum(weight), avg(weight), min(weight), max(weight) FROM sales;
SELECT sum(ratio), avg(ratio), max(ratio) FROM sales;
SELECT min(region), max(region), min(product), max(product) FROM sales;
-- aggregates of expressions, and expressions of aggregates
SELECT sum(qty * price), max(qty) - min(qty), count(*) * 2, sum(qty) / count(qty) FROM sales;
-- GROUP BY: the NULL region forms a group of its own
SELECT region, count(*), sum(qty), avg(price) FROM sales GROUP BY region ORDER BY region;
SELECT region, product, count(*), sum(qty) FROM sales GROUP BY region, product
ORDER BY region, product;
SELECT product, max(weight) AS heaviest FROM sales GROUP BY 1 ORDER BY 1;
SELECT product, count(*) FROM sales GROUP BY product ORDER BY count(*) DESC, product;
-- a group whose values are all NULL sums to NULL but counts to 0
SELECT product, count(qty), sum(qty), avg(qty), min(qty) FROM sales
WHERE product = 'plum' AND region = 'south' GROUP BY product;
-- grouping columns need not be selected
SELECT sum(qty) FROM sales GROUP BY region ORDER BY 1;
-- HAVING
SELECT region, sum(qty) FROM sales GROUP BY region HAVING count(*) > 1 ORDER BY region;
SELECT product, avg(price) FROM sales GROUP BY product HAVING avg(price) > 1.5 ORDER BY 1;
SELECT region, count(*) FROM sales GROUP BY region HAVING max(weight) < 1 ORDER BY 1;
SELECT region FROM sales GROUP BY region HAVING sum(qty) IS NULL ORDER BY 1;
SELECT count(*) FROM sales HAVING count(*) > 100;
-- WHERE runs before grouping, HAVING after it
SELECT region, count(*) FROM sales WHERE qty > 3 GROUP BY region HAVING count(*) >= 1
ORDER BY region;
-- empty input: one row without GROUP BY, no rows with it
SELECT count(*), count(qty), sum(qty), min(price), max(weight), avg(qty) FROM sales WHERE false;
SELECT region, count(*) FROM sales WHERE false GROUP BY region;
-- aggregates over a generated series
SELECT count(*), sum(g), avg(g), min(g), max(g) FROM generate_series(1, 100) g;
SELECT g % 3 AS bucket, count(*), sum(g) FROM generate_series(1, 10) g GROUP BY g % 3 ORDER BY 1;
-- errors
SELECT region, qty FROM sales GROUP BY region;
SELECT region, count(*) FROM sales;
SELECT product FROM sales GROUP BY region;
SELECT region FROM sales WHERE count(*) > 1 GROUP BY region;
SELECT sum(count(*)) FROM sales;
SELECT sum(region) FROM sales;
SELECT region FROM sales GROUP BY 9;
DROP TABLE sales;
