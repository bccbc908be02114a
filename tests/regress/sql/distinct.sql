-- DISTINCT, DISTINCT ON, ORDER BY expressions / output names / positions, LIMIT / OFFSET,
-- FETCH FIRST ... ONLY / WITH TIES.
CREATE TABLE departments (id int, name text, parent_id int);
CREATE TABLE employees (id int, name text, dept_id int, manager_id int, salary numeric(10,2));
CREATE TABLE projects (id int, title text, dept_id int, lead_id int);
INSERT INTO departments VALUES (1, 'Engineering', NULL), (2, 'Sales', NULL), (3, 'Research', 1), (4, 'Support', 2), (5, 'Legal', NULL);
INSERT INTO employees VALUES
  (1, 'Alice', 1, NULL, 9000), (2, 'Bob', 1, 1, 7000), (3, 'Carol', 2, 1, 6000),
  (4, 'Dan', 2, 3, 5000), (5, 'Eve', NULL, 3, 4000), (6, 'Frank', 3, 2, 7500),
  (7, 'Grace', 3, 6, 7500), (8, 'Heidi', 4, 3, NULL);
INSERT INTO projects VALUES (1, 'Compiler', 1, 2), (2, 'CRM', 2, 3), (3, 'Vision', 3, 6), (4, 'Orphan', NULL, NULL), (5, 'Audit', 9, 1);

SELECT DISTINCT dept_id FROM employees ORDER BY dept_id;
SELECT DISTINCT salary, dept_id FROM employees ORDER BY salary DESC NULLS LAST, dept_id;
SELECT count(DISTINCT dept_id) FROM employees;
SELECT DISTINCT count(*) FROM employees GROUP BY dept_id ORDER BY 1;
-- top earner per department
SELECT DISTINCT ON (dept_id) dept_id, name, salary FROM employees ORDER BY dept_id, salary DESC NULLS LAST, name;
SELECT DISTINCT ON (dept_id) name FROM employees ORDER BY dept_id, id;
-- ORDER BY forms
SELECT name, salary * 12 AS yearly FROM employees ORDER BY yearly DESC NULLS LAST, name LIMIT 3;
SELECT name, salary FROM employees ORDER BY 2 NULLS FIRST, 1;
SELECT name FROM employees ORDER BY length(name), name;
SELECT name FROM employees ORDER BY dept_id DESC NULLS LAST, name;
-- LIMIT / OFFSET / FETCH
SELECT id FROM employees ORDER BY id LIMIT 3 OFFSET 2;
SELECT id FROM employees ORDER BY id OFFSET 6;
SELECT id FROM employees ORDER BY id OFFSET 2 ROWS FETCH FIRST 2 ROWS ONLY;
SELECT id FROM employees ORDER BY id FETCH NEXT ROW ONLY;
SELECT * FROM (SELECT name, salary FROM employees ORDER BY salary DESC NULLS LAST FETCH FIRST 2 ROWS WITH TIES) t ORDER BY name;
SELECT * FROM (SELECT name, salary FROM employees ORDER BY salary DESC NULLS LAST FETCH FIRST 3 ROWS WITH TIES) t ORDER BY name;
SELECT name, salary FROM employees ORDER BY salary DESC NULLS LAST FETCH FIRST 2 ROWS ONLY;
SELECT id FROM employees ORDER BY id LIMIT ALL OFFSET 7;
EXPLAIN (COSTS OFF) SELECT DISTINCT dept_id FROM employees;
EXPLAIN (COSTS OFF) SELECT DISTINCT ON (dept_id) dept_id, name FROM employees ORDER BY dept_id, salary DESC;
-- errors
SELECT DISTINCT name FROM employees ORDER BY salary;
SELECT DISTINCT ON (dept_id) name FROM employees ORDER BY name;
SELECT id FROM employees FETCH FIRST 2 ROWS WITH TIES;
SELECT id FROM employees LIMIT -1;
SELECT name FROM employees ORDER BY 5;
DROP TABLE departments, employees, projects;
