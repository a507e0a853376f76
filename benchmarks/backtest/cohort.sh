#!/usr/bin/env bash
# The cohort model's rolling-origin backtest (issue 13) against the trend models and R's ets and
# auto.arima: every current local authority of the store with a complete 2010-2025 series,
# origins 2019-2024, horizons 1-3 (cut at 2025).
#
#   benchmarks/backtest/cohort.sh [--no-build] [--no-r] [--settings TEXT]
#
# Needs a store with both SEN2 releases imported ($HIGHNEEDS_STORE or the default path):
#   highneeds data import ../shared/data/sen2/releases/*.zip
# Writes results/cohort_highneeds.md (the summaries and tables), results/cohort_rows.csv (every
# held-out forecast), results/cohort_r_peers.csv and results/cohort_r_peers.txt (R's peers on the
# same triples, and the table of every model on the triples all of them forecast). Timings are
# printed, not asserted.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$(dirname "$here")")"
build=1
peers=1
settings=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --no-r) peers=0 ;;
    --settings) settings="$2"; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
  shift
done
if [ "$build" = 1 ]; then swift build -c release --package-path "$root" --product highneeds >&2; fi
hn="$root/.build/release/highneeds"
results="$here/results"
mkdir -p "$results"
extra=()
if [ -n "$settings" ]; then extra=(--cohort-settings "$settings"); fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
start=$(date +%s.%N)
"$hn" backtest --all-authorities --models auto,auto-alone,cohort --train-until 2019,2020,2021,2022,2023,2024 \
  --horizon 3 "${extra[@]}" --format markdown -o "$results/cohort_highneeds.md" --rows "$results/cohort_rows.csv"
end=$(date +%s.%N)
echo "highneeds backtest: $(echo "$end - $start" | bc) s wall (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
if [ "$peers" = 1 ]; then
  start=$(date +%s.%N)
  Rscript "$here/cohort_peers.R" "$results/cohort_rows.csv" "$root/../shared/data/sen2/ehcp_caseload_2010_2025.csv" \
    --out "$results/cohort_r_peers.csv" > "$results/cohort_r_peers.txt"
  end=$(date +%s.%N)
  echo "R peers: $(echo "$end - $start" | bc) s wall" >&2
  cat "$results/cohort_r_peers.txt"
fi
