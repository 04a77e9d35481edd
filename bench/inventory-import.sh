#!/usr/bin/env bash
# Inventory import: how long does a CSV of N rows take through the API, all new and then all updates?
#
# Starts a throwaway PostgreSQL cluster and the built portal (Release) on it with the demo scenario, writes
# CSV files of N rows (default 10,000) and times, as the demo resource manager, POST /api/v1/resources/import:
#   insert — a file of N places the organisation does not hold yet (a fresh file each repetition);
#   update — the last of those files again with other quantities (every row matches one resource).
# The raw baseline, in the same run: psql \copy of the same file into a bare table (no checks, no merge).
# Prints medians; docs/PERFORMANCE.md may record a run. Usage: bench/inventory-import.sh [N] [REPS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/portal.sh

N=${1:-10000} REPS=${2:-5} PORT_APP=5088
bench_portal "$PORT_APP"

TOKEN=$(curl -fs "http://127.0.0.1:$PORT_APP/api/v1/auth/token" -H 'content-type: application/json' \
  -d '{"email":"resources@qinghe.demo","password":"crisis-demo-2026"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')

# A file of N rows at places named after $1, each holding $2 tents.
csv() {
  seq 1 "$N" | awk -v run="$1" -v qty="$2" 'BEGIN { print "type,quantity,place,latitude,longitude,notes" }
    { printf "tent,%d,Bench %s place %d,%.4f,%.4f,\"bench, row %d\"\n", qty, run, $1, 30 + ($1 % 1000) / 10000, 114 + ($1 % 997) / 10000, $1 }' >"$WORK/$1-$2.csv"
  echo "$WORK/$1-$2.csv"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
import() {
  local out; out=$(curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
    -F "file=@$1;type=text/csv" "http://127.0.0.1:$PORT_APP/api/v1/resources/import")
  [ "${out%% *}" = 200 ] || { echo "import of $1 answered ${out%% *}: $(cat "$WORK/answer.json")" >&2; exit 1; }
  awk '{print $2 * 1000}' <<<"$out"
}

import "$(csv warmup 1)" >/dev/null
INSERT=$(for r in $(seq 1 "$REPS"); do import "$(csv "run$r" 7)"; done | median)
UPDATE=$(for r in $(seq 1 "$REPS"); do import "$(csv "run$REPS" $((8 + r)))"; done | median)
tail -c 200 "$WORK/answer.json" >&2; echo >&2

q -c "CREATE TABLE bench_copy (type text, quantity numeric, place text, latitude float8, longitude float8, notes text)"
RAW=$(for r in $(seq 1 "$REPS"); do
  q -c "TRUNCATE bench_copy" -c '\timing on' -c "\\copy bench_copy FROM '$WORK/run$REPS-7.csv' CSV HEADER" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
done | median)
TOTAL=$(q -c "SELECT count(*) FROM resources")

cat <<REPORT
rows per file: $N   repetitions: $REPS   resources in the table at the end: $TOTAL (medians, ms)
raw psql \\copy into a bare table:  $RAW
API import, all rows new:          $INSERT
API import, all rows updates:      $UPDATE
ratio API insert / raw copy: $(awk "BEGIN{printf \"%.1f\", $INSERT/$RAW}")
REPORT
