#!/usr/bin/env bash
# The official-data store under faults (issue 17, part 3), with the real DfE release ZIPs:
#
#  1. kill -9 during `highneeds data import` at random points, $1 times (50): a store holding
#     the 2022 release imports the 2025 one and is killed; half the kills at a uniformly random
#     moment of a whole import's duration (x 1.1, so some finish), half while the write
#     transaction is open (a uniformly random moment after the rollback journal appears).
#     After each kill `data authorities` and `data show` must work and, with SQLite's
#     integrity check and the row counts, give exactly the store before the import or exactly
#     the store after a complete one. Anything else is data lost.
#  2. two imports at once into one store, $2 times (5): both must succeed (they serialise; the
#     second finds the release already there), or one fails with exit 73 and a message and
#     the store is the complete import.
#  3. a full disk (a tmpfs with room for the 2022 store and 1 MB, not for 2025's values) and a
#     read-only one (the same tmpfs remounted read-only): exit 73 and the store's bytes
#     unchanged. Needs root (mount); skipped, and said so, without it.
#
# Prints a tally per part; exits 1 when any run lost data or broke a rule. Uses the debug
# binary (.build/debug/highneeds; HIGHNEEDS=... for another). RELEASES=... where the ZIPs are.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${HIGHNEEDS:-$ROOT/.build/debug/highneeds}"
RELEASES="${RELEASES:-$ROOT/../shared/data/sen2/releases}"
OLD="$RELEASES/education-health-and-care-plans_2022.zip"
NEW="$RELEASES/education-health-and-care-plans_2025.zip"
KILLS="${1:-50}"
PAIRS="${2:-5}"
[ -x "$BIN" ] || { echo "no $BIN: swift build first" >&2; exit 2; }
[ -f "$OLD" ] && [ -f "$NEW" ] || { echo "no release ZIPs in $RELEASES" >&2; exit 2; }
WORK="$(mktemp -d "${TMPDIR:-/tmp}/store-faults.XXXXXX")"
MOUNT="$WORK/disk"
cleanup() {
  mountpoint -q "$MOUNT" 2>/dev/null && umount "$MOUNT"
  rm -rf "$WORK"
}
trap cleanup EXIT
failed=0

# What a store holds, as highneeds and SQLite read it: every authority, Medway's and
# England's figures with their sources, SQLite's integrity check, the row count of each table.
snapshot() {
  local store="$1"
  "$BIN" data authorities --store "$store" --format csv 2>&1 || echo "authorities: exit $?"
  "$BIN" data show --authority Medway --format csv --store "$store" 2>&1 || echo "show Medway: exit $?"
  "$BIN" data show --authority E92000001 --format csv --store "$store" 2>&1 || echo "show England: exit $?"
  sqlite3 "$store" "PRAGMA integrity_check;" 2>&1
  for table in $(sqlite3 "$store" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;"); do
    echo "$table $(sqlite3 "$store" "SELECT count(*) FROM \"$table\";")"
  done
}

now() { date +%s.%N; }

echo "== store faults ($(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
"$BIN" data import "$OLD" --store "$WORK/base.sqlite" >/dev/null || { echo "importing $OLD failed" >&2; exit 1; }
snapshot "$WORK/base.sqlite" >"$WORK/before.txt"
cp "$WORK/base.sqlite" "$WORK/full.sqlite"
# One whole import, timed, noting when the rollback journal appears (the write transaction).
start=$(now)
"$BIN" data import "$NEW" --store "$WORK/full.sqlite" >/dev/null &
pid=$!
journal_at=""
while kill -0 "$pid" 2>/dev/null; do
  [ -z "$journal_at" ] && [ -e "$WORK/full.sqlite-journal" ] && journal_at=$(now)
  sleep 0.01
done
wait "$pid" || { echo "importing $NEW failed" >&2; exit 1; }
duration=$(echo "$(now) - $start" | bc -l)
write_window=$(echo "$(now) - ${journal_at:-$start}" | bc -l)
snapshot "$WORK/full.sqlite" >"$WORK/after.txt"
cmp -s "$WORK/before.txt" "$WORK/after.txt" && { echo "the import changed nothing?" >&2; exit 1; }
grep -q "^ok$" "$WORK/after.txt" || { echo "the complete store fails the integrity check" >&2; exit 1; }
printf "a whole import of %s: %.1f s, the write transaction's journal for the last %.1f s\n" \
  "$(basename "$NEW")" "$duration" "$write_window"

# 1. kill -9 at random points.
kept=0 completed=0 lost=0 in_write=0 finished_first=0
for run in $(seq 1 "$KILLS"); do
  rm -f "$WORK/store.sqlite" "$WORK/store.sqlite-journal" "$WORK/store.sqlite-wal" "$WORK/store.sqlite-shm"
  cp "$WORK/base.sqlite" "$WORK/store.sqlite"
  "$BIN" data import "$NEW" --store "$WORK/store.sqlite" >/dev/null 2>&1 &
  pid=$!
  if [ $((run % 2)) -eq 1 ]; then
    sleep "$(echo "$RANDOM / 32767 * $duration * 1.1" | bc -l)"
  else
    deadline=$(echo "$(now) + $duration * 3" | bc -l)
    while [ ! -e "$WORK/store.sqlite-journal" ] && kill -0 "$pid" 2>/dev/null &&
      [ "$(echo "$(now) < $deadline" | bc)" = 1 ]; do sleep 0.005; done
    sleep "$(echo "$RANDOM / 32767 * $write_window" | bc -l)"
  fi
  [ -e "$WORK/store.sqlite-journal" ] && in_write=$((in_write + 1))
  if kill -9 "$pid" 2>/dev/null; then :; else finished_first=$((finished_first + 1)); fi
  wait "$pid" 2>/dev/null
  snapshot "$WORK/store.sqlite" >"$WORK/state.txt"
  if cmp -s "$WORK/state.txt" "$WORK/before.txt"; then
    kept=$((kept + 1))
  elif cmp -s "$WORK/state.txt" "$WORK/after.txt"; then
    completed=$((completed + 1))
  else
    lost=$((lost + 1))
    cp "$WORK/state.txt" "$ROOT/fuzz/.work/store-faults-lost-$run.txt" 2>/dev/null
    echo "run $run: the store is neither the old one nor the complete import" >&2
  fi
done
echo "kill -9 during data import: $KILLS runs ($in_write killed with the write transaction open," \
  "$finished_first finished before the kill); previous store intact $kept, complete import $completed," \
  "data lost $lost"
[ "$lost" -eq 0 ] || failed=1

# 2. two imports at once.
serialised=0 one_failed=0 broken=0
for pair in $(seq 1 "$PAIRS"); do
  rm -f "$WORK/store.sqlite" "$WORK/store.sqlite-journal"
  cp "$WORK/base.sqlite" "$WORK/store.sqlite"
  "$BIN" data import "$NEW" --store "$WORK/store.sqlite" >"$WORK/a.out" 2>"$WORK/a.err" &
  a=$!
  "$BIN" data import "$NEW" --store "$WORK/store.sqlite" >"$WORK/b.out" 2>"$WORK/b.err" &
  b=$!
  wait "$a"; status_a=$?
  wait "$b"; status_b=$?
  snapshot "$WORK/store.sqlite" >"$WORK/state.txt"
  complete=0
  cmp -s "$WORK/state.txt" "$WORK/after.txt" && complete=1
  if [ "$status_a" -eq 0 ] && [ "$status_b" -eq 0 ] && [ "$complete" -eq 1 ] &&
    cat "$WORK/a.out" "$WORK/b.out" | grep -q "already in the store"; then
    serialised=$((serialised + 1))
  elif [ "$complete" -eq 1 ] && { [ "$status_a" -eq 73 ] && [ -s "$WORK/a.err" ] && [ "$status_b" -eq 0 ] ||
    [ "$status_b" -eq 73 ] && [ -s "$WORK/b.err" ] && [ "$status_a" -eq 0 ]; }; then
    one_failed=$((one_failed + 1))
    echo "pair $pair: one failed: $(cat "$WORK/a.err" "$WORK/b.err" | head -1)"
  else
    broken=$((broken + 1))
    echo "pair $pair: exits $status_a and $status_b, complete store $complete: $(cat "$WORK/a.err" "$WORK/b.err" | head -2)" >&2
  fi
done
echo "two imports at once: $PAIRS pairs; serialised (both exit 0, one finds the release there) $serialised," \
  "one failed cleanly (73) $one_failed, other outcome $broken"
[ "$broken" -eq 0 ] || failed=1

# 3. a full disk and a read-only one.
mkdir -p "$MOUNT"
# Room for the 2022 store and 1 MB more: the 2025 release's values need tens of MB.
if mount -t tmpfs -o size=$(($(stat -c %s "$WORK/base.sqlite") / 1024 + 1024))k tmpfs "$MOUNT" 2>/dev/null; then
  cp "$WORK/base.sqlite" "$MOUNT/store.sqlite"
  sum=$(sha256sum <"$MOUNT/store.sqlite")
  "$BIN" data import "$NEW" --store "$MOUNT/store.sqlite" >/dev/null 2>"$WORK/full.err"
  status=$?
  left=$(ls -A "$MOUNT" | grep -v '^store.sqlite$' | tr '\n' ' ')
  echo "full disk (tmpfs of $(df -k --output=size "$MOUNT" | tail -1 | tr -d ' ') kB, store $(stat -c %s "$MOUNT/store.sqlite") bytes): exit $status," \
    "store bytes $([ "$(sha256sum <"$MOUNT/store.sqlite")" = "$sum" ] && echo unchanged || echo CHANGED)," \
    "files left: ${left:-none}; $(head -1 "$WORK/full.err")"
  [ "$status" -eq 73 ] && [ "$(sha256sum <"$MOUNT/store.sqlite")" = "$sum" ] && [ -z "$left" ] || failed=1
  mount -o remount,ro "$MOUNT"
  "$BIN" data import "$NEW" --store "$MOUNT/store.sqlite" >/dev/null 2>"$WORK/ro.err"
  status=$?
  echo "read-only disk (the tmpfs remounted ro): exit $status," \
    "store bytes $([ "$(sha256sum <"$MOUNT/store.sqlite")" = "$sum" ] && echo unchanged || echo CHANGED);" \
    "$(head -1 "$WORK/ro.err")"
  [ "$status" -eq 73 ] && [ "$(sha256sum <"$MOUNT/store.sqlite")" = "$sum" ] || failed=1
  umount "$MOUNT"
else
  echo "full and read-only disk: skipped (mount needs root)"
fi
exit "$failed"
