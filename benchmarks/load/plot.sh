#!/usr/bin/env bash
# Turns compare.sh CSVs into a PNG of requests/s by configuration, one bar per token set: the mean of the runs
# given, with their lowest and highest as error bars. Skipped configurations are left out.
#
# Needs gnuplot with the pngcairo terminal (Debian/Ubuntu: apt-get install gnuplot-nox).
#
# usage: benchmarks/load/plot.sh [-o PNG] CSV...      (default PNG: docs/benchmark-throughput.png)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
png="$root/docs/benchmark-throughput.png"
while getopts "o:" option; do
  case "$option" in
    o) png=$OPTARG ;;
    *) sed -n '2,8p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -gt 0 ]] || { sed -n '2,8p' "$0"; exit 2; }
command -v gnuplot >/dev/null || { echo "plot.sh needs gnuplot: apt-get install gnuplot-nox" >&2; exit 1; }

data=$(mktemp)
trap 'rm -f "$data"' EXIT

# One line per configuration, in the order first seen: mode, then mean/min/max for "one" and for "many".
awk -F, -v runs=$# '
  FNR == 1 || $8 != "ok" { next }
  {
    if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 }
    k = $1 SUBSEP $2; sum[k] += $3; count[k]++
    if (!(k in low) || $3 < low[k]) low[k] = $3
    if (!(k in high) || $3 > high[k]) high[k] = $3
  }
  END {
    for (i = 1; i <= n; i++) {
      m = order[i]; line = m
      split("one many", sets, " ")
      for (j = 1; j <= 2; j++) {
        k = m SUBSEP sets[j]
        line = line (count[k] ? sprintf(" %.0f %.0f %.0f", sum[k] / count[k], low[k], high[k]) : " 0 0 0")
      }
      print line
    }
  }' "$@" >"$data"

gnuplot <<GNUPLOT
set terminal pngcairo size 900,480 font "Sans,10"
set output "$png"
set title "GET /v1/profile on 127.0.0.1: requests/s by configuration (mean of $# run(s), bars span lowest to highest)"
set style data histogram
set style histogram errorbars gap 2 lw 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set ylabel "requests/s"
set yrange [0:*]
set grid ytics
set key top right
set xtics nomirror
plot "$data" using 2:3:4:xtic(1) title "one token", "" using 5:6:7 title "1,000 distinct tokens"
GNUPLOT
echo "Wrote $png"
