#!/usr/bin/env bash
# The home feed under load, in one run on one throwaway cluster: this service (Release build) with its
# feed cache off and on, the document's Flask reference (gunicorn) and pgbench running the same feed
# SQL directly; on the seed rows, then after generating 1,000 users and 1,000,000 activities; then 1
# post per 20 reads with the cache's hit rate. Prints requests/s, p50, p99, the API's peak RSS, the
# ratios against the targets, the machine's load, and draws bench/feed.png (gnuplot).
# Usage: bench/feed.sh [seconds per run, default 10]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-10}"
connections=64
reference="${SEED_FLASK:-$root/../shared/reference/seed-flask}"
api_port=4580 flask_port=5001

fail() { printf 'Error: %s\n' "$*" >&2; exit 1; }
[ -f "$reference/app.py" ] || fail "the Flask reference is not at $reference (set SEED_FLASK to its folder)"
source "$root/bench/local-database.sh"
install_packages wrk python3-flask python3-psycopg python3-psycopg-pool gunicorn postgresql-contrib gnuplot-nox
source "$root/bench/access-token.sh"
bench_home bench
pids=()
cleanup() {
  [ -n "${jwks_pid:-}" ] && kill "$jwks_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  destroy_local_database
}
trap cleanup EXIT

start_local_database
start_user_pool   # the mixed run's posts need an access token, as every post does
psql_() { psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d cruddur "$@"; }

echo "== build (Release)"
dotnet build "$root/src/Cruddur.Api" -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null

write_feed_sql "$work/feed.sql"

wait_for() { for _ in $(seq 1 100); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; fail "$1 did not answer"; }

# wrk: "<requests/s> <p50 ms> <p99 ms>"; each figure is also kept for the table and chart.
measure() {
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "${@:2}" "$1" > "$work/wrk.txt"
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
p50 = ms(re.search(rf"^\s*50%\s+(\S+)", text, re.M).group(1)); p99 = ms(re.search(rf"^\s*99%\s+(\S+)", text, re.M).group(1))
print(f"{rps:.0f} {p50:.2f} {p99:.2f}")
PY
}
record() { printf '"%s" %s %s %s\n' "$1" "$2" "$3" "$4" >> "$work/chart.dat"; }

# pgbench: "<tps> <average latency ms>" for a client count
pgbench_() {
  local jobs=$(( $1 < 2 ? 1 : 2 ))
  pgbench -n -M prepared -h 127.0.0.1 -p "$port" -U postgres -c "$1" -j "$jobs" -T "$seconds" -f "$work/feed.sql" cruddur 2>/dev/null \
    | awk '/^latency average/ {lat=$4} /^tps/ {tps=$3} END {printf "%.0f %.2f\n", tps, lat}'
}

home="http://127.0.0.1:$api_port/api/activities/home"
health="http://127.0.0.1:$api_port/api/health"
peak_rss_mb=0
# start_api on|off: the Release API alone, warmed up (JIT, pool, and for "on" the cache's listener).
start_api() {
  CRUDDUR_FEED_CACHE=$1 PORT=$api_port dotnet "$root/src/Cruddur.Api/bin/Release/net10.0/Cruddur.Api.dll" > "$work/api.log" 2>&1 &
  pids+=($!); wait_for "$health"
  if [ "$1" = on ]; then
    for _ in $(seq 1 100); do curl -s "$health" | grep -q '"state":"listening"' && break; sleep 0.1; done
  fi
  wrk -t2 -c"$connections" -d5s "$home" >/dev/null
}
# The API's peak RSS (VmHWM) over its life, kept as the run's maximum; then stop it.
stop_api() {
  local hwm; hwm=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/${pids[-1]}/status")
  [ "$hwm" -gt "$peak_rss_mb" ] && peak_rss_mb=$hwm
  stop_last
}
cache_counts() { curl -s "$health" | python3 -c 'import json,sys; c=json.load(sys.stdin)["feedCache"]; print(c["hits"], c["misses"])'; }

# Each contender runs alone: the others' pooled connections would count against max_connections (100).
stop_last() { kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'; }
: > "$work/chart.dat"
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"

echo "== seed rows: $(psql_ -tAc 'SELECT count(*) FROM activities') activities"
start_api off
read -r off_rps off_p50 off_p99 < <(measure "$home")
echo "api cache off ${off_rps} req/s  p50 ${off_p50} ms  p99 ${off_p99} ms"; record "API, cache off" "$off_rps" "$off_p50" "$off_p99"
stop_api
start_api on
read -r on_rps on_p50 on_p99 < <(measure "$home")
echo "api cache on  ${on_rps} req/s  p50 ${on_p50} ms  p99 ${on_p99} ms"; record "API, cache on" "$on_rps" "$on_p50" "$on_p99"
read -r hits0 misses0 < <(cache_counts)
read -r mix_rps mix_p50 mix_p99 < <(POST_EVERY=20 measure "$home" -s "$root/bench/stress.lua")
read -r hits1 misses1 < <(cache_counts)
hit_rate=$(python3 -c "h=$hits1-$hits0; m=$misses1-$misses0; print(f'{100*h/max(h+m,1):.1f}')")
echo "api cache on, 1 post per 20 reads  ${mix_rps} req/s  p50 ${mix_p50} ms  p99 ${mix_p99} ms  cache hit rate ${hit_rate}% of reads"
record "API, cache on, 1 post/20" "$mix_rps" "$mix_p50" "$mix_p99"
stop_api

(cd "$reference" && exec /usr/bin/gunicorn -w 2 -b "127.0.0.1:$flask_port" app:app > "$work/flask.log" 2>&1) &
pids+=($!); wait_for "http://127.0.0.1:$flask_port/api/activities/home"
read -r flask_rps flask_p50 flask_p99 < <(measure "http://127.0.0.1:$flask_port/api/activities/home")
echo "flask (ref)   ${flask_rps} req/s  p50 ${flask_p50} ms  p99 ${flask_p99} ms"; record "Flask reference" "$flask_rps" "$flask_p50" "$flask_p99"
stop_last

best_tps=0 best_clients=0 best_lat=0
for clients in 1 2 4 8 16 64; do
  read -r tps lat < <(pgbench_ "$clients")
  echo "pgbench -c ${clients}  ${tps} tps  latency avg ${lat} ms"
  if [ "$tps" -gt "$best_tps" ]; then best_tps=$tps best_clients=$clients best_lat=$lat; fi
done
record "pgbench (avg latency)" "$best_tps" "$best_lat" "$best_lat"

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
start_api off
read -r big_rps big_p50 big_p99 < <(measure "$home")
echo "api cache off ${big_rps} req/s  p50 ${big_p50} ms  p99 ${big_p99} ms  (1M activities)"; record "API off, 1M" "$big_rps" "$big_p50" "$big_p99"
# The seed feed is one activity and a full page is twenty: the same page size separates the table's
# size (what the index must make irrelevant) from the response's size.
read -r one_rps one_p50 one_p99 < <(measure "$home?limit=1")
echo "api cache off ${one_rps} req/s  p50 ${one_p50} ms  p99 ${one_p99} ms  (1M activities, limit=1 as on the seed)"
stop_api
start_api on
read -r bigon_rps bigon_p50 bigon_p99 < <(measure "$home")
echo "api cache on  ${bigon_rps} req/s  p50 ${bigon_p50} ms  p99 ${bigon_p99} ms  (1M activities)"; record "API on, 1M" "$bigon_rps" "$bigon_p50" "$bigon_p99"
stop_api
read -r big_tps big_lat < <(pgbench_ "$best_clients")
echo "pgbench -c ${best_clients}  ${big_tps} tps  latency avg ${big_lat} ms  (1M activities)"

echo "== results (wrk -c${connections}, ${seconds} s per run, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
echo "API peak RSS ${peak_rss_mb} MB (VmHWM of each API run, the largest)"
python3 - "$off_rps" "$on_rps" "$mix_rps" "$flask_rps" "$best_tps" "$best_clients" "$off_p99" "$one_p99" "$big_p99" "$peak_rss_mb" <<'PY'
import sys
off, on, mix, flask, tps, clients, p99, one_p99, big_p99, rss = map(float, sys.argv[1:])
def line(name, value, target, ok, unit="x"): print(f"{name:<48} {value:>8.2f}{unit}  target {target:<8} {'met' if ok else 'MISSED'}")
line("cache off: api / flask reference", off / flask, ">= 8x", off / flask >= 8)
line(f"cache off: api / pgbench best ({int(clients)} clients)", off / tps, ">= 0.5x", off / tps >= 0.5)
line("cache on: api / flask reference", on / flask, ">= 15x", on / flask >= 15)
line("cache on: api / pgbench best", on / tps, ">= 1.0x", on / tps >= 1.0)
line("cache on, 1 post per 20 reads: api / pgbench", mix / tps, ">= 0.6x", mix / tps >= 0.6)
line("p99 at 1M, page of 1 / p99 at seed (page of 1)", one_p99 / p99, "<= 1.5x", one_p99 / p99 <= 1.5)
line("  the same, page of 20 at 1M", big_p99 / p99, "<= 1.5x", big_p99 / p99 <= 1.5)
line("API peak RSS", rss, "<= 300", rss <= 300, " MB")
PY

gnuplot <<GP
set terminal pngcairo size 1100,520 font ",10"
set output "$root/bench/feed.png"
set title "GET /api/activities/home, wrk -c${connections}, ${seconds} s per run, $(nproc) cores ($(date -u +%F))"
set style data histograms; set style fill solid 0.8 border -1; set boxwidth 0.8
set xtics rotate by -25 scale 0; set ylabel "requests/s (tps for pgbench)"; set y2label "latency ms (log scale)"
set y2tics; set ytics nomirror; set key top right; set yrange [0:*]; set logscale y2; set y2range [0.1:*]
plot "$work/chart.dat" using 2:xtic(1) title "req/s" axes x1y1 lc rgb "#4477aa", \
     "" using 0:3 with points pt 7 ps 1.5 lc rgb "#228833" title "p50 ms" axes x1y2, \
     "" using 0:4 with points pt 9 ps 1.5 lc rgb "#ee6677" title "p99 ms" axes x1y2
GP
echo "Chart: bench/feed.png"
