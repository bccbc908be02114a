#!/usr/bin/env bash
# Index point lookups through SQL, ChalkDB against PostgreSQL 15.
#
# Both servers get the same table (id int PRIMARY KEY, v int) with ROWS rows, loaded then
# indexed with ALTER TABLE ... ADD PRIMARY KEY, and the same pgbench custom script
#   \set id random(1, ROWS)
#   SELECT v FROM lookup WHERE id = :id;
# run with -c CLIENTS -j CLIENTS -T DURATION in each pgbench protocol mode of MODES: simple
# (the statement text carries the key), extended (Parse and Bind for every lookup) and
# prepared (Parse once, then Bind $1 and Execute). Both run with fsync on (ChalkDB has no
# switch to turn it off; the workload reads only). Prints tps and the server CPU time per
# lookup of both, and their ratios. Needs a Release build (scripts/build release).
# Usage: scripts/bench.d/point_lookup.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=${ROWS:-1000000}
DURATION=${DURATION:-20}
CLIENTS=${CLIENTS:-2}
ROUNDS=${ROUNDS:-3}
MODES=${MODES:-simple extended prepared}
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
# CPU time of a server process and of its reaped children (PostgreSQL's backends), in ticks.
server_ticks() { awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat"; }

# One pgbench run: prints "tps server-CPU-microseconds-per-transaction". The CPU figure is
# what the server spent per lookup, which a busy machine disturbs much less than tps.
run() {
  local port=$1 mode=$2 pid=$3 before after out count
  before=$(server_ticks "$pid")
  out=$("$PG_BIN/pgbench" -n -M "$mode" -f "$work/lookup.sql" -c "$CLIENTS" -j "$CLIENTS" -T "$DURATION" \
    -h 127.0.0.1 -p "$port" -U postgres postgres 2>/dev/null)
  sleep 1  # PostgreSQL's backends exit; their time reaches the postmaster when reaped
  after=$(server_ticks "$pid")
  count=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' <<<"$out")
  echo "$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' <<<"$out")" \
    "$(( (after - before) * 1000000 / $(getconf CLK_TCK) / count ))"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The two servers run in alternation, ROUNDS times per protocol mode, so a change in the
# machine's load affects both sides alike; the medians are compared.
pg_pid=$(head -1 "$work/pg/postmaster.pid")
echo "point_lookup: rows=$ROWS clients=$CLIENTS duration=${DURATION}s rounds=$ROUNDS"
for mode in $MODES; do
  pg_tps=() chalk_tps=() pg_cpu=() chalk_cpu=()
  for _ in $(seq "$ROUNDS"); do
    read -r tps cpu < <(run "$pg_port" "$mode" "$pg_pid")
    pg_tps+=("$tps") pg_cpu+=("$cpu")
    read -r tps cpu < <(run "$chalk_port" "$mode" "$chalk_pid")
    chalk_tps+=("$tps") chalk_cpu+=("$cpu")
  done
  echo "  -M $mode: PostgreSQL 15 ${pg_tps[*]} tps, ${pg_cpu[*]} us/lookup; ChalkDB ${chalk_tps[*]} tps, ${chalk_cpu[*]} us/lookup"
  python3 - "$mode" "$(median "${pg_tps[@]}")" "$(median "${chalk_tps[@]}")" "$(median "${pg_cpu[@]}")" "$(median "${chalk_cpu[@]}")" <<'PY'
import sys
mode, pg_tps, chalk_tps, pg_cpu, chalk_cpu = sys.argv[1], *map(float, sys.argv[2:])
print(f"summary: point_lookup -M {mode}: median tps PostgreSQL {pg_tps:.0f}, ChalkDB {chalk_tps:.0f}, "
      f"ratio ChalkDB/PostgreSQL {chalk_tps / pg_tps:.2f}; server CPU per lookup PostgreSQL {pg_cpu:.0f} us, "
      f"ChalkDB {chalk_cpu:.0f} us, speed ratio {pg_cpu / chalk_cpu:.2f}")
PY
done
