#!/usr/bin/env python3
"""W4 peer (issue 16): the highneeds Monte Carlo written with numpy, vectorised.

The same model as `Ledger.simulate` (Sources/Projection/Simulation): the inputs are what
`hn-bench w4-export` writes from our compiled simulation (quantile tables' cubic coefficients in
z, the copula factors, each year's compiled cost model and funding), so the two tools run the
same arithmetic on different random numbers (numpy's default generator, PCG64 with its
ziggurat normals, against our SplitMix64 streams and ziggurat). Percentiles therefore agree
within Monte Carlo error, which `--compare` checks.

  w4_simulation.py INPUTS.json [--draws 100000] [--seed 1]            one run: JSON to stdout
  w4_simulation.py INPUTS.json --reps 3 --tool numpy-sim --workload w4-medway
                                   timed passes in this process: RESULT lines (simulation only)
  w4_simulation.py INPUTS.json --compare OURS.json --workload w4-medway
                                   a CHECK line: do our percentiles agree with these?

Per year and draw, as the Swift code: plans = G(Z) with Z = L @ eps (one matrix product for all
draws); with a national shock each authority's Z_a = sqrt(c) Z_common + sqrt(1 - c) L_a @ eps_a;
plans by placement = plans x multiplier x share, then move levers, then the overflow of full
settings; spend = sum(costed x base cost x index x factor) + other x index - one-off; funding =
((allocation x growth factor + transfer) + income) + lever funding; reserve += funding - spend;
an outturn year's balance is minus its overspend. Unit-cost inflation and High Needs Block growth
deviates as the Swift code draws them (inflation by setting is not implemented here: the peer
refuses such inputs).
"""
import json
import sys
import time

import numpy as np


def arguments(argv):
    options = {"draws": "100000", "seed": "1", "reps": "0", "tool": "numpy-sim", "workload": "w4"}
    rest = []
    i = 0
    while i < len(argv):
        if argv[i].startswith("--") and i + 1 < len(argv):
            options[argv[i][2:]] = argv[i + 1]
            i += 2
        else:
            rest.append(argv[i])
            i += 1
    return rest, options


def table(z, coefficients, start, inverse, pieces):
    """G(z) from a table's cubic pieces (pieces x 4), z clamped to the table."""
    position = np.clip((z - start) * inverse, 0.0, pieces - 2.0 ** -40)
    piece = position.astype(np.int64)
    t = position - piece
    c = coefficients[piece]
    return c[:, 0] + t * (c[:, 1] + t * (c[:, 2] + t * c[:, 3]))


def simulate(model, draws, seed):
    rng = np.random.default_rng(seed)
    common_factor = np.array(model["commonFactor"], dtype=float)
    h = common_factor.shape[0]
    start, inverse, pieces = model["tableStart"], model["tableInverseStep"], int(model["tablePieces"])
    share = model["commonShare"]
    components = model["components"]
    coefficient_tables = [
        [np.array(t, dtype=float).reshape(-1, 4) if len(t) else None for t in c["tables"]] for c in components
    ]
    path = common_factor @ rng.standard_normal((h, draws))
    plans = np.zeros((h, draws))
    for a, component in enumerate(components):
        if share is None:
            z = path
        else:
            own = np.array(component["factor"], dtype=float) @ rng.standard_normal((h, draws))
            z = np.sqrt(share) * path + np.sqrt(1.0 - share) * own
        for year in range(h):
            coefficients = coefficient_tables[a][year]
            if coefficients is None:
                plans[year] += component["fixed"][year]
            else:
                plans[year] += table(z[year], coefficients, start, inverse, pieces)
    if model["settings"] > 0:
        raise SystemExit("w4_simulation.py: unit-cost inflation by setting is not implemented in the peer")
    years = model["years"]
    inflation, growth, factor = model["inflation"], model["growth"], model["factor"]
    reserve = np.full(draws, model["opening"])
    common = np.ones(draws)
    funding = np.ones(draws)
    out_reserve, out_balance, out_plans = [], [], []
    for year in years:
        planned = plans[int(year["drawn"])] if year["drawn"] is not None else np.full(draws, year["centralPlans"])
        now = planned * year["multiplier"]
        if year["overspend"] is not None:
            value = np.full(draws, -year["overspend"])
        else:
            if year["inflationSD"] > 0:
                common = common * (1 + inflation + year["inflationSD"] * rng.standard_normal(draws)) / (1 + inflation)
            if not year["grown"]:
                funding = np.ones(draws)
            elif year["growthSD"] > 0:
                funding = funding * (1 + growth + year["growthSD"] * rng.standard_normal(draws)) / (1 + growth)
            demand = np.outer(np.array(year["shares"]), now)
            for source, target, stock, capacity in year["moves"]:
                source, target = int(source), int(target)
                moved = np.minimum(stock, demand[source])
                if capacity is not None:
                    moved = np.minimum(moved, np.maximum(0.0, capacity - demand[target]))
                moved = np.where(moved > 0, moved, 0.0)
                demand[source] -= moved
                demand[target] += moved
            costed = demand
            for setting, capacity in year["overflows"]:
                setting = int(setting)
                excess = np.maximum(0.0, costed[setting] - capacity)
                costed[setting] -= excess
                costed[int(year["overflowTarget"])] += excess
            index = year["inflationIndex"] * common
            placements = (np.array(year["baseCost"])[:, None] * costed).sum(axis=0) * (index * factor)
            spend = placements + year["other"] * index - year["oneOff"]
            income = 0.0
            if year["allocation"] is not None:
                income = year["allocation"] * funding + year["transfer"] + year["income"] + year["leverFunding"]
            value = income - spend
        reserve = reserve + value
        out_reserve.append(reserve)
        out_balance.append(value)
        out_plans.append(now)
    return np.array(out_plans), np.array(out_reserve), np.array(out_balance), years


def summarise(plans, reserve, balance, years):
    n = reserve.shape[1]
    result = []
    levels = [5, 10, 50, 90, 95]
    plan_p = np.percentile(plans, levels, axis=1)  # linear: R's type 7, as ours
    reserve_p = np.percentile(reserve, levels, axis=1)
    ordered = np.sort(reserve, axis=1)
    for y, year in enumerate(years):
        entry = {"plansP50": plan_p[2, y]}
        for i, level in enumerate(levels):
            entry["reserveP%d" % level] = reserve_p[i, y]
            # Monte Carlo standard error of the percentile from the order statistics around it:
            # half the spread between ranks n*p -/+ sqrt(n p (1 - p)).
            p = level / 100
            spread = np.sqrt(n * p * (1 - p))
            lo = int(max(0, np.floor(n * p - spread)))
            hi = int(min(n - 1, np.ceil(n * p + spread)))
            entry["reserveP%dSE" % level] = (ordered[y, hi] - ordered[y, lo]) / 2
        entry["probabilityDeficit"] = float(np.mean(reserve[y] < 0))
        entry["probabilityOverspend"] = float(np.mean(balance[y] < 0))
        entry["reserveMean"] = float(np.mean(reserve[y]))
        result.append(entry)
    return result


def compare(ours_path, peer, draws, workload):
    ours = json.load(open(ours_path))["simulation"]["years"]
    worst = 0.0
    where = ""
    for mine, theirs in zip(ours, peer):
        for level in (5, 10, 50, 90, 95):
            se = theirs["reserveP%dSE" % level] * np.sqrt(2)  # two independent estimates
            difference = abs(mine["reserveP%d" % level] - theirs["reserveP%d" % level])
            z = difference / se if se > 0 else (0.0 if difference < 1 else np.inf)
            if z > worst:
                worst, where = z, "%s reserveP%d" % (mine["year"], level)
        for key in ("probabilityDeficit", "probabilityOverspend"):
            p = max(theirs[key], 1.0 / draws)
            se = np.sqrt(2 * p * (1 - p) / draws)
            z = abs(mine[key] - theirs[key]) / se if se > 0 else 0.0
            if z > worst:
                worst, where = z, "%s %s" % (mine["year"], key)
    agree = "yes" if worst <= 4 else "no"
    print("CHECK %s agreement numpy-vs-highneeds agree=%s (largest difference %.2f Monte Carlo SE, at %s; limit 4)"
          % (workload, agree, worst, where))


def main():
    rest, options = arguments(sys.argv[1:])
    if not rest:
        raise SystemExit(__doc__)
    model = json.load(open(rest[0]))
    draws = int(options["draws"])
    reps = int(options["reps"])
    if reps > 0:
        simulate(model, max(2, draws // 10), 7)  # warm-up
        check = ""
        for _ in range(reps):
            cpu0 = time.process_time()
            t0 = time.perf_counter()
            plans, reserve, balance, years = simulate(model, draws, int(options["seed"]))
            summary = summarise(plans, reserve, balance, years)
            elapsed = time.perf_counter() - t0
            print("RESULT %s %s %.6f %d %.6f" % (options["workload"], options["tool"], elapsed, draws,
                                                 time.process_time() - cpu0), flush=True)
            check = "draws=%d last_reserve_p50=%.12g" % (draws, summary[-1]["reserveP50"])
        print("CHECK %s %s %s" % (options["workload"], options["tool"], check))
        return
    plans, reserve, balance, years = simulate(model, draws, int(options["seed"]))
    summary = summarise(plans, reserve, balance, years)
    if "compare" in options:
        compare(options["compare"], summary, draws, options["workload"])
    else:
        json.dump(summary, sys.stdout)


if __name__ == "__main__":
    main()
