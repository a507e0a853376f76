#!/usr/bin/env bash
# Times the official-data store (issue 12): importing both DfE SEN2 releases into a fresh store,
# `highneeds data show --authority Medway` as a whole process, and the size of the store.
# Not part of `swift test`; nothing here asserts a time: the targets are reported, not tested.
#
#   benchmarks/official-data.sh [--rounds N] [--show-reps N] [--no-build]
#
#   --rounds N     imports timed (each into a new store; default 5)
#   --show-reps N  `data show` processes timed, after 3 warm-ups (default 30)
#   --no-build     use benchmarks/.build/release/highneeds as it is
#   --static       also time `data show` with a build linked --static-swift-stdlib (into
#                  benchmarks/.build-static, as compare.sh --static-stdlib): start-up without
#                  loading the Swift and Foundation shared libraries
#
# Releases: ../shared/data/sen2/releases/ beside the repository, or $SEN2_RELEASES.
# HIGHNEEDS_BIN and HIGHNEEDS_STATIC_BIN time binaries built elsewhere (with --no-build), e.g. the
# README's `swift build -c release --static-swift-stdlib` in the repository's own .build.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
rounds=5
reps=30
build=1
static=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift ;;
    --show-reps) reps="$2"; shift ;;
    --no-build) build=0 ;;
    --static) static=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
  shift
done
releases="${SEN2_RELEASES:-$root/../shared/data/sen2/releases}"
zips=("$releases/education-health-and-care-plans_2022.zip" "$releases/education-health-and-care-plans_2025.zip")
for zip in "${zips[@]}"; do [ -r "$zip" ] || { echo "missing $zip" >&2; exit 66; }; done

if [ "$build" = 1 ]; then
  swift build -c release --package-path "$here" --product highneeds >&2
  if [ "$static" = 1 ]; then
    swift build -c release --package-path "$here" --product highneeds --static-swift-stdlib \
      --scratch-path "$here/.build-static" >&2
  fi
fi
bin="${HIGHNEEDS_BIN:-$here/.build/release/highneeds}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# Bash's own clock, read without starting a process or a subshell (a `date` call, or even
# `$(...)`, would add a fork of its own to each timing): microseconds.
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "machine: $(nproc) cores, $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg); commit $(git -C "$root" rev-parse --short HEAD)"
imports=()
for round in $(seq 1 "$rounds"); do
  store="$scratch/import-$round.sqlite"
  start=${EPOCHREALTIME/./}
  "$bin" data import "${zips[@]}" --store "$store" >/dev/null
  end=${EPOCHREALTIME/./}
  imports+=($(( (end - start) / 1000 )))
done
size=$(stat -c %s "$scratch/import-1.sqlite")
store="$scratch/import-1.sqlite"
for _ in 1 2 3; do "$bin" data show --authority Medway --store "$store" >/dev/null; done
shows=()
for _ in $(seq 1 "$reps"); do
  start=${EPOCHREALTIME/./}
  "$bin" data show --authority Medway --store "$store" >/dev/null
  end=${EPOCHREALTIME/./}
  shows+=($(( end - start )))
done
static_median=""
if [ "$static" = 1 ]; then
  sbin="${HIGHNEEDS_STATIC_BIN:-$here/.build-static/release/highneeds}"
  for _ in 1 2 3; do "$sbin" data show --authority Medway --store "$store" >/dev/null; done
  sshows=()
  for _ in $(seq 1 "$reps"); do
    start=${EPOCHREALTIME/./}
    "$sbin" data show --authority Medway --store "$store" >/dev/null
    end=${EPOCHREALTIME/./}
    sshows+=($(( end - start )))
  done
  static_median=$(printf '%s\n' "${sshows[@]}" | median)
fi
import_median=$(printf '%s\n' "${imports[@]}" | median)
show_median=$(printf '%s\n' "${shows[@]}" | median)
echo "import of both releases, whole process: median ${import_median} ms over $rounds (all: ${imports[*]}); target < 15000 ms"
echo "data show --authority Medway, whole process: median $(awk "BEGIN { printf \"%.1f\", $show_median / 1000 }") ms over $reps; target < 20 ms"
if [ -n "$static_median" ]; then
  echo "data show --authority Medway, static stdlib, whole process: median $(awk "BEGIN { printf \"%.1f\", $static_median / 1000 }") ms over $reps"
fi
echo "store size after both releases: $(awk "BEGIN { printf \"%.1f\", $size / 1048576 }") MiB ($size bytes); target < 50 MB"
if [ "$build" = 1 ]; then swift build -c release --package-path "$here" --product hn-store-bench >&2; fi
if [ -x "$here/.build/release/hn-store-bench" ]; then
  "$here/.build/release/hn-store-bench" "$store" Medway 50
else
  echo "in-process read: not measured (benchmarks/.build/release/hn-store-bench not built)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
