#!/usr/bin/env bash
# Throughput of an API with Kiwi.Auth's verdict cache against the same API with no authentication, on one token
# and on 1,000 distinct tokens. Loopback only; every wrk run is bounded in time; every process this script starts
# is stopped by its PID when it ends, however it ends.
#
#   benchmarks/load/cache-throughput.sh            # defaults: 10 s per run, 2 wrk threads, 32 connections
#   DURATION=20s CONNECTIONS=64 ROUNDS=2 benchmarks/load/cache-throughput.sh
#
# The host (CacheLoadHost/) mirrors the minimal-API sample's GET /v1/profile with a small body, with Kiwi.Auth in
# remote mode against an in-process kiwi-user emulator ("on"), or with no authentication at all ("off").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-1}

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release -v q --nologo "$here/CacheLoadHost" >/dev/null
dll="$(find "$here/CacheLoadHost/bin/Release" -name CacheLoadHost.dll | head -1)"

# start_host on|off: starts the host, sets $url and $pid.
start_host() {
  rm -f "$work/ready" "$work/tokens"
  dotnet "$dll" --auth "$1" --tokens "$work/tokens" --ready "$work/ready" >"$work/host-$1.log" 2>&1 &
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

# run FILE SECONDS: one bounded wrk run; prints its RESULT line.
run() {
  TOKENS_FILE="$1" timeout 120 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout 5s \
    -s "$here/cache-throughput.lua" "$url" | grep '^RESULT'
}

rps() { sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$1"; }

declare -A total
for round in $(seq 1 "$ROUNDS"); do
  for auth in on off; do
    start_host "$auth"
    run "$work/tokens" "$WARMUP" >/dev/null            # every token verified once and cached
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
echo "| tokens | no authentication (req/s) | Kiwi.Auth, cache on (req/s) | ratio |"
echo "| --- | ---: | ---: | ---: |"
for set in one many; do
  label=$([[ $set == one ]] && echo "1" || echo "1,000")
  awk -v l="$label" -v off="${total[off-$set]}" -v on="${total[on-$set]}" -v n="$ROUNDS" \
    'BEGIN { printf "| %s | %.0f | %.0f | %.2f |\n", l, off / n, on / n, on / off }'
done
