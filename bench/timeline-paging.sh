#!/usr/bin/env bash
# Timeline paging at depth: is the millionth event as quick to reach as the first page?
#
# Starts a throwaway PostgreSQL cluster and the built portal (Release) on it with the demo scenario,
# adds N synthetic events (default 1,000,000) across N/1000 chains, then times, as the demo auditor:
#   API first page, API page at the far end (keyset cursor), and — the raw baseline, in the same run —
#   the same keyset SQL in psql at both depths, plus OFFSET paging to the far end for contrast.
# Prints medians and ratios; docs/PERFORMANCE.md records a run. Usage: bench/timeline-paging.sh [N] [REPS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/portal.sh

N=${1:-1000000} REPS=${2:-15} PORT_APP=5089
bench_portal "$PORT_APP"

echo "inserting $N synthetic events..." >&2
q -c "INSERT INTO timeline_events (id, chain_id, sequence, occurred_at, actor_user_id, actor_organisation_id, action, entity_type, entity_id, payload, previous_hash, hash)
      SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(g / 1000 + 1), 12, '0'))::uuid, g % 1000 + 1,
             now() - interval '1 millisecond' * ($N - g), NULL, NULL, 'BenchEvent', 'Bench', g::text, '{\"changes\":[]}',
             decode(repeat('00', 32), 'hex'), sha256(g::text::bytea)
      FROM generate_series(0, $N - 1) g" -c "ANALYZE timeline_events"

TOKEN=$(curl -fs "http://127.0.0.1:$PORT_APP/api/v1/auth/token" -H 'content-type: application/json' \
  -d '{"email":"auditor@qinghe.demo","password":"crisis-demo-2026"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')

# The cursor of the event 50 from the oldest end: the last page, newest first.
read -r TICKS CHAIN SEQ < <(q -F ' ' -c "SELECT (extract(epoch FROM occurred_at) * 1000000)::bigint * 10 + 621355968000000000,
    replace(chain_id::text, '-', ''), sequence FROM timeline_events ORDER BY occurred_at, chain_id, sequence OFFSET 50 LIMIT 1")
AFTER=$(printf '%s:%s:%s' "$TICKS" "$CHAIN" "$SEQ" | base64 -w0 | tr '+/' '-_' | tr -d '=')
IFS='|' read -r AT CHAINID < <(q -F '|' -c "SELECT occurred_at, chain_id FROM timeline_events ORDER BY occurred_at, chain_id, sequence OFFSET 50 LIMIT 1")

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
api() { for _ in $(seq 1 "$REPS"); do curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT_APP/api/v1/audit/events?limit=50$1"; done | awk '{print $1*1000}' | median; }
sql() { for _ in $(seq 1 "$REPS"); do q -c '\timing on' -c "$1" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'; done | median; }
KEYSET="SELECT * FROM timeline_events"
ORDER="ORDER BY occurred_at DESC, chain_id DESC, sequence DESC LIMIT 51"

api "" >/dev/null  # warm up
API_FIRST=$(api "")
API_DEEP=$(api "&after=$AFTER")
SQL_FIRST=$(sql "$KEYSET $ORDER")
SQL_DEEP=$(sql "$KEYSET WHERE (occurred_at, chain_id, sequence) < ('$AT', '$CHAINID', $SEQ) $ORDER")
SQL_OFFSET=$(sql "$KEYSET $ORDER OFFSET $((N - 50))")
TOTAL=$(q -c "SELECT count(*) FROM timeline_events")

cat <<REPORT
events in the table: $TOTAL   repetitions: $REPS (medians, ms)
raw SQL keyset, first page:          $SQL_FIRST
raw SQL keyset, page at the far end: $SQL_DEEP
raw SQL OFFSET, page at the far end: $SQL_OFFSET
API  keyset, first page:             $API_FIRST
API  keyset, page at the far end:    $API_DEEP
ratio far end / first page — API: $(awk "BEGIN{printf \"%.2f\", $API_DEEP/$API_FIRST}")  raw keyset: $(awk "BEGIN{printf \"%.2f\", $SQL_DEEP/$SQL_FIRST}")  raw OFFSET: $(awk "BEGIN{printf \"%.0f\", $SQL_OFFSET/$SQL_FIRST}")
ratio API / raw keyset — first page: $(awk "BEGIN{printf \"%.1f\", $API_FIRST/$SQL_FIRST}")  far end: $(awk "BEGIN{printf \"%.1f\", $API_DEEP/$SQL_DEEP}")
REPORT
