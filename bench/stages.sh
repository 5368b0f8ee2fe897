#!/usr/bin/env bash
# Where a feed request's time goes, stage by stage, on the seed rows with the feed cache off: each
# line adds one stage to the one before. Usage: bench/stages.sh [seconds per run, default 10]
#   http only      GET /api/activities/home?limit=0: Kestrel, routing, a 400 problem; no database
#   + pool trip    GET /api/health: a pooled connection and SELECT 1
#   + feed query   GET /api/activities/home: the feed SQL and its JSON, written as it is
#   pgbench        SELECT 1 and the wrapped feed SQL from a C client (2 clients), for the database's own share
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-10}"
api_port=4581
source "$root/bench/local-database.sh"
bench_home stages
api=
cleanup() { [ -n "$api" ] && kill "$api" 2>/dev/null; wait 2>/dev/null || true; destroy_local_database; }
trap cleanup EXIT
start_local_database
dotnet build "$root/src/Cruddur.Api" -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg)"

CRUDDUR_FEED_CACHE=off PORT=$api_port dotnet "$root/src/Cruddur.Api/bin/Release/net10.0/Cruddur.Api.dll" > "$work/api.log" 2>&1 &
api=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$api_port/api/health" && break; sleep 0.2; done
wrk -t2 -c64 -d5s "http://127.0.0.1:$api_port/api/activities/home" >/dev/null
rate() { wrk -t2 -c64 -d"${seconds}s" --latency "http://127.0.0.1:$api_port$1" | awk '/Requests\/sec/ {r=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} END {printf "%8.0f req/s  p50 %s  p99 %s\n", r, p50, p99}'; }
printf '%-16s %s\n' "http only" "$(rate '/api/activities/home?limit=0')"
printf '%-16s %s\n' "+ pool trip" "$(rate /api/health)"
printf '%-16s %s\n' "+ feed query" "$(rate /api/activities/home)"
kill "$api"; wait "$api" 2>/dev/null || true; api=

echo 'SELECT 1;' > "$work/one.sql"
write_feed_sql "$work/feed.sql"
for file in one feed; do
  pgbench -n -M prepared -h 127.0.0.1 -p "$port" -U postgres -c 2 -j 2 -T "$seconds" -f "$work/$file.sql" cruddur 2>/dev/null \
    | awk -v name="pgbench $file" '/^tps/ {printf "%-16s %8.0f tps\n", name, $3}'
done
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg)"
