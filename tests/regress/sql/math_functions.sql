--
-- Mathematical functions: abs, sign, rounding (round with a scale, trunc, ceil, floor), mod,
-- div, power, roots, exponentials and logarithms, pi, gcd/lcm, width_bucket, trigonometry,
-- factorial, random and setseed (properties only), and their errors.
--
SELECT abs(-5), abs(-5.5), abs(-2::int2), abs(-3.5::float8), sign(-3), sign(0.0), sign(2.5::float8);
SELECT round(2.567, 2), round(2.5), round(-2.5), round(2.5::float8), round(3.5::float8), round(1234.5678, -2), round(0.5::numeric);
SELECT trunc(2.567, 1), trunc(-2.567), trunc(2.9::float8), ceil(2.1), ceiling(-2.1), floor(-2.1), floor(2.9::float8);
SELECT mod(7, 3), mod(-7, 3), mod(7.5, 2), div(7, 2), div(-7, 2), 7 % 3;
SELECT power(2, 10), power(2.0, 0.5), pow(2, -1), 2 ^ 3, sqrt(16), sqrt(2.0), cbrt(27.0), |/ 25, ||/ 8;
SELECT exp(1.0), exp(0), ln(10), ln(1.0), log(100), log(2, 8), log10(1000), pi();
SELECT gcd(12, 18), gcd(0, 5), lcm(4, 6), gcd(12::bigint, 8), scale(1.500), min_scale(1.500), trim_scale(1.500);
SELECT width_bucket(5.35, 0.024, 10.06, 5), width_bucket(5.35::float8, 0.024, 10.06, 5), width_bucket(-1, 0, 10, 5), width_bucket(11, 0, 10, 5), width_bucket(3, 10, 0, 5);
SELECT sin(0), cos(0), round(tan(pi() / 4)::numeric, 10), atan2(1, 1), asin(1) * 2 = pi(), degrees(pi()), radians(180);
SELECT factorial(5), factorial(0), factorial(20);
SELECT random() >= 0 AND random() < 1, pg_typeof(random());
SELECT setseed(0.5);
SELECT count(DISTINCT random()) > 1 FROM generate_series(1, 10);
-- errors
SELECT sqrt(-1);
SELECT ln(0);
SELECT ln(-1.0);
SELECT 1 / 0;
SELECT mod(1, 0);
SELECT width_bucket(1, 0, 10, 0);
SELECT width_bucket(1, 5, 5, 2);
SELECT setseed(2);
SELECT factorial(-1);
SELECT abs(-2147483648);
SELECT power(0, -1);
