#!/usr/bin/env bash
# bench/run.sh [--small]: the portal measured against the hardware's ceiling, in one run (issue 14, ADR 0027).
#
# Starts its own PostgreSQL (fsync and synchronous_commit on, pg_stat_statements loaded), builds the portal in
# Release and runs it as in production (ASPNETCORE_ENVIRONMENT=Production with generated secrets, no demo data,
# log level Warning, rate limits off), generates a crisis-sized data set by binary COPY, then measures with wrk:
# the baselines (pgbench one-row INSERT; a minimal endpoint with one INSERT and one SELECT of a page) and every
# scenario at c=1, c=32 and half the c=32 rate, with round trips, statements and peak RSS; the dashboard in
# Chromium; the CSV import against EF. Writes the tables into docs/PERFORMANCE.md between its markers.
#
# --small: a smoke test (small data, 1 s runs) that writes bench/results/PERFORMANCE-small.md instead and exits
# non-zero if any scenario failed. Everything runs on 127.0.0.1; every process and the cluster stop on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/pg.sh

MODE=full
case "${1:-}" in
  "") ;;
  --small) MODE=small ;;
  *) echo "Usage: bench/run.sh [--small]" >&2; exit 2 ;;
esac

if [ "$MODE" = small ]; then
  DURATION=1 WARMUP=0 SETTLE_MAX=0 SLOW_MS=1000 HALF_RUNS=0 IMPORT_ROWS=2000 IMPORT_RUNS=2 DASHBOARD_RUNS=1 OUTPUT=bench/results/PERFORMANCE-small.md COMMAND="bench/run.sh --small"
else
  DURATION=10 WARMUP=3 SETTLE_MAX=60 SLOW_MS=2000 HALF_RUNS=1 IMPORT_ROWS=100000 IMPORT_RUNS=3 DASHBOARD_RUNS=5 OUTPUT=docs/PERFORMANCE.md COMMAND="bench/run.sh"
fi
T0=$(date +%s)
log() { pg_log "bench [$(( $(date +%s) - T0 )) s]: $*"; }

# --- Tools ----------------------------------------------------------------------------------------------
command -v dotnet >/dev/null 2>&1 || { log "the .NET 10 SDK is required (dotnet not found)"; exit 1; }
for tool in wrk curl openssl; do
  command -v "$tool" >/dev/null 2>&1 || { log "$tool not found; installing the distribution's package"; apt_install "$tool"; }
done
if [ -z "${CRISISCOORD_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  log "Chromium not found; installing the distribution's chromium package"; apt_install chromium
fi
CHROMIUM=${CRISISCOORD_CHROMIUM:-$(command -v chromium)}
pg_find_binaries

# --- Clean-up of everything started here ------------------------------------------------------------------
WORK=$(mktemp -d /tmp/crisiscoord-bench.XXXXXX)
chmod 755 "$WORK"
app_pid= minimal_pid=
stop() { [ -n "$1" ] && kill "$1" 2>/dev/null && wait "$1" 2>/dev/null; return 0; }
cleanup() {
  local status=$?
  trap - INT TERM EXIT
  stop "$app_pid"; stop "$minimal_pid"
  pg_stop "$WORK/pg"
  mkdir -p bench/results
  cp "$WORK"/results.tsv "$WORK"/facts.env "$WORK"/*.log bench/results/ 2>/dev/null || true
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup INT TERM EXIT

# --- PostgreSQL: durable, with pg_stat_statements ---------------------------------------------------------
secret() { head -c 24 /dev/urandom | base64 | tr -d '/+='; }
PG_PASSWORD=$(secret) OWNER_PASSWORD=$(secret) WEB_PASSWORD=$(secret) MINIMAL_PASSWORD=$(secret) BENCH_PASSWORD="Bench-$(secret)"
pg_init "$WORK/pg" "$PG_PASSWORD"
PG_OPTIONS="-c synchronous_commit=on -c shared_preload_libraries=pg_stat_statements -c max_connections=300 -c shared_buffers=1GB" \
  pg_start "$WORK/pg" "$(pg_free_port)"
PORT=$PG_PORT DB=crisiscoord
log "PostgreSQL on 127.0.0.1:$PORT (fsync on, synchronous_commit on)"
q() { pg_as_owner "$PG_BIN/psql" -h "$PG_SOCKET_DIR" -p "$PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qAtX "$@"; }
DB=postgres q -c "CREATE ROLE bench_owner LOGIN PASSWORD '$OWNER_PASSWORD'" \
  -c "CREATE ROLE crisiscoord_app NOLOGIN" \
  -c "CREATE ROLE bench_web LOGIN PASSWORD '$WEB_PASSWORD' IN ROLE crisiscoord_app" \
  -c "CREATE ROLE bench_minimal LOGIN PASSWORD '$MINIMAL_PASSWORD'" \
  -c "CREATE DATABASE $DB OWNER bench_owner"
q -c "CREATE EXTENSION pg_stat_statements"
connection() { echo "Host=127.0.0.1;Port=$PORT;Database=$DB;Username=$1;Password=$2"; }

# --- Build -----------------------------------------------------------------------------------------------
log "building the portal, the audit tool and the bench tools (Release)"
for project in src/CrisisCoord.Web src/CrisisCoord.AuditTool bench/CrisisCoord.Bench bench/CrisisCoord.Bench.Minimal; do
  dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly --disable-build-servers
done
WEB=src/CrisisCoord.Web/bin/Release/net10.0/CrisisCoord.Web.dll
BENCH="dotnet bench/CrisisCoord.Bench/bin/Release/net10.0/crisiscoord-bench.dll"
STARTED=$(date +%s)

# --- The portal's settings: Production, with secrets made for this run --------------------------------------
openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt > "$WORK/checkpoint.pem"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=CrisisCoord bench" -keyout "$WORK/dp.key" -out "$WORK/dp.crt" 2>/dev/null
APP_PORT=$(pg_free_port) MINIMAL_PORT=$(pg_free_port)
APP=http://127.0.0.1:$APP_PORT
export ASPNETCORE_ENVIRONMENT=Production
export Auth__Tokens__SigningKey="$(secret)$(secret)"
Timeline__CheckpointSigningKey=$(cat "$WORK/checkpoint.pem") DataProtection__Certificate=$(cat "$WORK/dp.crt" "$WORK/dp.key")
export Timeline__CheckpointSigningKey DataProtection__Certificate
export ConnectionStrings__CrisisCoord="$(connection bench_web "$WEB_PASSWORD")"
export ConnectionStrings__CrisisCoordMigrations="$(connection bench_owner "$OWNER_PASSWORD")"
export Database__MigrateOnStartup=true DemoData__Seed=false RateLimits__Enabled=false
# No per-request log line at Information; warnings, errors and the security log's file remain.
export Serilog__MinimumLevel__Default=Warning SecurityLog__Path="$WORK/logs/security-.clef"
export Mail__PickupDirectory="$WORK/mail" Mail__PortalUrl="$APP/" Mail__FromAddress=bench@crisiscoord.localhost
# As behind the TLS proxy production needs (its cookies are Secure): requests say X-Forwarded-Proto https.
export ForwardedHeaders__KnownProxies__0=127.0.0.1
export Diagnostics__RoundTrips=true
# The periodic watches would record thousands of breaches and notices in the middle of the runs; each scenario
# measures its own requests (what is overdue is still computed on every read).
export Obligations__WatchInterval=00:00:00 Notifications__WatchInterval=00:00:00
export Resources__ImportMaxRows=$((IMPORT_ROWS * 2)) Resources__ImportMaxBytes=$((IMPORT_ROWS * 200))

log "migrations, reference data and the first administrator, by the portal itself"
CRISISCOORD_ADMIN_PASSWORD=$BENCH_PASSWORD dotnet "$WEB" --contentRoot "$PWD/src/CrisisCoord.Web" \
  --create-admin admin@bench.localhost --name "Bench Administrator" > "$WORK/create-admin.log" 2>&1 \
  || { log "the portal refused to create its first administrator:"; cat "$WORK/create-admin.log" >&2; exit 1; }

# --- Data ------------------------------------------------------------------------------------------------
log "generating the $MODE data set by binary COPY"
generated=$(date +%s.%N)
$BENCH generate --connection "$(connection bench_owner "$OWNER_PASSWORD")" --scale "$MODE" --out "$WORK" --password "$BENCH_PASSWORD"
GENERATE_SECONDS=$(awk "BEGIN { printf \"%.0f\", $(date +%s.%N) - $generated }")
. "$WORK/bench.env"
# After a bulk load an operator analyses; the baseline table has the incidents table's shape and indexes.
q -c "VACUUM ANALYZE" \
  -c "CREATE TABLE bench_baseline_incidents (LIKE incidents INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)" \
  -c "GRANT SELECT ON incidents TO bench_minimal" -c "GRANT INSERT ON bench_baseline_incidents TO bench_minimal" -c "CHECKPOINT"

# --- Start the portal and the minimal endpoint --------------------------------------------------------------
wait_ready() { # URL PID LOG
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || { log "it exited during start-up; its log:"; tail -n 30 "$3" >&2; return 1; }
    sleep 0.5
  done
  log "$1 did not answer in time"; return 1
}
start_portal() {
  dotnet "$WEB" --contentRoot "$PWD/src/CrisisCoord.Web" --urls "$APP" >> "$WORK/portal.log" 2>&1 &
  app_pid=$!
  wait_ready "$APP/health/ready" "$app_pid" "$WORK/portal.log"
}
start_portal
ConnectionStrings__Baseline="$(connection bench_minimal "$MINIMAL_PASSWORD")" Logging__LogLevel__Default=Warning \
  dotnet bench/CrisisCoord.Bench.Minimal/bin/Release/net10.0/crisiscoord-bench-minimal.dll --urls "http://127.0.0.1:$MINIMAL_PORT" > "$WORK/minimal.log" 2>&1 &
minimal_pid=$!
wait_ready "http://127.0.0.1:$MINIMAL_PORT/incidents?limit=1" "$minimal_pid" "$WORK/minimal.log"
log "portal on $APP, minimal endpoint on port $MINIMAL_PORT"

# --- Facts about the machine and the run -------------------------------------------------------------------
FACTS=$WORK/facts.env RESULTS=$WORK/results.tsv
fact() { printf '%s=%s\n' "$1" "$2" >> "$FACTS"; }
fact RUN_DATE "$(date -u '+%Y-%m-%d %H:%M UTC')"
fact RUN_COMMIT "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo '+changes')"
fact RUN_COMMAND "$COMMAND"; fact RUN_SCALE "$MODE"; fact RUN_DURATION "$DURATION"; fact RUN_WARMUP "$WARMUP"
fact MACHINE_CPU "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
fact MACHINE_CORES "$(nproc)"
fact MACHINE_RAM "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
fact MACHINE_KERNEL "$(uname -r)"
fact MACHINE_POSTGRES "PostgreSQL $(q -c 'SHOW server_version')"
fact MACHINE_DOTNET "$(dotnet --list-runtimes | sed -n 's/^Microsoft.AspNetCore.App \([^ ]*\).*/\1/p' | tail -n 1) (SDK $(dotnet --version))"
fact MACHINE_WRK "$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"
fact MACHINE_CHROMIUM "$("$CHROMIUM" --version 2>/dev/null | head -n 1)"
fact MACHINE_LOAD "$(cut -d' ' -f1-3 /proc/loadavg)"
fact GENERATE_SECONDS "$GENERATE_SECONDS"
fact DATA_INCIDENTS "$(q -c 'SELECT count(*) FROM incidents')"
fact DATA_OPEN "$(q -c "SELECT count(*) FROM incidents WHERE state NOT IN ('Closed', 'Dismissed')")"
fact DATA_EVENTS "$EVENTS"; fact DATA_BUSIEST_EVENTS "$BUSIEST_EVENTS"; fact DATA_TYPICAL_EVENTS "$TYPICAL_EVENTS"
fact DATA_ORGANISATIONS "$(q -c 'SELECT count(*) FROM organisations')"
fact DATA_RESOURCES "$(q -c 'SELECT count(*) FROM resources')"
fact DATA_TASKS "$TASKS"
printf 'scenario\tlabel\tvariant\tconnections\treq_per_s\tp50_ms\tp99_ms\tsocket_errors\tnon_2xx\tround_trips\tstatements_per_req\tpeak_rss_mb\tresponse_bytes\tbaseline\tone_request_ms\n' > "$RESULTS"

# --- Measuring ---------------------------------------------------------------------------------------------
FAILURES=()
fail() { FAILURES+=("$*"); log "FAILED: $*"; }

# Peak resident memory of a process since the last reset (VmHWM; writing 5 to clear_refs resets it).
rss_reset() { [ -n "$1" ] && echo 5 > "/proc/$1/clear_refs" 2>/dev/null || true; }
rss_peak() { [ -n "$1" ] && awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo -; }
# Statements the given login ran since the last reset, from pg_stat_statements.
statements_reset() { q -c "SELECT pg_stat_statements_reset()" >/dev/null; }
# Npgsql's DISCARD ALL, which resets a pooled connection within the next command's round trip, is not counted.
statements() { q -c "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = '$1' AND s.query <> 'DISCARD ALL'"; }
per() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

# record SCENARIO LABEL VARIANT C RPS P50 P99 SOCKET_ERRORS NON2XX TRIPS STATEMENTS RSS BYTES BASELINE
record() { local IFS=$'\t'; echo "$*" >> "$RESULTS"; }

# wrk_run C SCRIPT URL [DELAY_MS]: one run; sets REQUESTS RPS P50 P99 SOCKET_ERRORS NON2XX.
wrk_run() {
  local c=$1 script=$2 url=$3 threads=$(( $1 < 2 ? $1 : 2 )) out
  TASKS_USED=
  out=$(BENCH_LUA=bench/lua BENCH_THREADS=$threads BENCH_DELAY_MS=${4:-} \
    wrk -t "$threads" -c "$c" -d "${DURATION}s" --timeout 10s -s "$script" "$url" 2>&1) || true
  local line
  line=$(grep '^WRK' <<<"$out" | tail -n 1) || true
  if [ -z "$line" ]; then
    REQUESTS=0 RPS=0 P50=- P99=- SOCKET_ERRORS=1 NON2XX=0
    log "wrk gave no result: $(tail -n 3 <<<"$out" | tr '\n' ' ')"; return
  fi
  IFS=$'\t' read -r _ REQUESTS seconds P50 P99 SOCKET_ERRORS NON2XX <<<"$line"
  TASKS_USED=$(sed -n 's/^TASKS\t//p' <<<"$out")
  RPS=$(awk -v r="$REQUESTS" -v s="$seconds" 'BEGIN { printf "%.1f", r / s }')
  if [ "$REQUESTS" = 0 ]; then
    P50=- P99=-; log "no request completed within ${DURATION} s"
  fi
}

# settle PID ROLE: requests still running when wrk stopped go on in the server and in PostgreSQL, so each run starts
# once both are idle (the server under a tenth of a core for half a second, no statement of its login running), or
# after SETTLE_MAX seconds.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
settle() {
  local deadline=$(( $(date +%s) + SETTLE_MAX )) before after
  [ "$SETTLE_MAX" -gt 0 ] || return 0
  while [ "$(date +%s)" -lt "$deadline" ]; do
    before=$(cpu_ticks "$1"); sleep 0.5; after=$(cpu_ticks "$1")
    [ $(( after - before )) -le $(( $(getconf CLK_TCK) / 20 )) ] \
      && [ "$(q -c "SELECT count(*) FROM pg_stat_activity WHERE usename = '$2' AND state = 'active'")" = 0 ] && return 0
  done
  log "still busy after ${SETTLE_MAX} s; measuring anyway"
}

# measure SCENARIO LABEL VARIANT C BASELINE SCRIPT URL PID ROLE TRIPS BYTES [DELAY_MS]: one recorded run; ONE_MS (the
# probe's time) goes with it.
measure() {
  local scenario=$1 label=$2 variant=$3 c=$4 baseline=$5 script=$6 url=$7 pid=$8 role=$9 trips=${10} bytes=${11} delay=${12:-}
  settle "$pid" "$role"; statements_reset; rss_reset "$pid"
  wrk_run "$c" "$script" "$url" "$delay"
  local calls rss
  calls=$(statements "$role"); rss=$(rss_peak "$pid")
  record "$scenario" "$label" "$variant" "$c" "$RPS" "$P50" "$P99" "$SOCKET_ERRORS" "$NON2XX" "$trips" "$(per "$calls" "$REQUESTS")" "$rss" "$bytes" "$baseline" "${ONE_MS:--}"
  log "$label c=$c${delay:+ (pause $delay ms)}: $RPS req/s, p50 $P50 ms, p99 $P99 ms, $(per "$calls" "$REQUESTS") statements/req, errors $SOCKET_ERRORS/$NON2XX"
  [ "$SOCKET_ERRORS" = 0 ] && [ "$NON2XX" = 0 ] || fail "$label c=$c: $SOCKET_ERRORS socket errors, $NON2XX non-2xx responses"
}

# probe METHOD URL: one request as the scenario sends it; sets STATUS, TRIPS (X-Db-Round-Trips), BYTES and ONE_MS. Scenarios
# probe twice and keep the second: the count of a request that finds the caches as every later one does.
probe() {
  local args=(-s -o "$WORK/probe.body" -D "$WORK/probe.headers" -w '%{http_code} %{size_download} %{time_total}\n' -X "$1") seconds
  while IFS= read -r header; do [ -n "$header" ] && args+=(-H "$header"); done <<<"$BENCH_HEADERS"
  [ -n "${BENCH_BODY_FILE:-}" ] && args+=(--data-binary "@$BENCH_BODY_FILE")
  read -r STATUS BYTES seconds < <(curl "${args[@]}" "$2" || echo "000 0 0") || true
  ONE_MS=$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s * 1000 }')
  TRIPS=$(tr -d '\r' < "$WORK/probe.headers" | sed -n 's/^[Xx]-[Dd][Bb]-[Rr]ound-[Tt]rips: *//p' | tail -n 1)
  TRIPS=${TRIPS:--}
}

# scenario ID LABEL BASELINE METHOD PATH: probe, warm up, then c=1, c=32 and half the c=32 rate. The caller sets
# BENCH_HEADERS (and BENCH_BODY_FILE for a body). HALF=1 runs at half the rate even in a small run (which skips it).
# A request that alone takes over SLOW_MS (a fifth of a full run) is not load-tested: a run would complete a handful
# at most, and what it left running would spoil the next runs; its rows say so (no rate) and keep its one-request time.
scenario() {
  local id=$1 label=$2 baseline=$3 method=$4 url=$APP$5
  export BENCH_METHOD=$method BENCH_HEADERS BENCH_BODY_FILE=${BENCH_BODY_FILE:-}
  settle "$app_pid" bench_web
  probe "$method" "$url"
  [[ "$STATUS" != 2* ]] || probe "$method" "$url"
  if [[ "$STATUS" != 2* ]]; then
    fail "$label: $method $5 answered $STATUS: $(head -c 300 "$WORK/probe.body")"; return
  fi
  if awk -v ms="$ONE_MS" -v slow="$SLOW_MS" 'BEGIN { exit !(ms > slow) }'; then
    log "$label: one request takes $ONE_MS ms, over $SLOW_MS ms; not load-tested"
    for variant in c1 c32 half; do
      [ "$variant" != half ] || [ "${HALF:-$HALF_RUNS}" = 1 ] || continue
      record "$id" "$label" "$variant" "$([ "$variant" = c1 ] && echo 1 || echo 32)" 0 - - 0 0 "$TRIPS" - - "$BYTES" "$baseline" "$ONE_MS"
    done
    unset BENCH_BODY_FILE; return
  fi
  [ "$WARMUP" -gt 0 ] && { settle "$app_pid" bench_web; DURATION=$WARMUP wrk_run 32 bench/lua/request.lua "$url"; }
  measure "$id" "$label" c1 1 "$baseline" bench/lua/request.lua "$url" "$app_pid" bench_web "$TRIPS" "$BYTES"
  measure "$id" "$label" c32 32 "$baseline" bench/lua/request.lua "$url" "$app_pid" bench_web "$TRIPS" "$BYTES"
  local peak=$RPS
  if [ "${HALF:-$HALF_RUNS}" = 1 ]; then
    measure "$id" "$label" half 32 "$baseline" bench/lua/request.lua "$url" "$app_pid" bench_web "$TRIPS" "$BYTES" \
      "$(awk -v r="$peak" 'BEGIN { d = r > 0 ? 64000 / r : 1000; printf "%d", d < 1 ? 1 : d }')"
  fi
  unset BENCH_BODY_FILE
}

token() { # EMAIL: a session token from the portal's own sign-in for the API
  curl -fs -X POST "$APP/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$BENCH_PASSWORD\"}" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'
}
signed_in_cookie() { # EMAIL: the Cookie header of a browser signed in through the sign-in page
  curl -s -D "$WORK/signin.headers" -o "$WORK/signin.html" -H 'X-Forwarded-Proto: https' "$APP/Account/SignIn"
  local form_token cookies
  form_token=$(grep -o '__RequestVerificationToken[^>]*value="[^"]*"' "$WORK/signin.html" | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/') || true
  cookies=$(tr -d '\r' < "$WORK/signin.headers" | sed -n 's/^[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/p' | paste -sd ';' | sed 's/;/; /g')
  curl -s -D "$WORK/signin.headers" -o /dev/null -H 'X-Forwarded-Proto: https' -H "Cookie: $cookies" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$BENCH_PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$form_token" "$APP/Account/SignIn"
  echo "$cookies; $(tr -d '\r' < "$WORK/signin.headers" | sed -n 's/^[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/p' | paste -sd ';' | sed 's/;/; /g')"
}
api_as() { BENCH_HEADERS="Authorization: Bearer $(token "$1")"$'\n'"X-Forwarded-Proto: https"; }
page_as() { BENCH_HEADERS="Cookie: $COOKIE"$'\n'"X-Forwarded-Proto: https"; }

# --- Baselines ---------------------------------------------------------------------------------------------
log "baselines"
for c in 1 32; do
  statements_reset
  rm -f "$WORK"/pgbench-log*
  out=$(cd "$WORK" && PGPASSWORD=$MINIMAL_PASSWORD "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PORT" -U bench_minimal -n \
    -f "$OLDPWD/bench/pgbench-insert.sql" -c "$c" -j "$(( c < 2 ? c : 2 ))" -T "$DURATION" -l --log-prefix=pgbench-log "$DB" 2>&1) || true
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | tail -n 1)
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$out")
  read -r p50 p99 count < <(cat "$WORK"/pgbench-log* 2>/dev/null | awk '{ print $3 / 1000 }' | sort -n \
    | awk 'function at(p,  i) { i = int(NR * p); if (i < NR * p) i++; return a[i < 1 ? 1 : i] }
           { a[NR] = $1 } END { if (NR) printf "%.3f %.3f %d\n", at(0.5), at(0.99), NR; else print "- - 0" }')
  calls=$(statements bench_minimal)
  record pgbench-insert "pgbench one-row INSERT" "c$c" "$c" "${tps:-0}" "$p50" "$p99" "${failed:-0}" 0 1 "$(per "$calls" "$count")" - - "" -
  log "pgbench INSERT c=$c: ${tps%.*} tps, p50 $p50 ms, p99 $p99 ms"
  [ -n "$tps" ] && [ "${failed:-0}" = 0 ] || fail "pgbench c=$c: $(tail -n 2 <<<"$out" | tr '\n' ' ')"
done
BENCH_HEADERS="" BENCH_METHOD=POST BENCH_BODY_FILE=bench/lua/incident.json
export BENCH_HEADERS="Content-Type: application/json" BENCH_METHOD BENCH_BODY_FILE
[ "$WARMUP" -gt 0 ] && DURATION=$WARMUP wrk_run 32 bench/lua/request.lua "http://127.0.0.1:$MINIMAL_PORT/incidents"
for c in 1 32; do
  measure minimal-insert "minimal endpoint, one INSERT" "c$c" "$c" pgbench-insert bench/lua/request.lua "http://127.0.0.1:$MINIMAL_PORT/incidents" "$minimal_pid" bench_minimal 1 -
done
export BENCH_HEADERS="" BENCH_METHOD=GET BENCH_BODY_FILE=""
[ "$WARMUP" -gt 0 ] && DURATION=$WARMUP wrk_run 32 bench/lua/request.lua "http://127.0.0.1:$MINIMAL_PORT/incidents?limit=20"
for c in 1 32; do
  measure minimal-select "minimal endpoint, one SELECT of 20" "c$c" "$c" "" bench/lua/request.lua "http://127.0.0.1:$MINIMAL_PORT/incidents?limit=20" "$minimal_pid" bench_minimal 1 -
done
stop "$minimal_pid"; minimal_pid=

# --- Reads (before any write changes what they read) ---------------------------------------------------------
log "reading scenarios"
COOKIE=$(signed_in_cookie "$COORDINATOR_EMAIL")
api_as "$COORDINATOR_EMAIL"; scenario api-incidents "GET /api/v1/incidents?limit=20" minimal-select GET "/api/v1/incidents?limit=20"
page_as; scenario page-incidents "page /Incidents" minimal-select GET /Incidents
page_as; scenario page-incident-busiest "page /Incidents/{busiest} ($BUSIEST_EVENTS events)" minimal-select GET "/Incidents/$BUSIEST_INCIDENT"
page_as; scenario page-incident-typical "page /Incidents/{typical} ($TYPICAL_EVENTS events)" minimal-select GET "/Incidents/$TYPICAL_INCIDENT"
api_as "$AUDITOR_EMAIL"; scenario api-timeline-first "GET /api/v1/audit/events?limit=50" minimal-select GET "/api/v1/audit/events?limit=50"
api_as "$AUDITOR_EMAIL"; scenario api-timeline-deep "… at depth $EVENTS (after= far end)" minimal-select GET "/api/v1/audit/events?limit=50&after=$DEEP_CURSOR"
# The dashboard last among the reads: at crisis scale it holds the most memory, which the runtime keeps afterwards.
api_as "$COORDINATOR_EMAIL"; scenario api-dashboard "GET /api/v1/dashboard" minimal-select GET /api/v1/dashboard
page_as; scenario page-dashboard "page / (dashboard)" minimal-select GET /

log "the dashboard in Chromium"
if out=$($BENCH dashboard-timing --url "$APP" --email "$COORDINATOR_EMAIL" --password "$BENCH_PASSWORD" --chromium "$CHROMIUM" --runs "$DASHBOARD_RUNS" 2>&1); then
  IFS=$'\t' read -r _ ms load markers html elements < <(grep '^DASHBOARD' <<<"$out")
  fact DASHBOARD_MS "$ms"; fact DASHBOARD_LOAD_MS "$load"; fact DASHBOARD_MARKERS_MS "$markers"
  fact DASHBOARD_HTML_BYTES "$html"; fact DASHBOARD_ELEMENTS "$elements"; fact DASHBOARD_RUNS "$DASHBOARD_RUNS"
  log "dashboard interactive in $ms ms (load $load ms, markers $markers ms, $elements elements)"
else
  fail "dashboard in Chromium: $(tail -n 5 <<<"$out" | tr '\n' ' ')"
fi

# --- Writes ----------------------------------------------------------------------------------------------
# A fresh process for the writes, so the memory the dashboard left held does not count as theirs (peak RSS).
log "restarting the portal; writing scenarios"
stop "$app_pid"; app_pid=
start_portal
api_as "$AGENCY_EMAIL"; BENCH_HEADERS+=$'\n'"Content-Type: application/json"; BENCH_BODY_FILE=bench/lua/incident.json
HALF=1 scenario post-incident "POST /api/v1/incidents" minimal-insert POST /api/v1/incidents

# Each assignment takes the next unused task; the two probes take the first two.
export BENCH_TASKS=$WORK/tasks.lua BENCH_TASK_START=0
api_as "$COORDINATOR_EMAIL"; signed_in=$BENCH_HEADERS
for line in 2 3; do
  IFS='"' read -r _ task _ version _ organisation _ <<<"$(sed -n "${line}p" "$WORK/tasks.lua")"
  printf '{"organisationId":"%s"}' "$organisation" > "$WORK/assign.json"
  BENCH_HEADERS=$signed_in$'\n'"Content-Type: application/json"$'\n'"If-Match: \"$version\"" BENCH_BODY_FILE=$WORK/assign.json
  probe POST "$APP/api/v1/tasks/$task/assign"
  [[ "$STATUS" == 2* ]] || break
done
unset BENCH_BODY_FILE
export BENCH_HEADERS=$signed_in
if [[ "$STATUS" != 2* ]]; then
  fail "task assignment: POST /api/v1/tasks/$task/assign answered $STATUS: $(head -c 300 "$WORK/probe.body")"
else
  next=2
  assign() { # VARIANT C [DELAY]
    BENCH_TASK_START=$next measure assign-task "POST /api/v1/tasks/{id}/assign (If-Match)" "$1" "$2" minimal-insert bench/lua/assign-task.lua "$APP" "$app_pid" bench_web "$TRIPS" "$BYTES" "${3:-}"
    next=$((next + ${TASKS_USED:-0}))
  }
  [ "$WARMUP" -gt 0 ] && { BENCH_TASK_START=$next DURATION=$WARMUP wrk_run 32 bench/lua/assign-task.lua "$APP"; next=$((next + ${TASKS_USED:-0})); }
  assign c1 1
  assign c32 32
  [ "$HALF_RUNS" = 0 ] || assign half 32 "$(awk -v r="$RPS" 'BEGIN { d = r > 0 ? 64000 / r : 1000; printf "%d", d < 1 ? 1 : d }')"
  [ "$next" -le "$TASKS" ] || fail "task assignment ran out of tasks ($next of $TASKS used): later requests reused assigned ones"
fi

log "inventory import of $IMPORT_ROWS rows"
api_ms=()
RESOURCES_TOKEN=$(token "$RESOURCES_EMAIL")
# One file per API run and one more for EF, each of places nobody holds yet.
$BENCH csv --rows "$IMPORT_ROWS" --files "$((IMPORT_RUNS + 1))" --out "$WORK"
for run in $(seq 1 "$IMPORT_RUNS"); do
  read -r status seconds < <(curl -s -o "$WORK/import.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $RESOURCES_TOKEN" \
    -H 'X-Forwarded-Proto: https' -F "file=@$WORK/import-$run.csv;type=text/csv" "$APP/api/v1/resources/import")
  if [ "$status" != 200 ]; then fail "import run $run answered $status: $(head -c 300 "$WORK/import.json")"; continue; fi
  api_ms+=("$(awk -v s="$seconds" 'BEGIN { printf "%.0f", s * 1000 }')")
done
if out=$($BENCH ef-import --connection "$(connection bench_web "$WEB_PASSWORD")" --file "$WORK/import-$((IMPORT_RUNS + 1)).csv" --organisation "$EF_IMPORT_ORGANISATION" 2>&1); then
  IFS=$'\t' read -r _ _ ef_ms copy_ms < <(grep '^EF_IMPORT' <<<"$out")
  fact IMPORT_EF_MS "$ef_ms"; fact IMPORT_COPY_MS "$copy_ms"
else
  fail "EF import: $(tail -n 5 <<<"$out" | tr '\n' ' ')"
fi
fact IMPORT_ROWS "$IMPORT_ROWS"; fact IMPORT_RUNS "$IMPORT_RUNS"; fact IMPORT_API_ALL "${api_ms[*]:-none} ms"
[ "${#api_ms[@]}" -gt 0 ] && fact IMPORT_API_MS "$(printf '%s\n' "${api_ms[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
log "import: API ${api_ms[*]:-none} ms; EF ${ef_ms:-?} ms; plain COPY ${copy_ms:-?} ms"

# --- The record still holds after everything the runs wrote ---------------------------------------------------
if verified=$(dotnet src/CrisisCoord.AuditTool/bin/Release/net10.0/crisiscoord-audit.dll verify --connection "$(connection bench_web "$WEB_PASSWORD")" 2>&1 | tail -n 1); then
  fact CHAINS "${verified%.}"
else
  fact CHAINS "**$verified**"; fail "chain verification: $verified"
fi

# --- Report ------------------------------------------------------------------------------------------------
mkdir -p "$(dirname "$OUTPUT")"
[ "$MODE" = small ] && rm -f "$OUTPUT"
$BENCH report --results "$RESULTS" --facts "$FACTS" --out "$OUTPUT"
log "measured in $(( $(date +%s) - STARTED )) s after the build; tables in $OUTPUT"
if [ "${#FAILURES[@]}" -gt 0 ]; then
  log "${#FAILURES[@]} failure(s):"; printf '  %s\n' "${FAILURES[@]}" >&2
  exit 1
fi
