--
-- Window functions: ranking, offsets, frame values and aggregates OVER windows with
-- PARTITION BY / ORDER BY, ROWS / RANGE / GROUPS frames, named windows, and the errors.
--
CREATE TABLE emp (name text, dept text, salary int, hired date, bonus numeric(8,2));
INSERT INTO emp VALUES
    ('alice', 'eng', 120, '2020-01-10', 10.50),
    ('bob', 'eng', 100, '2021-03-01', NULL),
    ('carol', 'eng', 100, '2019-07-15', 5.25),
    ('dave', 'sales', 80, '2022-02-01', 20.00),
    ('erin', 'sales', 95, '2020-11-30', 7.75),
    ('frank', 'sales', 80, '2018-05-05', 3.00),
    ('grace', 'hr', 70, '2021-09-09', NULL),
    ('heidi', NULL, 60, '2023-01-01', 1.00);
-- ranking within departments
SELECT dept, name, salary,
       row_number() OVER (PARTITION BY dept ORDER BY salary DESC, name) AS rn,
       rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS rnk,
       dense_rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS drnk
FROM emp ORDER BY dept, rn;
SELECT name, salary, percent_rank() OVER (ORDER BY salary), cume_dist() OVER (ORDER BY salary)
FROM emp ORDER BY salary, name;
SELECT name, salary, ntile(3) OVER (ORDER BY salary DESC, name) FROM emp ORDER BY 3, 2 DESC, 1;
SELECT name, ntile(5) OVER (PARTITION BY dept ORDER BY name) FROM emp ORDER BY dept, name;
-- running totals: the default frame takes the current row's peers along
SELECT name, salary, sum(salary) OVER (ORDER BY salary) AS running,
       count(*) OVER (ORDER BY salary) AS cnt
FROM emp ORDER BY salary, name;
SELECT name, salary, sum(salary) OVER (ORDER BY salary, name ROWS UNBOUNDED PRECEDING)
FROM emp ORDER BY salary, name;
SELECT dept, name, salary, sum(salary) OVER (PARTITION BY dept) AS dept_total,
       round(100.0 * salary / sum(salary) OVER (PARTITION BY dept), 1) AS pct
FROM emp ORDER BY dept, name;
-- moving averages
SELECT name, hired, salary,
       avg(salary) OVER (ORDER BY hired ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS moving
FROM emp ORDER BY hired;
SELECT name, salary, sum(salary) OVER (ORDER BY salary, name ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
FROM emp ORDER BY salary, name;
-- lag / lead with offsets and defaults
SELECT name, hired, salary, lag(salary) OVER (ORDER BY hired) AS prev,
       salary - lag(salary) OVER (ORDER BY hired) AS delta,
       lead(name, 2) OVER (ORDER BY hired) AS next2,
       lag(salary, 1, 0) OVER (ORDER BY hired) AS prev0
FROM emp ORDER BY hired;
SELECT dept, name, lead(salary, 1, -1) OVER (PARTITION BY dept ORDER BY name),
       lag(bonus, 1, 0) OVER (PARTITION BY dept ORDER BY name)
FROM emp ORDER BY dept, name;
-- first_value / last_value / nth_value and their frames
SELECT dept, name, salary,
       first_value(name) OVER w AS top,
       last_value(name) OVER w AS default_frame_last,
       last_value(name) OVER (PARTITION BY dept ORDER BY salary DESC, name
                              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS bottom,
       nth_value(name, 2) OVER (PARTITION BY dept ORDER BY salary DESC, name
                                RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS second
FROM emp WINDOW w AS (PARTITION BY dept ORDER BY salary DESC, name)
ORDER BY dept, salary DESC, name;
-- RANGE with offsets, GROUPS, EXCLUDE
SELECT name, salary, sum(salary) OVER (ORDER BY salary RANGE BETWEEN 10 PRECEDING AND 10 FOLLOWING),
       count(*) OVER (ORDER BY salary DESC RANGE BETWEEN CURRENT ROW AND 15 FOLLOWING)
FROM emp ORDER BY salary, name;
SELECT name, hired, count(*) OVER (ORDER BY hired RANGE BETWEEN '1 year' PRECEDING AND CURRENT ROW)
FROM emp ORDER BY hired;
SELECT name, salary, sum(salary) OVER (ORDER BY salary GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING)
FROM emp ORDER BY salary, name;
SELECT name, salary,
       sum(salary) OVER (ORDER BY salary ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                         EXCLUDE CURRENT ROW) AS others,
       sum(salary) OVER (ORDER BY salary RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                         EXCLUDE GROUP) AS other_groups,
       sum(salary) OVER (ORDER BY salary RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
                         EXCLUDE TIES) AS no_ties
FROM emp ORDER BY salary, name;
-- aggregates over windows: FILTER, min/max, string_agg, NULL inputs
SELECT dept, name, count(bonus) OVER (PARTITION BY dept), max(bonus) OVER (PARTITION BY dept),
       count(*) FILTER (WHERE salary >= 100) OVER (PARTITION BY dept) AS high,
       string_agg(name, ',') OVER (PARTITION BY dept ORDER BY name) AS names
FROM emp ORDER BY dept, name;
-- windows over an aggregation
SELECT dept, sum(salary) AS total, rank() OVER (ORDER BY sum(salary) DESC),
       sum(sum(salary)) OVER () AS grand
FROM emp GROUP BY dept ORDER BY 3, dept;
-- window functions in ORDER BY, an empty OVER (), and a window copied and extended
SELECT name, salary FROM emp ORDER BY row_number() OVER (ORDER BY salary DESC, name) LIMIT 3;
SELECT name, count(*) OVER (), sum(salary) OVER () FROM emp ORDER BY name LIMIT 2;
SELECT name, rank() OVER (w ORDER BY salary) FROM emp WINDOW w AS (PARTITION BY dept)
ORDER BY dept, salary, name;
SELECT row_number() OVER (), 1 AS one;
-- plans: a WindowAgg over a Sort of the window's keys
EXPLAIN (COSTS OFF) SELECT name, rank() OVER (PARTITION BY dept ORDER BY salary DESC) FROM emp;
EXPLAIN (COSTS OFF) SELECT name, rank() OVER (PARTITION BY dept ORDER BY salary DESC),
    sum(salary) OVER (PARTITION BY dept) FROM emp;
EXPLAIN (COSTS OFF) SELECT name, row_number() OVER (ORDER BY salary) FROM emp ORDER BY salary;
EXPLAIN (COSTS OFF) SELECT name, count(*) OVER () FROM emp;
CREATE TABLE scores (player int, team int, points int);
EXPLAIN SELECT player, rank() OVER (PARTITION BY team ORDER BY points) FROM scores;
EXPLAIN SELECT team, sum(points), rank() OVER (ORDER BY sum(points) DESC) FROM scores GROUP BY team;
EXPLAIN SELECT player, sum(points) OVER (ORDER BY player ROWS 2 PRECEDING) FROM scores ORDER BY player;
DROP TABLE scores;
-- errors
SELECT name FROM emp WHERE row_number() OVER () > 1;
SELECT dept FROM emp GROUP BY dept HAVING rank() OVER () > 1;
SELECT dept FROM emp GROUP BY row_number() OVER ();
SELECT row_number() FROM emp;
SELECT lower(name) OVER () FROM emp;
SELECT sum(row_number() OVER ()) FROM emp;
SELECT row_number() OVER (ORDER BY rank() OVER ()) FROM emp;
SELECT rank() OVER w FROM emp;
SELECT rank() OVER (w ORDER BY salary) FROM emp WINDOW w AS (ORDER BY name);
SELECT rank() OVER (w PARTITION BY dept) FROM emp WINDOW w AS (ORDER BY name);
SELECT rank() OVER (w) FROM emp WINDOW w AS (ORDER BY name ROWS 1 PRECEDING);
SELECT rank() OVER w FROM emp WINDOW w AS (ORDER BY name), w AS (ORDER BY salary);
SELECT sum(salary) OVER (ROWS UNBOUNDED FOLLOWING) FROM emp;
SELECT sum(salary) OVER (ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM emp;
SELECT sum(salary) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED PRECEDING) FROM emp;
SELECT sum(salary) OVER (ORDER BY salary, name RANGE 1 PRECEDING) FROM emp;
SELECT sum(salary) OVER (ORDER BY name RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM emp;
SELECT sum(salary) OVER (GROUPS 1 PRECEDING) FROM emp;
SELECT sum(salary) OVER (ORDER BY salary ROWS -1 PRECEDING) FROM emp;
SELECT sum(salary) OVER (ROWS salary PRECEDING) FROM emp;
SELECT count(DISTINCT salary) OVER () FROM emp;
SELECT row_number() FILTER (WHERE salary > 1) OVER () FROM emp;
SELECT ntile(0) OVER () FROM emp;
SELECT nth_value(name, 0) OVER () FROM emp;
SELECT name, row_number() OVER () FROM emp GROUP BY dept;
