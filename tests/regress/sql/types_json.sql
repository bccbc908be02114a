--
-- json and jsonb: input validation and errors, jsonb normalisation, the -> ->> #> #>>
-- operators, containment and existence, the building functions, to_json(b),
-- json(b)_typeof, the set-returning functions in FROM, casts and json columns.
--
SELECT '{"b":1,"a":[1,2,{"c":null}]}'::json, '{"b":1,"a":2, "b":3}'::jsonb;
SELECT '[1.50, 1e2, -0, 1E-2, true, null, "a\"b"]'::jsonb, '{"bb":1, "a":2, "c":{"z":1,"y":[]}}'::jsonb;
SELECT ' [1, 2 ] '::json, ' [1, 2 ] '::jsonb, '"\u00e9\n\t"'::jsonb, '"caf\u00e9"'::json;
-- input errors
SELECT 'abc'::json;
SELECT '{"a" 1}'::json;
SELECT '[1,]'::jsonb;
SELECT '{1:2}'::json;
SELECT '[1 2]'::json;
SELECT '{"a":1 "b"}'::jsonb;
SELECT '1 2'::json;
SELECT ''::jsonb;
SELECT '{"a":'::json;
SELECT '01'::json;
SELECT '{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": tru, "b": 2}'::json;
SELECT E'{"a":\n 1,\n x}'::json;
SELECT '"\u0000"'::jsonb;
SELECT '"\x"'::json;
-- field access
SELECT '{"a":{"b":[10,20]}}'::jsonb -> 'a', '{"a":{"b":[10,20]}}'::jsonb ->> 'a', '{"a":{"b":[10,20]}}'::jsonb #> '{a,b}', '{"a":{"b":[10,20]}}'::jsonb #>> '{a,b,1}';
SELECT '[1,2,3]'::jsonb -> 1, '[1,2,3]'::jsonb -> -1, '[1,2,3]'::jsonb ->> 5, '{"a":[1,2]}'::jsonb -> 'b', '"s"'::jsonb -> 0;
SELECT '{"a": [1,  2]}'::json -> 'a', '{"a":"x"}'::json ->> 'a', '{"a":null}'::jsonb ->> 'a', '{"a":null}'::jsonb -> 'a';
-- containment and existence
SELECT '{"a":1,"b":[1,2]}'::jsonb @> '{"b":[2]}', '{"a":1}'::jsonb <@ '{"a":1,"b":2}', '[1,2,3]'::jsonb @> '[3,1]', '["a"]'::jsonb @> '"a"';
SELECT '["a","b"]'::jsonb ? 'b', '{"a":1}'::jsonb ? 'b', '{"a":1}'::jsonb ?| ARRAY['x','a'], '{"a":1}'::jsonb ?& ARRAY['x','a'];
SELECT '{"a":{"b":1}}'::jsonb || '{"c":2}', '[1]'::jsonb || '[2]', '{"a":1,"b":2}'::jsonb - 'a', '[1,2,3]'::jsonb - 1;
SELECT '{"a":1}'::jsonb = '{"a":1.0}'::jsonb, '1'::jsonb < '"a"'::jsonb, '[1]'::jsonb < '{}'::jsonb;
-- building and converting
SELECT jsonb_build_object('a', 1, 'b', 'x'), json_build_object('a', 1, 'b', NULL), jsonb_build_array(1, 'a', NULL), json_build_array(1, 2);
SELECT json_build_object('a', 1, 'b', ARRAY['x']), jsonb_build_object('b', 1, 'a', 2), jsonb_build_object();
SELECT to_json('a"b'::text), to_jsonb(ARRAY[1,2]), to_json(date '2024-01-01'), to_json(1.50::numeric), to_jsonb(true), to_json(timestamp '2024-01-01 10:00');
SELECT jsonb_typeof('1'), jsonb_typeof('"x"'), jsonb_typeof('null'), jsonb_typeof('{}'), json_typeof('true'), jsonb_array_length('[1,2,3]');
SELECT jsonb_pretty('{"a":[1,{"b":null}],"c":{}}');
SELECT jsonb_build_object('a');
SELECT jsonb_build_object(NULL, 1);
SELECT jsonb_array_length('{}');
-- casts
SELECT '{"a":1}'::json::jsonb, '{"b":1, "a":1}'::jsonb::json, '{"a":1}'::jsonb::text, '1'::jsonb::int, '1.5'::jsonb::numeric, 'true'::jsonb::bool;
SELECT '"x"'::jsonb::int;
SELECT '{"a":1}'::jsonb::bool;
-- set-returning functions in FROM
SELECT * FROM jsonb_array_elements('[1,"a",null,{"x":1}]');
SELECT value FROM jsonb_array_elements_text('["a","b",null]') ORDER BY 1;
SELECT * FROM jsonb_each('{"b":"x","a":1}') ORDER BY key;
SELECT key, value FROM json_each_text('{"a":1,"b":"x"}') ORDER BY key;
SELECT * FROM jsonb_object_keys('{"b":1,"a":2}') ORDER BY 1;
SELECT * FROM jsonb_array_elements('{"a":1}');
-- a jsonb column
CREATE TABLE docs (id int, body jsonb);
INSERT INTO docs VALUES (1, '{"name":"ann","tags":["x","y"],"age":30}'), (2, '{"name":"bob","age":25}'), (3, NULL);
SELECT id, body ->> 'name' AS name, (body ->> 'age')::int + 1 AS next_age FROM docs ORDER BY id;
SELECT id FROM docs WHERE body @> '{"tags":["y"]}' ORDER BY id;
SELECT id FROM docs WHERE body ? 'tags' OR body ->> 'name' = 'bob' ORDER BY id;
SELECT body FROM docs ORDER BY id;
DROP TABLE docs;
