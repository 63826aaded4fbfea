#!/usr/bin/env bash
# Whole-server load comparison: GET /v1/profile with no authentication, Kiwi.Auth (remote with cache, local with
# cache, local without cache) and JwtBearer, each on the same two token sets (one token; 1,000 distinct tokens),
# all on 127.0.0.1. Prints requests/s, p50/p99 and each one's ratio to the no-authentication run, and writes a CSV.
# Tokens are minted by the kiwi-user emulator with the fixture key (tests/fixtures); remote mode asks an emulator
# started inside the host process, which only cache misses reach.
#
# Warm-up: 30 s under full load per mode and token set by default. The runtime compiles the code of Kiwi.Auth and
# of IdentityModel (neither precompiled, unlike ASP.NET Core) to optimized code only after it has run for a while;
# on a saturated core that took about 25 s here, so a short warm-up measures half-compiled code.
# Pinning: with -p 1 (the default when taskset is there and the machine has 2 or more cores) the server runs on
# CPU 0 and wrk on CPU 1, so that the two do not trade cores from run to run; the ratios are then the server's CPU
# per request. -p 0 lets them share both cores.
#
# Needs: the .NET 10 SDK and wrk (apt-get install wrk). Everything it starts it stops, by PID, on exit.
#
# usage: benchmarks/load/compare.sh [-d SECONDS] [-w WARMUP_SECONDS] [-t THREADS] [-c CONNECTIONS]
#                                   [-m "MODE ..."] [-o CSV_FILE] [-p 0|1]
set -euo pipefail

duration=10
warmup=30
threads=""
connections=64
pin=0
command -v taskset >/dev/null && [[ "$(nproc)" -ge 2 ]] && pin=1
modes="none kiwi-remote kiwi-local kiwi-local-nocache jwtbearer"
root=$(cd "$(dirname "$0")/../.." && pwd)
csv="$root/benchmarks/load/results/$(date -u +%Y%m%dT%H%M%SZ).csv"

while getopts "d:w:t:c:m:o:p:" option; do
  case "$option" in
    d) duration=$OPTARG ;;
    w) warmup=$OPTARG ;;
    t) threads=$OPTARG ;;
    c) connections=$OPTARG ;;
    m) modes=$OPTARG ;;
    o) csv=$OPTARG ;;
    p) pin=$OPTARG ;;
    *) sed -n '2,18p' "$0"; exit 2 ;;
  esac
done

# One wrk thread for the one core it has when pinned, two otherwise.
threads=${threads:-$([[ $pin == 1 ]] && echo 1 || echo 2)}
server_cpu=(); wrk_cpu=()
[[ $pin == 1 ]] && { server_cpu=(taskset -c 0); wrk_cpu=(taskset -c 1); }

for tool in dotnet wrk; do
  command -v "$tool" >/dev/null || { echo "compare.sh needs $tool (wrk: apt-get install wrk)" >&2; exit 1; }
done

work=$(mktemp -d)
host_pid=""

stop_host() {
  if [[ -n "$host_pid" ]]; then
    kill "$host_pid" 2>/dev/null || true
    wait "$host_pid" 2>/dev/null || true
    host_pid=""
  fi
}

cleanup() {
  stop_host
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Build once, then run the built host directly so that its PID is the server's own.
echo "Building benchmarks/Kiwi.Auth.LoadHost (Release)..."
dotnet build -c Release -nologo -v quiet "$root/benchmarks/Kiwi.Auth.LoadHost" >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }
host="$root/benchmarks/Kiwi.Auth.LoadHost/bin/Release/net10.0/Kiwi.Auth.LoadHost.dll"
private_key="$root/tests/fixtures/kiwi-fixture-private.pem"
public_key="$root/tests/fixtures/kiwi-fixture-public.pem"

# The same tokens for every mode, signed with the fixture key that the emulator signs with too.
dotnet "$host" mint --private-key "$private_key" --count 1 --out "$work/one.txt" >/dev/null
dotnet "$host" mint --private-key "$private_key" --count 1000 --out "$work/many.txt" >/dev/null

# start_host MODE: starts the host on a free loopback port; sets host_pid and url, or returns 1.
start_host() {
  rm -f "$work/ready"
  "${server_cpu[@]}" dotnet "$host" serve --mode "$1" --url http://127.0.0.1:0 --ready-file "$work/ready" \
    --public-key "$public_key" --private-key "$private_key" >"$work/host-$1.log" 2>&1 &
  host_pid=$!
  for _ in $(seq 1 300); do
    [[ -s "$work/ready" ]] && { url=$(cat "$work/ready"); return 0; }
    kill -0 "$host_pid" 2>/dev/null || break
    sleep 0.2
  done
  return 1
}

# run_wrk SECONDS THREADS CONNECTIONS TOKEN_FILE: prints wrk's KIWI_RESULT line.
run_wrk() {
  timeout $(($1 + 60)) "${wrk_cpu[@]}" wrk -t"$2" -c"$3" -d"$1s" --latency -s "$root/benchmarks/load/tokens.lua" "$url/v1/profile" -- "$4" \
    | grep '^KIWI_RESULT' || true
}

field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$2"; }

load=$(cut -d' ' -f1 /proc/loadavg)
echo "Load average before the run: $load (nproc $(nproc)); ${duration}s per run, ${warmup}s warm-up," \
  "$threads threads, $connections connections, pinned: $pin"
mkdir -p "$(dirname "$csv")"
echo "mode,tokens,requests_per_s,p50_ms,p99_ms,non2xx,socket_errors,status,load_avg_1m" >"$csv"

for mode in $modes; do
  if ! start_host "$mode"; then
    echo "$mode: skipped (the host did not start; log follows)"; tail -n 5 "$work/host-$mode.log"
    for set in one many; do echo "$mode,$set,,,,,,skipped,$load" >>"$csv"; done
    stop_host; continue
  fi

  for set in one many; do
    probe=$(run_wrk 1 1 1 "$work/$set.txt")
    if [[ -z "$probe" || $(field non2xx "$probe") != 0 || $(field requests "$probe") == 0 ]]; then
      echo "$mode/$set: skipped (valid tokens do not get 200; see the host log)"; tail -n 3 "$work/host-$mode.log"
      echo "$mode,$set,,,,,,skipped,$(cut -d' ' -f1 /proc/loadavg)" >>"$csv"; continue
    fi

    run_wrk "$warmup" "$threads" "$connections" "$work/$set.txt" >/dev/null
    now_load=$(cut -d' ' -f1 /proc/loadavg)
    result=$(run_wrk "$duration" "$threads" "$connections" "$work/$set.txt")
    awk -v m="$mode" -v s="$set" -v l="$now_load" \
      -v r="$(field requests "$result")" -v d="$(field duration_us "$result")" \
      -v p50="$(field p50_us "$result")" -v p99="$(field p99_us "$result")" \
      -v n="$(field non2xx "$result")" -v e="$(field socket_errors "$result")" \
      'BEGIN { printf "%s,%s,%.0f,%.3f,%.3f,%d,%d,%s,%s\n", m, s, r / (d / 1e6), p50 / 1e3, p99 / 1e3, n, e,
               (n + e == 0 ? "ok" : "errors"), l }' >>"$csv"
    echo "$mode/$set done (load $now_load)"
  done

  stop_host
done

echo
echo "Results (ratio = requests/s over the no-authentication run with the same token set), CSV: $csv"
awk -F, 'NR == 1 { next }
  { rows[NR] = $0; if ($1 == "none") base[$2] = $3 }
  END {
    printf "%-20s %-5s %12s %9s %9s %7s %s\n", "mode", "set", "requests/s", "p50 ms", "p99 ms", "ratio", "status"
    for (i = 2; i <= NR; i++) {
      split(rows[i], f, ",")
      ratio = (f[3] != "" && base[f[2]] > 0) ? sprintf("%.2f", f[3] / base[f[2]]) : "-"
      printf "%-20s %-5s %12s %9s %9s %7s %s\n", f[1], f[2], f[3], f[4], f[5], ratio, f[8]
    }
  }' "$csv"
