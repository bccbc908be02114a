-- WITH queries: plain, referenced twice, MATERIALIZED / NOT MATERIALIZED, and WITH RECURSIVE
-- (org chart, graph walk with cycles, UNION vs UNION ALL).
CREATE TABLE departments (id int, name text, parent_id int);
CREATE TABLE employees (id int, name text, dept_id int, manager_id int, salary numeric(10,2));
CREATE TABLE projects (id int, title text, dept_id int, lead_id int);
INSERT INTO departments VALUES (1, 'Engineering', NULL), (2, 'Sales', NULL), (3, 'Research', 1), (4, 'Support', 2), (5, 'Legal', NULL);
INSERT INTO employees VALUES
  (1, 'Alice', 1, NULL, 9000), (2, 'Bob', 1, 1, 7000), (3, 'Carol', 2, 1, 6000),
  (4, 'Dan', 2, 3, 5000), (5, 'Eve', NULL, 3, 4000), (6, 'Frank', 3, 2, 7500),
  (7, 'Grace', 3, 6, 7500), (8, 'Heidi', 4, 3, NULL);
INSERT INTO projects VALUES (1, 'Compiler', 1, 2), (2, 'CRM', 2, 3), (3, 'Vision', 3, 6), (4, 'Orphan', NULL, NULL), (5, 'Audit', 9, 1);
CREATE TABLE edges (src int, dst int);
INSERT INTO edges VALUES (1, 2), (2, 3), (3, 1), (3, 4), (5, 6);

WITH dept_pay AS (SELECT dept_id, sum(salary) AS total FROM employees GROUP BY dept_id)
SELECT d.name, p.total FROM dept_pay p JOIN departments d ON d.id = p.dept_id ORDER BY p.total DESC;
WITH rich AS (SELECT * FROM employees WHERE salary >= 7000)
SELECT a.name, b.name FROM rich a JOIN rich b ON a.salary = b.salary AND a.id < b.id ORDER BY 1;
WITH m AS MATERIALIZED (SELECT id, name FROM departments WHERE parent_id IS NULL),
     n AS NOT MATERIALIZED (SELECT id FROM m WHERE id > 1)
SELECT m.name FROM m JOIN n USING (id) ORDER BY 1;
WITH t(x, y) AS (SELECT 1, 'one') SELECT y, x FROM t;
WITH a AS (SELECT 1 AS v), b AS (SELECT v + 1 AS v FROM a) SELECT * FROM a UNION ALL SELECT * FROM b ORDER BY v;
-- a WITH inside a subquery
SELECT name FROM employees WHERE dept_id IN (WITH top AS (SELECT id FROM departments WHERE parent_id IS NULL) SELECT id FROM top) ORDER BY name;

-- the org chart: everyone below Alice, with depth and path
WITH RECURSIVE org AS (
  SELECT id, name, manager_id, 1 AS depth, name AS path FROM employees WHERE manager_id IS NULL
  UNION ALL
  SELECT e.id, e.name, e.manager_id, o.depth + 1, o.path || ' > ' || e.name
  FROM employees e JOIN org o ON e.manager_id = o.id
)
SELECT depth, name, path FROM org ORDER BY depth, name;
-- the chain of managers above Grace
WITH RECURSIVE chain AS (
  SELECT id, name, manager_id FROM employees WHERE name = 'Grace'
  UNION ALL
  SELECT m.id, m.name, m.manager_id FROM employees m JOIN chain c ON m.id = c.manager_id
)
SELECT name FROM chain;
-- department subtree sizes
WITH RECURSIVE sub(root, id) AS (
  SELECT id, id FROM departments
  UNION ALL
  SELECT s.root, d.id FROM departments d JOIN sub s ON d.parent_id = s.id
)
SELECT root, count(*) FROM sub GROUP BY root ORDER BY root;
-- graph walk over a cycle: UNION stops, UNION ALL with a depth bound
WITH RECURSIVE reach(node) AS (
  SELECT 1 UNION SELECT e.dst FROM edges e JOIN reach r ON e.src = r.node
)
SELECT node FROM reach ORDER BY node;
WITH RECURSIVE walk(node, steps) AS (
  SELECT 1, 0 UNION ALL SELECT e.dst, w.steps + 1 FROM edges e JOIN walk w ON e.src = w.node WHERE w.steps < 4
)
SELECT steps, node FROM walk ORDER BY steps, node;
WITH RECURSIVE nums(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM nums WHERE n < 5) SELECT sum(n) FROM nums;
-- plans
EXPLAIN (COSTS OFF) WITH RECURSIVE org AS (
  SELECT id FROM employees WHERE manager_id IS NULL
  UNION ALL
  SELECT e.id FROM employees e JOIN org o ON e.manager_id = o.id
) SELECT * FROM org;
-- errors
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n::bigint + 1 FROM r WHERE n < 3) SELECT * FROM r;
WITH x AS (SELECT 1), x AS (SELECT 2) SELECT * FROM x;
WITH t(a, b) AS (SELECT 1) SELECT * FROM t;
DROP TABLE departments, employees, projects, edges;
