-- Outer joins, CROSS / NATURAL / USING joins, self-joins and joins of subqueries.
CREATE TABLE departments (id int, name text, parent_id int);
CREATE TABLE employees (id int, name text, dept_id int, manager_id int, salary numeric(10,2));
CREATE TABLE projects (id int, title text, dept_id int, lead_id int);
INSERT INTO departments VALUES (1, 'Engineering', NULL), (2, 'Sales', NULL), (3, 'Research', 1), (4, 'Support', 2), (5, 'Legal', NULL);
INSERT INTO employees VALUES
  (1, 'Alice', 1, NULL, 9000), (2, 'Bob', 1, 1, 7000), (3, 'Carol', 2, 1, 6000),
  (4, 'Dan', 2, 3, 5000), (5, 'Eve', NULL, 3, 4000), (6, 'Frank', 3, 2, 7500),
  (7, 'Grace', 3, 6, 7500), (8, 'Heidi', 4, 3, NULL);
INSERT INTO projects VALUES (1, 'Compiler', 1, 2), (2, 'CRM', 2, 3), (3, 'Vision', 3, 6), (4, 'Orphan', NULL, NULL), (5, 'Audit', 9, 1);

-- LEFT / RIGHT / FULL, ON vs WHERE
SELECT e.name, d.name AS dept FROM employees e LEFT JOIN departments d ON e.dept_id = d.id ORDER BY e.id;
SELECT e.name, d.name AS dept FROM employees e RIGHT JOIN departments d ON e.dept_id = d.id ORDER BY d.id, e.id;
SELECT p.title, d.name FROM projects p FULL OUTER JOIN departments d ON p.dept_id = d.id ORDER BY p.id, d.id;
SELECT e.name, d.name FROM employees e LEFT JOIN departments d ON e.dept_id = d.id AND d.name = 'Sales' ORDER BY e.id;
SELECT e.name, d.name FROM employees e LEFT JOIN departments d ON e.dept_id = d.id WHERE d.name = 'Sales' ORDER BY e.id;
SELECT d.name FROM departments d LEFT JOIN employees e ON e.dept_id = d.id WHERE e.id IS NULL ORDER BY 1;
SELECT d.name, count(e.id) AS staff FROM departments d LEFT JOIN employees e ON e.dept_id = d.id GROUP BY d.name ORDER BY d.name;
-- three tables, outer joins nested
SELECT e.name, d.name, p.title FROM employees e
  LEFT JOIN departments d ON e.dept_id = d.id
  LEFT JOIN projects p ON p.lead_id = e.id ORDER BY e.id, p.id;
SELECT d.name, e.name, p.title FROM departments d
  LEFT JOIN (employees e JOIN projects p ON p.lead_id = e.id) ON e.dept_id = d.id ORDER BY d.id, e.id;
-- CROSS, NATURAL, USING
SELECT count(*) FROM departments CROSS JOIN projects;
SELECT * FROM departments d JOIN projects p USING (id) ORDER BY id;
SELECT * FROM departments FULL JOIN projects USING (id) ORDER BY id;
SELECT id, name, title FROM departments NATURAL JOIN projects ORDER BY id;
SELECT dept_id, d.name, p.title FROM (SELECT id AS dept_id, name FROM departments) d LEFT JOIN projects p USING (dept_id) ORDER BY dept_id, p.id;
-- self-join
SELECT e.name AS employee, m.name AS manager FROM employees e LEFT JOIN employees m ON e.manager_id = m.id ORDER BY e.id;
-- join of subqueries
SELECT s.dept_id, s.total, d.name FROM (SELECT dept_id, sum(salary) AS total FROM employees GROUP BY dept_id) s
  JOIN departments d ON d.id = s.dept_id ORDER BY s.total DESC;
-- LATERAL: top two earners per department, functions reading earlier FROM items
SELECT d.name, top.name, top.salary FROM departments d,
  LATERAL (SELECT e.name, e.salary FROM employees e WHERE e.dept_id = d.id ORDER BY e.salary DESC NULLS LAST, e.name LIMIT 2) top
  ORDER BY d.id, top.salary DESC, top.name;
SELECT d.name, top.name FROM departments d
  LEFT JOIN LATERAL (SELECT e.name FROM employees e WHERE e.dept_id = d.id ORDER BY e.salary DESC NULLS LAST, e.name LIMIT 1) top ON true
  ORDER BY d.id;
SELECT d.id, g FROM departments d, generate_series(1, d.id) g WHERE d.id < 4 ORDER BY 1, 2;
SELECT d.id, x.n FROM departments d CROSS JOIN LATERAL (SELECT count(*) AS n FROM employees e WHERE e.dept_id = d.id) x ORDER BY 1;
-- plans
EXPLAIN (COSTS OFF) SELECT d.name, x.n FROM departments d,
  LATERAL (SELECT count(*) AS n FROM employees e WHERE e.dept_id = d.id) x;
EXPLAIN (COSTS OFF) SELECT e.name, d.name FROM employees e LEFT JOIN departments d ON e.dept_id = d.id AND d.parent_id IS NULL;
-- no equality: only a nested loop can do it
EXPLAIN (COSTS OFF) SELECT e.name, d.name FROM employees e LEFT JOIN departments d ON e.dept_id <= d.id AND e.dept_id >= d.id;
SELECT e.name, d.name FROM employees e LEFT JOIN departments d ON e.dept_id <= d.id AND e.dept_id >= d.id ORDER BY e.id;
-- errors
SELECT * FROM departments JOIN projects USING (nope);
SELECT * FROM departments d FULL JOIN projects p ON d.id < p.id;
SELECT name FROM departments JOIN employees USING (id);
DROP TABLE departments, employees, projects;
