#!/usr/bin/env bash
# The long run: every target in turn for $1 seconds each (1800: the issue's 30 minutes), in
# libFuzzer's fork mode so a crash, timeout or out-of-memory input is kept in
# .work/NAME/artifacts/ and the run carries on. Logs in .work/NAME/long.log.
set -uo pipefail
cd "$(dirname "$0")"
for target in ${FUZZ_TARGETS:-scenario roundtrip values csv release}; do
  mkdir -p ".work/$target"
  echo "== fuzz $target: ${1:-1800} s ($(date -u +%H:%M:%S))"
  # libFuzzer's -timeout is wall time: on a loaded machine an input that takes milliseconds
  # can be descheduled past 1 s, and the alarm handler, interrupting malloc, can deadlock the
  # job (seen here: a child asleep for 11 min). So the long run alarms at 10 s and has every
  # input over 1 s written as slow-unit-* (-report_slow_units=1); each timeout and slow unit
  # is then run again below, and only one that takes over 1 s again is a hang.
  FUZZ_FLAGS="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -timeout=10 -report_slow_units=1" \
    nice -n 19 bash "./$target.sh" "${1:-1800}" >".work/$target/long.log" 2>&1
  grep -E "DONE|cov:" ".work/$target/long.log" | tail -1
  ls ".work/$target/artifacts/"
  for unit in ".work/$target/artifacts/"timeout-* ".work/$target/artifacts/"slow-unit-*; do
    [ -f "$unit" ] || continue
    best=$(for _ in 1 2 3; do
      SWIFT_BACKTRACE=enable=no ".build/debug/fuzz-$target" "$unit" 2>&1 | sed -n 's/^Executed .* in \([0-9]*\) ms$/\1/p'
    done | sort -n | head -1)
    echo "$(basename "$unit"): again in ${best:-?} ms (best of 3)$([ "${best:-0}" -gt 1000 ] && echo ': A HANG')"
  done
done
