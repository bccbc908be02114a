--
-- EXPLAIN (COSTS OFF) plan shapes on small tables that were never analyzed: sequential scan
-- with a filter, sort, limit, hash join, nested loop, aggregation. Costs are left out so that
-- the file checks plan shapes rather than size estimates; plans without tables, whose costs
-- follow from the cost constants alone, are shown with them.
--
CREATE TABLE e_dept (id int, name text, region text);
CREATE TABLE e_emp (id int, dept_id int, name text, salary int);
INSERT INTO e_dept SELECT g, 'dept' || g, 'r' || g % 3 FROM generate_series(1, 10) g;
INSERT INTO e_emp SELECT g, g % 10 + 1, 'emp' || g, 1000 + g * 10 FROM generate_series(1, 200) g;
-- scans
EXPLAIN (COSTS OFF) SELECT * FROM e_emp;
EXPLAIN (COSTS OFF) SELECT name FROM e_emp WHERE salary > 2000;
EXPLAIN (COSTS OFF) SELECT * FROM e_emp WHERE salary > 2000 AND dept_id = 3 OR name = 'emp7';
EXPLAIN (COSTS false) SELECT id FROM e_dept WHERE region = 'r1';
-- sort and limit
EXPLAIN (COSTS OFF) SELECT * FROM e_emp ORDER BY salary DESC;
EXPLAIN (COSTS OFF) SELECT * FROM e_emp ORDER BY dept_id, salary DESC NULLS LAST;
EXPLAIN (COSTS OFF) SELECT * FROM e_emp ORDER BY salary LIMIT 5;
EXPLAIN (COSTS OFF) SELECT * FROM e_emp LIMIT 5 OFFSET 10;
EXPLAIN (COSTS OFF) SELECT name FROM e_emp WHERE dept_id = 2 ORDER BY name LIMIT 3;
-- joins
EXPLAIN (COSTS OFF) SELECT e.name, d.name FROM e_emp e JOIN e_dept d ON e.dept_id = d.id
WHERE e.salary > 1500;
EXPLAIN (COSTS OFF) SELECT e.name, d.name FROM e_emp e, e_dept d
WHERE e.dept_id = d.id AND d.region = 'r2';
EXPLAIN (COSTS OFF) SELECT e.name, d.name FROM e_emp e JOIN e_dept d ON e.salary < d.id * 150;
EXPLAIN (COSTS OFF) SELECT a.id, b.id FROM e_dept a, e_dept b;
-- aggregation
EXPLAIN (COSTS OFF) SELECT count(*) FROM e_emp;
EXPLAIN (COSTS OFF) SELECT dept_id, count(*), avg(salary) FROM e_emp GROUP BY dept_id;
EXPLAIN (COSTS OFF) SELECT dept_id, sum(salary) FROM e_emp GROUP BY dept_id
HAVING sum(salary) > 30000 ORDER BY dept_id;
EXPLAIN (COSTS OFF) SELECT d.region, count(*) FROM e_emp e JOIN e_dept d ON e.dept_id = d.id
WHERE e.salary > 1500 GROUP BY d.region;
-- plans without tables, with their costs
EXPLAIN SELECT 1;
EXPLAIN SELECT * FROM generate_series(1, 10);
EXPLAIN (COSTS OFF) SELECT * FROM generate_series(1, 10) g WHERE g > 5;
-- EXPLAIN does not run the statement
EXPLAIN (COSTS OFF) SELECT 1 / (id - id) FROM e_emp;
EXPLAIN (COSTS OFF) SELECT * FROM nosuch;
DROP TABLE e_emp;
DROP TABLE e_dept;
