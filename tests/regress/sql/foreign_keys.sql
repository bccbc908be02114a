--
-- FOREIGN KEY constraints: checks on the referencing side, ON DELETE / ON UPDATE actions on
-- the referenced side, default names and definition errors.
--
CREATE TABLE departments (dept_id int PRIMARY KEY, name text NOT NULL, code text UNIQUE);
CREATE TABLE employees (
    emp_id serial PRIMARY KEY,
    name text NOT NULL,
    dept_id int REFERENCES departments,
    manager_id int REFERENCES employees (emp_id) ON DELETE SET NULL
);
CREATE TABLE projects (
    project_id int PRIMARY KEY,
    dept_code text,
    lead_id int,
    FOREIGN KEY (dept_code) REFERENCES departments (code) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT lead_fk FOREIGN KEY (lead_id) REFERENCES employees ON DELETE RESTRICT
);
SELECT conname, contype, confupdtype, confdeltype, confmatchtype
    FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
    WHERE r.relname IN ('employees', 'projects') AND contype = 'f' ORDER BY conname;
INSERT INTO departments VALUES (1, 'Engineering', 'ENG'), (2, 'Sales', 'SAL'), (3, 'Empty', 'EMP');
INSERT INTO employees (name, dept_id) VALUES ('Ann', 1), ('Bob', 2);
INSERT INTO employees (name, dept_id, manager_id) VALUES ('Cid', 1, 1), ('Dee', NULL, 1);
INSERT INTO projects VALUES (10, 'ENG', 1), (20, 'SAL', 2), (30, 'SAL', NULL);
-- referencing side
INSERT INTO employees (name, dept_id) VALUES ('Eve', 9);
INSERT INTO employees (name, dept_id, manager_id) VALUES ('Fay', 1, 99);
UPDATE employees SET dept_id = 7 WHERE name = 'Bob';
INSERT INTO projects VALUES (40, 'XXX', NULL);
-- NULL keys are not checked
INSERT INTO projects VALUES (50, NULL, NULL);
-- referenced side: NO ACTION
DELETE FROM departments WHERE dept_id = 1;
UPDATE departments SET dept_id = 5 WHERE dept_id = 2;
-- a referenced row nobody uses can go
DELETE FROM departments WHERE dept_id = 3 RETURNING name;
-- changing a non-key column is fine
UPDATE departments SET name = 'Engineering & Ops' WHERE dept_id = 1;
-- CASCADE on update and delete
UPDATE departments SET code = 'SLS' WHERE dept_id = 2;
SELECT project_id, dept_code FROM projects ORDER BY project_id;
-- RESTRICT
DELETE FROM employees WHERE name = 'Bob';
-- SET NULL
DELETE FROM projects WHERE lead_id = 1;
DELETE FROM employees WHERE name = 'Cid';
DELETE FROM employees WHERE name = 'Ann';
SELECT name, dept_id, manager_id FROM employees ORDER BY emp_id;
-- a statement that removes both sides passes
DELETE FROM employees WHERE name IN ('Ann', 'Dee');
SELECT name FROM employees ORDER BY emp_id;
DELETE FROM projects;
DELETE FROM departments WHERE code = 'SLS';
SELECT count(*) FROM departments;
-- inside a transaction: the error aborts the block
BEGIN;
INSERT INTO employees (name, dept_id) VALUES ('Gil', 42);
COMMIT;
-- definition errors
CREATE TABLE bad1 (d text REFERENCES departments (name));
CREATE TABLE bad2 (d int REFERENCES nosuch);
CREATE TABLE bad3 (d int REFERENCES departments (nosuch));
CREATE TABLE bad4 (d int, FOREIGN KEY (d, d) REFERENCES departments (dept_id));
CREATE TABLE nokey (id int);
CREATE TABLE bad5 (d int REFERENCES nokey);
DROP TABLE nokey;
-- TRUNCATE and DROP TABLE of referenced tables
TRUNCATE departments;
TRUNCATE departments, employees, projects;
INSERT INTO departments VALUES (1, 'Engineering', 'ENG');
INSERT INTO employees (name, dept_id) VALUES ('Hal', 1);
TRUNCATE departments CASCADE;
SELECT count(*) FROM employees;
DROP TABLE departments;
DROP TABLE employees;
DROP TABLE departments CASCADE;
INSERT INTO employees (name, dept_id) VALUES ('Ivy', 77);
DROP TABLE employees, projects;
