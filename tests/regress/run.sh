#!/usr/bin/env bash
# Runs the psql golden-file regression suite: each tests/regress/sql/NAME.sql goes through psql
# against a server, and the output must equal tests/regress/expected/NAME.out (captured from a
# real PostgreSQL 15 by scripts/regress-expected).
#
#   run.sh [options] CHALKDB_BINARY     start a fresh chalkdb (new data and socket dir, free
#                                       port) for each file, stop it afterwards
#   run.sh [options] --port PORT        use a server that is already running (e.g. PostgreSQL,
#                                       to check the suite itself); files must leave it empty
# Options:
#   --only NAME       run only sql/NAME.sql (repeatable; default: every file)
#   --host HOST       host or socket directory of an already running server (default /tmp)
#   --results DIR     where NAME.out (actual output), NAME.diff and NAME.server.log go
#                     (default ./regress-results)
#   --keep            keep each chalkdb data directory (printed) for inspection
# Exit status: 0 when every file matches, 1 on any mismatch, 2 on usage or setup errors.
set -uo pipefail

# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"

BINARY=""
HOST="/tmp"
PORT=""
RESULTS_DIR="$PWD/regress-results"
KEEP=0
ONLY=()
SERVER_PID=""
SERVER_DIR=""

usage() {
  sed -n '2,/^# Exit status/p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

parse_args() {
  while (($#)); do
    case "$1" in
      --only) ONLY+=("${2:?--only needs a name}"); shift 2 ;;
      --host) HOST="${2:?--host needs a value}"; shift 2 ;;
      --port) PORT="${2:?--port needs a value}"; shift 2 ;;
      --results) RESULTS_DIR="${2:?--results needs a directory}"; shift 2 ;;
      --keep) KEEP=1; shift ;;
      -h|--help) usage ;;
      -*) echo "unknown option: $1" >&2; usage ;;
      *) [[ -z "$BINARY" ]] || usage; BINARY="$1"; shift ;;
    esac
  done
  [[ -n "$BINARY" || -n "$PORT" ]] || usage
  [[ -z "$BINARY" || -x "$BINARY" ]] || regress_die "not an executable: $BINARY"
}

stop_server() {
  [[ -n "$SERVER_PID" ]] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null
  for _ in $(seq 1 100); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "chalkdb did not stop within 10s of SIGTERM; killing it" >&2
    kill -KILL "$SERVER_PID" 2>/dev/null
  fi
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
  if ((KEEP)); then
    echo "kept $SERVER_DIR"
  else
    rm -rf "$SERVER_DIR"
  fi
  SERVER_DIR=""
}

# Starts chalkdb on a fresh data directory; retries on another port when the chosen one was
# taken between picking and binding it. Sets PORT, HOST, SERVER_PID, SERVER_DIR.
start_server() {
  local log="$1" attempt
  for attempt in 1 2 3 4 5; do
    SERVER_DIR="$(mktemp -d /tmp/chalkdb-regress.XXXXXX)"
    mkdir "$SERVER_DIR/socket"
    PORT="$(regress_free_port)"
    HOST="$SERVER_DIR/socket"
    "$BINARY" --port "$PORT" --listen 127.0.0.1 --data "$SERVER_DIR/data" \
      --socket-dir "$SERVER_DIR/socket" >>"$log" 2>&1 &
    SERVER_PID=$!
    regress_wait_ready "$HOST" "$PORT" "$SERVER_PID" && return 0
    echo "chalkdb did not become ready on port $PORT (attempt $attempt, see $log)" >&2
    stop_server
  done
  return 1
}

# Runs one file and compares it; prints the verdict, and the diff on a mismatch.
run_one() {
  local name="$1" actual="$RESULTS_DIR/$1.out" diff="$RESULTS_DIR/$1.diff"
  local server_log="$RESULTS_DIR/$1.server.log"
  rm -f "$actual" "$diff"
  if [[ -n "$BINARY" ]]; then
    : >"$server_log"
    if ! start_server "$server_log"; then
      echo "FAIL $name (chalkdb did not start; last lines of $server_log:)"
      tail -n 20 "$server_log"
      return 1
    fi
  fi
  regress_run_file "$HOST" "$PORT" "$name" "$actual"
  if [[ -n "$BINARY" ]]; then
    kill -0 "$SERVER_PID" 2>/dev/null || echo "*** chalkdb exited during $name ***" >>"$actual"
    stop_server
  fi
  if diff -u --label "expected/$name.out" --label "results/$name.out" \
      "$REGRESS_EXPECTED_DIR/$name.out" "$actual" >"$diff"; then
    rm -f "$diff"
    echo "ok   $name"
    return 0
  fi
  echo "FAIL $name"
  cat "$diff"
  return 1
}

main() {
  parse_args "$@"
  local names name failed=()
  names="$(regress_test_names "${ONLY[@]}")" || exit 2
  mkdir -p "$RESULTS_DIR"
  trap stop_server EXIT
  for name in $names; do
    run_one "$name" || failed+=("$name")
  done
  if ((${#failed[@]})); then
    echo "${#failed[@]} of $(wc -w <<<"$names") failed: ${failed[*]} (outputs in $RESULTS_DIR)"
    exit 1
  fi
  echo "all $(wc -w <<<"$names") passed"
}

main "$@"
