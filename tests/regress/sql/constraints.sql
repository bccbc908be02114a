--
-- CHECK constraints (column and table level, PostgreSQL's default names), NOT NULL, and a
-- curriculum-style schema with serial keys and defaults.
--
CREATE TABLE products (
    id serial,
    name text NOT NULL,
    price numeric(8,2) CHECK (price > 0),
    discount numeric(8,2) DEFAULT 0 CHECK (discount >= 0),
    qty int CONSTRAINT qty_nonnegative CHECK (qty >= 0),
    CHECK (discount < price),
    CHECK (qty > -10 AND qty < 1000),
    CHECK (true)
);
SELECT conname, contype FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
    WHERE r.relname = 'products' ORDER BY conname;
INSERT INTO products (name, price, qty) VALUES ('pen', 1.50, 10) RETURNING *;
INSERT INTO products (name, price, qty) VALUES ('free', 0, 1);
INSERT INTO products (name, price, discount, qty) VALUES ('cheap', 1, 2, 1);
INSERT INTO products (name, price, qty) VALUES ('minus', 5, -1);
INSERT INTO products (name, price, qty) VALUES ('lots', 5, 5000);
INSERT INTO products (name, price, qty) VALUES (NULL, 5, 1);
-- a NULL result passes a CHECK
INSERT INTO products (name, price, qty) VALUES ('unknown', NULL, NULL);
UPDATE products SET price = -1 WHERE name = 'pen';
UPDATE products SET qty = qty + 1 RETURNING name, qty;
SELECT name, price, discount, qty FROM products ORDER BY id;
-- a failing statement leaves nothing behind
INSERT INTO products (name, price, qty) VALUES ('ok', 1, 1), ('bad', -1, 1);
SELECT count(*) FROM products;
-- definition errors
CREATE TABLE bad1 (a int CHECK (a));
CREATE TABLE bad2 (a int CHECK (count(*) > 0));
CREATE TABLE bad3 (a int CHECK (b > 0));
CREATE TABLE bad4 (a int CONSTRAINT c1 CHECK (a > 0), b int CONSTRAINT c1 CHECK (b > 0));
CREATE TABLE twice (a int CHECK (a > 0), CHECK (a > 0), CHECK (a < 100));
SELECT conname FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
    WHERE r.relname = 'twice' ORDER BY conname;
DROP TABLE twice;
-- the curriculum schema
CREATE TABLE departments (
    dept_id serial,
    name varchar(50) NOT NULL,
    budget numeric(12,2) DEFAULT 100000 CHECK (budget >= 0)
);
CREATE TABLE employees (
    emp_id serial,
    name varchar(100) NOT NULL,
    dept_id int,
    salary numeric(10,2) NOT NULL CHECK (salary > 0),
    hired date DEFAULT '2024-01-01'
);
INSERT INTO departments (name) VALUES ('Engineering'), ('Sales') RETURNING dept_id, budget;
INSERT INTO employees (name, dept_id, salary) VALUES ('Ann', 1, 5000), ('Bob', 2, 4000);
INSERT INTO employees (name, dept_id, salary) VALUES ('Cid', 1, 0);
SELECT e.name, d.name AS dept, e.salary, e.hired FROM employees e JOIN departments d ON d.dept_id = e.dept_id ORDER BY e.emp_id;
DROP TABLE employees;
DROP TABLE departments;
DROP TABLE products;
