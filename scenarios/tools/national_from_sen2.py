#!/usr/bin/env python3
"""Writes scenarios/england-national-sen2.yaml from the DfE SEN2 caseload file.

Usage:  python3 scenarios/tools/national_from_sen2.py [../shared/data/sen2/ehcp_caseload_2010_2020.csv]

Every local authority row of the file becomes one series under demand.authorities, with its
eleven January counts 2010-2020. Rows are merged where an authority's series is split:
- Gateshead and Northumberland each have two codes (one row 2010-2013, one 2014-2020): joined.
- Bournemouth, Poole and Dorset county (2010-2019) became Bournemouth, Christchurch and Poole
  plus a new Dorset (2020): all five rows are added into one series.
- Rows with no count at all (authorities created after January 2020) are left out: their
  predecessors carry the counts.
The script checks that the authorities' counts add up to the file's England row in every year
and refuses to write otherwise. The money and placement mix are written from the constants
below, each with its source or marked as an assumption.
"""
import csv
import sys
from pathlib import Path

YEARS = list(range(2010, 2021))
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "sen2" / "ehcp_caseload_2010_2020.csv"
OUTPUT = ROOT / "scenarios" / "england-national-sen2.yaml"

# Series joined across a change of code; name -> codes.
JOINED = {"Gateshead": ["E08000020", "E08000037"], "Northumberland": ["E06000048", "E06000057"]}
# Series added together across the 2019-2020 reorganisation in Dorset.
DORSET = ("Dorset, Bournemouth, Christchurch and Poole",
          ["E06000028", "E06000029", "E10000009", "E06000058", "E06000059"])


def read(path):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    england = next(r for r in rows if r["level"] == "National")
    authorities = [r for r in rows if r["level"] == "Local authority"]
    return england, authorities


def counts(row):
    return {year: int(row[str(year)]) for year in YEARS if row[str(year)].strip()}


def series(authorities):
    by_code = {r["code"]: r for r in authorities}
    merged_codes = {c for codes in JOINED.values() for c in codes} | set(DORSET[1])
    out = []
    for row in authorities:
        code = row["code"]
        if code in merged_codes:
            continue
        found = counts(row)
        if not found:
            continue  # created after January 2020: no counts in this file
        if len(found) != len(YEARS):
            sys.exit(f"{row['name']} ({code}) has counts for {sorted(found)}: not handled")
        out.append((row["name"], [code], found))
    for name, codes in list(JOINED.items()) + [DORSET]:
        total = {}
        for code in codes:
            for year, value in counts(by_code[code]).items():
                total[year] = total.get(year, 0) + value
        if sorted(total) != YEARS:
            sys.exit(f"{name}: merged counts cover {sorted(total)}, not 2010-2020")
        out.append((name, codes, total))
    out.sort(key=lambda entry: entry[0])
    return out


def yaml_key(name):
    return f'"{name}"' if any(ch in name for ch in ",:#'\"") else name


HEADER = """\
# England: every local authority's SEN2 series, forecast one by one and added up (a national run).
#
# Written by scenarios/tools/national_from_sen2.py from data/sen2/ehcp_caseload_2010_2020.csv
# (DfE "Education, health and care plans", SEN2: plans, statements before 2014, at January).
# Do not edit the authorities by hand: run the script again.
#
# {count} series: {plain} authorities as in the file, plus Gateshead and Northumberland (each
# two rows under two codes, joined) and Bournemouth, Poole and Dorset county with their 2020
# successors Bournemouth, Christchurch and Poole and Dorset (five rows added into one series).
# Authorities created after January 2020 have no counts and are left out. The series add up
# to the file's England row in every year (checked by the script and by the tests), e.g.
# {total_2020:,} in January 2020.
#
# Each authority's series is forecast on its own (model: auto, the forecasting module's
# combination); national plans are the sum. The 80% and 95% ranges add the authorities'
# bounds: errors assumed to move together, the widest such range.
#
# The money is indicative, and says where it comes from. England's high needs spend and the
# authorities' combined DSG reserve are not in our data, so nothing is calibrated to an
# outturn and the reserve starts at zero: the ledger shows whether the national allocation
# keeps up with plans costed at published average rates, not the national deficit.
#
# Run:  highneeds run scenarios/england-national-sen2.yaml

scenario: England high needs, every authority's SEN2 series forecast and added up
authority: England ({count} local authority series)
years: 2019-20 to 2025-26        # 2019-20 uses the January 2020 census, the last count

demand:
  model: auto                    # assumption: each authority's trend chosen by the forecasting module
  placements:                    # England, January 2020 (data/sen2/ehcp_placement_england_2010_2020.csv, row 2020, total 390,109)
    mainstream: 39.01%           # "Mainstream school" 152,172
    # "Special school" 145,185 (37.22%) is not split by sector for England. Assumption: 80% in
    # maintained special schools and academies, 20% independent and non-maintained (Medway's
    # January 2020 split was 81/19: data/sen2/ehcp_placement_medway_2010_2020.csv).
    maintained_special: 29.77%
    independent_special: 7.44%
    post16: 16.52%               # "Further education" 64,437
    alternative_provision: 0.82%  # "Alternative provision/Pupil referral unit" 3,181
    # "Educated elsewhere" 12,673 + "NEET" 8,108 + "Non-maintained early years" 2,024 + "Other" 2,329 = 25,134
    educated_elsewhere: 6.44%
  authorities:                   # plans at January census, 2010-2020, one line an authority
"""

FOOTER = """
costs:                           # the unit costs of scenarios/medway-sen2.yaml, which says where each comes from
  price_year: 2019-20
  per_plan:
    mainstream: £8,000           # assumption: HNB top-up above the school's own £6,000
    maintained_special: £21,000  # unit_costs_published.csv, maintained special schools & academies, 2019-20 (DfE PQ)
    independent_special: £54,000  # unit_costs_published.csv, non-maintained & independent special schools, 2019-20 (DfE PQ)
    post16: £9,000               # assumption: element 2 £6,000 plus a £3,000 top-up
    alternative_provision: £18,000  # assumption: £8,000 place funding plus a £10,000 top-up
    educated_elsewhere: £5,000   # assumption: no published figure (includes NEET and early years)
  inflation: 2%                  # assumption: cost inflation a year from 2019-20
  other: £0.5bn                  # assumption: spend not tied to a plan, Medway's £3.0m for 2,296
                                 #   plans scaled to 390,109 plans (£510m), rounded

funding:
  high_needs_block:              # England's high needs funding
    # Derived: the £780m rise in 2020-21 was "a 12% increase on last year" (Special Needs Jungle,
    # "Blockbusting: what's happened to the £780m in extra SEND funding?", 2020), so 2019-20 was
    # about £780m / 12% = £6.5bn. A parliamentary answer of November 2018 says high needs funding
    # "will rise to over £6 billion in 2019-20".
    2019-20: £6.5bn
    2020-21: £7.28bn             # derived: £6.5bn + £780m (parliamentary answer 131365, January 2021)
    2021-22: £8.01bn             # derived: + £730m, "or 10%, bringing the total high needs budget to over £8 billion" (same answer)
  growth: 8%                     # assumption: a year after 2021-22, as the Medway baseline assumes

reserve:
  opening: £0                    # assumption: the authorities' combined DSG reserve is not in our data
"""


def main():
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    england, authorities = read(source)
    found = series(authorities)
    for year in YEARS:
        total = sum(c[year] for _, _, c in found)
        if total != int(england[str(year)]):
            sys.exit(f"{year}: authorities add up to {total}, England row says {england[str(year)]}")
    joined = len(JOINED) + 1
    lines = [HEADER.format(count=len(found), plain=len(found) - joined, total_2020=int(england["2020"]))]
    for name, codes, values in found:
        body = ", ".join(f"{year}: {values[year]}" for year in YEARS)
        lines.append(f"    {yaml_key(name)}: {{{body}}}  # {' + '.join(codes)}\n")
    lines.append(FOOTER)
    OUTPUT.write_text("".join(lines))
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(found)} series, 2020 total {int(england['2020']):,}")


if __name__ == "__main__":
    main()
