--
-- GROUPING SETS, ROLLUP and CUBE with GROUPING(): subtotal and grand-total reports.
--
CREATE TABLE sales (region text, product text, year int, qty int, amount numeric(8,2));
INSERT INTO sales VALUES
    ('north', 'apple', 2022, 10, 15.00),
    ('north', 'pear', 2022, 3, 6.75),
    ('north', 'apple', 2023, 7, 10.15),
    ('south', 'apple', 2023, 20, 32.00),
    ('south', 'plum', 2022, 5, 4.50),
    ('east', 'pear', 2023, 1, 2.10),
    (NULL, 'plum', 2023, 4, 3.96);
-- a rollup report: per region and product, per region, and the grand total
SELECT region, product, sum(qty), sum(amount), count(*) FROM sales
GROUP BY ROLLUP (region, product) ORDER BY region, product, 3;
SELECT region, product, sum(qty), GROUPING(region, product) AS level FROM sales
GROUP BY ROLLUP (region, product) ORDER BY level, region, product;
-- label the subtotal rows
SELECT CASE WHEN GROUPING(region) = 1 THEN 'all regions' ELSE coalesce(region, '(none)') END AS region,
       CASE WHEN GROUPING(product) = 1 THEN 'all products' ELSE product END AS product,
       sum(qty) AS qty
FROM sales GROUP BY ROLLUP (region, product) ORDER BY GROUPING(region), 1, GROUPING(product), 2;
-- CUBE: every combination
SELECT product, year, sum(qty), GROUPING(product, year) FROM sales
GROUP BY CUBE (product, year) ORDER BY 4, 1, 2;
-- explicit grouping sets, () and a plain key combined with a rollup
SELECT region, product, sum(qty) FROM sales GROUP BY GROUPING SETS ((region), (product), ())
ORDER BY region, product, 3;
SELECT year, region, sum(qty) FROM sales GROUP BY year, ROLLUP (region) ORDER BY 1, 2, 3;
SELECT sum(qty), count(*) FROM sales GROUP BY ();
SELECT sum(qty) FROM sales WHERE false GROUP BY ROLLUP (region);
SELECT region, year, sum(qty) FROM sales GROUP BY ROLLUP ((region, year)) ORDER BY 1, 2;
-- HAVING, aggregates with FILTER, and window functions over the sets
SELECT region, sum(qty) FROM sales GROUP BY ROLLUP (region) HAVING sum(qty) > 5 ORDER BY 1;
SELECT product, count(*) FILTER (WHERE year = 2023) AS in_2023 FROM sales
GROUP BY ROLLUP (product) ORDER BY 1;
SELECT region, sum(qty), rank() OVER (PARTITION BY GROUPING(region) ORDER BY sum(qty) DESC)
FROM sales GROUP BY ROLLUP (region) ORDER BY GROUPING(region), 3, 1;
-- plans
EXPLAIN (COSTS OFF) SELECT region, product, sum(qty) FROM sales GROUP BY ROLLUP (region, product);
EXPLAIN (COSTS OFF) SELECT region, product, sum(qty) FROM sales GROUP BY CUBE (region, product);
EXPLAIN (COSTS OFF) SELECT region, product, sum(qty) FROM sales
GROUP BY GROUPING SETS ((region), (product));
EXPLAIN (COSTS OFF) SELECT region, sum(qty) FROM sales GROUP BY ROLLUP (region) ORDER BY 1;
-- errors
SELECT GROUPING(qty) FROM sales GROUP BY ROLLUP (region);
SELECT region FROM sales WHERE GROUPING(region) = 0 GROUP BY ROLLUP (region);
SELECT region, product FROM sales GROUP BY ROLLUP (region);
