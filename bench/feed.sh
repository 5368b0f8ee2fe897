#!/usr/bin/env bash
# The home feed under load, in one run on one throwaway cluster: this service (Release build), the
# document's Flask reference (gunicorn) and pgbench running the same feed SQL directly; on the seed
# rows, then again after generating 1,000 users and 1,000,000 activities. Prints requests/s, p50,
# p99 and the ratios against the targets. Usage: bench/feed.sh [seconds per run, default 10]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-10}"
connections=64
reference="${SEED_FLASK:-$root/../shared/reference/seed-flask}"
api_port=4580 flask_port=5001

fail() { printf 'Error: %s\n' "$*" >&2; exit 1; }
[ -f "$reference/app.py" ] || fail "the Flask reference is not at $reference (set SEED_FLASK to its folder)"
need=()
for pkg in wrk python3-flask python3-psycopg python3-psycopg-pool gunicorn postgresql-contrib; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; }
fi

source "$root/bench/local-database.sh"
bench_home bench
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  destroy_local_database
}
trap cleanup EXIT

start_local_database
psql_() { psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d cruddur "$@"; }

echo "== build (Release)"
dotnet build "$root/src/Cruddur.Api" -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null

# The service's own feed query, as PostgresJson.Page wraps it, first page, default limit.
{
  echo '\set limit 20'
  echo "SELECT COALESCE(array_to_json(array_agg(row_to_json(array_row))), '[]'::json)::text, count(*)::int,"
  echo "  (array_agg(array_row.created_at))[count(*)::int], (array_agg(array_row.uuid))[count(*)::int] FROM ("
  grep -v '^--' "$root/src/Cruddur.Api/Sql/Activities/Home.sql" \
    | sed -e 's/@before_created_at/NULL::timestamptz/; s/@before_uuid/NULL::uuid/; s/@limit/:limit/'
  echo ") array_row;"
} > "$work/feed.sql"

wait_for() { for _ in $(seq 1 100); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; fail "$1 did not answer"; }

# wrk: "<requests/s> <p50 ms> <p99 ms>"
measure() {
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1" > "$work/wrk.txt"
  grep -q "Non-2xx" "$work/wrk.txt" && fail "non-2xx answers from $1: $(cat "$work/wrk.txt")"
  python3 - "$work/wrk.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(v):
    found = re.match(r"([\d.]+)(us|ms|s|m)", v)
    if not found: sys.exit(f"cannot read wrk's latency {v!r} in:\n{text}")
    n, unit = found.groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"50%\s+(\S+)", text).group(1)); p99 = ms(re.search(r"99%\s+(\S+)", text).group(1))
print(f"{rps:.0f} {p50:.2f} {p99:.2f}")
PY
}

# pgbench: "<tps> <average latency ms>" for a client count
pgbench_() {
  local jobs=$(( $1 < 2 ? 1 : 2 ))
  pgbench -n -M prepared -h 127.0.0.1 -p "$port" -U postgres -c "$1" -j "$jobs" -T "$seconds" -f "$work/feed.sql" cruddur 2>/dev/null \
    | awk '/^latency average/ {lat=$4} /^tps/ {tps=$3} END {printf "%.0f %.2f\n", tps, lat}'
}

start_api() {
  PORT=$api_port dotnet "$root/src/Cruddur.Api/bin/Release/net10.0/Cruddur.Api.dll" > "$work/api.log" 2>&1 &
  pids+=($!); wait_for "http://127.0.0.1:$api_port/api/health"
  wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$api_port/api/activities/home" >/dev/null   # JIT and pool warm-up
}

# Each contender runs alone: the others' pooled connections would count against max_connections (100).
stop_last() { kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'; }

echo "== seed rows: $(psql_ -tAc 'SELECT count(*) FROM activities') activities"
start_api
read -r api_rps api_p50 api_p99 < <(measure "http://127.0.0.1:$api_port/api/activities/home")
echo "cruddur api   ${api_rps} req/s  p50 ${api_p50} ms  p99 ${api_p99} ms"
stop_last

(cd "$reference" && exec /usr/bin/gunicorn -w 2 -b "127.0.0.1:$flask_port" app:app > "$work/flask.log" 2>&1) &
pids+=($!); wait_for "http://127.0.0.1:$flask_port/api/activities/home"
read -r flask_rps flask_p50 flask_p99 < <(measure "http://127.0.0.1:$flask_port/api/activities/home")
echo "flask (ref)   ${flask_rps} req/s  p50 ${flask_p50} ms  p99 ${flask_p99} ms"
stop_last

best_tps=0 best_clients=0
for clients in 1 2 4 8 16 64; do
  read -r tps lat < <(pgbench_ "$clients")
  echo "pgbench -c ${clients}  ${tps} tps  latency avg ${lat} ms"
  if [ "$tps" -gt "$best_tps" ]; then best_tps=$tps best_clients=$clients; fi
done

echo "== generating 1,000 users and 1,000,000 activities"
start=$SECONDS total=1000000 batch=100000
for (( first = 1; first <= total; first += batch )); do
  psql_ -v first="$first" -v last=$(( first + batch - 1 )) -f "$root/bench/generate.sql" >/dev/null
  echo "Generated: $(( first + batch - 1 )) of $total activities ($(( (first + batch - 1) * 100 / total ))%, $(( SECONDS - start )) s)"
done
# Set hint bits and statistics now, so that autovacuum does not run during the measurement, and
# write the generated pages out now rather than during it.
psql_ -c "VACUUM (ANALYZE) public.users" -c "VACUUM (ANALYZE) public.activities" -c "CHECKPOINT"
echo "Generated in $(( SECONDS - start )) s (vacuumed and checkpointed)"
echo "== feed plan on $(psql_ -tAc 'SELECT count(*) FROM activities') activities"
psql_ -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) $(sed 's/:limit/20/; s/;$//' < <(grep -v '^\\set' "$work/feed.sql"))" | sed 's/^/  /'
start_api
read -r big_rps big_p50 big_p99 < <(measure "http://127.0.0.1:$api_port/api/activities/home")
echo "cruddur api   ${big_rps} req/s  p50 ${big_p50} ms  p99 ${big_p99} ms  (1M activities)"
# The seed feed is one activity and a full page is twenty: the same page size separates the table's
# size (what the index must make irrelevant) from the response's size.
read -r one_rps one_p50 one_p99 < <(measure "http://127.0.0.1:$api_port/api/activities/home?limit=1")
echo "cruddur api   ${one_rps} req/s  p50 ${one_p50} ms  p99 ${one_p99} ms  (1M activities, limit=1 as on the seed)"
stop_last
read -r big_tps big_lat < <(pgbench_ "$best_clients")
echo "pgbench -c ${best_clients}  ${big_tps} tps  latency avg ${big_lat} ms  (1M activities)"

echo "== results (wrk -c${connections}, ${seconds} s per run, $(nproc) cores)"
python3 - "$api_rps" "$flask_rps" "$best_tps" "$best_clients" "$api_p99" "$big_p99" "$one_p99" <<'PY'
import sys
api, flask, tps, clients, p99, big_p99, one_p99 = map(float, sys.argv[1:])
def line(name, value, target, ok): print(f"{name:<44} {value:>7.2f}x  target {target:<8} {'met' if ok else 'MISSED'}")
line("api / flask reference (seed)", api / flask, ">= 8x", api / flask >= 8)
line(f"api / pgbench best ({int(clients)} clients, seed)", api / tps, ">= 0.5x", api / tps >= 0.5)
line("api p99 at 1M / api p99 at seed", big_p99 / p99, "<= 1.5x", big_p99 / p99 <= 1.5)
line("  the same, one activity a page as on the seed", one_p99 / p99, "<= 1.5x", one_p99 / p99 <= 1.5)
PY
