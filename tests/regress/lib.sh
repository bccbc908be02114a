# Shared by tests/regress/run.sh and scripts/regress-expected: the one psql invocation both
# sides use, so expected and actual outputs can only differ by what the server sends.
# Sourced, not executed.

REGRESS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REGRESS_SQL_DIR="$REGRESS_DIR/sql"
# shellcheck disable=SC2034  # read by the scripts that source this file
REGRESS_EXPECTED_DIR="$REGRESS_DIR/expected"
# psql's working directory: `\copy t FROM 'curriculum/t.csv'` reads tests/data/curriculum/t.csv
# (psql opens the file itself, relative to its own working directory).
REGRESS_DATA_DIR="$(cd "$REGRESS_DIR/../data" && pwd)"
PG_BIN_DIR="${PG_BIN_DIR:-/usr/lib/postgresql/15/bin}"

# Seconds one sql file may take before psql is killed (a hung server must not hang the suite).
REGRESS_FILE_TIMEOUT="${REGRESS_FILE_TIMEOUT:-300}"

regress_die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

# psql 15 itself, not Debian's pg_wrapper, which may pick another version from the environment.
regress_psql_binary() {
  if [[ -n "${REGRESS_PSQL:-}" ]]; then
    echo "$REGRESS_PSQL"
  elif [[ -x "$PG_BIN_DIR/psql" ]]; then
    echo "$PG_BIN_DIR/psql"
  else
    command -v psql || regress_die "psql not found (set REGRESS_PSQL)"
  fi
}

# Prints the names (without .sql) of the requested files, or of all files when none is given.
regress_test_names() {
  local name
  if (($# == 0)); then
    for name in "$REGRESS_SQL_DIR"/*.sql; do
      basename "$name" .sql
    done
    return
  fi
  for name in "$@"; do
    [[ -f "$REGRESS_SQL_DIR/$name.sql" ]] || regress_die "no such test: $REGRESS_SQL_DIR/$name.sql"
    echo "$name"
  done
}

# Runs sql/NAME.sql against HOST:PORT and writes everything psql prints to OUTFILE.
# The file is fed on stdin (as pg_regress does) so error lines carry no "psql:file:line:" prefix;
# -a echoes each input line so the output reads as a transcript; -q is NOT used, so command tags
# (INSERT 0 3, UPDATE 2, COMMIT ...) are part of what is compared. The environment is emptied so
# no PG* variable, psqlrc or locale of the caller can change the output. psql runs in
# tests/data, so \copy paths in the files are relative to it whoever calls the runner.
regress_run_file() {
  local host="$1" port="$2" name="$3" outfile="$4"
  local psql
  psql="$(regress_psql_binary)"
  (cd "$REGRESS_DATA_DIR" && exec env -i PATH="$PATH" LC_ALL=C PGCONNECT_TIMEOUT=10 \
    timeout "$REGRESS_FILE_TIMEOUT" \
    "$psql" -X -a -h "$host" -p "$port" -U postgres -d postgres \
      -v ON_ERROR_STOP=0 -v VERBOSITY=default -v SHOW_CONTEXT=errors) \
    <"$REGRESS_SQL_DIR/$name.sql" >"$outfile" 2>&1
  local status=$?
  if ((status == 124)); then
    echo "*** psql killed after ${REGRESS_FILE_TIMEOUT}s ***" >>"$outfile"
  fi
  return "$status"
}

# A TCP port nobody listens on right now. Racy by nature: callers retry when the server fails
# to bind it.
regress_free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((55000 + RANDOM % 10000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  regress_die "no free TCP port found"
}

# Waits until a server accepts connections on HOST:PORT; gives up early when process PID exits.
regress_wait_ready() {
  local host="$1" port="$2" pid="$3"
  for _ in $(seq 1 300); do
    if env -i PATH="$PATH" "$PG_BIN_DIR/pg_isready" -q -h "$host" -p "$port" -U postgres -d postgres -t 1; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
