#!/usr/bin/env bash
# Bulk load: times psql's `\copy ... FROM ... CSV` of the same 1M-row CSV file (int, text,
# numeric, date, int) into a throwaway PostgreSQL 15 and into a Release ChalkDB, and prints
# both times and the ratio PostgreSQL time / ChalkDB time (>= 1 means ChalkDB is as fast).
# Both servers run with their default durability (PostgreSQL fsync=on, ChalkDB fsyncs at
# commit). Usage: scripts/bench.d/copy_load.sh [rows]  (default 1000000); run by scripts/bench,
# which passes the Release build directory in $CHALKDB_BUILD.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=${1:-1000000}
PG_BIN=/usr/lib/postgresql/15/bin
WORK=$(mktemp -d /tmp/copy-load.XXXXXX)
chmod 755 "$WORK"
PG_PID_FILE=""
CHALK_PID=""

cleanup() {
  if [[ -n "$PG_PID_FILE" && -f "$PG_PID_FILE" ]]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pgroot/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [[ -n "$CHALK_PID" ]]; then
    kill "$CHALK_PID" 2>/dev/null || true
    wait "$CHALK_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_ready() {  # port
  for _ in $(seq 1 200); do
    if psql -X -h 127.0.0.1 -p "$1" -U postgres -d postgres -Atc 'SELECT 1' >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "server on port $1 did not start" >&2
  return 1
}

if [[ -z "${CHALKDB_BUILD:-}" ]]; then
  bash scripts/build release -j2 chalkdb >/dev/null
  CHALKDB_BUILD=$PWD/build/release
fi

echo "generating $ROWS rows..."
awk -v n="$ROWS" 'BEGIN {
  srand(42);
  for (i = 1; i <= n; i++) {
    printf "%d,customer %d,%d.%02d,%04d-%02d-%02d,%d\n", i, i % 9973, int(rand() * 100000), int(rand() * 100),
           2000 + i % 24, 1 + i % 12, 1 + i % 28, int(rand() * 1000)
  }
}' > "$WORK/data.csv"
chmod 644 "$WORK/data.csv"

TABLE_SQL="CREATE TABLE orders (id int4, customer text, amount numeric(12,2), ordered date, quantity int4)"
COPY_CMD="\\copy orders FROM '$WORK/data.csv' WITH (FORMAT csv)"

time_load() {  # port
  psql -X -q -h 127.0.0.1 -p "$1" -U postgres -d postgres -c "$TABLE_SQL" >/dev/null
  local start end
  start=$(date +%s.%N)
  psql -X -q -h 127.0.0.1 -p "$1" -U postgres -d postgres -c "$COPY_CMD" >/dev/null
  end=$(date +%s.%N)
  local count
  count=$(psql -X -h 127.0.0.1 -p "$1" -U postgres -d postgres -Atc "SELECT count(*) FROM orders")
  if [[ "$count" != "$ROWS" ]]; then
    echo "expected $ROWS rows, found $count" >&2
    return 1
  fi
  echo "$end - $start" | bc
}

PG_PORT=$(free_port)
mkdir "$WORK/pgroot"
chown postgres "$WORK/pgroot"
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pgroot/data" -U postgres -A trust --no-sync -E UTF8 --locale=C >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pgroot/data" -l "$WORK/pgroot/pg.log" -w \
  -o "-p $PG_PORT -k $WORK/pgroot -c listen_addresses=127.0.0.1 -c autovacuum=off" start >/dev/null
PG_PID_FILE="$WORK/pgroot/data/postmaster.pid"
wait_ready "$PG_PORT"
PG_TIME=$(time_load "$PG_PORT")
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pgroot/data" -m fast -w stop >/dev/null
PG_PID_FILE=""

CHALK_PORT=$(free_port)
"$CHALKDB_BUILD/server/chalkdb" --data "$WORK/chalk" --port "$CHALK_PORT" >"$WORK/chalk.log" 2>&1 &
CHALK_PID=$!
wait_ready "$CHALK_PORT"
CHALK_TIME=$(time_load "$CHALK_PORT")

printf 'summary: copy_load: %d rows  PostgreSQL 15: %.2f s  ChalkDB: %.2f s  ratio (PG/ChalkDB): %.2f\n' \
  "$ROWS" "$PG_TIME" "$CHALK_TIME" "$(echo "$PG_TIME / $CHALK_TIME" | bc -l)"
