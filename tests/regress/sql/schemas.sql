-- Schemas: CREATE / DROP / ALTER SCHEMA, schema-qualified names in every statement,
-- search_path resolution and the errors PostgreSQL gives for them.
SHOW search_path;
SELECT current_schema(), current_schemas(false), current_schemas(true);
SELECT nspname, nspowner FROM pg_namespace WHERE nspname IN ('public', 'pg_catalog') ORDER BY nspname;
CREATE SCHEMA app;
CREATE SCHEMA app;
CREATE SCHEMA IF NOT EXISTS app;
CREATE SCHEMA pg_mine;
CREATE SCHEMA AUTHORIZATION postgres;
SELECT nspname, pg_catalog.pg_get_userbyid(nspowner) FROM pg_namespace
  WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' ORDER BY 1;
DROP SCHEMA postgres;
-- the same table name in two schemas
CREATE TABLE items (id int PRIMARY KEY, name text);
CREATE TABLE app.items (id serial PRIMARY KEY, label text, price numeric);
INSERT INTO items VALUES (1, 'public one');
INSERT INTO app.items (label, price) VALUES ('app one', 1.5), ('app two', 2.5);
SELECT * FROM items;
SELECT * FROM app.items ORDER BY id;
UPDATE app.items SET price = price * 2 WHERE id = 2;
DELETE FROM app.items WHERE id = 1 RETURNING label;
SELECT a.label, p.name FROM app.items a JOIN public.items p ON true ORDER BY 1;
CREATE INDEX items_price_idx ON app.items (price);
SELECT c.relname, n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relname LIKE 'items%' ORDER BY 2, 1;
ALTER TABLE app.items ADD COLUMN note text;
SELECT * FROM app.items;
CREATE SEQUENCE app.counter;
SELECT nextval('app.counter'), nextval('app.counter');
SELECT 'app.items'::regclass = 'items'::regclass;
-- psql's describe commands
\dn
\dt
\dt app.*
\d
-- search_path
SET search_path TO app, public;
SHOW search_path;
SELECT current_schema(), current_schemas(false);
SELECT id, label FROM items;
SELECT name FROM public.items;
CREATE TABLE made_here (x int);
SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'made_here';
BEGIN;
SET LOCAL search_path TO public;
SELECT * FROM items;
COMMIT;
SHOW search_path;
RESET search_path;
SHOW search_path;
SELECT * FROM items;
SET search_path = '';
SELECT current_schema(), current_schemas(true);
CREATE TABLE nowhere (x int);
SELECT * FROM items;
SELECT count(*) FROM pg_class WHERE relname = 'items';
SET search_path = nosuch, "$user", app;
SELECT current_schemas(false);
RESET search_path;
-- errors
SELECT * FROM app.nosuch;
SELECT * FROM nosuch.items;
CREATE TABLE nosuch.t (a int);
DROP TABLE nosuch.t;
DROP TABLE IF EXISTS nosuch.t;
DROP SCHEMA nosuch;
DROP SCHEMA IF EXISTS nosuch, nosuch2;
ALTER SCHEMA nosuch RENAME TO other;
-- DROP SCHEMA with contents
CREATE TABLE refs (item int REFERENCES app.items);
DROP SCHEMA app;
DROP SCHEMA app RESTRICT;
ALTER SCHEMA app RENAME TO shop;
ALTER SCHEMA shop RENAME TO public;
SELECT label FROM shop.items;
DROP SCHEMA shop CASCADE;
SELECT count(*) FROM pg_class WHERE relname IN ('items_price_idx', 'items_id_seq', 'counter', 'made_here');
CREATE SCHEMA one;
CREATE TABLE one.t (a int);
DROP SCHEMA one CASCADE;
CREATE SCHEMA empty;
DROP SCHEMA empty, public;
DROP SCHEMA empty;
DROP SCHEMA pg_catalog;
-- DDL is transactional
BEGIN;
CREATE SCHEMA temporary_one;
CREATE TABLE temporary_one.t (a int);
ROLLBACK;
SELECT count(*) FROM pg_namespace WHERE nspname = 'temporary_one';
DROP TABLE refs, items;
