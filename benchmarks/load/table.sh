#!/usr/bin/env bash
# Prints a compare.sh CSV as a Markdown table, with each row's requests/s over the no-authentication run of the
# same token set. usage: benchmarks/load/table.sh CSV
set -euo pipefail
[[ $# -eq 1 ]] || { sed -n '2,3p' "$0"; exit 2; }

awk -F, 'NR == 1 { next }
  { rows[NR] = $0; if ($1 == "none") base[$2] = $3 }
  END {
    print "| configuration | token set | requests/s | p50 ms | p99 ms | vs none | load avg |"
    print "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
    for (i = 2; i <= NR; i++) {
      split(rows[i], f, ",")
      set = f[2] == "one" ? "one token" : "1,000 tokens"
      if (f[8] != "ok") { printf "| %s | %s | %s | | | | %s |\n", f[1], set, f[8], f[9]; continue }
      printf "| %s | %s | %d | %.2f | %.2f | %.2f | %s |\n", f[1], set, f[3], f[4], f[5],
        (base[f[2]] > 0 ? f[3] / base[f[2]] : 0), f[9]
    }
  }' "$1"
