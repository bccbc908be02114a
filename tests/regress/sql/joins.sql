--
-- Joins across two and three tables: comma joins with WHERE, [INNER] JOIN ... ON, and the
-- name-resolution errors joins make possible.
--
CREATE TABLE dept (id int, name text, city text);
CREATE TABLE emp (id int, name text, dept_id int, salary int);
CREATE TABLE project (id int, emp_id int, title text);
INSERT INTO dept VALUES (1, 'sales', 'Oslo'), (2, 'research', 'Lyon'), (3, 'support', 'Oslo');
INSERT INTO emp VALUES
    (10, 'ann', 1, 4000),
    (11, 'bob', 2, 5200),
    (12, 'cid', 2, 4800),
    (13, 'dee', NULL, 3900),
    (14, 'eve', 1, 6100),
    (15, 'fay', 9, 3000);
INSERT INTO project VALUES
    (100, 11, 'compiler'),
    (101, 12, 'compiler'),
    (102, 11, 'storage'),
    (103, 14, 'crm'),
    (104, 99, 'orphan');
-- comma join with the join condition in WHERE
SELECT emp.name, dept.name FROM emp, dept WHERE emp.dept_id = dept.id ORDER BY emp.name;
SELECT e.name, d.name AS dept FROM emp e, dept d
WHERE e.dept_id = d.id AND d.city = 'Oslo' ORDER BY e.salary DESC;
-- INNER JOIN ... ON, with and without INNER; rows without a partner disappear
SELECT e.name, d.name FROM emp e INNER JOIN dept d ON e.dept_id = d.id ORDER BY e.id;
SELECT e.name, d.city FROM emp e JOIN dept d ON d.id = e.dept_id WHERE e.salary > 4500 ORDER BY 1;
SELECT e.name, d.name FROM emp AS e JOIN dept AS d ON e.dept_id = d.id AND d.name <> 'sales'
ORDER BY e.name;
-- columns that exist in only one table need no qualification
SELECT salary, city FROM emp JOIN dept ON dept_id = dept.id ORDER BY salary;
-- three tables, both styles
SELECT d.name, e.name, p.title
FROM dept d, emp e, project p
WHERE e.dept_id = d.id AND p.emp_id = e.id
ORDER BY p.id;
SELECT d.name AS dept, p.title, e.salary
FROM project p
JOIN emp e ON p.emp_id = e.id
JOIN dept d ON e.dept_id = d.id
WHERE p.title = 'compiler'
ORDER BY e.salary;
-- a cross product, and a self join
SELECT d1.id, d2.id FROM dept d1, dept d2 ORDER BY 1, 2;
SELECT a.name, b.name FROM emp a JOIN emp b ON a.dept_id = b.dept_id AND a.id < b.id
ORDER BY a.name, b.name;
-- a non-equality join condition
SELECT e.name, d.name FROM emp e JOIN dept d ON e.salary > d.id * 2000 ORDER BY e.id, d.id;
-- the join result feeds ORDER BY and LIMIT like any other row source
SELECT e.name, d.name FROM emp e JOIN dept d ON e.dept_id = d.id ORDER BY e.salary DESC LIMIT 2;
-- ambiguous and unknown names
SELECT id FROM emp, dept;
SELECT name FROM emp JOIN dept ON dept_id = dept.id;
SELECT e.name FROM emp e JOIN dept d ON dept_id = id;
SELECT emp.nosuchcolumn FROM emp;
SELECT x.id FROM emp;
SELECT emp.id FROM emp e;
SELECT * FROM emp, emp;
SELECT * FROM emp e JOIN dept e ON true;
SELECT * FROM emp JOIN dept ON emp.dept_id = nosuch.id;
DROP TABLE dept;
DROP TABLE emp;
DROP TABLE project;
