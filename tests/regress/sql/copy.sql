-- COPY FROM STDIN and COPY TO STDOUT in text and CSV formats, options and errors.
CREATE TABLE items (id int4 NOT NULL, name text, price numeric(8,2), added date, qty int4 DEFAULT 7);

-- text format: tab-separated, \N for NULL, backslash escapes
COPY items FROM STDIN;
1	apple	1.50	2024-01-02	3
2	pear\twith tab	\N	2024-02-03	\N
3	back\\slash	0.99	\N	5
\.
SELECT * FROM items ORDER BY id;

-- a column list: the other columns take their default
COPY items (id, name) FROM STDIN;
4	plum
\.
SELECT id, name, qty FROM items WHERE id = 4;

-- CSV with a header, quotes, embedded delimiters and newlines, empty string vs NULL
COPY items FROM STDIN WITH (FORMAT csv, HEADER true);
id,name,price,added,qty
5,"kiwi, green",2.00,2024-03-04,1
6,"two
lines",,2024-03-05,
7,"",3.25,,2
8,"say ""hi""",4,2024-03-06,9
\.
SELECT id, name, price IS NULL AS no_price, name IS NULL AS no_name FROM items WHERE id >= 5 ORDER BY id;

-- old-style options, other delimiter and NULL string
COPY items (id, name, qty) FROM STDIN WITH DELIMITER '|' NULL 'none';
9|fig|none
10|none|4
\.
SELECT id, name, qty FROM items WHERE id >= 9 ORDER BY id;

COPY items (id, name) FROM STDIN CSV QUOTE '''' ESCAPE '\';
11,'it''s'
12,'back\'s'
\.
SELECT id, name FROM items WHERE id >= 11 ORDER BY id;

-- COPY TO STDOUT
COPY items TO STDOUT;
COPY items (id, name) TO STDOUT WITH (FORMAT csv, HEADER);
COPY (SELECT id, name, price FROM items WHERE id < 4 ORDER BY id) TO STDOUT WITH CSV;
COPY items (id, name, price) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE (name), NULL 'NULL');
COPY (SELECT id, name FROM items WHERE id = 2) TO STDOUT (DELIMITER ';');

-- errors: the whole COPY is rolled back
CREATE TABLE nums (a int4, b int4 NOT NULL);
COPY nums FROM STDIN;
1	2
3	abc
\.
COPY nums FROM STDIN;
1	2
3	4	5
\.
COPY nums FROM STDIN;
1	2
3
\.
COPY nums FROM STDIN;
1	2
3	\N
\.
COPY nums FROM STDIN (FORMAT csv);
1,"2
\.
SELECT count(*) FROM nums;
COPY nums (a, nope) FROM STDIN;
COPY nums (a, a) FROM STDIN;
COPY nosuch FROM STDIN;
COPY nums FROM STDIN (FORMAT xml);
COPY nums FROM STDIN (DELIMITER ',', DELIMITER ';');
COPY nums FROM STDIN (QUOTE '"');
COPY nums FROM STDIN (FORMAT csv, DELIMITER ',', QUOTE ',');
COPY nums FROM STDIN (DELIMITER 'ab');
COPY nums FROM STDIN (bogus true);
COPY nums TO STDOUT (FORMAT csv, FORCE_NOT_NULL (a));
COPY nums FROM STDIN (FORMAT csv, FORCE_QUOTE (a));

-- FORCE_NOT_NULL reads an unquoted empty field as an empty string
CREATE TABLE words (w text, n int4);
COPY words FROM STDIN (FORMAT csv, FORCE_NOT_NULL (w));
,1
"",2
\.
SELECT w IS NULL AS is_null, length(w), n FROM words ORDER BY n;

-- COPY inside a transaction block is undone by ROLLBACK
BEGIN;
COPY words FROM STDIN (FORMAT csv);
x,3
\.
SELECT count(*) FROM words;
ROLLBACK;
SELECT count(*) FROM words;

DROP TABLE items;
DROP TABLE nums;
DROP TABLE words;
