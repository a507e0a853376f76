# Shared by the per-target scripts: build the harnesses, gather a corpus, run libFuzzer.
# Usage (from a target script): fuzz_target NAME SECONDS SEED_FOLDERS...
set -euo pipefail
FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$FUZZ_DIR/.." && pwd)"
# Swift's own crash backtracer reads the crashed stack in a way ASan reports as a
# stack-buffer-overflow (in CrashHandlerLinux.cpp) and can stall: libFuzzer reports instead.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

# Builds every harness. SwiftPM's --sanitize=fuzzer instruments C targets (CYaml) and links
# libFuzzer but compiles Swift with -sanitize=address only: -Xswiftc -sanitize=fuzzer adds
# the coverage counters to the Swift modules (checked below, before each run). Debug: -Onone keeps Swift's
# overflow and bounds traps, which are the defects looked for. Not lld: with
# -use-ld=lld the coverage counters are dropped and libFuzzer runs blind. gold warns
# "Cannot export local symbol '__asan_...'" for every ASan helper: harmless, filtered.
fuzz_build() {
  local log="$FUZZ_DIR/.build/fuzz-build.log"
  mkdir -p "$FUZZ_DIR/.build"
  if ! (cd "$FUZZ_DIR" && swift build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address >"$log" 2>&1); then
    grep -v "Cannot export local symbol" "$log" >&2
    return 1
  fi
  grep -aE "error|warning" "$log" | grep -v "Cannot export local symbol" >&2 || true
}

# Runs harness NAME for SECONDS with the seeds in the given folders (merged into a working
# corpus under .work/NAME/corpus, which grows between runs). Crashes, leaks, timeouts and
# out-of-memory inputs are written to .work/NAME/artifacts/ and make this fail.
fuzz_target() {
  local name="$1" seconds="$2"
  shift 2
  local work="$FUZZ_DIR/.work/$name"
  mkdir -p "$work/corpus" "$work/artifacts"
  for seeds in "$@"; do
    [ -d "$seeds" ] && find "$seeds" -maxdepth 1 -type f -exec cp -n {} "$work/corpus/" \;
  done
  fuzz_build
  # A harness built without coverage would "pass" while testing nothing.
  local banner
  banner="$("$FUZZ_DIR/.build/debug/fuzz-$name" -runs=0 2>&1 || true)"
  [[ "$banner" == *"inline 8-bit counters"* ]] ||
    { echo "fuzz-$name has no coverage counters (built without -sanitize=fuzzer?)" >&2; return 1; }
  local dict="$FUZZ_DIR/dictionaries/${FUZZ_DICT_NAME:-$name}.dict"
  # -timeout=1: one input over 1 s is a hang. -rss_limit_mb=2048: out of memory. Leaks are
  # reported by ASan's LeakSanitizer (on by default; -detect_leaks=1 says so).
  local marker="$work/.run-started"
  touch "$marker"
  local status=0
  "$FUZZ_DIR/.build/debug/fuzz-$name" "$work/corpus" \
    -dict="$dict" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -detect_leaks=1 \
    -max_len="${FUZZ_MAX_LEN:-8192}" -print_final_stats=1 -artifact_prefix="$work/artifacts/" ${FUZZ_FLAGS:-} ||
    status=$?
  [ "$status" -eq 0 ] && return 0
  # A finding counts when its input fails again on its own, twice: libFuzzer's 1 s limit is
  # wall time, so on a busy machine a fast input can be descheduled past it (fuzz/README.md,
  # "Runs"). Crashes, leaks and real hangs reproduce; those fail the run.
  local found=0 input
  while IFS= read -r input; do
    found=1
    if "$FUZZ_DIR/.build/debug/fuzz-$name" -timeout=1 -rss_limit_mb=2048 "$input" >/dev/null 2>&1 ||
      "$FUZZ_DIR/.build/debug/fuzz-$name" -timeout=1 -rss_limit_mb=2048 "$input" >/dev/null 2>&1; then
      echo "fuzz-$name: $(basename "$input") passed when run again on its own: not reproduced (machine load), kept in $work/artifacts/" >&2
    else
      echo "fuzz-$name: $(basename "$input") fails again on its own: a finding (reproduce with .build/debug/fuzz-$name $input)" >&2
      return 1
    fi
  done < <(find "$work/artifacts" -type f -newer "$marker")
  # libFuzzer failed without writing an input (a harness or build fault): that fails too.
  [ "$found" -eq 1 ] || return "$status"
}
