-- UNION / INTERSECT / EXCEPT [ALL]: type resolution, ORDER BY and LIMIT on the result,
-- parenthesised operands, and their errors.
CREATE TABLE departments (id int, name text, parent_id int);
CREATE TABLE employees (id int, name text, dept_id int, manager_id int, salary numeric(10,2));
CREATE TABLE projects (id int, title text, dept_id int, lead_id int);
INSERT INTO departments VALUES (1, 'Engineering', NULL), (2, 'Sales', NULL), (3, 'Research', 1), (4, 'Support', 2), (5, 'Legal', NULL);
INSERT INTO employees VALUES
  (1, 'Alice', 1, NULL, 9000), (2, 'Bob', 1, 1, 7000), (3, 'Carol', 2, 1, 6000),
  (4, 'Dan', 2, 3, 5000), (5, 'Eve', NULL, 3, 4000), (6, 'Frank', 3, 2, 7500),
  (7, 'Grace', 3, 6, 7500), (8, 'Heidi', 4, 3, NULL);
INSERT INTO projects VALUES (1, 'Compiler', 1, 2), (2, 'CRM', 2, 3), (3, 'Vision', 3, 6), (4, 'Orphan', NULL, NULL), (5, 'Audit', 9, 1);

SELECT dept_id FROM employees UNION SELECT id FROM departments ORDER BY 1;
SELECT dept_id FROM employees UNION ALL SELECT dept_id FROM projects ORDER BY 1 NULLS FIRST;
SELECT dept_id FROM employees INTERSECT SELECT dept_id FROM projects ORDER BY dept_id;
SELECT dept_id FROM employees INTERSECT ALL SELECT dept_id FROM projects ORDER BY dept_id;
SELECT id FROM departments EXCEPT SELECT dept_id FROM employees ORDER BY id;
SELECT dept_id FROM employees EXCEPT ALL SELECT dept_id FROM projects ORDER BY 1;
SELECT name FROM employees WHERE salary > 7000 UNION SELECT name FROM departments ORDER BY name DESC LIMIT 3;
SELECT name AS who FROM employees WHERE id < 3 UNION ALL SELECT title FROM projects WHERE id < 3 ORDER BY who;
-- INTERSECT binds tighter than UNION; parentheses change it
SELECT 1 AS n UNION SELECT 2 INTERSECT SELECT 3 ORDER BY 1;
(SELECT 1 AS n UNION SELECT 2) INTERSECT SELECT 2;
(SELECT name FROM employees ORDER BY salary DESC LIMIT 2) UNION ALL (SELECT name FROM departments ORDER BY id LIMIT 1);
SELECT 1 EXCEPT SELECT 1 EXCEPT SELECT 2;
-- type resolution
SELECT 1 AS x UNION SELECT 2.5 ORDER BY 1;
SELECT NULL AS x UNION SELECT 3 ORDER BY 1;
SELECT 'a' AS x UNION SELECT 'b' ORDER BY 1;
SELECT 1::smallint UNION ALL SELECT 100000 ORDER BY 1;
-- in a subquery
SELECT count(*) FROM (SELECT dept_id FROM employees UNION SELECT dept_id FROM projects) u;
EXPLAIN (COSTS OFF) SELECT dept_id FROM employees UNION SELECT id FROM departments;
EXPLAIN (COSTS OFF) SELECT dept_id FROM employees UNION ALL SELECT id FROM departments;
EXPLAIN (COSTS OFF) SELECT dept_id FROM employees EXCEPT SELECT id FROM departments;
-- errors
SELECT 1 UNION SELECT 'a'::text;
SELECT id, name FROM departments UNION SELECT id FROM projects;
SELECT id FROM departments UNION SELECT id FROM projects ORDER BY id + 1;
SELECT 1 UNION SELECT 2 ORDER BY nope;
DROP TABLE departments, employees, projects;
