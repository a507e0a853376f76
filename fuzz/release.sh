#!/usr/bin/env bash
# Fuzzes one member of a SEN2 release (OfficialData.ReleaseMember: CSV bytes to values or an
# invalidRelease error at ZIP:member:line) for $1 seconds (60). An input is one byte choosing
# the member (0-3: the 2022 layout's four tables, 4-8: the 2025 layout's five, as in
# ReleaseMember.members) and then the member's bytes.
# Seeds: seeds/release (the header and two rows of each member, committed), and, when the DfE
# release ZIPs are at ../shared/data/sen2/releases (RELEASES=... to say elsewhere), the header,
# the first 20 rows and 20 local-authority rows of each member cut from them here
# (.work/release/seeds, not committed: a few hundred kB).
source "$(dirname "$0")/lib.sh"
releases="${RELEASES:-$ROOT/../shared/data/sen2/releases}"
cut_seeds() {
  local zip="$1" index="$2" member="$3"
  local out="$FUZZ_DIR/.work/release/seeds/$(basename "$zip" .zip)-$(basename "$member")"
  [ -s "$out" ] && return 0
  { printf "\\$(printf '%03o' "$index")"
    unzip -p "$zip" "$member" | awk 'NR == 1 || NR <= 21 || (/Local authority/ && taken++ < 20)'
  } >"$out"
}
mkdir -p "$FUZZ_DIR/.work/release/seeds"
if [ -f "$releases/education-health-and-care-plans_2022.zip" ]; then
  index=0
  for member in sen2_estab_caseload sen2_age_caseload sen2_age_new_plans sen2_mi; do
    cut_seeds "$releases/education-health-and-care-plans_2022.zip" $index "data/$member.csv"
    index=$((index + 1))
  done
fi
if [ -f "$releases/education-health-and-care-plans_2025.zip" ]; then
  index=4
  for member in caseload newplans ceased_plans requests sen_needs_all_plans; do
    cut_seeds "$releases/education-health-and-care-plans_2025.zip" $index "data/$member.csv"
    index=$((index + 1))
  done
fi
FUZZ_MAX_LEN="${FUZZ_MAX_LEN:-32768}" fuzz_target release "${1:-60}" "$FUZZ_DIR/seeds/release" "$FUZZ_DIR/.work/release/seeds"
