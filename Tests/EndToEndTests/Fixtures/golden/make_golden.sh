#!/usr/bin/env bash
# Writes the golden outputs of cases.txt with the given binary (default: the debug build).
# Run from the repository root:  Tests/EndToEndTests/Fixtures/golden/make_golden.sh [BINARY]
set -euo pipefail
bin=${1:-.build/debug/highneeds}
dir=Tests/EndToEndTests/Fixtures/golden
mkdir -p "$dir/out"
grep -v '^#' "$dir/cases.txt" | grep . | while IFS= read -r line; do
  name=${line%%:*}
  args=${line#*: }
  eval "set -- $args"
  "$bin" "$@" > "$dir/out/$name.txt" 2>/dev/null || echo "exit $? for $name" >&2
done
