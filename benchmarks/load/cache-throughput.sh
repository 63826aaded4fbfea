#!/usr/bin/env bash
# Throughput of an API with Kiwi.Auth's verdict cache against the same API with no authentication, on one token
# and on 1,000 distinct tokens, with the framework's own floor beside them. Loopback only; every wrk run is bounded
# in time; every process this script starts is stopped by its PID when it ends, however it ends.
#
#   benchmarks/load/cache-throughput.sh            # defaults: 30 s warm-up, 10 s per run, 1 wrk thread, 32 conns
#   PIN=0 THREADS=2 benchmarks/load/cache-throughput.sh   # host and wrk share both cores instead
#   DURATION=20s ROUNDS=2 benchmarks/load/cache-throughput.sh
#
# The host (CacheLoadHost/) mirrors the minimal-API sample's GET /v1/profile with a small body in three settings:
#   off    no authentication at all (the ceiling)
#   floor  UseAuthentication + UseAuthorization + RequireAuthorization with a scheme that hands out a fixed user
#          and checks nothing: what ASP.NET Core's middleware costs by itself, whatever the scheme
#   on     Kiwi.Auth in remote mode, cache on (defaults), RequireUser, against an in-process kiwi-user emulator
#
# Warm-up: every token is verified and cached, and the host runs under full load for WARMUP before measuring.
# The runtime compiles Kiwi.Auth's methods (not precompiled, unlike the framework) to optimized code only after
# they have run for a while; on a saturated core that took about 25 s here, so a 3 s warm-up measures half-
# compiled code. PIN=1 (the default when taskset is there and the machine has 2 or more cores) pins the host to
# CPU 0 and wrk to CPU 1, so that the two do not trade cores from run to run: the ratio is then the host's CPU
# per request, which is what authentication adds to.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-1}
if [[ -z "${PIN:-}" ]]; then
  PIN=0
  command -v taskset >/dev/null && [[ "$(nproc)" -ge 2 ]] && PIN=1
fi
THREADS=${THREADS:-$([[ $PIN == 1 ]] && echo 1 || echo 2)}
host_cpu=(); wrk_cpu=()
[[ $PIN == 1 ]] && { host_cpu=(taskset -c 0); wrk_cpu=(taskset -c 1); }

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    [[ -n "$pid" ]] || continue
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release -v q --nologo "$here/CacheLoadHost" >"$work/build.log" 2>&1 \
  || { echo "the host did not build:" >&2; grep -E "error" "$work/build.log" >&2; exit 1; }
dll="$(find "$here/CacheLoadHost/bin/Release" -name CacheLoadHost.dll | head -1)"

# start_host on|floor|off: starts the host, sets $url and $pid.
start_host() {
  rm -f "$work/ready" "$work/tokens"
  "${host_cpu[@]}" dotnet "$dll" --auth "$1" --tokens "$work/tokens" --ready "$work/ready" >"$work/host-$1.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 1 600); do [[ -s "$work/ready" ]] && break; sleep 0.1; done
  [[ -s "$work/ready" ]] || { echo "the host did not start:" >&2; cat "$work/host-$1.log" >&2; exit 1; }
  url="$(cat "$work/ready")"
  case "$url" in http://127.0.0.1:*) ;; *) echo "not a loopback URL: $url" >&2; exit 1 ;; esac
  head -1 "$work/tokens" >"$work/one-token"
}

stop_host() {
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pids=("${pids[@]/$pid}")
}

# run FILE DURATION: one bounded wrk run; prints its RESULT line.
run() {
  TOKENS_FILE="$1" timeout 300 "${wrk_cpu[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout 5s \
    -s "$here/cache-throughput.lua" "$url" | grep '^RESULT'
}

rps() { sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$1"; }

echo "pinned: $PIN, wrk threads: $THREADS, connections: $CONNECTIONS, warm-up: $WARMUP, runs: $DURATION"
declare -A total
for round in $(seq 1 "$ROUNDS"); do
  for auth in on floor off; do
    start_host "$auth"
    run "$work/tokens" "$WARMUP" >/dev/null            # every token verified once and cached; code optimized
    one="$(run "$work/one-token" "$DURATION")"
    many="$(run "$work/tokens" "$DURATION")"
    verifies=""
    [[ "$auth" == on ]] && verifies="$(curl -s "$url/_load/verify-count")"
    echo "round $round auth=$auth one-token:   $one"
    echo "round $round auth=$auth 1000-tokens: $many${verifies:+ (kiwi-user verify calls in all: $verifies)}"
    total[$auth-one]=$(awk -v a="${total[$auth-one]:-0}" -v b="$(rps "$one")" 'BEGIN { print a + b }')
    total[$auth-many]=$(awk -v a="${total[$auth-many]:-0}" -v b="$(rps "$many")" 'BEGIN { print a + b }')
    stop_host
  done
done

echo
echo "| tokens | no authentication (req/s) | floor (req/s) | Kiwi.Auth, cache on (req/s) | floor / none |" \
  "Kiwi.Auth / none | Kiwi.Auth / floor |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for set in one many; do
  label=$([[ $set == one ]] && echo "1" || echo "1,000")
  awk -v l="$label" -v off="${total[off-$set]}" -v floor="${total[floor-$set]}" -v on="${total[on-$set]}" \
    -v n="$ROUNDS" 'BEGIN { printf "| %s | %.0f | %.0f | %.0f | %.2f | %.2f | %.2f |\n", l, off / n, floor / n,
      on / n, floor / off, on / off, on / floor }'
done
