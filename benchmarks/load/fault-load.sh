#!/usr/bin/env bash
# Bounded load against the minimal-API sample while the kiwi-user emulator injects faults.
# Loopback only; every process it starts is stopped by PID when it ends; wrk stops after DURATION seconds.
#
#   bash benchmarks/load/fault-load.sh            # defaults below; prints the figures docs/reliability.md quotes
#   DURATION=20 CONNECTIONS=64 bash benchmarks/load/fault-load.sh
#
# The mix: valid tokens of alice, and expired, forged (bad signature), tampered (payload swapped) and garbage
# tokens that all name bob. A 200 without alice's id is a false accept. CACHE=0 (default) turns the verdict cache
# off so that every request goes through the resilience pipeline: the worst case.
set -euo pipefail
cd "$(dirname "$0")/../.."

API_PORT=${API_PORT:-58080}
EMU_PORT=${EMU_PORT:-58081}
DURATION=${DURATION:-40}
CONNECTIONS=${CONNECTIONS:-128}
THREADS=${THREADS:-2}
CACHE=${CACHE:-0}
API="http://127.0.0.1:${API_PORT}"
EMU="http://127.0.0.1:${EMU_PORT}"
WORK=$(mktemp -d)
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${KEEP_LOGS:-0}" = 1 ]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

wait_for() {
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.2
  done
  echo "no answer from $1" >&2
  exit 1
}

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }

fault() {
  curl -s -o /dev/null -X POST "$EMU/_emulator/faults" -H 'Content-Type: application/json' -d "$1"
}

echo "building (Release)..."
dotnet build -c Release src/Kiwi.User.Emulator -v q -nologo >/dev/null
dotnet build -c Release samples/Kiwi.Auth.Samples.MinimalApi -v q -nologo >/dev/null

dotnet src/Kiwi.User.Emulator/bin/Release/net10.0/Kiwi.User.Emulator.dll --urls "$EMU" >"$WORK/emulator.log" 2>&1 &
PIDS+=($!)
wait_for "$EMU/ping"

cache_duration=$([ "$CACHE" = 1 ] && echo "00:01:00" || echo "00:00:00")
(cd samples/Kiwi.Auth.Samples.MinimalApi/bin/Release/net10.0 && exec dotnet Kiwi.Auth.Samples.MinimalApi.dll \
  --urls "$API" --environment Production --KiwiAuth:BaseUrl "$EMU/" \
  --KiwiAuth:CacheDuration "$cache_duration" --KiwiAuth:NegativeCacheDuration "$cache_duration" \
  --Logging:LogLevel:Default Warning --Logging:LogLevel:Kiwi.Auth Information) >"$WORK/api.log" 2>&1 &
API_PID=$!
PIDS+=($API_PID)
wait_for "$API/v1/public/health"

login() {
  curl -s -X POST "$EMU/v1/login/password" -H 'Content-Type: application/json' \
    -d "{\"application_name\":\"kiwi-demo\",\"name\":\"$1\",\"password\":\"$1-password\",
         \"device\":{\"device_type\":\"web\",\"device_id\":\"load-$2\"}}"
}
field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\\1/"; }

alice_login=$(login alice 0)
alice_id=$(echo "$alice_login" | field user_id)
alice=$(echo "$alice_login" | field access_token)
bob_login=$(login bob 0)
bob_id=$(echo "$bob_login" | field user_id)
bob=$(echo "$bob_login" | field access_token)
expired=$(curl -s -X POST "$EMU/_emulator/tokens" -H 'Content-Type: application/json' \
  -d "{\"user_id\":\"$bob_id\",\"lifetime_seconds\":-120}" | field access_token)

IFS=. read -r alice_header _ alice_signature <<<"$alice"
IFS=. read -r bob_header bob_payload bob_signature <<<"$bob"
tokens="$WORK/tokens.txt"
: >"$tokens"
for i in $(seq 1 8); do echo "valid $(login alice "$i" | field access_token)" >>"$tokens"; done
for _ in 1 2; do
  echo "expired $expired" >>"$tokens"
  echo "forged $bob_header.$bob_payload.$(echo "$bob_signature" | rev)" >>"$tokens"
  echo "tampered $alice_header.$bob_payload.$alice_signature" >>"$tokens"
done
echo "garbage garbage" >>"$tokens"
echo "garbage a.b.c" >>"$tokens"
echo "garbage eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ.e30.c2ln" >>"$tokens"
echo "garbage $(head -c 9000 /dev/zero | tr '\0' 'a')" >>"$tokens"

# Warm up, then measure the API's memory before the load.
for _ in $(seq 1 50); do curl -s -o /dev/null -H "Authorization: Bearer $alice" "$API/v1/profile"; done
rss_before=$(rss_kb "$API_PID")

# The fault schedule, relative to the start of the load: healthy, then each fault in turn, then healthy again.
step=$((DURATION / 8))
(
  sleep "$step"; fault "{\"path\":\"/v1/token/verify\",\"kind\":\"status\",\"status_code\":500,\"duration_ms\":$((step * 1000))}"
  sleep "$step"; fault "{\"path\":\"/v1/token/verify\",\"kind\":\"latency\",\"latency_ms\":3000,\"duration_ms\":$((step * 1000))}"
  sleep "$step"; fault "{\"path\":\"/v1/token/verify\",\"kind\":\"html\",\"status_code\":502,\"duration_ms\":$((step * 1000))}"
  sleep "$step"; fault "{\"path\":\"/v1/token/verify\",\"kind\":\"dropconnection\",\"duration_ms\":$((step * 1000))}"
  sleep "$step"; fault "{\"path\":\"/v1/token/verify\",\"kind\":\"truncatedbody\",\"duration_ms\":$((step * 1000))}"
) &
PIDS+=($!)

echo "load: ${DURATION}s, ${CONNECTIONS} connections, ${THREADS} threads, verdict cache $([ "$CACHE" = 1 ] && echo on || echo off)"
echo "tokens: $(grep -c '^valid' "$tokens") valid, $(grep -vc '^valid' "$tokens") bad (expired, forged, tampered, garbage)"
echo "faults: 500s, 3 s latency, HTML 502, dropped connections, truncated bodies (${step}s each)"
wrk -t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --timeout 15s -s benchmarks/load/fault-load.lua "$API" \
  -- "$tokens" "$alice_id" | sed -n '/^requests/,$p'

rss_after=$(rss_kb "$API_PID")
echo "verify calls     $(curl -s "$EMU/_emulator/counters" | sed -E 's/.*"\/v1\/token\/verify":([0-9]+).*/\1/')"
echo "breaker opened   $(grep -c 'KiwiUserCircuitOpened\|Calls to kiwi-user stopped' "$WORK/api.log" || true)"
echo "breaker closed   $(grep -c 'kiwi-user answers again' "$WORK/api.log" || true)"
echo "errors logged    $(grep -c '^fail:' "$WORK/api.log" || true)"
echo "warnings logged  $(grep -c '^warn:' "$WORK/api.log" || true)"
echo "api memory (RSS) before $((rss_before / 1024)) MB, after $((rss_after / 1024)) MB"
