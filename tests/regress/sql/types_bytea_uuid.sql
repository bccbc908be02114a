--
-- bytea and uuid: input forms and errors, hex output, || and length, encode/decode (hex,
-- base64, escape), get_byte/set_byte, md5, uuid input forms and comparison,
-- gen_random_uuid's shape, and columns of both types.
--
SELECT '\x414243'::bytea, 'abc'::bytea, 'a\\b'::bytea, '\101\102'::bytea, '\x 41 42'::bytea;
SELECT '\x41'::bytea || '\x42'::bytea, length('\x414243'::bytea), octet_length('abc'::bytea);
SELECT encode('abc'::bytea, 'hex'), encode('abc'::bytea, 'base64'), encode('\x00ff5c41'::bytea, 'escape');
SELECT decode('616263', 'hex'), decode('YWJj', 'base64'), decode('a\000b', 'escape'), encode(decode('AAEC', 'base64'), 'hex');
SELECT encode(repeat('x', 60)::bytea, 'base64');
SELECT get_byte('abc'::bytea, 1), set_byte('abc'::bytea, 0, 65), md5('abc'), md5('abc'::bytea);
SELECT '\x0102'::bytea = '\x0102'::bytea, '\x01'::bytea < '\x02'::bytea, substr('\x010203'::bytea, 2, 1);
SELECT '\xzz'::bytea;
SELECT '\x123'::bytea;
SELECT 'a\b'::bytea;
SELECT decode('zz', 'hex');
SELECT decode('a', 'base64');
SELECT encode('a'::bytea, 'foo');
SELECT get_byte('abc'::bytea, 5);
-- uuid
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'::uuid;
SELECT 'A0EEBC999C0B4EF8BB6D6BB9BD380A11'::uuid, 'a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11'::uuid;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid,
       '00000000-0000-0000-0000-000000000001'::uuid < '10000000-0000-0000-0000-000000000000'::uuid;
SELECT length(gen_random_uuid()::text), gen_random_uuid() <> gen_random_uuid(), pg_typeof(gen_random_uuid());
SELECT substr(gen_random_uuid()::text, 15, 1) AS version;
SELECT 'not-a-uuid'::uuid;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1'::uuid;
SELECT ' a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid;
-- columns
CREATE TABLE blobs (id uuid, data bytea);
INSERT INTO blobs VALUES ('11111111-2222-3333-4444-555555555555', '\xdeadbeef'), ('00000000-0000-0000-0000-000000000000', 'hello');
SELECT * FROM blobs ORDER BY id;
SELECT id, length(data), encode(data, 'hex') FROM blobs WHERE id = '11111111-2222-3333-4444-555555555555';
DROP TABLE blobs;
