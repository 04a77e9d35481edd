#!/usr/bin/env bash
# Runs every test project against a throwaway PostgreSQL cluster and headless Chromium, then the benchmark
# harness's smoke run (bench/run.sh --small) as one more check, and prints one summary line
# "N passed, N failed[, N skipped]" computed from the test results.
set -uo pipefail
cd "$(dirname "$0")"
. scripts/pg.sh

command -v dotnet >/dev/null 2>&1 || { pg_log "the .NET 10 SDK is required (dotnet not found)"; echo "0 passed, 0 failed"; exit 1; }
pg_find_binaries || { echo "0 passed, 0 failed"; exit 1; }

# CRISISCOORD_CHROMIUM may name another Chromium-family browser (e.g. Chrome on GitHub's runners).
if [ -z "${CRISISCOORD_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  pg_log "Chromium not found; installing the distribution's chromium package"
  apt_install chromium || { pg_log "could not install chromium"; echo "0 passed, 0 failed"; exit 1; }
fi
export CRISISCOORD_CHROMIUM=${CRISISCOORD_CHROMIUM:-$(command -v chromium)}

# The live-update backplane test runs its own Redis server (CRISISCOORD_REDIS_SERVER may name the binary).
if [ -z "${CRISISCOORD_REDIS_SERVER:-}" ] && ! command -v redis-server >/dev/null 2>&1; then
  pg_log "redis-server not found; installing the distribution's redis-server package"
  apt_install redis-server || { pg_log "could not install redis-server"; echo "0 passed, 0 failed"; exit 1; }
fi

results=$PWD/TestResults
rm -rf "$results"
mkdir -p "$results"
export CRISISCOORD_TEST_ARTIFACTS=$results/artifacts

work=$(mktemp -d)
chmod 755 "$work"
cleanup() { pg_stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT

password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
pg_init "$work/pg" "$password"
port=$(pg_free_port)
# Durability is irrelevant for a throwaway cluster; skipping fsync makes the tests faster.
PG_FSYNC=off pg_start "$work/pg" "$port" || { echo "0 passed, 0 failed"; exit 1; }
port=$PG_PORT
export CRISISCOORD_TEST_DB="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
pg_log "test PostgreSQL on 127.0.0.1:$port"

pg_log "building"
if ! dotnet build CrisisCoord.sln -nologo -v quiet -clp:ErrorsOnly --disable-build-servers; then
  pg_log "the build failed"
  echo "0 passed, 0 failed"
  exit 1
fi

count() { # count ATTRIBUTE FILE...: sum of that result counter over the given results files
  local attribute=$1; shift
  cat "$@" 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $attribute=\"[0-9]*\"" | grep -o '[0-9]*' \
    | awk '{ s += $1 } END { print s + 0 }'
}

status=0
broken=0 # test projects that crashed, ran no test, or left no results: each counts as one failure
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  trx=$results/$name.trx
  pg_log "running $name"
  dotnet test "$project" --no-build -nologo -v quiet \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results"
  code=$?
  if [ ! -f "$trx" ]; then
    pg_log "$name produced no results"; broken=$((broken + 1))
  elif [ "$(count total "$trx")" -eq 0 ]; then
    pg_log "$name ran no test"; broken=$((broken + 1))
  elif [ "$code" -ne 0 ] && [ "$(count failed "$trx")" -eq 0 ]; then
    pg_log "$name exited with $code without a failed test (the test host crashed?)"; broken=$((broken + 1))
  fi
  [ "$code" -ne 0 ] && status=1
done

passed=$(count passed "$results"/*.trx)
failed=$(( $(count failed "$results"/*.trx) + $(count error "$results"/*.trx) + $(count timeout "$results"/*.trx) + $(count aborted "$results"/*.trx) + broken ))
skipped=$(count notExecuted "$results"/*.trx)

# The benchmark harness as a smoke test (small data, 1 s runs, no timing asserted): one more check in the summary.
pg_log "running bench/run.sh --small"
if bench/run.sh --small; then
  passed=$((passed + 1))
else
  pg_log "bench/run.sh --small failed"; failed=$((failed + 1))
fi
[ "$failed" -gt 0 ] && status=1
[ "$passed" -eq 0 ] && status=1

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit $status
