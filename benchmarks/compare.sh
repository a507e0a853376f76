#!/usr/bin/env bash
# Benchmarks highneeds against its peers in one command (issue 7). Not part of `swift test`
# and not run by CI: it takes a few minutes and its numbers depend on the machine.
#
#   benchmarks/compare.sh [--quick] [--rounds N] [--reps N] [--w3-reps N] [--no-build]
#
#   --quick        1 round, 1 timed pass per process, 5 W3 runs: a smoke test (~1 min)
#   --rounds N     rounds of the whole set, alternating ours and peers (default 5, env BENCH_ROUNDS)
#   --reps N       timed passes per process for W1/W2, after one warm-up (default 2, env BENCH_REPS)
#   --w3-reps N    timed processes per W3 variant per round, after 2 warm-ups (default 10, env BENCH_W3_REPS)
#   --w4-reps N    timed processes per W4 row per round, after 1 warm-up (default 3, env BENCH_W4_REPS);
#                  BENCH_W4_DRAWS sets the draws (default 100000); BENCH_W4_SCENARIOS="medway national"
#                  keeps only those of medway, national, national-shock
#   --only "JOBS"  run only these jobs (e.g. "job_w4"; env BENCH_ONLY), the others skipped
#   --no-build     use the release binaries already in benchmarks/.build/release
#   --static-stdlib  also build highneeds with --static-swift-stdlib (into .build-static) and
#                  time the Medway run with it too: how much of W3 is dynamic loading
#   --build-only   build, then stop (so that a later --no-build run measures at a chosen time)
#   --commit REV   measure a clean export of commit REV (git archive into
#                  benchmarks/.build/snapshots/REV) instead of the working tree, which other
#                  people may be editing; the final README run uses --commit HEAD
#
# Builds benchmarks/ (hn-bench and the highneeds executable) in release mode, then runs every
# workload R rounds; in each round ours and the peers take turns (order reversed every other
# round, so neither side always runs first). Prints min / median / max per tool and the ratio
# of medians peer / ours. Raw lines are kept in benchmarks/.build/results/. Peers that are not
# installed are reported as MISSING with the command that installs them.
# SEN2 data: ../shared/data/sen2/ehcp_caseload_2010_2020.csv from the repository, or $SEN2_DATA.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
rounds="${BENCH_ROUNDS:-5}"
reps="${BENCH_REPS:-2}"
w3reps="${BENCH_W3_REPS:-10}"
w4reps="${BENCH_W4_REPS:-3}"
build=1
commit=""
static=0
build_only=0
args=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) rounds=1; reps=1; w3reps=5; w4reps=1 ;;
    --rounds) rounds="$2"; shift ;;
    --reps) reps="$2"; shift ;;
    --w3-reps) w3reps="$2"; shift ;;
    --w4-reps) w4reps="$2"; shift ;;
    --only) export BENCH_ONLY="$2"; shift ;;
    --no-build) build=0 ;;
    --commit) commit="$2"; shift ;;
    --static-stdlib) static=1 ;;
    --build-only) build_only=1 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "compare.sh: unknown argument $1 (try --help)" >&2; exit 64 ;;
  esac
  shift
done

data="${SEN2_DATA:-$root/../shared/data/sen2/ehcp_caseload_2010_2020.csv}"

if [ -n "$commit" ]; then
  rev="$(git -C "$root" rev-parse --short "$commit")" || exit 64
  snap="$here/.build/snapshots/$rev"
  if [ ! -f "$snap/benchmarks/compare.sh" ]; then
    echo "compare.sh: exporting commit $rev to $snap" >&2
    rm -rf "$snap.tmp" && mkdir -p "$snap.tmp" && git -C "$root" archive "$rev" | tar -x -C "$snap.tmp" && mv "$snap.tmp" "$snap" \
      || { echo "compare.sh: cannot export $rev" >&2; exit 1; }
  fi
  [ -f "$snap/benchmarks/compare.sh" ] || { echo "compare.sh: commit $rev has no benchmarks/compare.sh" >&2; exit 1; }
  rest=()
  skip=0
  for a in "${args[@]}"; do
    if [ "$skip" = 1 ]; then skip=0; continue; fi
    if [ "$a" = "--commit" ]; then skip=1; continue; fi
    rest+=("$a")
  done
  SEN2_DATA="$data" BENCH_SOURCE="commit $rev (clean export)" exec "$snap/benchmarks/compare.sh" "${rest[@]}"
fi
bin="$here/.build/release"
results_dir="$here/.build/results"
mkdir -p "$results_dir"
out="$results_dir/compare-$(date -u +%Y%m%dT%H%M%SZ).txt"

cores="$(nproc --all)"  # before OMP_NUM_THREADS is set: nproc honours it
# Every tool single-threaded: ours is, and the machine is shared.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

if [ "$build" = 1 ]; then
  log "building hn-bench (release)"
  swift build -c release --package-path "$here" --product hn-bench >&2 || { echo "compare.sh: build of hn-bench failed" >&2; exit 1; }
  log "building highneeds (release)"
  swift build -c release --package-path "$here" --product highneeds >&2 \
    || echo "FAILED w3 highneeds release build failed: W3 not measured" >>"$out"
  if [ "$static" = 1 ]; then
    log "building highneeds (release, --static-swift-stdlib)"
    swift build -c release --package-path "$here" --product highneeds --static-swift-stdlib \
      --scratch-path "$here/.build-static" >&2 \
      || echo "FAILED w3 highneeds-medway-static: release build with --static-swift-stdlib failed" >>"$out"
  fi
fi
if [ "$build_only" = 1 ]; then rm -f "$out"; log "built; stopping (--build-only)"; exit 0; fi
[ -x "$bin/hn-bench" ] || { echo "compare.sh: $bin/hn-bench missing (run without --no-build)" >&2; exit 1; }
[ -f "$data" ] || { echo "compare.sh: SEN2 data not found at $data (set SEN2_DATA)" >&2; exit 66; }

# Machine facts, kept with the results.
{
  echo "INFO machine date=$(date -u +%Y-%m-%dT%H:%M:%SZ) nproc=$cores cpu=\"$(lscpu | sed -n 's/^Model name: *//p' | head -1)\""
  echo "INFO machine loadavg_start=\"$(cut -d' ' -f1-3 /proc/loadavg)\" rounds=$rounds reps=$reps w3_reps=$w3reps"
  echo "INFO machine libblas.so.3=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo '?') liblapack.so.3=$(readlink -f /usr/lib/x86_64-linux-gnu/liblapack.so.3 2>/dev/null || echo '?')"
  if [ -z "${BENCH_SOURCE:-}" ]; then
    if [ "$(git -C "$root" rev-parse --show-toplevel 2>/dev/null)" = "$root" ]; then
      BENCH_SOURCE="working tree at $(git -C "$root" describe --always --dirty)"
    else
      BENCH_SOURCE="$root (not a git checkout)"
    fi
  fi
  echo "INFO machine source=\"$BENCH_SOURCE\""
  echo "INFO machine swift=\"$(swift --version 2>/dev/null | head -1)\""
} >>"$out"
if [ -x "$bin/highneeds" ]; then
  echo "INFO machine highneeds_links=\"$(ldd "$bin/highneeds" | grep -Eo '/[^ ]*lib(blas|lapack|openblas)[^ ]*' | xargs -r readlink -f | tr '\n' ' ')\"" >>"$out"
fi

# Which peers are here.
have_numpy=0; have_sm=0; have_r=0
if python3 -c 'import numpy' 2>/dev/null; then
  have_numpy=1
  echo "INFO machine python=$(python3 -c 'import sys,numpy; print(sys.version.split()[0], "numpy", numpy.__version__, "BLAS", (numpy.show_config(mode="dicts") or {}).get("Build Dependencies",{}).get("blas",{}).get("name","?"))' 2>/dev/null | tr ' ' '_')" >>"$out"
else
  echo "MISSING w1 numpy-lstsq: install with: pip install numpy" >>"$out"
fi
if [ "$have_numpy" = 1 ] && python3 -c 'import statsmodels' 2>/dev/null; then
  have_sm=1
  echo "INFO machine statsmodels=$(python3 -c 'import statsmodels; print(statsmodels.__version__)')" >>"$out"
else
  echo "MISSING w1 statsmodels-ols: install with: pip install statsmodels" >>"$out"
fi
if command -v Rscript >/dev/null && Rscript -e 'suppressPackageStartupMessages(library(forecast))' >/dev/null 2>&1; then
  have_r=1
  echo "INFO machine R=\"$(Rscript -e 'cat(R.version.string, "forecast", as.character(packageVersion("forecast")), "BLAS", sessionInfo()$BLAS)' 2>/dev/null)\"" >>"$out"
else
  echo "MISSING w2 r-auto.arima/r-ets: install with: apt-get install -y r-base-core r-cran-forecast" >>"$out"
fi

# One job per tool; a failing job is recorded and the run goes on.
run() {
  local name="$1"; shift
  log "round $round/$rounds: $name"
  if ! "$@" >>"$out" 2>"$results_dir/last-error.txt"; then
    echo "FAILED $name: $(tail -1 "$results_dir/last-error.txt")" >>"$out"
    log "  failed: $(tail -1 "$results_dir/last-error.txt")"
  fi
}
job_w1_ours() { run "w1 highneeds" "$bin/hn-bench" w1 --reps "$reps"; }
job_w1_ours_shared() { run "w1 highneeds-shared-design" "$bin/hn-bench" w1 --reps "$reps" --shared 1; }
job_w1_statsmodels() { [ $have_sm = 1 ] && run "w1 statsmodels-ols" python3 "$here/peers/w1_peers.py" statsmodels --reps "$reps"; }
job_w1_numpy() { [ $have_numpy = 1 ] && run "w1 numpy-lstsq" python3 "$here/peers/w1_peers.py" numpy --reps "$reps"; }
job_w1_numpy_batched() { [ $have_numpy = 1 ] && run "w1 numpy-lstsq-batched" python3 "$here/peers/w1_peers.py" numpy-batched --reps "$reps"; }
job_w2_ours() { run "w2 highneeds" "$bin/hn-bench" w2 --data "$data" --reps "$reps"; }
job_w2_ours_table() { run "w2 highneeds-with-table" "$bin/hn-bench" w2 --data "$data" --reps "$reps" --candidates 1; }
job_w2_arima() { [ $have_r = 1 ] && run "w2 r-auto.arima" Rscript "$here/peers/w2_peers.R" auto.arima "$data" --reps "$reps"; }
job_w2_ets() { [ $have_r = 1 ] && run "w2 r-ets" Rscript "$here/peers/w2_peers.R" ets "$data" --reps "$reps"; }
w3() {
  local exe="$bin/highneeds"
  if [ "$1" = --exe ]; then exe="$2"; shift 2; fi
  local tool="$1"; shift
  [ -x "$exe" ] || return 0
  # One run first, to record why it fails (hn-bench sends the process's output to /dev/null).
  if ! (cd "$root" && "$exe" "$@" >/dev/null 2>"$results_dir/last-error.txt"); then
    echo "FAILED w3 $tool: highneeds $* exited non-zero: $(head -c 300 "$results_dir/last-error.txt" | tr '\n' ' ')" >>"$out"
    log "  w3 $tool failed"
    return 0
  fi
  (cd "$root" && run "w3 $tool" "$bin/hn-bench" w3 --exe "$exe" --tool "$tool" --reps "$w3reps" --warmup 2 -- "$@")
}
job_w3_medway() { w3 highneeds-medway run scenarios/medway-2020.yaml --format json; }
job_w3_medway_sen2() { [ -f "$root/scenarios/medway-sen2.yaml" ] && w3 highneeds-medway-sen2 run scenarios/medway-sen2.yaml --format json; }
job_w3_medway_static() {
  [ "$static" = 1 ] && w3 --exe "$here/.build-static/release/highneeds" highneeds-medway-static run scenarios/medway-2020.yaml --format json
}
job_w3_startup() { w3 highneeds-help --help; }
# A national run needs a scenario holding every authority's series; run it if one exists.
national="$(ls "$root"/scenarios/*national*.yaml 2>/dev/null | head -1)"
job_w3_national() {
  if [ -n "$national" ]; then w3 highneeds-national run "${national#$root/}" --format json
  elif [ "$round" = 1 ]; then
    echo "NOTMEASURED w3 highneeds-national: no scenarios/*national*.yaml (a scenario with every authority's series)" >>"$out"
  fi
}

# W4 (issue 16): Monte Carlo, 100,000 draws. Three scenarios; for each, ours and the numpy peer
# as whole processes (spawn to exit, as W3) and as the simulation alone in process. The peer
# reads the simulation's inputs, written once per run by hn-bench w4-export (untimed).
w4draws="${BENCH_W4_DRAWS:-100000}"
w4_scenarios=("medway:scenarios/medway-sen2.yaml" "national:scenarios/england-national-sen2.yaml"
              "national-shock:benchmarks/scenarios/england-national-uncertain.yaml")
# BENCH_W4_SCENARIOS="medway national" keeps only those (the shock scenario takes longest).
if [ -n "${BENCH_W4_SCENARIOS:-}" ]; then
  kept=()
  for item in "${w4_scenarios[@]}"; do
    for name in $BENCH_W4_SCENARIOS; do [ "${item%%:*}" = "$name" ] && kept+=("$item"); done
  done
  w4_scenarios=("${kept[@]}")
fi
w4_prepared=0
w4_prepare() {
  [ "$w4_prepared" = 1 ] && return 0
  w4_prepared=1
  for item in "${w4_scenarios[@]}"; do
    local name="${item%%:*}" file="${item#*:}"
    log "w4: exporting the simulation inputs of $file"
    (cd "$root" && "$bin/hn-bench" w4-export --scenario "$file" --out "$results_dir/w4-$name-inputs.json") \
      || echo "FAILED w4-$name export: hn-bench w4-export --scenario $file" >>"$out"
    (cd "$root" && "$bin/highneeds" run "$file" --simulate "$w4draws" --format json >"$results_dir/w4-$name-ours.json") \
      || echo "FAILED w4-$name: highneeds run $file --simulate $w4draws" >>"$out"
    if [ $have_numpy = 1 ] && [ -f "$results_dir/w4-$name-inputs.json" ]; then
      python3 "$here/peers/w4_simulation.py" "$results_dir/w4-$name-inputs.json" --draws "$w4draws" \
        --compare "$results_dir/w4-$name-ours.json" --workload "w4-$name" >>"$out" \
        || echo "FAILED w4-$name agreement check" >>"$out"
    fi
  done
}
job_w4() {
  w4_prepare
  local python; python="$(command -v python3)"
  for item in "${w4_scenarios[@]}"; do
    local name="${item%%:*}" file="${item#*:}"
    local inputs="$results_dir/w4-$name-inputs.json"
    (cd "$root" && run "w4-$name highneeds" "$bin/hn-bench" w3 --workload "w4-$name" --exe "$bin/highneeds" --tool highneeds \
      --reps "$w4reps" --warmup 1 -- run "$file" --simulate "$w4draws" --format json)
    (cd "$root" && run "w4-$name highneeds-sim" "$bin/hn-bench" w4 --workload "w4-$name" --tool highneeds-sim \
      --scenario "$file" --draws "$w4draws" --reps "$reps")
    if [ $have_numpy = 1 ] && [ -f "$inputs" ]; then
      run "w4-$name numpy" "$bin/hn-bench" w3 --workload "w4-$name" --exe "$python" --tool numpy --reps "$w4reps" --warmup 1 \
        -- "$here/peers/w4_simulation.py" "$inputs" --draws "$w4draws"
      run "w4-$name numpy-sim" python3 "$here/peers/w4_simulation.py" "$inputs" --draws "$w4draws" --reps "$reps" \
        --tool numpy-sim --workload "w4-$name"
    elif [ "$round" = 1 ]; then
      echo "MISSING w4-$name numpy: install with: pip install numpy" >>"$out"
    fi
  done
}

jobs=(job_w1_ours job_w1_ours_shared job_w1_statsmodels job_w1_numpy job_w1_numpy_batched job_w2_ours job_w2_arima job_w2_ours_table job_w2_ets
      job_w3_medway job_w3_medway_static job_w3_medway_sen2 job_w3_startup job_w3_national job_w4)
if [ -n "${BENCH_ONLY:-}" ]; then read -r -a jobs <<<"$BENCH_ONLY"; fi
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then order=("${jobs[@]}"); else order=(); for ((i=${#jobs[@]}-1; i>=0; i--)); do order+=("${jobs[$i]}"); done; fi
  for job in "${order[@]}"; do "$job" || true; done
done
echo "INFO machine loadavg_end=\"$(cut -d' ' -f1-3 /proc/loadavg)\"" >>"$out"

log "raw results: $out"
"$bin/hn-bench" summarise "$out"
