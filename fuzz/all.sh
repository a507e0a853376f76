#!/usr/bin/env bash
# Every target in turn for $1 seconds each (60): the CI smoke run. Fails on the first crash.
set -euo pipefail
cd "$(dirname "$0")"
for target in scenario values csv roundtrip release; do
  echo "== fuzz $target: ${1:-60} s"
  bash "./$target.sh" "${1:-60}"
done
