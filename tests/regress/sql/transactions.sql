--
-- Transaction blocks: BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK, the aborted state
-- after an error (25P02 until the block ends), statement atomicity, and the warnings for
-- misplaced transaction commands.
--
CREATE TABLE accounts (id int, owner text, balance int);
-- a committed block is visible afterwards
BEGIN;
INSERT INTO accounts VALUES (1, 'ann', 100);
INSERT INTO accounts VALUES (2, 'bob', 50);
SELECT * FROM accounts ORDER BY id;
COMMIT;
SELECT * FROM accounts ORDER BY id;
-- a rolled-back block leaves no trace, though it saw its own changes
START TRANSACTION;
INSERT INTO accounts VALUES (3, 'cid', 75);
UPDATE accounts SET balance = balance - 30 WHERE id = 1;
DELETE FROM accounts WHERE id = 2;
SELECT * FROM accounts ORDER BY id;
ROLLBACK;
SELECT * FROM accounts ORDER BY id;
-- END commits, and the WORK / TRANSACTION noise words are accepted
BEGIN WORK;
UPDATE accounts SET balance = balance + 10;
END;
BEGIN TRANSACTION;
INSERT INTO accounts VALUES (3, 'cid', 75);
COMMIT WORK;
SELECT * FROM accounts ORDER BY id;
-- after an error every statement fails until the block ends; ROLLBACK ends it
BEGIN;
INSERT INTO accounts VALUES (4, 'dee', 10);
SELECT 1 / 0;
SELECT 1;
INSERT INTO accounts VALUES (5, 'eve', 20);
COMMIT;
SELECT * FROM accounts ORDER BY id;
BEGIN;
UPDATE accounts SET balance = 0;
SELECT * FROM nosuch;
UPDATE accounts SET balance = 1;
ROLLBACK;
SELECT * FROM accounts ORDER BY id;
-- errors inside a block undo the whole block, also the statements before the error
START TRANSACTION;
DELETE FROM accounts WHERE id = 3;
INSERT INTO accounts VALUES ('x', 'bad', 0);
END;
SELECT count(*) FROM accounts;
-- a statement that fails half-way leaves nothing behind, in and out of a block
INSERT INTO accounts SELECT g, 'gen', 100 / (50 - g) FROM generate_series(1, 100) g;
SELECT count(*) FROM accounts;
BEGIN;
INSERT INTO accounts SELECT g, 'gen', 100 / (50 - g) FROM generate_series(1, 100) g;
ROLLBACK;
SELECT count(*) FROM accounts;
UPDATE accounts SET balance = balance / (id - 2);
SELECT * FROM accounts ORDER BY id;
-- a successful statement after a failed one in autocommit mode is unaffected
INSERT INTO accounts SELECT g, 'gen', 100 / (50 - g) FROM generate_series(1, 49) g
WHERE g % 10 = 0;
SELECT * FROM accounts ORDER BY id;
-- misplaced transaction commands only warn
COMMIT;
ROLLBACK;
END;
BEGIN;
BEGIN;
SELECT count(*) FROM accounts;
COMMIT;
COMMIT;
DROP TABLE accounts;
