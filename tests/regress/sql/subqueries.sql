-- Subqueries: scalar, IN / NOT IN with NULLs, EXISTS / NOT EXISTS (semi- and anti-joins),
-- ANY / ALL, correlated subqueries in WHERE, the select list and HAVING, subqueries in FROM.
CREATE TABLE departments (id int, name text, parent_id int);
CREATE TABLE employees (id int, name text, dept_id int, manager_id int, salary numeric(10,2));
CREATE TABLE projects (id int, title text, dept_id int, lead_id int);
INSERT INTO departments VALUES (1, 'Engineering', NULL), (2, 'Sales', NULL), (3, 'Research', 1), (4, 'Support', 2), (5, 'Legal', NULL);
INSERT INTO employees VALUES
  (1, 'Alice', 1, NULL, 9000), (2, 'Bob', 1, 1, 7000), (3, 'Carol', 2, 1, 6000),
  (4, 'Dan', 2, 3, 5000), (5, 'Eve', NULL, 3, 4000), (6, 'Frank', 3, 2, 7500),
  (7, 'Grace', 3, 6, 7500), (8, 'Heidi', 4, 3, NULL);
INSERT INTO projects VALUES (1, 'Compiler', 1, 2), (2, 'CRM', 2, 3), (3, 'Vision', 3, 6), (4, 'Orphan', NULL, NULL), (5, 'Audit', 9, 1);

-- scalar subqueries
SELECT name, salary FROM employees WHERE salary > (SELECT avg(salary) FROM employees) ORDER BY name;
SELECT name, (SELECT d.name FROM departments d WHERE d.id = e.dept_id) AS dept FROM employees e ORDER BY e.id;
SELECT (SELECT max(salary) FROM employees) - (SELECT min(salary) FROM employees) AS spread;
SELECT (SELECT name FROM employees WHERE id = 99) AS nobody;
SELECT (SELECT name FROM employees);
SELECT (SELECT id, name FROM employees WHERE id = 1);
-- correlated: above the department's average
SELECT e.name, e.salary FROM employees e
  WHERE e.salary > (SELECT avg(e2.salary) FROM employees e2 WHERE e2.dept_id = e.dept_id) ORDER BY e.name;
-- IN / NOT IN and NULLs
SELECT name FROM employees WHERE dept_id IN (SELECT id FROM departments WHERE parent_id IS NULL) ORDER BY name;
SELECT name FROM departments WHERE id NOT IN (SELECT dept_id FROM employees) ORDER BY name;
SELECT name FROM departments WHERE id NOT IN (SELECT dept_id FROM employees WHERE dept_id IS NOT NULL) ORDER BY name;
SELECT 1 IN (SELECT NULL::int) AS one_in_null, 1 NOT IN (SELECT 2 UNION ALL SELECT NULL) AS not_in_with_null;
SELECT id, id IN (SELECT dept_id FROM projects) AS has_project FROM departments ORDER BY id;
-- EXISTS / NOT EXISTS
SELECT d.name FROM departments d WHERE EXISTS (SELECT 1 FROM projects p WHERE p.dept_id = d.id) ORDER BY d.name;
SELECT d.name FROM departments d WHERE NOT EXISTS (SELECT 1 FROM employees e WHERE e.dept_id = d.id) ORDER BY d.name;
SELECT e.name FROM employees e WHERE NOT EXISTS (SELECT 1 FROM employees r WHERE r.manager_id = e.id) ORDER BY e.name;
SELECT name, EXISTS (SELECT 1 FROM projects p WHERE p.lead_id = e.id) AS leads FROM employees e ORDER BY e.id;
-- ANY / SOME / ALL
SELECT name FROM employees WHERE salary > ALL (SELECT salary FROM employees WHERE dept_id = 2) ORDER BY name;
SELECT name FROM employees WHERE salary = ANY (SELECT salary FROM employees WHERE dept_id = 3) ORDER BY name;
SELECT name FROM employees WHERE salary < SOME (SELECT salary FROM employees WHERE dept_id = 2) ORDER BY name;
SELECT 5 > ALL (SELECT NULL::int) AS all_null, 5 > ALL (SELECT 1 WHERE false) AS all_empty;
-- HAVING and correlated subqueries in the select list of a grouped query
SELECT dept_id, count(*) FROM employees GROUP BY dept_id
  HAVING count(*) > (SELECT count(*) FROM projects WHERE projects.dept_id = employees.dept_id) ORDER BY dept_id;
SELECT d.name, (SELECT count(*) FROM employees e WHERE e.dept_id = d.id) AS staff FROM departments d ORDER BY staff DESC, d.name;
-- subqueries in FROM
SELECT t.dept_id, t.n FROM (SELECT dept_id, count(*) AS n FROM employees GROUP BY dept_id) AS t WHERE t.n > 1 ORDER BY 1;
SELECT * FROM (SELECT name, salary FROM employees ORDER BY salary DESC LIMIT 3) top3 ORDER BY name;
SELECT x.a, y.b FROM (SELECT 1 AS a) x, (SELECT 2 AS b) y;
-- nested, correlated two levels out
SELECT d.name FROM departments d WHERE EXISTS (
  SELECT 1 FROM employees e WHERE e.dept_id = d.id AND e.salary > (
    SELECT avg(salary) FROM employees x WHERE x.dept_id = d.id)) ORDER BY 1;
-- plans
EXPLAIN (COSTS OFF) SELECT d.name FROM departments d WHERE NOT EXISTS (SELECT 1 FROM employees e WHERE e.dept_id = d.id);
EXPLAIN (COSTS OFF) SELECT name FROM employees WHERE dept_id IN (SELECT id FROM departments WHERE parent_id IS NULL);
EXPLAIN (COSTS OFF) SELECT name FROM employees e WHERE salary > (SELECT avg(x.salary) FROM employees x);
EXPLAIN (COSTS OFF) SELECT name FROM departments WHERE id NOT IN (SELECT dept_id FROM employees);
EXPLAIN (COSTS OFF) SELECT name, (SELECT count(*) FROM projects p WHERE p.lead_id = e.id) FROM employees e;
-- errors
SELECT name FROM employees WHERE id IN (SELECT id, name FROM employees);
SELECT * FROM (SELECT 1);
SELECT name FROM employees WHERE nope IN (SELECT 1);
DROP TABLE departments, employees, projects;
