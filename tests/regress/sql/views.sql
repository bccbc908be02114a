-- Views: CREATE [OR REPLACE] VIEW, use in queries (flattened in EXPLAIN), pg_views and
-- pg_get_viewdef, dependencies (DROP ... RESTRICT / CASCADE), ALTER VIEW RENAME, and the
-- errors PostgreSQL gives for invalid replacements and for writing to views.
CREATE TABLE employees (id int PRIMARY KEY, name text NOT NULL, dept text, salary int);
INSERT INTO employees VALUES (1, 'Ann', 'eng', 1200), (2, 'Bob', 'eng', 900), (3, 'Cid', 'ops', 1500), (4, 'Dee', NULL, 700);
CREATE TABLE depts (code text PRIMARY KEY, title text);
INSERT INTO depts VALUES ('eng', 'Engineering'), ('ops', 'Operations');
-- a view filters and projects; queries on it are flattened into the base table's scan
CREATE VIEW well_paid AS SELECT e.name, e.salary FROM employees e WHERE e.salary > 1000;
SELECT * FROM well_paid ORDER BY name;
SELECT name FROM well_paid WHERE salary < 1400;
EXPLAIN (COSTS OFF) SELECT * FROM well_paid WHERE salary < 1400;
EXPLAIN (COSTS OFF) SELECT * FROM well_paid WHERE salary < 1400 ORDER BY name;
EXPLAIN (COSTS OFF) SELECT count(*) FROM well_paid;
-- column names in the view's header, aggregates, joins, window functions, LIMIT, UNION, WITH
CREATE VIEW dept_totals (dept, headcount, total) AS
  SELECT dept, count(*), sum(salary) FROM employees GROUP BY dept;
SELECT * FROM dept_totals ORDER BY dept;
CREATE VIEW staff AS SELECT e.id, e.name, d.title FROM employees e JOIN depts d ON d.code = e.dept;
SELECT * FROM staff ORDER BY id;
CREATE VIEW ranked AS SELECT name, salary, rank() OVER (ORDER BY salary DESC) AS r FROM employees;
SELECT * FROM ranked WHERE r <= 2 ORDER BY r;
CREATE VIEW top2 AS SELECT name FROM employees ORDER BY salary DESC LIMIT 2;
SELECT * FROM top2;
CREATE VIEW names AS SELECT name FROM employees UNION SELECT title FROM depts;
SELECT * FROM names ORDER BY 1;
CREATE VIEW big_depts AS WITH t AS (SELECT dept, count(*) AS n FROM employees GROUP BY dept) SELECT dept FROM t WHERE n > 1;
SELECT * FROM big_depts;
SELECT w.name, s.title FROM well_paid w JOIN staff s ON s.name = w.name ORDER BY 1;
-- a view over a view
CREATE VIEW rich_staff AS SELECT s.name, s.title FROM staff s JOIN well_paid w ON w.name = s.name;
SELECT * FROM rich_staff ORDER BY name;
-- the stored definitions, as PostgreSQL deparses them
SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' AND viewname <> 'big_depts' ORDER BY viewname;
SELECT pg_get_viewdef('well_paid');
SELECT pg_get_viewdef('staff'::regclass);
SELECT pg_get_viewdef('employees') IS NULL AS not_a_view;
-- CREATE OR REPLACE may add columns at the end, nothing else
CREATE VIEW well_paid AS SELECT 1;
CREATE OR REPLACE VIEW well_paid AS SELECT e.name, e.salary, e.dept FROM employees e WHERE e.salary > 1000;
SELECT * FROM well_paid ORDER BY name;
CREATE OR REPLACE VIEW well_paid AS SELECT e.name FROM employees e;
CREATE OR REPLACE VIEW well_paid AS SELECT e.name AS who, e.salary, e.dept FROM employees e;
CREATE OR REPLACE VIEW well_paid AS SELECT e.name, e.salary::bigint, e.dept FROM employees e;
CREATE OR REPLACE VIEW employees AS SELECT 1 AS id;
CREATE VIEW bad (a, b, c) AS SELECT 1, 2;
CREATE VIEW bad AS SELECT 1 AS x, 2 AS x;
CREATE VIEW bad AS SELECT nosuch FROM employees;
-- dependencies
DROP TABLE employees;
DROP TABLE depts;
DROP TABLE well_paid;
DROP VIEW employees;
DROP VIEW nosuch;
DROP VIEW IF EXISTS nosuch, top2;
SELECT * FROM top2;
ALTER TABLE employees DROP COLUMN id;
ALTER TABLE employees ALTER COLUMN id TYPE bigint;
ALTER VIEW ranked RENAME TO ranking;
SELECT name FROM ranking WHERE r = 1;
ALTER VIEW employees RENAME TO x;
DROP VIEW staff;
DROP VIEW staff CASCADE;
SELECT * FROM rich_staff;
-- views are not tables: writing to one that is not automatically updatable
INSERT INTO dept_totals VALUES ('x', 1, 1);
UPDATE dept_totals SET total = 0;
DELETE FROM names;
INSERT INTO ranking VALUES ('x', 1, 1);
-- DDL on views is transactional
BEGIN;
CREATE VIEW tx_view AS SELECT 1 AS one;
SELECT * FROM tx_view;
ROLLBACK;
SELECT * FROM tx_view;
-- a column no view reads can go; one a view reads cannot, unless CASCADE
ALTER TABLE employees ADD COLUMN note text;
ALTER TABLE employees DROP COLUMN note;
ALTER TABLE employees DROP COLUMN salary;
ALTER TABLE employees DROP COLUMN salary CASCADE;
SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY viewname;
DROP TABLE depts CASCADE;
DROP VIEW big_depts, names;
DROP TABLE employees CASCADE;
SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY viewname;
