--
-- More aggregates: string_agg, bool_and / bool_or / every, variance and stddev (numeric
-- results with PostgreSQL's scale for integers and numerics, double precision for floats),
-- FILTER, ORDER BY and DISTINCT inside the call, GROUP BY expressions, positions and aliases.
--
CREATE TABLE orders (id int, customer text, product text, qty int, price numeric(8,2),
                     weight float8, paid bool, big int8);
INSERT INTO orders VALUES
    (1, 'ann', 'pen', 3, 1.20, 0.5, true, 10),
    (2, 'ann', 'ink', 1, 7.50, 1.25, false, 20),
    (3, 'bob', 'pen', 10, 1.10, 0.5, true, 30),
    (4, 'bob', 'pad', 2, 3.99, 2.0, true, 40),
    (5, 'cid', 'ink', 5, 7.25, 1.0, NULL, NULL),
    (6, 'cid', 'pen', NULL, NULL, NULL, false, 60),
    (7, 'dee', 'pad', 4, 4.10, 3.5, true, 70);
-- string_agg, with and without ORDER BY inside the call
SELECT string_agg(product, ', ' ORDER BY id) FROM orders;
SELECT customer, string_agg(product, '/' ORDER BY product DESC) FROM orders GROUP BY customer ORDER BY 1;
SELECT string_agg(DISTINCT product, ',' ORDER BY product) FROM orders;
SELECT string_agg(customer, NULL ORDER BY id) FROM orders WHERE qty > 2;
SELECT string_agg(product, ',') FROM orders WHERE false;
-- boolean aggregates
SELECT bool_and(paid), bool_or(paid), every(paid) FROM orders;
SELECT customer, bool_and(paid), bool_or(paid), every(qty > 1) FROM orders GROUP BY customer ORDER BY 1;
SELECT bool_and(paid) FROM orders WHERE paid IS NULL;
-- variance and standard deviation
SELECT variance(qty), var_samp(qty), var_pop(qty), stddev(qty), stddev_samp(qty), stddev_pop(qty)
FROM orders;
SELECT variance(price), var_pop(price), stddev(price), stddev_pop(price) FROM orders;
SELECT variance(weight), var_pop(weight), stddev(weight), stddev_pop(weight) FROM orders;
SELECT variance(big), stddev(big) FROM orders;
SELECT customer, variance(qty), stddev_pop(qty) FROM orders GROUP BY customer ORDER BY 1;
SELECT stddev(5), variance(5) FROM generate_series(1, 3);
SELECT stddev(1.5), var_pop(2) FROM orders WHERE id = 1;
-- FILTER
SELECT count(*) FILTER (WHERE paid), count(*) FILTER (WHERE NOT paid), count(*) FROM orders;
SELECT customer, sum(qty) FILTER (WHERE product = 'pen') AS pens,
       sum(qty * price) FILTER (WHERE paid) AS paid_total
FROM orders GROUP BY customer ORDER BY customer;
SELECT avg(price) FILTER (WHERE qty > 2), max(product) FILTER (WHERE qty IS NULL) FROM orders;
-- DISTINCT inside aggregates
SELECT count(DISTINCT product), count(DISTINCT customer), sum(DISTINCT qty), avg(DISTINCT weight)
FROM orders;
SELECT customer, count(DISTINCT product) FROM orders GROUP BY customer ORDER BY 2 DESC, 1;
-- GROUP BY expressions, positions and output names
SELECT qty > 2 AS big_order, count(*) FROM orders GROUP BY qty > 2 ORDER BY 1;
SELECT upper(customer) AS who, sum(qty) FROM orders GROUP BY who ORDER BY who;
SELECT product, length(product), count(*) FROM orders GROUP BY 1, 2 ORDER BY 1;
SELECT id % 3 AS bucket, string_agg(id::text, ',' ORDER BY id) FROM orders GROUP BY 1 ORDER BY 1;
SELECT customer || '!' AS shout FROM orders GROUP BY customer || '!' ORDER BY 1;
-- plans show the aggregate calls as written
EXPLAIN (COSTS OFF) SELECT customer, string_agg(product, ',' ORDER BY product) FROM orders GROUP BY customer;
EXPLAIN (COSTS OFF) SELECT count(*) FILTER (WHERE paid) FROM orders;
-- errors
SELECT string_agg(qty, ',') FROM orders;
SELECT bool_and(qty) FROM orders;
SELECT stddev(product) FROM orders;
SELECT count(*) FILTER (WHERE count(*) > 1) FROM orders;
SELECT sum(qty) FILTER (WHERE qty) FROM orders;
SELECT lower(product) FILTER (WHERE qty > 1) FROM orders;
SELECT lower(product ORDER BY id) FROM orders;
SELECT sum(qty ORDER BY sum(qty)) FROM orders;
SELECT customer, qty FROM orders GROUP BY customer;
SELECT count(*) FROM orders GROUP BY 9;
