# Shared by the bench scripts: a throwaway PostgreSQL cluster and the built portal (Release) on it with the demo
# scenario. Source it from the repository root, then call `bench_portal <app port>`. It sets WORK (a scratch
# directory, removed on exit with the cluster and the portal), PORT (PostgreSQL's), PW, DB=bench and app_pid;
# `q` runs psql as postgres on the bench database.
. scripts/pg.sh

q() { PGPASSWORD=$PW psql -h 127.0.0.1 -p "$PORT" -U postgres -d "${DB:-postgres}" -qAtX "$@"; }

bench_cleanup() { [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null; pg_stop "$PGDIR" 2>/dev/null || true; rm -rf "$WORK"; }

bench_portal() {
  local port_app=$1
  pg_find_binaries
  WORK=$(mktemp -d /tmp/crisiscoord-bench.XXXXXX); chmod 755 "$WORK"
  PGDIR=$WORK/pg PORT=$(pg_free_port) PW=bench
  trap bench_cleanup EXIT INT TERM

  pg_init "$PGDIR" "$PW"; pg_start "$PGDIR" "$PORT"
  q -c "CREATE ROLE crisiscoord_app NOLOGIN" -c "CREATE ROLE bench_web LOGIN PASSWORD '$PW' IN ROLE crisiscoord_app" -c "CREATE DATABASE bench"
  DB=bench

  dotnet build src/CrisisCoord.Web -c Release -nologo -v quiet >/dev/null
  # Rate limits off: a benchmark is one client hammering the portal on purpose (RateLimits:*, docs/security.md).
  ASPNETCORE_ENVIRONMENT=Development Database__MigrateOnStartup=true DemoData__Seed=true Serilog__MinimumLevel__Default=Warning \
  RateLimits__Enabled=false SecurityLog__Path="$WORK/security-.clef" Mail__PickupDirectory="$WORK/mail" \
  ConnectionStrings__CrisisCoord="Host=127.0.0.1;Port=$PORT;Database=bench;Username=bench_web;Password=$PW" \
  ConnectionStrings__CrisisCoordMigrations="Host=127.0.0.1;Port=$PORT;Database=bench;Username=postgres;Password=$PW" \
    dotnet src/CrisisCoord.Web/bin/Release/net10.0/CrisisCoord.Web.dll --contentRoot "$PWD/src/CrisisCoord.Web" --urls "http://127.0.0.1:$port_app" >"$WORK/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port_app/health/ready" >/dev/null 2>&1 && return; kill -0 "$app_pid" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }; sleep 1; done
  echo "the portal did not become ready; its log: $WORK/app.log" >&2; exit 1
}
