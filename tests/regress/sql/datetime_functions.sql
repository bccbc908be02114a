--
-- Date/time functions: the current-time functions (types and properties only), date_trunc,
-- extract / date_part fields, age, make_date/make_time/make_timestamp/make_interval,
-- justify_*, date and interval arithmetic, to_timestamp(double), to_char / to_date /
-- to_timestamp / to_number templates, time values, and their errors.
--
SELECT pg_typeof(now()), pg_typeof(current_date), pg_typeof(current_timestamp), pg_typeof(localtimestamp), pg_typeof(localtime), pg_typeof(clock_timestamp()), pg_typeof(statement_timestamp());
SELECT now() = current_timestamp, now() = transaction_timestamp(), now() <= clock_timestamp(), current_date = now()::date, localtimestamp = now()::timestamp;
BEGIN;
SELECT pg_sleep(0.01);
SELECT now() = transaction_timestamp() AS transaction_time, now() < statement_timestamp() AS later_statement, statement_timestamp() <= clock_timestamp() AS clock_moves;
ROLLBACK;
SELECT date_trunc('month', timestamp '2024-03-15 10:30:00'), date_trunc('year', timestamp '2024-03-15'), date_trunc('hour', interval '2 days 3 hours 15 minutes'), date_trunc('week', timestamp '2024-03-15 10:00');
SELECT extract(epoch FROM timestamp '2024-01-01 00:00:00'), extract(dow FROM date '2024-03-17'), extract(isodow FROM date '2024-03-17'), extract(doy FROM date '2024-03-15');
SELECT extract(week FROM date '2024-03-15'), extract(quarter FROM date '2024-03-15'), extract(year FROM date '2024-03-15'), extract(month FROM interval '14 months'), extract(century FROM date '2024-01-01');
SELECT date_part('year', timestamp '2024-03-15'), date_part('hour', time '10:30'), date_part('epoch', interval '1 day'), extract(second FROM time '10:30:15.5');
SELECT age(timestamp '2024-03-15', timestamp '2020-01-01'), age(timestamp '2024-01-31', timestamp '2024-03-01'), age(date '2024-03-15', date '2000-02-29');
SELECT make_date(2024, 2, 29), make_date(-44, 3, 15), make_time(10, 30, 15.5), make_timestamp(2024, 1, 2, 3, 4, 5.5), make_time(24, 0, 0);
SELECT make_interval(1, 2, 3, 4, 5, 6, 7.5), make_interval(0, 0, 0, 10), make_interval();
SELECT justify_days(interval '35 days'), justify_hours(interval '27 hours'), justify_interval(interval '1 mon -1 hour'), justify_days(interval '-35 days'), justify_hours(interval '-27 hours');
SELECT date '2024-01-31' + interval '1 month', timestamp '2024-01-01' - interval '1 day', date '2024-01-01' + 5, date '2024-01-10' - 3, date '2024-01-10' - date '2024-01-01';
SELECT interval '1 day' * 2.5, interval '3 hours' / 2, interval '1 year' - interval '1 day', time '10:30' + interval '1 hour', time '10:30' - time '08:00';
SELECT timestamp '2024-03-05 10:00' - timestamp '2024-03-01 08:30', date '2024-03-05' + time '10:00', isfinite(date 'infinity'), isfinite(timestamp '2024-01-01');
SELECT to_timestamp(0), to_timestamp(1700000000.5), to_timestamp('Infinity'::float8);
SELECT timestamp '2024-03-05 10:00' AT TIME ZONE 'UTC', timestamptz '2024-03-05 10:00+00' AT TIME ZONE 'EST', timestamp '2024-03-05 10:00' AT TIME ZONE '+02', timezone('utc', timestamptz '2024-03-05 10:00+00');
SELECT time '10:30:00', time '23:59:59.999999', time '24:00:00', '10:30'::time(0), time '1:02:03.456789'::time(2);
-- to_char and friends
SELECT to_char(timestamp '2024-03-05 14:07:09.123456', 'YYYY-MM-DD HH24:MI:SS.MS US HH12 AM pm');
SELECT to_char(timestamp '2024-03-05 14:07:09', 'Mon MON mon Month DD Day DY dy D ID DDD IW WW Q YY Y CC J');
SELECT to_char(date '2024-03-05', 'FMMonth DD, YYYY'), to_char(timestamp '2024-03-05 00:07:09', 'HH12:MI AM'), to_char(timestamp '2024-03-05 14:07:09', 'Dy, DDth Mon YYYY fmHH12 am');
SELECT to_char(timestamp '2024-03-05 14:07:09', '"Year" YYYY, "week" IW'), to_char(date '2024-01-01', 'IYYY-IW-ID'), to_char(timestamptz '2024-03-05 14:07:09+00', 'YYYY-MM-DD HH24:MI:SS TZ');
SELECT to_char(interval '400 days 25:03:04', 'DD HH24 MI SS'), to_char(interval '14 months', 'YYYY MM');
SELECT to_char(1234.5, '9G999D99'), to_char(42, '00000'), to_char(-12.3, '999.99'), to_char(1234567.891, 'FM9,999,999.00'), to_char(0.5, '0.99');
SELECT to_char(12, '9'), to_char(-5, 'S999'), to_char(5, 'SG999'), to_char(1.5::float8, '999.9'), to_char(-12.3, 'FM999.99'), to_char(123, '999MI'), to_char(-123, '999MI');
SELECT to_char(-123, '999PR'), to_char(485, 'RN'), to_char(485, 'FMRN'), to_char(0.5, '9.99'), to_char(0, '999'), to_char(0, '9.99'), to_char(-0.5, '9.99');
SELECT to_char(5, '9,999'), to_char(-1234, '9,999'), to_char(12345, '9,999'), to_char(1.5, 'FM9.99'), to_char(3, 'FM00'), to_char(12.5, '99V9'), to_char(21, '99th');
SELECT to_date('05 Mar 2024', 'DD Mon YYYY'), to_date('2024-3-5', 'YYYY-MM-DD'), to_timestamp('2024-03-05 02:03:04 PM', 'YYYY-MM-DD HH:MI:SS AM'), to_timestamp('20240305', 'YYYYMMDD');
SELECT to_number('-1,234.567', '9G999D99'), to_number('12.3', '99.9'), to_number('  42', '999');
-- errors
SELECT make_date(2023, 2, 30);
SELECT make_date(0, 1, 1);
SELECT make_time(25, 0, 0);
SELECT to_date('2024-13-01', 'YYYY-MM-DD');
SELECT to_date('abc', 'YYYY');
SELECT to_timestamp('NaN'::float8);
SELECT time '25:00:00';
SELECT date_trunc('fortnight', timestamp '2024-01-01');
SELECT extract(foo FROM timestamp '2024-01-01');
SELECT timestamp '2024-01-01' AT TIME ZONE 'Mars/Base';
