--
-- Pattern matching: LIKE / ILIKE / NOT LIKE with ESCAPE, SIMILAR TO, POSIX regular
-- expressions (~ ~* !~ !~*), regexp_replace, regexp_match, regexp_split_to_array,
-- regexp_matches and regexp_split_to_table in FROM,
-- substring with a pattern, and bad patterns.
--
SELECT 'abc' LIKE 'a%', 'abc' LIKE 'a_c', 'abc' LIKE 'b%', 'ABC' ILIKE 'a%', 'abc' NOT LIKE 'b%', 'abc' NOT ILIKE 'A%';
SELECT 'a_c' LIKE 'a\_c', 'abc' LIKE 'a\_c', 'a_c' LIKE 'a#_c' ESCAPE '#', '50%' LIKE '50!%' ESCAPE '!', 'a\c' LIKE 'a\c' ESCAPE '';
SELECT NULL LIKE 'a', 'a' LIKE NULL, '' LIKE '', '' LIKE '%';
SELECT 'abc' SIMILAR TO '(a|b)%', 'abc' SIMILAR TO 'b%', 'abc' SIMILAR TO 'a.c', 'a.c' SIMILAR TO 'a.c', 'aaa' SIMILAR TO 'a+', 'ab' NOT SIMILAR TO 'a_';
SELECT 'abc' SIMILAR TO 'a#_c' ESCAPE '#', 'a_c' SIMILAR TO 'a#_c' ESCAPE '#';
SELECT 'abc' ~ '^a', 'ABC' ~* 'b', 'abc' !~ 'z', 'abc' !~* 'A', 'foo123' ~ '[0-9]+$', 'x' ~ '[[:alpha:]]';
SELECT regexp_replace('foobar', 'o+', 'X'), regexp_replace('foobarbaz', 'ba', 'X', 'g'), regexp_replace('ABC', 'b', 'x', 'i');
SELECT regexp_replace('Hello World', '(\w+) (\w+)', '\2 \1'), regexp_replace('abc', '(b)', '[\&]');
SELECT regexp_match('foobar', '(o+)(b)'), regexp_match('foobar', 'z'), regexp_match('foobar', 'o+');
SELECT regexp_split_to_array('a1b22c', '\d+'), regexp_split_to_array('a, b,c', ',\s*');
SELECT substring('foobar' FROM 'o(.)b'), substring('foobar' FROM 'z'), substring('foobar' FROM 'o+');
SELECT substring('foobar' SIMILAR '%#"o_b#"%' ESCAPE '#');
SELECT * FROM regexp_matches('foobarbequebaz', 'ba(.)', 'g');
SELECT * FROM regexp_matches('ab', '(a)|(z)');
SELECT count(*) FROM regexp_matches('foobar', 'z');
SELECT x FROM regexp_split_to_table('a1b22c', '\d+') AS x;
CREATE TABLE words (w text);
INSERT INTO words VALUES ('apple'), ('Banana'), ('cherry'), ('date'), (NULL);
SELECT w FROM words WHERE w LIKE '%an%' OR w ~* '^a' ORDER BY w;
SELECT w FROM words WHERE w NOT LIKE '%e%' ORDER BY w;
SELECT w, regexp_replace(w, '[aeiou]', '', 'g') FROM words ORDER BY w;
DROP TABLE words;
-- errors
SELECT 'a' ~ '(';
SELECT 'a' ~ '[a';
SELECT 'a' ~ 'a{2';
SELECT 'a' ~ '*';
SELECT regexp_replace('abc', 'b', 'x', 'z');
SELECT 'a' LIKE 'a' ESCAPE 'xx';
SELECT 1 LIKE 'a';
