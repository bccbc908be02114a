-- SQL-level prepared statements: PREPARE, EXECUTE, DEALLOCATE.
CREATE TABLE accounts (id int4, owner text, balance numeric(10,2));
INSERT INTO accounts VALUES (1, 'ann', 100.00), (2, 'bob', 50.50), (3, 'cy', 0);

PREPARE by_id (int4) AS SELECT owner, balance FROM accounts WHERE id = $1;
EXECUTE by_id(2);
EXECUTE by_id(1 + 2);
EXECUTE by_id('1');

-- parameter types inferred from their context
PREPARE richer AS SELECT id FROM accounts WHERE balance > $1 ORDER BY id;
EXECUTE richer(10);
EXECUTE richer(60.25);

PREPARE add_account AS INSERT INTO accounts VALUES ($1, $2, $3);
EXECUTE add_account(4, 'dee', 12.345);
SELECT * FROM accounts WHERE id = 4;

PREPARE pay (numeric, int4) AS UPDATE accounts SET balance = balance + $1 WHERE id = $2;
EXECUTE pay(5, 3);
SELECT balance FROM accounts WHERE id = 3;

PREPARE echo AS SELECT $1 AS value;
EXECUTE echo('hello');

-- errors
EXECUTE by_id;
EXECUTE by_id(1, 2);
EXECUTE by_id('x');
EXECUTE by_id(true);
EXECUTE nosuch(1);
PREPARE by_id AS SELECT 1;
PREPARE bad AS SELECT $1 IS NULL;
PREPARE worse AS SELECT * FROM nosuch WHERE id = $1;
DEALLOCATE nosuch;

DEALLOCATE by_id;
EXECUTE by_id(1);
DEALLOCATE PREPARE richer;
DEALLOCATE ALL;
EXECUTE echo('gone');

DROP TABLE accounts;
