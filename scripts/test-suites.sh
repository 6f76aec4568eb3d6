#!/usr/bin/env bash
# `make test` after lint: the suite on SQLite and, when PostgreSQL answers, the same suite on
# PostgreSQL — both at once, each one's output printed as a block when it ends; the browser
# tests then run in the PostgreSQL pass only (without PostgreSQL, on SQLite). The PostgreSQL
# pass is the longer one: it runs in two processes (pytest-xdist, a test file per process at a
# time), which take the second core once the SQLite pass is done. Fails if either fails, or if REQUIRE_POSTGRES=1 and
# PostgreSQL does not answer.
set -uo pipefail
cd "$(dirname "$0")/.."
venv=${VENV:-.venv}
pg_url=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

status=0
if "$venv/bin/python" -c "import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=3).close()" \
    "$pg_url" 2>"$logs/probe"; then
  # The browser tests drive the pages, not the database: they run once, in the PostgreSQL
  # pass (the one CI requires); the SQLite pass runs everything else.
  echo "== the suite on SQLite, browser tests aside (running) =="
  "$venv/bin/pytest" -m "not browser" >"$logs/sqlite" 2>&1 &
  sqlite=$!
  echo "== the same suite on PostgreSQL ($pg_url), with the browser tests (running) =="
  DATABASE_URL="$pg_url" "$venv/bin/pytest" -n 2 --dist loadfile >"$logs/postgres" 2>&1
  pg_status=$?
  wait "$sqlite"; sqlite_status=$?
  echo "== the suite on SQLite =="; cat "$logs/sqlite"
  echo "== the same suite on PostgreSQL ($pg_url) =="; cat "$logs/postgres"
  [ "$sqlite_status" = 0 ] && [ "$pg_status" = 0 ] || status=1
else
  echo "== the suite on SQLite (running) =="
  "$venv/bin/pytest" >"$logs/sqlite" 2>&1
  sqlite_status=$?
  echo "== the suite on SQLite =="; cat "$logs/sqlite"
  tail -n 1 "$logs/probe"
  if [ "${REQUIRE_POSTGRES:-0}" = "1" ]; then
    echo "PostgreSQL at $pg_url does not answer and REQUIRE_POSTGRES=1" >&2
    status=1
  else
    echo "== PostgreSQL not reachable at $pg_url: PostgreSQL run skipped =="
  fi
  [ "$sqlite_status" = 0 ] || status=1
fi
exit "$status"
