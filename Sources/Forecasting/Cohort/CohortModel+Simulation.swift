import Statistics

/// One projected year of the cohort model: plans by band and placement, their mean over the
/// simulated paths and the 80% and 95% bounds (empirical quantiles of the paths).
public struct CohortProjectedYear: Sendable {
  /// The January census year.
  public let year: Int
  /// Mean plans by band and placement.
  public let mean: [[Double]]
  /// Bounds by band and placement, for each level (80, 95): `(lower, upper)`.
  public let bounds: [[[(Double, Double)]]]
  /// Total plans in each band: mean, then (lower, upper) for 80 and 95.
  public let bandTotals: [(mean: Double, bounds: [(Double, Double)])]
  /// All plans: mean, then (lower, upper) for 80 and 95.
  public let total: (mean: Double, bounds: [(Double, Double)])
}

/// A cohort projection: the years after the start census.
public struct CohortProjection: Sendable {
  /// The interval levels, in percent.
  public let levels: [Double]
  /// The number of simulated paths.
  public let paths: Int
  /// The seed of the generator.
  public let seed: UInt64
  /// The projected censuses.
  public let years: [CohortProjectedYear]
}

extension CohortModel {
  /// One step of the flow equations from `stock`, with the year's draws.
  func step(_ stock: [[Double]], newPlans: [Double], ceasing: [Double], residual: [Double]) -> [[Double]] {
    step(stock, newPlans: newPlans, ceasing: ceasing, residual: residual, change: .none, mix: newPlanMix)
  }

  /// The central path: every rate at its mean and new plans at their trend.
  public func centralPath(years: Int) -> [[[Double]]] { centralPath(years: years, levers: []) }

  /// Simulates `paths` futures of `years` censuses after `startYear`.
  ///
  /// Each path and year draws, per band (or once for every band, with
  /// `settings.commonShocks`), new plans from the trend's predictive law (a uniform
  /// through `Forecast.quantile`), a ceasing rate and a residual rate from normals with the
  /// history's mean and yearly standard deviation (clamped to [0, 1] and [−1, 1]). Deviates
  /// come from `SplitMix64(seed:)` through the normal quantile (AS 241), so a seed gives the same
  /// figures on every platform. Bounds are the empirical quantiles (type 7, as R's default).
  public func simulate(years: Int, paths: Int = 1000, seed: UInt64 = 20_260_101, levels: [Double] = [80, 95])
    -> CohortProjection
  {
    let bandCount = CohortBand.allCases.count
    var generator = SplitMix64(seed: seed)
    // samples[k][b][p] = values over paths
    var samples = [[[[Double]]]](
      repeating: [[[Double]]](repeating: [[Double]](repeating: [], count: placements.count), count: bandCount),
      count: years)
    for _ in 0..<paths {
      var stock = start
      for k in 0..<years {
        let (made, ends, rest) = drawFlows(step: k, &generator)
        stock = step(stock, newPlans: made, ceasing: ends, residual: rest)
        for b in 0..<bandCount { for p in placements.indices { samples[k][b][p].append(stock[b][p]) } }
      }
    }
    let projected = (0..<years).map { k -> CohortProjectedYear in
      let cells = samples[k]
      let bandSums = cells.map { row in (0..<paths).map { i in row.reduce(0) { $0 + $1[i] } } }
      let all = (0..<paths).map { i in bandSums.reduce(0) { $0 + $1[i] } }
      return CohortProjectedYear(
        year: startYear + k + 1, mean: cells.map { $0.map(Self.mean) },
        bounds: cells.map { $0.map { Self.bounds($0, levels) } },
        bandTotals: bandSums.map { (Self.mean($0), Self.bounds($0, levels)) },
        total: (Self.mean(all), Self.bounds(all, levels)))
    }
    return CohortProjection(levels: levels, paths: paths, seed: seed, years: projected)
  }

  static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(1, values.count)) }

  /// Empirical (lower, upper) quantiles for each level, type 7 interpolation.
  static func bounds(_ values: [Double], _ levels: [Double]) -> [(Double, Double)] {
    let sorted = values.sorted()
    func q(_ p: Double) -> Double {
      guard !sorted.isEmpty else { return 0 }
      let h = Double(sorted.count - 1) * p
      let lo = Int(h.rounded(.down))
      let hi = min(sorted.count - 1, lo + 1)
      return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
    return levels.map { level in (q((1 - level / 100) / 2), q(1 - (1 - level / 100) / 2)) }
  }
}
