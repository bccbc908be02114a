--
-- psql's describe commands for one relation: \d of a table (columns, defaults, NOT NULL,
-- indexes, CHECK and FOREIGN KEY constraints, "Referenced by"), \d+ of a table, \d of an
-- index, a sequence and a view, and the \di \ds \dv \d+ lists. psql builds these from its
-- catalog queries (pg_class, pg_attribute, pg_attrdef, pg_index, pg_constraint, pg_policy,
-- pg_statistic_ext, pg_publication, pg_inherits, ...) and pg_get_expr, pg_get_indexdef,
-- pg_get_constraintdef, format_type and regclass output.
--
CREATE SCHEMA app;
CREATE TABLE customers (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name varchar(100));
CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  order_no text NOT NULL,
  amount numeric(10,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  status varchar(20) DEFAULT 'new',
  created_at timestamptz NOT NULL DEFAULT now(),
  note text,
  CONSTRAINT orders_order_no_key UNIQUE (order_no));
CREATE INDEX orders_cust_created_idx ON orders (customer_id, created_at DESC);
CREATE INDEX orders_status_idx ON orders (status NULLS FIRST, amount DESC NULLS LAST);
CREATE VIEW v_big_orders AS SELECT id, customer_id, amount FROM orders WHERE amount > 100;
CREATE SEQUENCE app.ticket_seq START 100;
CREATE TABLE app.items (sku text PRIMARY KEY, qty int NOT NULL DEFAULT 0,
  price numeric CHECK (price > 1.5 AND price < 1000),
  kind char(1) CHECK (kind IN ('a', 'b')),
  CONSTRAINT items_qty_check CHECK ((qty + 1) * 2 > 0 OR qty IS NULL));
CREATE TABLE app.lines (item text REFERENCES app.items ON UPDATE CASCADE ON DELETE SET NULL,
  n int DEFAULT -1, ratio float8 DEFAULT 2.5, label text DEFAULT 'x' || 'y');
\d customers
\d orders
\d+ orders
\d orders_pkey
\d orders_cust_created_idx
\d orders_status_idx
\d customers_email_key
\d app.ticket_seq
\d customers_id_seq
\d v_big_orders
\d app.items
\d app.lines
\di
\ds
\dv
\d
-- regclass and regtype values print as names
SELECT 'orders'::regclass, 'app.items'::regclass, 'integer'::regtype, 'app.items'::regclass::oid > 0;
SELECT 'orders'::regclass::text, 'character varying'::regtype::text, 'pg_catalog.pg_class'::regclass;
SELECT format_type('numeric'::regtype, 655366), format_type(1043, NULL), format_type(1042, -1);
SELECT conname, pg_get_constraintdef(oid), pg_get_constraintdef(oid, true)
  FROM pg_constraint WHERE conrelid = 'app.items'::regclass ORDER BY conname;
SELECT pg_get_indexdef('orders_status_idx'::regclass), pg_get_indexdef('app.items_pkey'::regclass);
SELECT array(SELECT relname FROM pg_class WHERE relname LIKE 'orders_%key' ORDER BY 1);
DROP VIEW v_big_orders;
DROP TABLE orders, customers, app.lines, app.items;
DROP SEQUENCE app.ticket_seq;
DROP SCHEMA app;
