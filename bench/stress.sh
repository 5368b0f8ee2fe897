#!/usr/bin/env bash
# The API under 256 concurrent connections for 60 s of mixed reads and posts (bench/stress.lua), on a
# throwaway local cluster: zero 5xx, zero socket errors, server connections never above the pool's
# maximum (sampled every second), RSS flat after warm-up (sampled every 5 s), every 201 stored.
# Usage: bench/stress.sh [seconds, default 60] [connections, default 256]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}" connections="${2:-256}"
api_port=4581 pool_max=64

fail() { printf 'Error: %s\n' "$*" >&2; exit 1; }
source "$root/bench/local-database.sh"
install_packages wrk
source "$root/bench/access-token.sh"
bench_home stress
api_pid="" sampler_pid="" jwks_pid=""
cleanup() {
  for pid in $sampler_pid $api_pid $jwks_pid; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  destroy_local_database
}
trap cleanup EXIT

start_local_database
psql_() { psql -X -q -tA -h 127.0.0.1 -p "$port" -U postgres -d cruddur "$@"; }

start_user_pool
echo "== build (Release) and start the API (posts as bayko with an access token)"
dotnet build "$root/src/Cruddur.Api" -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null
PORT=$api_port dotnet "$root/src/Cruddur.Api/bin/Release/net10.0/Cruddur.Api.dll" > "$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$api_port/api/health" && break; sleep 0.2; done
curl -sf -o /dev/null "http://127.0.0.1:$api_port/api/health" || fail "the API did not answer"
url="http://127.0.0.1:$api_port"
wrk -t2 -c64 -d10s -s "$root/bench/stress.lua" "$url" >/dev/null   # JIT and pool warm-up
before=$(psql_ -c "SELECT count(*) FROM activities WHERE message LIKE 'stress %'")

# Samples: "<unix second> <API server connections> <API RSS in kB>" every second while wrk runs.
(
  for _ in $(seq 1 $((seconds + 30))); do
    conns=$(psql_ -c "SELECT count(*) FROM pg_stat_activity WHERE datname = 'cruddur' AND application_name = 'cruddur-api'" 2>/dev/null || echo -1)
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$api_pid/status" 2>/dev/null || echo 0)
    echo "$(date +%s) $conns $rss"
    sleep 1
  done
) > "$work/samples.txt" &
sampler_pid=$!

echo "== wrk -t2 -c$connections -d${seconds}s, 90% GET /api/activities/home, 10% POST /api/activities"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$root/bench/stress.lua" "$url" | tee "$work/wrk.txt"
kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""
stored=$(( $(psql_ -c "SELECT count(*) FROM activities WHERE message LIKE 'stress %'") - before ))

echo "== results ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
python3 - "$work/wrk.txt" "$work/samples.txt" "$stored" "$pool_max" <<'PY'
import re, sys
wrk, samples_file, stored, pool_max = open(sys.argv[1]).read(), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
answers = dict((k, int(v)) for k, v in re.findall(r"(\w+)=(\d+)", re.search(r"ANSWERS (.*)", wrk).group(1)))
socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", wrk)
socket_errors = sum(map(int, socket.groups())) if socket else 0
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1))
p99 = re.search(rf"^\s*99%\s+(\S+)", wrk, re.M).group(1)
samples = [tuple(map(int, line.split())) for line in open(samples_file) if line.strip()]
conns = [c for _, c, _ in samples if c >= 0]
# Memory: the first sample once the run is 10 s in (warm-up) against the last, in MB; a short run uses all.
rss = [r for _, _, r in samples if r > 0]
rss = [r for t, _, r in samples if r > 0 and t - samples[0][0] >= 10] or rss
first, last, peak = rss[0] / 1024, rss[-1] / 1024, max(rss) / 1024
checks = [
    ("5xx answers", answers["server_error"], answers["server_error"] == 0),
    ("4xx answers (a refused token would show here)", answers["client_error"], answers["client_error"] == 0),
    ("socket errors" + (f" (connect/read/write/timeout {'/'.join(socket.groups())})" if socket else ""), socket_errors, socket_errors == 0),
    (f"max API server connections (pool max {pool_max}, {len(conns)} samples)", max(conns), max(conns) <= pool_max),
    # wrk stops counting at the deadline, so posts still in flight then are stored but not counted.
    ("201s acknowledged / new rows stored", f"{answers['created']} / {stored}", stored >= answers["created"]),
    ("RSS MB 10 s in / last / peak", f"{first:.0f} / {last:.0f} / {peak:.0f}", last <= first * 1.25),
]
print(f"requests/s {rps:.0f}, p99 {p99}; answers: {answers['ok']} 200, {answers['created']} 201, "
      f"{answers['client_error']} 4xx, {answers['server_error']} 5xx")
print("RSS MB every ~5 s after warm-up: " + " ".join(f"{r / 1024:.0f}" for r in rss[::5]))
for name, value, ok in checks: print(f"{name:<62} {value!s:>16}  {'ok' if ok else 'FAILED'}")
sys.exit(0 if all(ok for *_, ok in checks) else 1)
PY
