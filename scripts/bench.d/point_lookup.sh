#!/usr/bin/env bash
# Index point lookups through SQL, ChalkDB against PostgreSQL 15 (issue 3's target).
#
# Both servers get the same table (id int PRIMARY KEY, v int) with ROWS rows, loaded then
# indexed with ALTER TABLE ... ADD PRIMARY KEY, and the same pgbench custom script
#   \set id random(1, ROWS)
#   SELECT v FROM lookup WHERE id = :id;
# run with -c CLIENTS -j CLIENTS -T DURATION, with the simple protocol (the statement text
# carries the key) and with -M prepared (Parse once, then Bind $1 and Execute per lookup). Both run with fsync on (ChalkDB
# has no switch to turn it off; the workload reads only). Prints both tps and the ratio.
# Needs a Release build (scripts/build release). Usage: scripts/bench.d/point_lookup.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=${ROWS:-1000000}
DURATION=${DURATION:-20}
CLIENTS=${CLIENTS:-2}
ROUNDS=${ROUNDS:-3}
MODES=${MODES:-simple prepared}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
CHALKDB=${CHALKDB:-build/release/server/chalkdb}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

work=$(mktemp -d /tmp/point-lookup.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$work"
pg_port=$(free_port)
chalk_port=$(free_port)
chalk_pid=""
cleanup() {
  [ -n "$chalk_pid" ] && kill "$chalk_pid" 2>/dev/null && wait "$chalk_pid" 2>/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

as_postgres "$PG_BIN/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null
"$CHALKDB" --data "$work/chalk" --port "$chalk_port" --listen 127.0.0.1 --socket-dir "$work" \
  >"$work/chalk.log" 2>&1 &
chalk_pid=$!
for _ in $(seq 100); do "$PG_BIN/psql" -h 127.0.0.1 -p "$chalk_port" -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1 && break; sleep 0.2; done

load() {
  "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$1" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
CREATE TABLE lookup (id int NOT NULL, v int);
INSERT INTO lookup SELECT g, g FROM generate_series(1, $ROWS) g;
ALTER TABLE lookup ADD PRIMARY KEY (id);
SQL
}
load "$pg_port"
load "$chalk_port"

printf '\\set id random(1, %s)\nSELECT v FROM lookup WHERE id = :id;\n' "$ROWS" >"$work/lookup.sql"
tps() {
  "$PG_BIN/pgbench" -n -M "$2" -f "$work/lookup.sql" -c "$CLIENTS" -j "$CLIENTS" -T "$DURATION" \
    -h 127.0.0.1 -p "$1" -U postgres postgres 2>/dev/null |
    sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p'
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The two servers run in alternation, ROUNDS times per protocol mode, so a change in the
# machine's load affects both sides alike; the medians are compared.
echo "point_lookup: rows=$ROWS clients=$CLIENTS duration=${DURATION}s rounds=$ROUNDS"
for mode in $MODES; do
  pg_runs=() chalk_runs=()
  for _ in $(seq "$ROUNDS"); do
    pg_runs+=("$(tps "$pg_port" "$mode")")
    chalk_runs+=("$(tps "$chalk_port" "$mode")")
  done
  pg_tps=$(median "${pg_runs[@]}")
  chalk_tps=$(median "${chalk_runs[@]}")
  echo "  -M $mode: PostgreSQL 15 ${pg_runs[*]} tps; ChalkDB ${chalk_runs[*]} tps"
  python3 -c "print(f'summary: point_lookup -M $mode: median tps PostgreSQL $pg_tps, ChalkDB $chalk_tps, ratio ChalkDB/PostgreSQL {float(\"$chalk_tps\") / float(\"$pg_tps\"):.2f}')"
done
