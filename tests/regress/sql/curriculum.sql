-- A database course's exercises end to end on one data set (tests/data/curriculum, written by
-- generate.py there): schema with constraints, loading CSV with \copy, then the classic
-- queries: window functions (top-N per group, running totals, lag/lead), a recursive org
-- chart, anti-joins and the NOT IN / NULL pitfall, correlated subqueries, ROLLUP / CUBE /
-- GROUPING SETS, CASE buckets, string and date functions, DISTINCT ON, set operations,
-- EXPLAIN, \copy ... TO STDOUT and the constraint errors. psql runs in tests/data.

-- the company
CREATE TABLE departments (
    dept_id  serial PRIMARY KEY,
    name     text NOT NULL UNIQUE,
    location text,
    budget   numeric(12,2) NOT NULL DEFAULT 0 CHECK (budget >= 0)
);
CREATE TABLE employees (
    emp_id     serial PRIMARY KEY,
    first_name text NOT NULL,
    last_name  text NOT NULL,
    email      text UNIQUE CHECK (email LIKE '%_@_%'),
    dept_id    int REFERENCES departments (dept_id),
    manager_id int REFERENCES employees (emp_id),
    hire_date  date NOT NULL DEFAULT current_date,
    salary     numeric(10,2) NOT NULL CHECK (salary > 0),
    title      text
);
CREATE TABLE projects (
    project_id serial PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    dept_id    int REFERENCES departments,
    start_date date NOT NULL,
    end_date   date,
    budget     numeric(12,2),
    CONSTRAINT projects_dates_check CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE TABLE assignments (
    emp_id     int NOT NULL REFERENCES employees ON DELETE CASCADE,
    project_id int NOT NULL REFERENCES projects,
    role       text NOT NULL DEFAULT 'developer',
    hours      numeric(6,1) CHECK (hours >= 0),
    PRIMARY KEY (emp_id, project_id)
);
-- the shop
CREATE TABLE customers (
    customer_id serial PRIMARY KEY,
    name        text NOT NULL,
    email       text NOT NULL UNIQUE,
    city        text,
    signup_date date NOT NULL
);
CREATE TABLE products (
    product_id serial PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    category   text NOT NULL,
    price      numeric(10,2) NOT NULL CHECK (price >= 0)
);
CREATE TABLE orders (
    order_id    serial PRIMARY KEY,
    customer_id int NOT NULL REFERENCES customers,
    order_date  date NOT NULL,
    status      text NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'shipped', 'delivered', 'cancelled'))
);
CREATE TABLE order_items (
    order_id   int REFERENCES orders ON DELETE CASCADE,
    product_id int REFERENCES products,
    quantity   int NOT NULL CHECK (quantity > 0),
    unit_price numeric(10,2) NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

-- loading: the files have a header line, quoted fields with commas, NULLs as empty fields
\copy departments FROM 'curriculum/departments.csv' WITH (FORMAT csv, HEADER)
\copy employees FROM 'curriculum/employees.csv' WITH (FORMAT csv, HEADER)
\copy projects FROM 'curriculum/projects.csv' WITH (FORMAT csv, HEADER)
\copy assignments FROM 'curriculum/assignments.csv' WITH (FORMAT csv, HEADER)
\copy customers FROM 'curriculum/customers.csv' WITH (FORMAT csv, HEADER)
\copy products FROM 'curriculum/products.csv' WITH (FORMAT csv, HEADER)
\copy orders FROM 'curriculum/orders.csv' WITH (FORMAT csv, HEADER)
\copy order_items FROM 'curriculum/order_items.csv' WITH (FORMAT csv, HEADER)
-- explicit ids bypassed the serial sequences: move them past the loaded rows
SELECT setval(pg_get_serial_sequence('employees', 'emp_id'), max(emp_id)) FROM employees;
SELECT setval('departments_dept_id_seq', (SELECT max(dept_id) FROM departments));
-- the sequence named by an expression, resolved when the statement runs
SELECT setval('public.' || 'projects' || '_project_id_seq', max(project_id), false) AS setval,
       nextval('projects_' || 'project_id_seq') AS next,
       currval(concat('projects_project_id', '_seq')) AS curr
FROM projects;
SELECT setval(NULL::text, 1);
SELECT setval('no_such' || '_seq', 1);
SELECT nextval(lower('EMPLOYEES'));
SELECT setval(t.name, 5) FROM (SELECT 'customers_customer_id_seq'::text AS name) t;
SELECT setval('customers_customer_id_seq', (SELECT max(customer_id) FROM customers));
SELECT 'departments' AS tbl, count(*) FROM departments
UNION ALL SELECT 'employees', count(*) FROM employees
UNION ALL SELECT 'projects', count(*) FROM projects
UNION ALL SELECT 'assignments', count(*) FROM assignments
UNION ALL SELECT 'orders', count(*) FROM orders
UNION ALL SELECT 'order_items', count(*) FROM order_items
ORDER BY tbl;
SELECT count(*) AS rows, count(email) AS with_email, count(dept_id) AS with_dept,
       count(DISTINCT dept_id) AS departments, min(hire_date), max(hire_date), sum(salary)
FROM employees;
SELECT dept_id, name, location, location IS NULL AS no_location FROM departments ORDER BY dept_id;

-- top 3 salaries of individual contributors per department: rank() leaves gaps after
-- ties, dense_rank() does not, row_number() breaks them (here by emp_id)
SELECT department, emp_id, last_name, salary, rnk, dense, rn
FROM (SELECT d.name AS department, e.last_name, e.salary, e.emp_id,
             rank() OVER (PARTITION BY e.dept_id ORDER BY e.salary DESC) AS rnk,
             dense_rank() OVER (PARTITION BY e.dept_id ORDER BY e.salary DESC) AS dense,
             row_number() OVER (PARTITION BY e.dept_id ORDER BY e.salary DESC, e.emp_id) AS rn
      FROM employees e JOIN departments d ON d.dept_id = e.dept_id
      WHERE NOT EXISTS (SELECT 1 FROM employees r WHERE r.manager_id = e.emp_id)) ranked
WHERE dense <= 3
ORDER BY department, rn;
-- running totals and moving averages within a department, in hiring order
SELECT emp_id, hire_date, salary,
       sum(salary) OVER (ORDER BY hire_date, emp_id) AS running_payroll,
       count(*) OVER (ORDER BY hire_date, emp_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS headcount,
       round(avg(salary) OVER (ORDER BY hire_date, emp_id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), 2) AS moving_avg_3,
       round(100 * salary / sum(salary) OVER (), 1) AS pct_of_dept
FROM employees WHERE dept_id = 4
ORDER BY hire_date, emp_id;
-- yearly hiring with a cumulative count
SELECT extract(year FROM hire_date) AS year, count(*) AS hired,
       sum(count(*)) OVER (ORDER BY extract(year FROM hire_date)) AS cumulative
FROM employees GROUP BY 1 ORDER BY 1;
-- lag / lead: days between consecutive hires, who came next
SELECT emp_id, last_name, hire_date,
       lag(hire_date) OVER w AS previous_hire,
       hire_date - lag(hire_date) OVER w AS days_since_previous,
       lead(last_name, 1, '(last)') OVER w AS next_hire,
       first_value(last_name) OVER w AS first_hire,
       ntile(3) OVER w AS tercile
FROM employees WHERE dept_id = 5
WINDOW w AS (ORDER BY hire_date, emp_id)
ORDER BY hire_date, emp_id;
-- distribution functions and a value-based frame (hires within a year before each hire)
SELECT emp_id, salary, round(percent_rank() OVER w::numeric, 3) AS pct_rank,
       round(cume_dist() OVER w::numeric, 3) AS cume, nth_value(emp_id, 2) OVER w AS second
FROM employees WHERE dept_id = 7 WINDOW w AS (ORDER BY salary) ORDER BY salary, emp_id;
SELECT hire_date,
       count(*) OVER (ORDER BY hire_date RANGE BETWEEN interval '365 days' PRECEDING AND CURRENT ROW) AS last_year
FROM employees WHERE dept_id = 6 ORDER BY hire_date;
-- share of each order status, an aggregate inside a window
SELECT status, count(*), round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct
FROM orders GROUP BY status ORDER BY status;
-- top 3 salaries with ties (the order among ties is unspecified: sort the result again)
SELECT * FROM (SELECT emp_id, salary FROM employees WHERE dept_id = 1 AND emp_id > 17
               ORDER BY salary DESC FETCH FIRST 3 ROWS WITH TIES) t
ORDER BY salary DESC, emp_id;
-- month-over-month revenue of delivered and shipped orders
SELECT month, revenue, lag(revenue) OVER (ORDER BY month) AS previous,
       round(100 * (revenue - lag(revenue) OVER (ORDER BY month)) / lag(revenue) OVER (ORDER BY month), 1) AS pct_change
FROM (SELECT date_trunc('month', o.order_date)::date AS month, sum(i.quantity * i.unit_price) AS revenue
      FROM orders o JOIN order_items i USING (order_id)
      WHERE o.status IN ('shipped', 'delivered')
      GROUP BY 1) m
ORDER BY month;

-- the org chart: depth and path from the top, then everyone's chain of command
WITH RECURSIVE chart AS (
    SELECT emp_id, manager_id, last_name, title, 0 AS depth,
           last_name::text AS path, ARRAY[emp_id] AS ids
    FROM employees WHERE manager_id IS NULL
  UNION ALL
    SELECT e.emp_id, e.manager_id, e.last_name, e.title, c.depth + 1,
           c.path || ' > ' || e.last_name, c.ids || e.emp_id
    FROM employees e JOIN chart c ON e.manager_id = c.emp_id
)
SELECT repeat('  ', depth) || last_name AS employee, title, depth, path
FROM chart WHERE depth <= 2
ORDER BY ids;
WITH RECURSIVE chart AS (
    SELECT emp_id, 0 AS depth FROM employees WHERE manager_id IS NULL
  UNION ALL
    SELECT e.emp_id, c.depth + 1 FROM employees e JOIN chart c ON e.manager_id = c.emp_id
)
SELECT depth, count(*) FROM chart GROUP BY depth ORDER BY depth;
WITH RECURSIVE chain(emp_id, manager_id, last_name, level) AS (
    SELECT emp_id, manager_id, last_name, 0 FROM employees WHERE emp_id = 75
  UNION ALL
    SELECT m.emp_id, m.manager_id, m.last_name, c.level + 1
    FROM employees m JOIN chain c ON m.emp_id = c.manager_id
)
SELECT level, emp_id, last_name FROM chain ORDER BY level;
-- managers with the size of their whole team (direct and indirect reports)
WITH RECURSIVE team(manager_id, emp_id) AS (
    SELECT manager_id, emp_id FROM employees WHERE manager_id IS NOT NULL
  UNION
    SELECT t.manager_id, e.emp_id FROM team t JOIN employees e ON e.manager_id = t.emp_id
)
SELECT m.emp_id, m.last_name, count(*) AS team_size,
       count(*) FILTER (WHERE e.manager_id = m.emp_id) AS direct_reports
FROM team t JOIN employees m ON m.emp_id = t.manager_id JOIN employees e ON e.emp_id = t.emp_id
GROUP BY m.emp_id, m.last_name
HAVING count(*) >= 10
ORDER BY team_size DESC, m.emp_id;

-- anti-joins: three ways to ask "which departments have nobody"
SELECT d.name FROM departments d
WHERE NOT EXISTS (SELECT 1 FROM employees e WHERE e.dept_id = d.dept_id) ORDER BY d.name;
SELECT d.name FROM departments d LEFT JOIN employees e ON e.dept_id = d.dept_id
WHERE e.emp_id IS NULL ORDER BY d.name;
-- NOT IN meets the NULL dept_id of the CEO and the contractors: no row at all
SELECT d.name FROM departments d
WHERE d.dept_id NOT IN (SELECT dept_id FROM employees) ORDER BY d.name;
SELECT d.name FROM departments d
WHERE d.dept_id NOT IN (SELECT dept_id FROM employees WHERE dept_id IS NOT NULL) ORDER BY d.name;
SELECT e.emp_id, e.last_name FROM employees e
LEFT JOIN assignments a ON a.emp_id = e.emp_id WHERE a.emp_id IS NULL ORDER BY e.emp_id;
SELECT p.name FROM products p
WHERE p.product_id NOT IN (SELECT product_id FROM order_items) ORDER BY p.name;
SELECT c.customer_id, c.name FROM customers c
WHERE NOT EXISTS (SELECT FROM orders o WHERE o.customer_id = c.customer_id) ORDER BY c.customer_id;
-- semi-join: departments that own a project still open
SELECT d.name FROM departments d
WHERE EXISTS (SELECT 1 FROM projects p WHERE p.dept_id = d.dept_id AND p.end_date IS NULL)
ORDER BY d.name;

-- LATERAL: the two best-paid people of every department (none for Research)
SELECT d.name, top.last_name, top.salary
FROM departments d CROSS JOIN LATERAL
     (SELECT last_name, salary FROM employees e WHERE e.dept_id = d.dept_id
      ORDER BY salary DESC, emp_id LIMIT 2) top
ORDER BY d.name, top.salary DESC;
-- FULL OUTER JOIN: departments without projects and projects without a department
SELECT d.name AS department, p.name AS project
FROM departments d FULL OUTER JOIN projects p ON p.dept_id = d.dept_id
WHERE d.dept_id IS NULL OR p.project_id IS NULL ORDER BY 1, 2;
-- self-join: pairs hired on the same day
SELECT a.emp_id, b.emp_id, a.hire_date FROM employees a
JOIN employees b ON a.hire_date = b.hire_date AND a.emp_id < b.emp_id ORDER BY 1, 2;

-- correlated subqueries: paid above the department average
SELECT e.dept_id, e.emp_id, e.last_name, e.salary,
       (SELECT round(avg(salary), 2) FROM employees x WHERE x.dept_id = e.dept_id) AS dept_avg
FROM employees e
WHERE e.dept_id IN (5, 6, 7)
  AND e.salary > (SELECT avg(salary) FROM employees x WHERE x.dept_id = e.dept_id)
ORDER BY e.dept_id, e.salary DESC, e.emp_id;
-- the best-paid person of every department (correlated = max)
SELECT d.name, e.last_name, e.salary
FROM employees e JOIN departments d USING (dept_id)
WHERE e.salary = (SELECT max(salary) FROM employees x WHERE x.dept_id = e.dept_id)
ORDER BY d.name, e.emp_id;
-- scalar subqueries in the select list
SELECT p.project_id, p.name,
       (SELECT count(*) FROM assignments a WHERE a.project_id = p.project_id) AS people,
       (SELECT sum(hours) FROM assignments a WHERE a.project_id = p.project_id) AS hours
FROM projects p ORDER BY p.project_id;
-- employees whose salary beats their own manager's
SELECT e.emp_id, e.last_name, e.salary, m.last_name AS manager, m.salary AS manager_salary
FROM employees e JOIN employees m ON m.emp_id = e.manager_id
WHERE e.salary > m.salary ORDER BY e.emp_id;

-- chained CTEs: the three largest payrolls
WITH dept_pay AS (SELECT dept_id, sum(salary) AS payroll FROM employees GROUP BY dept_id),
     ranked AS (SELECT *, rank() OVER (ORDER BY payroll DESC) AS r FROM dept_pay)
SELECT * FROM ranked WHERE r <= 3 ORDER BY r;
-- quantified comparison: earning more than everyone in Marketing
SELECT emp_id, salary FROM employees
WHERE salary > ALL (SELECT salary FROM employees WHERE dept_id = 3) ORDER BY emp_id;

-- aggregates: HAVING, ROLLUP, CUBE, GROUPING SETS and GROUPING()
SELECT d.name, count(*) AS headcount, round(avg(e.salary), 2) AS avg_salary,
       min(e.salary), max(e.salary)
FROM employees e JOIN departments d USING (dept_id)
GROUP BY d.name
HAVING count(*) >= 10 AND avg(e.salary) > 80000
ORDER BY avg_salary DESC;
SELECT coalesce(d.location, '(none)') AS location, d.name, count(e.emp_id) AS headcount,
       sum(e.salary) AS payroll, GROUPING(d.location, d.name) AS level
FROM departments d LEFT JOIN employees e USING (dept_id)
GROUP BY ROLLUP (d.location, d.name)
ORDER BY d.location NULLS LAST, d.name NULLS LAST, level;
SELECT p.dept_id, a.role, count(*) AS people, sum(a.hours) AS hours,
       GROUPING(p.dept_id) AS g_dept, GROUPING(a.role) AS g_role
FROM assignments a JOIN projects p USING (project_id)
WHERE p.dept_id IN (3, 4)
GROUP BY CUBE (p.dept_id, a.role)
ORDER BY g_dept, p.dept_id, g_role, a.role;
SELECT pr.category, o.status, count(DISTINCT o.order_id) AS orders,
       sum(i.quantity) AS units, sum(i.quantity * i.unit_price) AS revenue,
       GROUPING(pr.category, o.status) AS g
FROM orders o JOIN order_items i USING (order_id) JOIN products pr USING (product_id)
GROUP BY GROUPING SETS ((pr.category), (o.status), ())
ORDER BY g, pr.category, o.status;
SELECT count(*) FILTER (WHERE email IS NULL) AS no_email, bool_and(salary > 0) AS all_paid,
       bool_or(title LIKE '%Lead%') AS any_lead, every(hire_date > DATE '2000-01-01') AS recent,
       round(stddev_samp(salary), 2) AS stddev
FROM employees;
-- CASE buckets
SELECT CASE WHEN salary < 60000 THEN 'a: under 60k'
            WHEN salary < 90000 THEN 'b: 60k-90k'
            WHEN salary < 150000 THEN 'c: 90k-150k'
            ELSE 'd: 150k and up' END AS band,
       count(*), min(salary), max(salary)
FROM employees GROUP BY 1 ORDER BY 1;
-- numeric(12,2) mixed with integers: the result is plain numeric, integers keep their scale
SELECT name, budget, greatest(budget, 1000000) AS at_least_1m, least(budget, 500000) AS capped,
       coalesce(nullif(budget, 0), 1) AS nonzero,
       CASE WHEN budget > 1000000 THEN budget ELSE 1000000 END AS floor_1m
FROM departments ORDER BY dept_id;
SELECT budget FROM departments WHERE dept_id <= 2 UNION ALL SELECT 3 ORDER BY 1;
CREATE TABLE budget_report AS
SELECT coalesce(budget, 0) AS a, coalesce(budget, budget) AS b, greatest(budget, budget * 2) AS c,
       CASE WHEN budget > 0 THEN budget ELSE NULL END AS d
FROM departments;
SELECT attname, atttypid, atttypmod FROM pg_attribute
WHERE attrelid = 'budget_report'::regclass AND attnum > 0 ORDER BY attnum;
DROP TABLE budget_report;
SELECT d.name,
       count(*) FILTER (WHERE e.hire_date < DATE '2020-01-01') AS before_2020,
       sum(CASE WHEN e.hire_date >= DATE '2020-01-01' THEN 1 ELSE 0 END) AS since_2020
FROM departments d JOIN employees e USING (dept_id) GROUP BY d.name ORDER BY d.name;
SELECT o.customer_id, string_agg(o.order_id::text, ',' ORDER BY o.order_id) AS orders,
       count(DISTINCT o.status) AS statuses
FROM orders o WHERE o.customer_id <= 5 GROUP BY o.customer_id ORDER BY o.customer_id;

-- string functions
SELECT emp_id, upper(last_name) AS upper, initcap(lower(first_name || ' ' || last_name)) AS name,
       coalesce(email, '(no email)') AS email, split_part(email, '@', 2) AS domain,
       length(last_name) AS len, left(first_name, 1) || '. ' || last_name AS short,
       concat_ws(', ', last_name, first_name) AS sortable, position('e' IN last_name) AS first_e,
       lpad(emp_id::text, 5, '0') AS badge, replace(title, ', ', ' / ') AS title
FROM employees WHERE emp_id IN (1, 9, 17, 34, 51, 68, 100) ORDER BY emp_id;
SELECT last_name, count(*) FROM employees
WHERE last_name LIKE '%o%' AND last_name NOT ILIKE 'g%' GROUP BY last_name ORDER BY last_name;
SELECT format('%s works in %s (%s)', e.first_name || ' ' || e.last_name, d.name,
              coalesce(d.location, 'remote')) AS sentence
FROM employees e JOIN departments d USING (dept_id) WHERE e.emp_id IN (8, 17) ORDER BY e.emp_id;
SELECT name, substring(name FROM '^[^,]*') AS before_comma, strpos(name, ',') AS comma_at
FROM products WHERE name LIKE '%,%' ORDER BY product_id;

-- date functions
SELECT emp_id, hire_date, extract(year FROM hire_date) AS year,
       extract(quarter FROM hire_date) AS quarter, extract(dow FROM hire_date) AS dow,
       date_trunc('month', hire_date)::date AS month, to_char(hire_date, 'DD Mon YYYY, Dy') AS pretty,
       age(DATE '2025-01-01', hire_date) AS tenure, DATE '2025-01-01' - hire_date AS days,
       hire_date + interval '90 days' AS probation_end
FROM employees WHERE emp_id IN (1, 2, 16, 50, 99) ORDER BY emp_id;
SELECT extract(year FROM age(DATE '2025-01-01', hire_date)) AS full_years, count(*)
FROM employees GROUP BY 1 ORDER BY 1;
-- every month of 2024 with its order count, empty months included (dates make the series
-- timestamptz, PostgreSQL's preferred type; then timestamp series, month ends, backwards)
SELECT to_char(m, 'YYYY-MM') AS month, count(o.order_id) AS orders
FROM generate_series(DATE '2024-01-01', DATE '2024-12-01', interval '1 month') AS m
LEFT JOIN orders o ON date_trunc('month', o.order_date) = m
GROUP BY m ORDER BY m;
SELECT d, pg_typeof(d) FROM generate_series(TIMESTAMP '2024-01-31', '2024-05-01', '1 month') AS d;
SELECT * FROM generate_series(TIMESTAMP '2024-03-01 12:00', '2024-02-28', interval '-1 day 6 hours') AS g(t);
SELECT count(*) FROM generate_series(TIMESTAMPTZ '2024-01-01', '2024-01-02', interval '1 hour');
SELECT * FROM generate_series(TIMESTAMP '2024-01-01', '2024-01-02', interval '0 days');
SELECT project_id, name, start_date, end_date,
       coalesce(end_date, DATE '2025-01-01') - start_date AS days_running
FROM projects ORDER BY project_id;

-- DISTINCT ON: the latest hire of every department, the dearest product of every category
SELECT DISTINCT ON (dept_id) dept_id, emp_id, last_name, hire_date
FROM employees WHERE dept_id IS NOT NULL ORDER BY dept_id, hire_date DESC, emp_id;
SELECT DISTINCT ON (category) category, name, price
FROM products ORDER BY category, price DESC, name;
SELECT DISTINCT location FROM departments ORDER BY location NULLS FIRST;

-- set operations
SELECT city FROM customers WHERE city IS NOT NULL
INTERSECT
SELECT location FROM departments ORDER BY 1;
SELECT location FROM departments WHERE location IS NOT NULL
EXCEPT
SELECT city FROM customers ORDER BY 1;
SELECT emp_id FROM assignments WHERE project_id = 1
INTERSECT
SELECT emp_id FROM assignments WHERE project_id = 2 ORDER BY 1;
SELECT 'employee' AS kind, email FROM employees WHERE emp_id <= 3
UNION ALL
SELECT 'customer', email FROM customers WHERE customer_id <= 3
ORDER BY kind, email;
SELECT count(*) FROM (SELECT dept_id FROM employees UNION SELECT dept_id FROM projects) u;

-- plans
EXPLAIN (COSTS OFF)
SELECT d.name FROM departments d
WHERE NOT EXISTS (SELECT 1 FROM employees e WHERE e.dept_id = d.dept_id);
EXPLAIN (COSTS OFF)
SELECT emp_id, dept_id, rank() OVER (PARTITION BY dept_id ORDER BY salary DESC) AS r
FROM employees ORDER BY r, emp_id;
EXPLAIN (COSTS OFF)
SELECT emp_id, sum(salary) OVER w AS running, lag(hire_date, 1) OVER w AS prev,
       count(*) FILTER (WHERE dept_id = 1) OVER w AS engineers
FROM employees WINDOW w AS (ORDER BY hire_date, emp_id)
ORDER BY running DESC, prev, engineers;
EXPLAIN (COSTS OFF)
SELECT * FROM generate_series(TIMESTAMP '2024-01-01', '2024-02-01', interval '1 day') AS g(t)
WHERE t > TIMESTAMP '2024-01-15';

-- exporting a result as CSV
\copy (SELECT e.emp_id, e.last_name, e.title, e.salary, e.email FROM employees e WHERE e.dept_id = 7 ORDER BY e.emp_id) TO STDOUT WITH CSV HEADER
\copy (SELECT name, location FROM departments ORDER BY dept_id) TO STDOUT WITH (FORMAT csv, HEADER, FORCE_QUOTE *)

-- data changes inside a transaction that is rolled back
BEGIN;
INSERT INTO departments (name, location) VALUES ('Facilities', 'Austin, TX') RETURNING dept_id, budget;
INSERT INTO employees (first_name, last_name, email, dept_id, manager_id, hire_date, salary)
VALUES ('Ed', 'Codd', 'ed.codd@chalk.example', 9, 1, DATE '2025-01-06', 99000)
RETURNING emp_id, title;
UPDATE employees e SET salary = round(e.salary * 1.05, 2)
FROM departments d WHERE d.dept_id = e.dept_id AND d.name = 'Legal'
RETURNING e.emp_id, e.salary;
DELETE FROM employees WHERE emp_id = 120 RETURNING emp_id, last_name;
DELETE FROM order_items i USING orders o
WHERE o.order_id = i.order_id AND o.status = 'cancelled';
SELECT count(*) FROM order_items;
ROLLBACK;
SELECT count(*), sum(salary) FROM employees;

-- constraint errors
INSERT INTO employees (first_name, last_name, dept_id, hire_date, salary)
VALUES ('No', 'Such', 42, DATE '2024-01-01', 50000);
DELETE FROM departments WHERE name = 'Support';
UPDATE employees SET manager_id = 999 WHERE emp_id = 2;
INSERT INTO employees (first_name, last_name, hire_date, salary)
VALUES ('Neg', 'Ative', DATE '2024-01-01', -1);
INSERT INTO employees (first_name, last_name, email, hire_date, salary)
VALUES ('Bad', 'Email', 'nobody', DATE '2024-01-01', 1);
UPDATE projects SET end_date = start_date - 1 WHERE project_id = 1;
INSERT INTO orders (customer_id, order_date, status) VALUES (1, DATE '2024-05-05', 'lost');
INSERT INTO employees (first_name, last_name, email, hire_date, salary)
VALUES ('Leslie', 'Jones', 'leslie.jones@chalk.example', DATE '2024-01-01', 1);
INSERT INTO departments (name) VALUES ('Engineering');
INSERT INTO assignments (emp_id, project_id) VALUES (2, 3);
INSERT INTO employees (first_name, last_name, hire_date, salary) VALUES ('Only', NULL, DATE '2024-01-01', 1);
UPDATE employees SET hire_date = NULL WHERE emp_id = 5;
INSERT INTO employees (first_name, last_name, hire_date, salary) VALUES ('Big', 'Earner', DATE '2024-01-01', 123456789.00);
SELECT count(*) FROM employees;

DROP TABLE order_items, orders, products, customers, assignments, projects, employees, departments;
