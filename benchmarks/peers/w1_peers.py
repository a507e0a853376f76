#!/usr/bin/env python3
"""W1 batch fit, peers: statsmodels OLS and numpy lstsq in a loop over 10,000 series.

Usage: python3 w1_peers.py statsmodels|numpy|numpy-batched [--series 10000] [--reps 3]

The series are those of hn-bench's W1 (Sources/hn-bench/W1BatchFit.swift), drawn with the
same SplitMix64 generator and seed in the same order, so the inputs are bit-for-bit the
same: 12 annual points 2009..2020 per series, a level L = 500 + 4500u, a slope
L(-0.02 + 0.12u) a year, uniform noise +/-3% of L. The design [1, year] is built once.

statsmodels: sm.OLS(y, X).fit() per series, then every result the Swift fit also returns is
read (statsmodels computes them lazily): params, bse, tvalues, pvalues, rsquared,
rsquared_adj, llf, aic, bic, fittedvalues, resid, cov_params(), condition_number.
numpy: np.linalg.lstsq(X, y, rcond=None) per series: coefficients, residual sum of squares,
rank and singular values only; no standard errors, R^2 or criteria (it computes less).
numpy-batched (for information, no target): ONE np.linalg.lstsq(X, Y.T) call with the
10,000 series as right-hand sides, possible here only because every series shares the same
design: coefficients and residual sums of squares, no inference. It shows what a vectorised
numpy user would write for this particular batch.

Prints RESULT / CHECK lines for hn-bench summarise. Timing: time.perf_counter (wall) and
time.process_time (CPU) around one full pass, after an untimed warm-up pass over the first
tenth of the series (as hn-bench does).
"""
import sys
import time

import numpy as np

MASK = 0xFFFFFFFFFFFFFFFF
SEED = 20201


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return float(self.next() >> 11) * 2.0**-53


def series(count):
    years = [float(y) for y in range(2009, 2021)]
    rng = SplitMix64(SEED)
    out = np.empty((count, len(years)))
    for s in range(count):
        level = 500.0 + 4500.0 * rng.uniform()
        slope = level * (-0.02 + 0.12 * rng.uniform())
        amplitude = level * 0.03
        for j, year in enumerate(years):
            out[s, j] = level + slope * (year - 2009.0) + amplitude * (2.0 * rng.uniform() - 1.0)
    return np.array(years), out


def statsmodels_pass(X, Y):
    import statsmodels.api as sm

    slope = se = r2 = llf = 0.0
    for y in Y:
        r = sm.OLS(y, X).fit()
        params, bse = r.params, r.bse
        _ = (r.tvalues, r.pvalues, r.rsquared_adj, r.aic, r.bic, r.fittedvalues, r.resid,
             r.cov_params(), r.condition_number)
        slope += params[1]
        se += bse[1]
        r2 += r.rsquared
        llf += r.llf
    return f"sum_slope={slope:.12g} sum_se_slope={se:.12g} sum_r2={r2:.12g} sum_loglik={llf:.12g}"


def numpy_pass(X, Y):
    slope = 0.0
    for y in Y:
        coef, rss, rank, sv = np.linalg.lstsq(X, y, rcond=None)
        slope += coef[1]
    return f"sum_slope={slope:.12g}"


def numpy_batched_pass(X, Y):
    coef, rss, rank, sv = np.linalg.lstsq(X, Y.T, rcond=None)
    return f"sum_slope={coef[1].sum():.12g}"


def main(argv):
    if len(argv) < 2 or argv[1] not in ("statsmodels", "numpy", "numpy-batched"):
        sys.exit(__doc__)
    opts = dict(zip(argv[2::2], argv[3::2]))
    count = int(opts.get("--series", 10000))
    reps = int(opts.get("--reps", 3))
    years, Y = series(count)
    X = np.column_stack([np.ones_like(years), years])
    body, tool = {
        "statsmodels": (statsmodels_pass, "statsmodels-ols"),
        "numpy": (numpy_pass, "numpy-lstsq"),
        "numpy-batched": (numpy_batched_pass, "numpy-lstsq-batched"),
    }[argv[1]]
    body(X, Y[: max(1, count // 10)])  # warm-up
    check = ""
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        check = body(X, Y)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"RESULT w1 {tool} {wall!r} {count} {cpu!r}", flush=True)
    print(f"CHECK w1 {tool} {check}", flush=True)


if __name__ == "__main__":
    main(sys.argv)
