#!/usr/bin/env bash
# The home feed with posts mixed in (bench/stress.lua: 90% GET /api/activities/home, 10% POST) on one
# throwaway cluster of a primary and 2 hot standbys, after generating 1,000 users and 1,000,000
# activities: the API on the primary alone, then on all three (feeds on the standbys, posts on the
# primary). Prints requests/s, p50 and p99 of both runs, where the API's sessions were, and the
# standbys' replay lag sampled every 0.2 s under the load. Usage: bench/replicas.sh [seconds, default 20] [connections, default 64]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-20}" connections="${2:-64}"
api_port=4583

fail() { printf 'Error: %s\n' "$*" >&2; exit 1; }
source "$root/bench/local-database.sh"
install_packages wrk
source "$root/bench/access-token.sh"
bench_home replicas
api_pid="" sampler_pid="" jwks_pid=""
cleanup() {
  for pid in $sampler_pid $api_pid $jwks_pid; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  destroy_local_database
}
trap cleanup EXIT

echo "== cluster: a primary and 2 hot standbys"
"$root/cruddur" local start --replicas 2 | grep Running
start_local_database
primary_url=$CONNECTION_URL
standbys=$(python3 -c 'import json,sys; print(",".join("127.0.0.1:%d" % s["Port"] for s in json.load(open(sys.argv[1]))["Replication"]["Standbys"]))' "$CRUDDUR_HOME/cluster.json")
all_url="postgresql://postgres:$PGPASSWORD@127.0.0.1:$port,$standbys/cruddur"
psql_() { psql -X -q -tA -h 127.0.0.1 -p "$port" -U postgres -d cruddur "$@"; }

echo "== data: 1,000 users and 1,000,000 activities, replayed by both standbys"
psql_ -f "$root/bench/generate.sql" >/dev/null
until [ "$(psql_ -c "SELECT count(*) FROM pg_stat_replication WHERE replay_lsn >= pg_current_wal_lsn()")" = 2 ]; do sleep 0.5; done

start_user_pool
# The feed cache would answer most first pages from memory, and fills itself from the primary; off,
# every feed read reaches a server, and where it goes is what the two runs compare.
export CRUDDUR_FEED_CACHE=off
echo "== build (Release)"
dotnet build "$root/src/Cruddur.Api" -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null

# One run: "<label> <requests/s> <p50> <p99> <2xx> <5xx> | lag bytes p50/max | lag ms p50/max | sessions per server"
run() {
  local label=$1 url=$2
  CONNECTION_URL=$url PORT=$api_port dotnet "$root/src/Cruddur.Api/bin/Release/net10.0/Cruddur.Api.dll" > "$work/api-$label.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$api_port/api/health" && break; sleep 0.2; done
  wrk -t2 -c"$connections" -d5s -s "$root/bench/stress.lua" "http://127.0.0.1:$api_port" >/dev/null   # JIT and pool warm-up
  (
    while true; do
      psql_ -c "SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), 0), coalesce(max(extract(epoch FROM replay_lag) * 1000), 0) FROM pg_stat_replication" 2>/dev/null | tr '|' ' '
      sleep 0.2
    done
  ) > "$work/lag-$label.txt" &
  sampler_pid=$!
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$root/bench/stress.lua" "http://127.0.0.1:$api_port" > "$work/wrk-$label.txt"
  kill "$sampler_pid"; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""
  local sessions=""
  for server in "127.0.0.1:$port" ${standbys//,/ }; do
    sessions+=" $(psql -X -tA -h "${server%:*}" -p "${server#*:}" -U postgres -d cruddur -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'cruddur-api'")"
  done
  kill "$api_pid"; wait "$api_pid" 2>/dev/null || true; api_pid=""
  python3 - "$label" "$work/wrk-$label.txt" "$work/lag-$label.txt" "$sessions" <<'PY'
import re, statistics, sys
label, wrk, lag, sessions = sys.argv[1], open(sys.argv[2]).read(), sys.argv[3], sys.argv[4].split()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s|m)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
answers = dict((k, int(v)) for k, v in re.findall(r"(\w+)=(\d+)", re.search(r"ANSWERS (.*)", wrk).group(1)))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1))
p50, p99 = (ms(re.search(rf"^\s*{p}%\s+(\S+)", wrk, re.M).group(1)) for p in (50, 99))
samples = [tuple(map(float, line.split())) for line in open(lag) if len(line.split()) == 2]
bytes_, millis = [s[0] for s in samples], [s[1] for s in samples]
print(f"{label:<26} {rps:>8.0f} {p50:>8.2f} {p99:>8.2f}   {answers['ok']:>7} {answers['created']:>6} {answers['client_error'] + answers['server_error']:>5}"
      f"   {statistics.median(bytes_):>8.0f} {max(bytes_):>9.0f}   {statistics.median(millis):>6.1f} {max(millis):>7.1f}   {'/'.join(sessions)}")
PY
}

echo "== wrk -t2 -c$connections -d${seconds}s per run, 90% GET /api/activities/home, 10% POST ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
echo "run                         req/s   p50 ms   p99 ms       200    201  errs   lag B p50   lag B max   ms p50  ms max   API sessions primary/standby1/standby2"
run "primary alone" "$primary_url"
run "primary + 2 standbys" "$all_url"
