#!/usr/bin/env bash
# Times `highneeds data import` of every DfE file under ../shared/data (both SEN2 release ZIPs and
# every finance file, ODS and XLSX) into a new store, whole process, release build (issue 18).
#
#   benchmarks/finance-import.sh [--rounds N] [--no-build]
#
# Prints each round, the median, and the load average before and after (the machine is shared).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
rounds=5
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift ;;
    --no-build) build=0 ;;
    *) echo "usage: $0 [--rounds N] [--no-build]" >&2; exit 64 ;;
  esac
  shift
done
data="$root/../shared/data"
files=("$data"/sen2/releases/education-health-and-care-plans_2022.zip "$data"/sen2/releases/education-health-and-care-plans_2025.zip "$data"/finance/*.ods "$data"/finance/*.xlsx)
if [ "$build" = 1 ]; then swift build -c release --package-path "$root" --product highneeds >&2; fi
bin="$root/.build/release/highneeds"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
times=()
for round in $(seq 1 "$rounds"); do
  store="$scratch/store-$round.sqlite"
  start=$EPOCHREALTIME
  "$bin" data import --store "$store" "${files[@]}" > /dev/null
  end=$EPOCHREALTIME
  ms=$(awk "BEGIN { printf \"%d\", ($end - $start) * 1000 }")
  times+=("$ms")
  echo "round $round: $ms ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }')
echo "import of ${#files[@]} files (2 SEN2 ZIPs, $(( ${#files[@]} - 2 )) finance files): median $median ms over $rounds (all: ${times[*]})"
echo "store size: $(stat -c %s "$scratch/store-1.sqlite") bytes"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
