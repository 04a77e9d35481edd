#!/usr/bin/env bash
# Runs the CrisisCoord portal on http://localhost:5080 with its own PostgreSQL under .data/ and the
# demo scenario. Ctrl-C stops it; the next ./run.sh reuses the same data.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/pg.sh

command -v dotnet >/dev/null 2>&1 || { pg_log "the .NET 10 SDK is required (dotnet not found)"; exit 1; }
pg_find_binaries

PGDIR=$PWD/.data/pg
APP_URL=http://localhost:5080
DB_NAME=crisiscoord DB_USER=crisiscoord DB_PASSWORD=crisiscoord APP_USER=crisiscoord_web

if [ ! -f "$PGDIR/PG_VERSION" ]; then
  pg_log "creating a private PostgreSQL cluster in .data/pg"
  pg_init "$PGDIR" "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
fi

started_here=
if pg_is_running "$PGDIR"; then
  PORT=$(pg_running_port "$PGDIR")
  pg_log "reusing the PostgreSQL already running on port $PORT"
else
  PORT=$(cat .data/pg.port 2>/dev/null || true)
  if [ -z "$PORT" ] || ! pg_port_usable "$PORT"; then PORT=$(pg_free_port); fi
  pg_start "$PGDIR" "$PORT"
  PORT=$PG_PORT
  echo "$PORT" > .data/pg.port
  started_here=1
  pg_log "PostgreSQL started on 127.0.0.1:$PORT"
fi

# Ready when /health/ready answers 200 (curl when present, else plain bash over /dev/tcp).
ready() {
  if command -v curl >/dev/null 2>&1; then curl -fs "$APP_URL/health/ready" >/dev/null 2>&1; return; fi
  exec 3<>/dev/tcp/127.0.0.1/5080 2>/dev/null || return 1
  printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  head -n 1 <&3 | grep -q ' 200 '
  local rc=$?; exec 3<&-; return $rc
}

app_pid=
cleanup() {
  local status=$?
  trap - INT TERM EXIT
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  [ -n "$started_here" ] && { pg_log "stopping PostgreSQL"; pg_stop "$PGDIR"; }
  exit "$status"
}
trap cleanup INT TERM EXIT

# Two roles (docs/operations.md): the owner applies migrations; the app logs in as a member of
# crisiscoord_app, which may only read and append to the timeline.
if [ "$(pg_psql "$PORT" -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != 1 ]; then
  pg_psql "$PORT" -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'"
fi
if [ "$(pg_psql "$PORT" -c "SELECT 1 FROM pg_roles WHERE rolname = 'crisiscoord_app'")" != 1 ]; then
  pg_psql "$PORT" -c "CREATE ROLE crisiscoord_app NOLOGIN"
fi
if [ "$(pg_psql "$PORT" -c "SELECT 1 FROM pg_roles WHERE rolname = '$APP_USER'")" != 1 ]; then
  pg_psql "$PORT" -c "CREATE ROLE $APP_USER LOGIN PASSWORD '$DB_PASSWORD' IN ROLE crisiscoord_app"
fi
if [ "$(pg_psql "$PORT" -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
  pg_psql "$PORT" -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
fi

pg_log "building the portal"
dotnet build src/CrisisCoord.Web -c Release -nologo -v quiet --disable-build-servers

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ConnectionStrings__CrisisCoord="Host=127.0.0.1;Port=$PORT;Database=$DB_NAME;Username=$APP_USER;Password=$DB_PASSWORD"
export ConnectionStrings__CrisisCoordMigrations="Host=127.0.0.1;Port=$PORT;Database=$DB_NAME;Username=$DB_USER;Password=$DB_PASSWORD"
export Database__MigrateOnStartup=true
export DemoData__Seed=true
# The security log (sign-ins, refusals, sessions, account changes) as JSON lines, one file a day.
export SecurityLog__Path="$PWD/.data/logs/security-.clef"

# --- Demo auditor: witnessed checkpoints (docs/timeline.md#witnessed-checkpoints) ----------------------
# The auditor's private key stays in .data/auditor.pem (made on the first run); the portal gets only its
# public key. Once the demo is seeded, witness_demo verifies every chain and co-signs its head as
# crisiscoord_auditor, a login that may only read the timeline and insert witnesses.
AUDITOR_KEY=$PWD/.data/auditor.pem AUDITOR_USER=crisiscoord_auditor
AUDIT_TOOL=src/CrisisCoord.AuditTool/bin/Release/net10.0/crisiscoord-audit.dll
dotnet build src/CrisisCoord.AuditTool -c Release -nologo -v quiet --disable-build-servers
if [ ! -f "$AUDITOR_KEY" ]; then
  pg_log "making the demo auditor's witness key in .data/auditor.pem"
  dotnet "$AUDIT_TOOL" witness-key new --out "$AUDITOR_KEY" >/dev/null 2>&1
fi
Timeline__WitnessKeys__0=$(dotnet "$AUDIT_TOOL" witness-key public --key "$AUDITOR_KEY")
export Timeline__WitnessKeys__0
if [ "$(pg_psql "$PORT" -c "SELECT 1 FROM pg_roles WHERE rolname = 'crisiscoord_witness'")" != 1 ]; then
  pg_psql "$PORT" -c "CREATE ROLE crisiscoord_witness NOLOGIN"
fi
if [ "$(pg_psql "$PORT" -c "SELECT 1 FROM pg_roles WHERE rolname = '$AUDITOR_USER'")" != 1 ]; then
  pg_psql "$PORT" -c "CREATE ROLE $AUDITOR_USER LOGIN PASSWORD '$DB_PASSWORD' IN ROLE crisiscoord_witness"
fi
witness_demo() {
  if dotnet "$AUDIT_TOOL" witness --key "$AUDITOR_KEY" \
      --connection "Host=127.0.0.1;Port=$PORT;Database=$DB_NAME;Username=$AUDITOR_USER;Password=$DB_PASSWORD" > .data/witness.log 2>&1; then
    pg_log "the demo auditor witnessed every chain: $(tail -n 1 .data/witness.log)"
  else
    pg_log "witnessing found a problem or could not run; see .data/witness.log"
  fi
}
# --- end of demo auditor ------------------------------------------------------------------------------
# --- Mail (docs/operations.md, ADR 0020) ---------------------------------------------------------------
# Nothing is sent: each mail (address confirmations, password links) is written to .data/mail/ as an .eml file.
export Mail__PickupDirectory="$PWD/.data/mail" Mail__PortalUrl="$APP_URL/"
export Mail__FromAddress="${Mail__FromAddress:-no-reply@crisiscoord.localhost}"
mkdir -p "$Mail__PickupDirectory"
pg_log "mail is not sent: every message lands in .data/mail/ as an .eml file (newest: ls -t .data/mail | head -1)"
# --- end of mail ---------------------------------------------------------------------------------------

# The built app itself (not `dotnet run`), so stopping this script stops the app with it.
dotnet src/CrisisCoord.Web/bin/Release/net10.0/CrisisCoord.Web.dll \
  --contentRoot "$PWD/src/CrisisCoord.Web" --urls http://127.0.0.1:5080 &
app_pid=$!

for _ in $(seq 1 120); do
  if ready; then
    pg_log "CrisisCoord is running at $APP_URL  (Ctrl-C to stop)"
    pg_log "API: $APP_URL/api/v1/incidents   health: $APP_URL/health/ready"
    witness_demo  # demo auditor block above
    break
  fi
  kill -0 "$app_pid" 2>/dev/null || { pg_log "the portal exited during start-up"; exit 1; }
  sleep 1
done
wait "$app_pid"
