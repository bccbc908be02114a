--
-- CREATE TABLE with every column type of the first milestone, NULL / NOT NULL / DEFAULT,
-- DROP TABLE [IF EXISTS], and the errors around them.
--
CREATE TABLE all_types (
    i2 int2,
    i4 int4,
    i8 int8,
    s serial,
    bs bigserial,
    f4 float4,
    f8 float8,
    n numeric(10,2),
    b boolean,
    t text,
    vc varchar(10),
    c char(5),
    d date,
    ts timestamp
);
INSERT INTO all_types (i2, i4, i8, f4, f8, n, b, t, vc, c, d, ts)
VALUES (-32768, 2147483647, 9223372036854775807, 1.5, 2.25, 3.14159, true,
        'some text', 'varchar', 'ab', '2024-02-29', '2024-02-29 13:45:00');
INSERT INTO all_types (i2, i4, i8, f4, f8, n, b, t, vc, c, d, ts)
VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT * FROM all_types ORDER BY s;
-- char(n) pads with blanks; the padding is visible once concatenated with text
SELECT c, c || '|' AS c_bar, vc || '|' AS vc_bar FROM all_types WHERE s = 1;
-- the spelled-out names of the same types
CREATE TABLE synonyms (
    a smallint,
    b integer,
    c int,
    d bigint,
    e real,
    f double precision,
    g decimal(5,1),
    h bool,
    i character varying(3),
    j character(2),
    k timestamp without time zone,
    l float,
    m numeric,
    n varchar,
    o char
);
INSERT INTO synonyms VALUES (1, 2, 3, 4, 0.5, 0.25, 1234.56, false, 'abc', 'xy',
                             '1999-12-31 23:59:59', 1e10, 12345.678901, 'unbounded', 'z');
SELECT * FROM synonyms;
-- NOT NULL, explicit NULL, and DEFAULT values
CREATE TABLE defaults (
    id int NOT NULL,
    note text NULL,
    qty int DEFAULT 7,
    label varchar(5) DEFAULT 'none' NOT NULL,
    made date DEFAULT '2000-01-01',
    ratio float8 DEFAULT 0.5 * 3
);
INSERT INTO defaults (id) VALUES (1);
INSERT INTO defaults (id, note, qty) VALUES (2, 'two', NULL);
INSERT INTO defaults (id, label) VALUES (3, 'three');
SELECT * FROM defaults ORDER BY id;
-- a table name that is already taken
CREATE TABLE defaults (x int);
CREATE TABLE DEFAULTS (x int);
-- the same column twice
CREATE TABLE twice (a int, b text, a text);
-- unknown types
CREATE TABLE bad_type (a integr);
CREATE TABLE bad_type (a int, b nosuchtype(3));
CREATE TABLE bad_type (a int,
                       b text,
                       c strnig);
SELECT * FROM bad_type;
-- names are folded to lower case unless quoted
CREATE TABLE "Mixed Case" ("Id" int, Plain int);
INSERT INTO "Mixed Case" VALUES (1, 2);
SELECT "Id", plain, PLAIN FROM "Mixed Case";
SELECT * FROM mixed_case;
DROP TABLE "Mixed Case";
-- DROP TABLE, several at once, and of tables that do not exist
DROP TABLE all_types, synonyms;
DROP TABLE defaults;
DROP TABLE defaults;
DROP TABLE IF EXISTS defaults;
DROP TABLE IF EXISTS defaults, all_types;
SELECT * FROM defaults;
