# Regenerate with: python3 Tests/HighNeedsTests/Fixtures/make_bad_catalogue.py
# Generates the bad-scenario catalogue. Each case: a base scenario with one edit, a description,
# and expectations located by searching the generated text (line of `anchor`, column of `at`).
import os, re
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bad")
os.makedirs(OUT, exist_ok=True)
BASE = """scenario: Catalogue base scenario
authority: Testshire
years: 2019-20 to 2022-23
demand:
  census:
    2018: 1000
    2019: 1100
    2020: 1200
  growth: 5%
  placements:
    mainstream: 40%
    special: 60%
costs:
  per_plan:
    mainstream: £8,000
    special: £20,000
  inflation: 2%
  other: £1m
funding:
  high_needs_block:
    2019-20: £30m
  growth: 3%
  dsg_total: £200m
reserve:
  opening: £0
  outturn:
    2019-20: £1m
calibrate: 2019-20
"""
cases = []
counts = {}
def case(name, desc, body, expects):
    cases.append((name, desc, body, expects))
def sub(old, new, count=1):
    assert old in BASE, old
    return BASE.replace(old, new, count)

# expects: list of (anchor_line_substring, at_substring_or_None(col 1 of line)/int col, field, text)
case("empty", "an empty file", "", [(None, 1, "", "the file is empty")])
case("only-comments", "a file with only comments", "# nothing here\n# at all\n", [(None, 1, "", "the file is empty")])
case("root-list", "a list where the scenario mapping should be", "- scenario: A\n- authority: B\n", [("- scenario", 1, "", "found a list")])
case("root-scalar", "plain text instead of a scenario", "just some words\n", [("just some", 1, "", "found the value 'just some words'")])
case("syntax-unclosed-flow", "an unclosed flow list", sub("  growth: 3%\n", "  growth: [3%, 4%\n"), [("dsg_total", ":", "", "YAML syntax: did not find expected ',' or ']'")])
case("syntax-bad-indent", "a value indented inconsistently", sub("    special: 60%\n", "     special: 60%\n"), [("special: 60%", ":", "", "YAML syntax: mapping values are not allowed")])
case("syntax-tab", "a tab used for indentation", sub("  inflation: 2%\n", "\tinflation: 2%\n"), [("inflation: 2%", 1, "", "YAML syntax: found a tab character")])
case("duplicate-key", "the same key twice in one mapping", sub("authority: Testshire\n", "authority: Testshire\nauthority: Otherton\n"), [("authority: Testshire", 1, "", "duplicate key 'authority'")])
case("undefined-alias", "an alias to an anchor that does not exist", sub("  other: £1m\n", "  other: *missing\n"), [("other: *missing", "*missing", "", "YAML syntax: found undefined alias")])
case("two-documents", "two YAML documents in one file", BASE + "---\nscenario: second\n", [("---", 1, "", "YAML syntax: but found another document")])
case("unknown-top-key", "a misspelt top-level key, so a required one is missing too",
     sub("funding:\n", "fundng:\n"), [("fundng:", 1, "fundng", "unknown key 'fundng' (did you mean 'funding'?)"), (None, 1, "funding", "missing required field 'funding'")])
case("unknown-nested-key", "a misspelt key inside funding", sub("  growth: 3%\n", "  grwoth: 3%\n"), [("grwoth", 3, "funding.grwoth", "did you mean 'growth'?")])
case("unknown-cost-key", "a misspelt key inside costs", sub("  inflation: 2%\n", "  inflaton: 2%\n"), [("inflaton", 3, "costs.inflaton", "did you mean 'inflation'?")])
case("missing-authority", "no authority", sub("authority: Testshire\n", ""), [(None, 1, "authority", "missing required field 'authority'")])
case("missing-census", "demand without census counts", sub("  census:\n    2018: 1000\n    2019: 1100\n    2020: 1200\n", ""), [("demand:", 1, "demand.census", "missing required field 'census'")])
case("null-authority", "an empty value", sub("authority: Testshire\n", "authority:\n"), [("authority:", 11, "authority", "no value given")])
case("authority-list", "a list where text is expected", sub("authority: Testshire\n", "authority: [Kent, Medway]\n"), [("authority:", "[", "authority", "found a list")])
case("placements-list", "placements written as a list", sub("    mainstream: 40%\n    special: 60%\n", "    - mainstream\n    - special\n", 1), [("placements:", 3, "demand.placements", "found a list")])
case("years-reversed", "a range of years that ends before it starts", sub("years: 2019-20 to 2022-23", "years: 2022-23 to 2019-20"), [("years:", "2022", "years", "ends (2019-20) before it starts (2022-23)")])
case("years-not-range", "calendar years instead of financial years", sub("years: 2019-20 to 2022-23", "years: 2019 to 2022"), [("years:", "2019", "years", "'2019' is not a financial year")])
case("years-negative", "a negative year", sub("years: 2019-20 to 2022-23", "years: -2019-20 to 2022-23"), [("years:", "-2019", "years", "is not a financial year")])
case("fy-not-consecutive", "a financial year whose halves do not follow", sub("    2019-20: £30m\n", "    2019-21: £30m\n"), [("2019-21", 5, "funding.high_needs_block.2019-21", "'2019-21' is not a financial year")])
case("fy-twice", "the same year written two ways", sub("    2019-20: £30m\n", "    2019-20: £30m\n    2019/20: £31m\n"), [("2019/20", 5, "funding.high_needs_block.2019/20", "allocation for 2019-20 is given twice")])
case("year-outside-range", "an outturn for a year the scenario does not cover", sub("    2019-20: £1m\n", "    2019-20: £1m\n    2030-31: £2m\n"), [("2030-31", 5, "reserve.outturn.2030-31", "2030-31 is outside the scenario's years 2019-20 to 2022-23")])
case("money-garbage", "money that is not a number", sub("£30m", "£3O.2m"), [("£3O.2m", "£3O", "funding.high_needs_block.2019-20", "'£3O.2m' is not an amount of money")])
case("money-two-points", "money with two decimal points", sub("£30m", "£38.2.26m"), [("£38.2.26m", "£38", "funding.high_needs_block.2019-20", "is not an amount of money")])
case("money-bad-commas", "thousands separators in the wrong places", sub("£8,000", "£80,00"), [("£80,00", "£80", "costs.per_plan.mainstream", "is not an amount of money")])
case("money-nan", "NaN as an amount", sub("  other: £1m\n", "  other: .nan\n"), [("other: .nan", ".nan", "costs.other", "'.nan' is not an amount of money")])
case("money-inf", "infinity as an allocation", sub("£30m", ".inf"), [("2019-20: .inf", ".inf", "funding.high_needs_block.2019-20", "'.inf' is not an amount of money")])
case("money-huge", "an amount too large for any budget", sub("£200m", "99999999999999999999999999999"), [("dsg_total", "999", "funding.dsg_total", "is too large")])
case("money-negative-cost", "a negative cost per plan", sub("£20,000", "-£20,000"), [("-£20,000", "-£", "costs.per_plan.special", "the amount is negative")])
case("money-zero-allocation", "an allocation of nothing", sub("£30m", "£0"), [("2019-20: £0", "£0", "funding.high_needs_block.2019-20", "the amount is zero")])
case("percent-ambiguous", "a bare 3 for growth", sub("  growth: 3%\n", "  growth: 3\n"), [("  growth: 3", "3", "funding.growth", "'3' is ambiguous")])
case("percent-out-of-range", "inflation of 75% a year", sub("inflation: 2%", "inflation: 75%"), [("inflation", "75", "costs.inflation", "out of range")])
case("percent-text", "a percentage that is a word", sub("inflation: 2%", "inflation: two percent"), [("inflation", "two", "costs.inflation", "is not a percentage")])
case("shares-not-100", "placement shares that add up to 90%", sub("special: 60%", "special: 50%"), [("placements:", 3, "demand.placements", "the shares add up to 90.0%")])
case("share-negative", "a negative share", sub("mainstream: 40%", "mainstream: -40%"), [("mainstream: -40%", "-40", "demand.placements.mainstream", "out of range")])
case("placement-name", "a placement name with capitals and spaces", sub("    special: 60%\n", "    Special School: 60%\n").replace("    special: £20,000\n", "    Special School: £20,000\n"), [("Special School: 60%", 5, "demand.placements.Special School", "not a usable placement name")])
case("count-negative", "a negative census count", sub("2020: 1200", "2020: -1200"), [("2020: -1200", "-1200", "demand.census.2020", "'-1200' is negative")])
case("count-fraction", "a fractional census count", sub("2020: 1200", "2020: 1200.5"), [("2020: 1200.5", "1200", "demand.census.2020", "not a whole number")])
case("count-word", "a census count that is a word", sub("2020: 1200", "2020: lots"), [("2020: lots", "lots", "demand.census.2020", "'lots' is not a number")])
case("census-year-bad", "a census keyed by a financial year", sub("    2020: 1200\n", "    2019-20: 1200\n"), [("2019-20: 1200", 5, "demand.census.2019-20", "'2019-20' is not a census year")])
case("census-too-late", "a ledger that starts before the first census", sub("years: 2019-20 to 2022-23", "years: 2016-17 to 2022-23").replace("    2019-20: £30m\n", "    2016-17: £28m\n    2019-20: £30m\n"), [("years:", "2016", "years", "2016-17 uses the January 2017 census, earlier than the first count given (2018)")])
case("unknown-model", "a misspelt forecasting model", sub("  growth: 5%\n", "  model: linaer\n"), [("model: linaer", "linaer", "demand.model", "unknown forecasting model 'linaer' (did you mean 'linear'?)")])
case("model-and-growth", "both a model and a growth rate", sub("  growth: 5%\n", "  growth: 5%\n  model: linear\n"), [("model: linear", "linear", "demand.model", "both model and growth are given")])
case("cost-missing", "a placement with no cost", sub("    special: £20,000\n", ""), [("per_plan:", 3, "costs.per_plan", "no cost for placement 'special'")])
case("cost-misspelt", "a cost for a misspelt placement", sub("    special: £20,000\n", "    specail: £20,000\n"), [("specail", 5, "costs.per_plan.specail", "did you mean 'special'?"), ("per_plan:", 3, "costs.per_plan", "no cost for placement 'special'")])
case("trend-unknown-placement", "a trend for a placement with no share", sub("  placements:\n", "  placement_trend:\n    independent: 1%\n  placements:\n"), [("independent: 1%", 5, "demand.placement_trend.independent", "'independent' has no share in demand.placements")])
case("calibrate-no-outturn", "calibration to a year with no outturn", sub("calibrate: 2019-20", "calibrate: 2020-21"), [("calibrate:", "2020-21", "calibrate", "no outturn for 2020-21 to calibrate against")])
case("calibrate-outside", "calibration to a year outside the scenario", sub("calibrate: 2019-20", "calibrate: 2031-32"), [("calibrate:", "2031", "calibrate", "2031-32 is outside the scenario's years")])
case("unfunded-year", "a year with neither an allocation nor an outturn", sub("years: 2019-20 to 2022-23", "years: 2018-19 to 2022-23"), [("high_needs_block:", 3, "funding.high_needs_block", "no allocation for 2018-19")])
case("forecast-too-few", "a fitted model with too few census counts", sub("    2018: 1000\n    2019: 1100\n", "").replace("  growth: 5%\n", "  model: linear\n"), [("model: linear", "linear", "demand.model", "the demand forecast could not be made")])

# Several authorities (demand.authorities), each with its own series.
AUTHORITIES = "  authorities:\n    Northshire: {2018: 400, 2019: 450, 2020: 500}\n    Southshire: {2018: 600, 2019: 650, 2020: 700}\n"
def authorities(text):
    return sub("  census:\n    2018: 1000\n    2019: 1100\n    2020: 1200\n", text)
case("authorities-and-census", "both one census series and one per authority",
     sub("  growth: 5%\n", AUTHORITIES + "  growth: 5%\n"),
     [("authorities:", 3, "demand.authorities", "both census and authorities are given")])
case("authorities-years-differ", "an authority whose census years differ from the others'",
     authorities(AUTHORITIES + "    Westshire: {2019: 300, 2020: 320}\n"),
     [("Westshire", "{", "demand.authorities.Westshire", "'Westshire' has counts for 2019-2020 but the other 2 authorities for 2018-2020")])
case("authority-count-bad", "a census count that is a word in one authority's series",
     authorities(AUTHORITIES.replace("2019: 650", "2019: many")),
     [("Southshire", "many", "demand.authorities.Southshire.2019", "'many' is not a number")])
case("authorities-empty", "an empty authorities mapping",
     authorities("  authorities: {}\n"), [("authorities:", "{}", "demand.authorities", "no authorities given")])
case("authority-forecast-too-few", "a fitted model with one count per authority",
     authorities("  authorities:\n    Northshire: {2020: 500}\n    Southshire: {2020: 700}\n").replace("  growth: 5%\n", "  model: linear\n"),
     [("Northshire", 5, "demand.authorities.Northshire", "the demand forecast for Northshire could not be made"),
      ("Southshire", 5, "demand.authorities.Southshire", "the demand forecast for Southshire could not be made")])
case("authorities-years-tie", "two authorities with different census years and no majority: the first written is the reference",
     authorities("  authorities:\n    Northshire: {2018: 400, 2019: 450}\n    Southshire: {2019: 650, 2020: 700}\n"),
     [("Southshire", "{", "demand.authorities.Southshire", "'Southshire' has counts for 2019-2020 but 'Northshire' for 2018-2019")])
case("authority-unnamed", "an authority whose name is empty",
     authorities(AUTHORITIES + '    "": {2018: 10, 2019: 20, 2020: 30}\n'),
     [('"": {', 5, 'demand.authorities.', "an authority without a name")])
case("calibrate-impossible", "other spend alone larger than actual spend", sub("  other: £1m\n", "  other: £40m\n"), [("calibrate:", "2019", "calibrate", "is less than other spend")])
case("many-problems", "several problems at once, all reported", sub("authority: Testshire\n", "").replace("inflation: 2%", "inflation: lots").replace("special: 60%", "special: 50%"),
     [(None, 1, "authority", "missing required field"), ("inflation", "lots", "costs.inflation", "is not a percentage"), ("placements:", 3, "demand.placements", "add up to 90.0%")])

def places(text):
    return BASE + text
case("places-unknown-setting", "capacity for a misspelt setting", places("places:\n  overflow: mainstream\n  settings:\n    specal:\n      capacity: 100\n"),
     [("specal:", 5, "places.settings.specal", "setting 'specal' has no share in demand.placements (did you mean 'special'?)")])
case("places-overflow-unknown", "an overflow placement with no share", places("places:\n  overflow: independant\n  settings:\n    special:\n      capacity: 100\n"),
     [("overflow: independant", "independant", "places.overflow", "overflow placement 'independant' has no share")])
case("places-default-overflow", "no overflow named, and no independent_special placement", places("places:\n  settings:\n    special:\n      capacity: 100\n"),
     [("places:", 1, "places", "the default overflow placement 'independent_special' has no share")])
case("places-negative-capacity", "a negative capacity", places("places:\n  overflow: mainstream\n  settings:\n    special:\n      capacity: -5\n"),
     [("capacity: -5", "-5", "places.settings.special.capacity", "'-5' is negative")])
case("places-closure-below-zero", "closures larger than the places open", places("places:\n  overflow: mainstream\n  settings:\n    special:\n      capacity: 10\n      closures:\n        2021-22: 20\n"),
     [("closures:", 7, "places.settings.special.closures", "closures take capacity below zero in 2021-22")])
case("places-opening-outside", "an opening after the scenario ends", places("places:\n  overflow: mainstream\n  settings:\n    special:\n      capacity: 10\n      openings:\n        2030-31: 50\n"),
     [("2030-31: 50", 9, "places.settings.special.openings.2030-31", "2030-31 is outside the scenario's years")])
case("places-overflow-is-setting", "the overflow placement given a capacity", places("places:\n  overflow: special\n  settings:\n    special:\n      capacity: 10\n"),
     [("LAST:    special:", 5, "places.settings.special", "'special' is the overflow placement")])
case("places-missing-capacity", "a setting without its capacity", places("places:\n  overflow: mainstream\n  settings:\n    special:\n      openings:\n        2021-22: 20\n"),
     [("LAST:    special:", 5, "places.settings.special.capacity", "missing required field 'capacity'")])

case("extends-self", "a scenario that extends itself", "extends: extends-self.yaml\n" + BASE,
     [("extends:", "extends-self", "extends", "already in the chain")])
case("extends-missing", "a base scenario that does not exist", "extends: no-such-base.yaml\n" + BASE,
     [("extends:", "no-such", "extends", "cannot read the base scenario 'no-such-base.yaml'")])
case("extends-list", "extends given a list", "extends: [a.yaml, b.yaml]\n" + BASE,
     [("extends:", "[", "extends", "found a list")])

def levers(text):
    return BASE + "levers:\n" + text
case("lever-unknown-placement", "a move from a misspelt placement", levers("  - name: Move\n    type: move_placements\n    from: mainstrem\n    to: special\n    plans_per_year: 10\n    start: 2020-21\n"),
     [("from: mainstrem", "mainstrem", "levers[0].from", "placement 'mainstrem' has no cost in costs.per_plan (did you mean 'mainstream'?)")])
case("lever-no-cost", "a unit cost change for a placement the scenario has no cost for", levers("  - name: Banding\n    type: unit_cost\n    placement: independent_special\n    change: -5%\n    start: 2020-21\n"),
     [("placement: independent_special", "independent_special", "levers[0].placement", "placement 'independent_special' has no cost in costs.per_plan")])
case("lever-negative-count", "a negative number of plans moved", levers("  - name: Move\n    type: move_placements\n    from: special\n    to: mainstream\n    plans_per_year: -10\n    start: 2020-21\n"),
     [("plans_per_year", "-10", "levers[0].plans_per_year", "'-10' is negative")])
case("lever-end-before-start", "a lever that ends before it starts", levers("  - name: Early help\n    type: demand_growth\n    change: -1%\n    start: 2021-22\n    end: 2020-21\n"),
     [("end: 2020-21", "2020-21", "levers[0].end", "the lever ends (2020-21) before it starts (2021-22)")])
case("lever-unknown-type", "a misspelt lever type", levers("  - name: Transfer\n    type: block_transfers\n    amount: £1m\n    start: 2020-21\n"),
     [("type: block_transfers", "block_transfers", "levers[0].type", "unknown lever type 'block_transfers' (did you mean 'block_transfer'?)")])
case("lever-percent-no-block", "a percentage transfer without the Schools Block", levers("  - name: Transfer\n    type: block_transfer\n    percent: 0.5%\n    start: 2020-21\n"),
     [("percent: 0.5%", "0.5%", "levers[0].percent", "a percentage transfer needs the Schools Block")])
case("lever-ramp-range", "a ramp step above 100%", levers("  - name: Early help\n    type: demand_growth\n    change: -1%\n    start: 2020-21\n    ramp: [50%, 150%]\n"),
     [("ramp:", "150%", "levers[0].ramp[1]", "a ramp step of 150.0% is out of range")])
case("lever-duplicate-name", "two levers with one name", levers("  - name: Grant\n    type: extra_funding\n    amounts:\n      2020-21: £1m\n  - name: Grant\n    type: extra_funding\n    amounts:\n      2021-22: £1m\n"),
     [("LAST:- name: Grant", "name", "levers[1]", "a second lever is called 'Grant'")])
case("lever-missing-start", "a lever without a start year", levers("  - name: Early help\n    type: demand_growth\n    change: -1%\n"),
     [("- name: Early help", "name", "levers[0].start", "missing required field 'start'")])
case("lever-start-outside", "a lever starting after the scenario ends", levers("  - name: Early help\n    type: demand_growth\n    change: -1%\n    start: 2030-31\n"),
     [("start: 2030-31", "2030-31", "levers[0].start", "2030-31 is outside the scenario's years")])
case("levers-not-list", "levers written as a mapping", BASE + "levers:\n  grant: £1m\n",
     [("levers:", 1, "levers", "found a mapping")])

bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
case("alias-bomb", "aliases nested to expand to hundreds of millions of values", bomb,
     [("f: &f", 11, "", "the file expands to more than 200000 values")])

case("needs-not-100", "need shares that add up to 90%", sub("  placements:\n", "  needs:\n    ASD: 40%\n    SEMH: 50%\n  placements:\n"),
     [("needs:", 3, "demand.needs", "the need shares add up to 90.0%")])
case("places-unknown-need", "places for a need group with no share", sub("  placements:\n", "  needs:\n    ASD: 40%\n    SEMH: 60%\n  placements:\n") + "places:\n  overflow: mainstream\n  settings:\n    special:\n      capacity: 100\n      needs:\n        ADS:\n          capacity: 40\n",
     [("ADS:", 9, "places.settings.special.needs.ADS", "need group 'ADS' has no share in demand.needs (did you mean 'ASD'?)")])

case("flow-comma-money", "a money value with a thousands comma inside { }", sub("  per_plan:\n    mainstream: £8,000\n    special: £20,000\n", "  per_plan: {mainstream: £8,000, special: £20k}\n"),
     [("per_plan: {", "000", "costs.per_plan.000", "inside { } or [ ] a comma separates entries")])

def uncertainty(text):
    return BASE + "uncertainty:\n" + text
case("uncertainty-unknown-key", "a misspelt key inside uncertainty", uncertainty("  unit_cost_inflaton: 1%\n"),
     [("unit_cost_inflaton", 3, "uncertainty.unit_cost_inflaton", "unknown key 'unit_cost_inflaton' (did you mean 'unit_cost_inflation'?)")])
case("uncertainty-sd-out-of-range", "a standard deviation of inflation of 40 points a year", uncertainty("  unit_cost_inflation: 40%\n"),
     [("unit_cost_inflation: 40%", "40%", "uncertainty.unit_cost_inflation", "a standard deviation of 40.0 points a year for unit-cost inflation is out of range")])
case("uncertainty-setting-unknown", "inflation by a misspelt setting", uncertainty("  unit_cost_inflation_by_setting:\n    specail: 2%\n"),
     [("specail:", 5, "uncertainty.unit_cost_inflation_by_setting.specail", "setting 'specail' has no cost in costs.per_plan (did you mean 'special'?)")])
case("uncertainty-shock-one-authority", "a national shock in a scenario with one authority", uncertainty("  national_shock: 50%\n"),
     [("national_shock", "50%", "uncertainty.national_shock", "a national shock needs several authorities")])
case("uncertainty-shock-out-of-range", "a common share above 100%", authorities(AUTHORITIES) + "uncertainty:\n  national_shock: 150%\n",
     [("national_shock", "150%", "uncertainty.national_shock", "a common share of 150.0% is out of range")])
case("uncertainty-year-outside", "growth uncertainty for a year outside the ledger", uncertainty("  high_needs_block_growth:\n    2030-31: 1%\n"),
     [("2030-31: 1%", 5, "uncertainty.high_needs_block_growth.2030-31", "2030-31 is outside the scenario's years")])

counts["money-missing-unit"] = 1
counts["outturn-missing-unit"] = 1
counts["extends-missing"] = 1
counts["authority-count-bad"] = 1
counts["authorities-years-differ"] = 1
counts["authorities-and-census"] = 1
counts["alias-bomb"] = 1
counts["authorities-years-tie"] = 1
counts["authority-unnamed"] = 1
counts["authority-forecast-too-few"] = 2
case("money-missing-unit", "an allocation written in millions without the m", sub("£30m", "30.5"),
     [("2019-20: 30.5", "30.5", "funding.high_needs_block.2019-20", "'30.5' is only £30.50: a unit seems to be missing")])
case("outturn-missing-unit", "an outturn written in millions without the m", sub("    2019-20: £1m\n", "    2019-20: 3.688\n"),
     [("2019-20: 3.688", "3.688", "reserve.outturn.2019-20", "a unit seems to be missing")])

case("places-phase-without-mix", "places by phase with no phase mix", BASE + "places:\n  overflow: mainstream\n  settings:\n    special:\n      capacity: 100\n      phases:\n        primary:\n          capacity: 40\n",
     [("primary:", 9, "places.settings.special.phases.primary", "phase 'primary' has no share in demand.phases")])

for name, desc, body, expects in cases:
    header_count = 1 + len(expects) + (1 if name in counts else 0)
    lines = body.split("\n")
    out = []
    for anchor, at, field, text in expects:
        if anchor is None:
            line = 1 if body.strip() == "" or body.startswith("#") else 1
            lineno = header_count + 1 if body.strip() != "" and not body.startswith("#") else 1
            if body.strip() == "" or body.startswith("#"): lineno = 1
            col = at
        else:
            # "LAST:" picks the last line containing the anchor (for names used twice).
            if anchor.startswith("LAST:"):
                anchor = anchor[5:]
                idx = max(i for i, l in enumerate(lines) if anchor in l)
            else:
                idx = next(i for i, l in enumerate(lines) if anchor in l)
            lineno = idx + 1 + header_count
            if isinstance(at, int): col = at
            elif at is None: col = None
            else: col = lines[idx].index(at) + 1
        out.append((lineno, col, field, text))
    header = ["# bad scenario: " + desc] + ([f"# expect-count: {counts[name]}"] if name in counts else [])
    for lineno, col, field, text in out:
        pos = f"{lineno}:{col}" if col is not None else f"{lineno}"
        header.append(f"# expect: {pos} | {field} | {text}")
    if body.strip() == "":
        content = body  # truly empty file: no header possible, expectation kept in a side file
        with open(os.path.join(OUT, name + ".yaml"), "w") as f: f.write(content)
        with open(os.path.join(OUT, name + ".expect"), "w") as f: f.write("\n".join(h for h in header) + "\n")
        continue
    if body.startswith("#"):
        with open(os.path.join(OUT, name + ".yaml"), "w") as f: f.write(body)
        with open(os.path.join(OUT, name + ".expect"), "w") as f: f.write("\n".join(header) + "\n")
        continue
    with open(os.path.join(OUT, name + ".yaml"), "w") as f:
        f.write("\n".join(header) + "\n" + body)
print(len(cases))
