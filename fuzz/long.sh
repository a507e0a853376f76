#!/usr/bin/env bash
# The long run: every target in turn for $1 seconds each (1800: the issue's 30 minutes), in
# libFuzzer's fork mode so a crash, timeout or out-of-memory input is kept in
# .work/NAME/artifacts/ and the run carries on. Logs in .work/NAME/long.log.
set -uo pipefail
cd "$(dirname "$0")"
for target in ${FUZZ_TARGETS:-scenario roundtrip values csv release}; do
  mkdir -p ".work/$target"
  echo "== fuzz $target: ${1:-1800} s ($(date -u +%H:%M:%S))"
  FUZZ_FLAGS="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1" \
    nice -n 19 bash "./$target.sh" "${1:-1800}" >".work/$target/long.log" 2>&1
  grep -E "DONE|cov:" ".work/$target/long.log" | tail -1
  ls ".work/$target/artifacts/"
done
