--
-- String functions: length and case, substring in all its forms, position, trimming,
-- replace, split_part, concat, format, padding, repeat, reverse, md5, chr/ascii, quoting,
-- translate, to_hex, and their errors.
--
SELECT length('abc'), char_length('héllo'), character_length(''), octet_length('é'), bit_length('ab');
SELECT lower('ABC Def'), upper('abc def'), initcap('hello wORLD-foo bar_baz');
SELECT substring('hello' FROM 2 FOR 3), substring('hello' FROM 2), substring('hello' FOR 2), substr('hello', 0, 3), substring('hello', -1, 3);
SELECT position('l' IN 'hello'), position('z' IN 'hello'), strpos('hello', 'lo'), position('' IN 'abc');
SELECT trim(both 'x' FROM 'xxaxx'), trim(leading 'x' FROM 'xxaxx'), trim(trailing FROM '  a  ') || '|', trim('  a  ') || '|';
SELECT btrim('  a '), btrim('xyaxy', 'xy'), ltrim('xxa', 'x'), rtrim('axx', 'x'), ltrim('  a') || '|';
SELECT replace('abcabc', 'b', 'X'), replace('abc', '', 'X'), split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 5), split_part('a,b,c', ',', -1);
SELECT concat('a', NULL, 1, true), concat_ws(',', 'a', NULL, 'b'), concat_ws(NULL, 'a');
SELECT concat();
SELECT 'a' || NULL, 'a' || 1 || true, 1 || 'b';
SELECT format('%s %I %L', 'x', 'My Table', 'it''s'), format('%2$s %1$s', 'a', 'b'), format('%L', NULL), format('%s', NULL);
SELECT format('%s|%-5s|%5s|%3$s|%%', 'a', 'b', 'c'), format('%*s|', 4, 'a'), format('%-*s|', 3, 'a'), format('%I', 'abc'), format('%I', 'select');
SELECT format('%s', ARRAY[1,2]), format('%L', 42), format('%s %s', 1, NULL);
SELECT left('hello', 2), left('hello', -2), right('hello', 2), right('hello', -2);
SELECT lpad('7', 3, '0'), lpad('hello', 3), rpad('ab', 5, 'xy'), rpad('ab', 4), lpad('ab', 5, '');
SELECT repeat('ab', 3), repeat('x', 0), repeat('x', -1), reverse('abc'), reverse('');
SELECT md5('abc'), md5(''), chr(65), chr(233), ascii('A'), ascii('é'), ascii('');
SELECT quote_ident('abc'), quote_ident('Abc'), quote_ident('select'), quote_ident('a"b'), quote_literal('it''s'), quote_literal(E'a\\b'), quote_nullable(NULL), quote_literal(42);
SELECT translate('12345', '143', 'ax'), to_hex(255), to_hex(-1), to_hex(4294967296), starts_with('hello', 'he');
-- errors
SELECT format('%s');
SELECT format('%z', 1);
SELECT format('%I', NULL);
SELECT format('%0$s', 1);
SELECT substring('hello' FROM 2 FOR -1);
SELECT chr(0);
SELECT repeat('x', 'y');
SELECT length(42);
