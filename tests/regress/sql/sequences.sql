--
-- CREATE SEQUENCE with its options, nextval / currval / setval / lastval, DROP SEQUENCE.
--
CREATE SEQUENCE s1;
SELECT nextval('s1'), nextval('s1');
SELECT currval('s1');
SELECT lastval();
SELECT * FROM s1;
-- options
CREATE SEQUENCE s2 START WITH 10 INCREMENT BY 5 MAXVALUE 22;
SELECT nextval('s2'), nextval('s2'), nextval('s2');
SELECT nextval('s2');
CREATE SEQUENCE s3 INCREMENT -1;
SELECT nextval('s3'), nextval('s3');
CREATE SEQUENCE s4 AS smallint MINVALUE 1 MAXVALUE 3 CYCLE;
SELECT nextval('s4'), nextval('s4'), nextval('s4'), nextval('s4');
CREATE SEQUENCE s5 START 100 CACHE 10 NO CYCLE NO MINVALUE NO MAXVALUE;
SELECT nextval('s5');
CREATE SEQUENCE IF NOT EXISTS s5;
CREATE SEQUENCE s5;
-- setval
SELECT setval('s1', 100);
SELECT nextval('s1');
SELECT setval('s1', 50, false);
SELECT currval('s1');
SELECT nextval('s1');
SELECT setval('s1', 0);
SELECT setval('s2', 23);
SELECT setval('s1', NULL);
-- currval before nextval in this session
CREATE SEQUENCE fresh;
SELECT currval('fresh');
SELECT lastval();
-- serial columns use an integer sequence
CREATE TABLE t (id serial, v text);
INSERT INTO t (v) VALUES ('a'), ('b');
SELECT currval('t_id_seq');
SELECT setval('t_id_seq', 2147483647);
INSERT INTO t (v) VALUES ('c');
-- bad options
CREATE SEQUENCE bad INCREMENT 0;
CREATE SEQUENCE bad MINVALUE 10 MAXVALUE 5;
CREATE SEQUENCE bad START 0;
CREATE SEQUENCE bad START 50 MAXVALUE 10;
CREATE SEQUENCE bad AS smallint MAXVALUE 100000;
CREATE SEQUENCE bad AS text;
CREATE SEQUENCE bad CACHE 0;
CREATE SEQUENCE bad START 1 START 2;
CREATE SEQUENCE bad START 1.5;
CREATE SEQUENCE bad MAXVALUE 99999999999999999999;
SELECT nextval('nosuch');
SELECT nextval('t');
SELECT currval('s1', 2);
-- DROP SEQUENCE
DROP SEQUENCE s1, s2;
DROP SEQUENCE s1;
DROP SEQUENCE IF EXISTS s1;
DROP SEQUENCE t;
DROP TABLE s3;
DROP SEQUENCE s3, s4, s5, fresh;
DROP TABLE t;
