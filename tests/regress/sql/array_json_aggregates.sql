-- array_agg, json_agg, jsonb_agg, json_object_agg, jsonb_object_agg: NULL inputs kept,
-- ORDER BY / DISTINCT / FILTER inside the call, GROUP BY and window use, NULL over no rows,
-- PostgreSQL's json text layout; json_build_object/array, to_json(b) around them.
CREATE TABLE posts (id int, author text, tags text[], score numeric, posted date);
INSERT INTO posts VALUES
  (1, 'ann', '{sql,db}', 1.5, '2024-01-02'),
  (2, 'bob', NULL, NULL, '2024-01-03'),
  (3, NULL, '{json}', 2, '2024-02-01'),
  (4, 'ann', '{db}', 10, NULL);
SELECT array_agg(id ORDER BY id DESC), array_agg(author ORDER BY id) FROM posts;
SELECT array_agg(DISTINCT author) FILTER (WHERE id > 1) FROM posts;
SELECT array_agg(DISTINCT author ORDER BY author DESC NULLS LAST) FROM posts;
SELECT author, array_agg(id ORDER BY id), array_agg(score ORDER BY id) FROM posts
  GROUP BY author ORDER BY author NULLS FIRST;
SELECT pg_typeof(array_agg(author)), pg_typeof(array_agg(score)), pg_typeof(array_agg(posted)) FROM posts;
SELECT array_agg(posted ORDER BY id) FROM posts;
SELECT array_agg(id) FROM posts WHERE false;
SELECT id, array_agg(id) OVER (ORDER BY id) FROM posts ORDER BY id;
-- json_agg keeps json text; arrays after the first start a new line
SELECT json_agg(author ORDER BY id), jsonb_agg(score ORDER BY id) FROM posts;
SELECT json_agg(tags ORDER BY id) FROM posts;
SELECT jsonb_agg(tags ORDER BY id) FROM posts;
SELECT json_agg(json_build_object('id', id, 'author', author) ORDER BY id) FROM posts;
SELECT jsonb_agg(jsonb_build_object('id', id, 'tags', tags) ORDER BY id) FILTER (WHERE tags IS NOT NULL) FROM posts;
SELECT json_agg(posted ORDER BY id), jsonb_agg(DISTINCT author) FROM posts;
SELECT json_agg(x::json) FROM (SELECT '{"b":1,  "a":2}' AS x) s;
SELECT jsonb_agg(x::json) FROM (SELECT '{"b":1,  "a":2}' AS x) s;
SELECT json_agg(id), jsonb_agg(id) FROM posts WHERE false;
SELECT json_agg(s ORDER BY s) FROM (SELECT E'a"b' AS s UNION ALL SELECT E'c\nd') v;
-- object aggregates
SELECT json_object_agg(id, author ORDER BY id), jsonb_object_agg(id, score) FROM posts;
SELECT json_object_agg(author, tags ORDER BY id) FROM posts WHERE author IS NOT NULL;
SELECT jsonb_object_agg(author, id) FROM posts WHERE author IS NOT NULL;
SELECT json_object_agg('k', true), jsonb_object_agg('k', 1.50);
SELECT json_object_agg(author, id) FROM posts;
SELECT jsonb_object_agg(author, id) FROM posts;
SELECT json_object_agg(tags, id) FROM posts;
SELECT author, jsonb_object_agg(id, posted ORDER BY id) FROM posts WHERE author IS NOT NULL
  GROUP BY author ORDER BY author;
SELECT json_object_agg(id, author) FROM posts WHERE false;
-- builders and to_json around aggregates
SELECT json_build_object('ids', array_agg(id ORDER BY id), 'n', count(*)) FROM posts;
SELECT jsonb_build_object('authors', jsonb_agg(DISTINCT author)) FROM posts WHERE author IS NOT NULL;
SELECT json_build_array(min(id), max(id), json_agg(id ORDER BY id)) FROM posts;
SELECT to_json(array_agg(author ORDER BY id)), to_jsonb(array_agg(score ORDER BY id)) FROM posts;
-- errors
SELECT array_agg('x');
SELECT json_agg('x');
SELECT array_agg(id, id) FROM posts;
DROP TABLE posts;
