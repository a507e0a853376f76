import Statistics

/// What a scenario's flow levers do to one calendar year's flows in the cohort model: a
/// multiplier on new plans (every band), a multiplier on each band's ceasing rate, and
/// multipliers on the share of new plans going to particular placements.
///
/// A share change moves new plans between placements inside a band, so the band's new plans are
/// unchanged: the target placement's share `m` becomes `min(1, m × f)` and every other
/// placement's share is scaled by `(1 − min(1, m × f)) / (1 − m)`, so the row still adds to 1.
public struct CohortFlowChange: Sendable, Equatable {
  /// Multiplier on new plans in every band (0.5 halves them).
  public var newPlans: Double
  /// A further multiplier on each band's new plans (a population input's scaling; all 1 by default).
  public var newPlansByBand: [Double]
  /// Multiplier on each band's ceasing rate (`CohortBand.allCases` order).
  public var ceasing: [Double]
  /// Multiplier on the share of new plans going to a placement, by placement index.
  public var newPlanShare: [Int: Double]

  /// No change.
  public static let none = CohortFlowChange()

  /// A change; the defaults change nothing.
  public init(
    newPlans: Double = 1, ceasing: [Double] = Array(repeating: 1, count: CohortBand.allCases.count),
    newPlanShare: [Int: Double] = [:], newPlansByBand: [Double] = Array(repeating: 1, count: CohortBand.allCases.count)
  ) {
    self.newPlans = newPlans
    self.newPlansByBand = newPlansByBand
    self.ceasing = ceasing
    self.newPlanShare = newPlanShare
  }
}

extension CohortModel {
  /// The placement mix of new plans with `change`'s share multipliers applied (see
  /// ``CohortFlowChange``); unchanged rows where the target's share is 0 or already 1.
  public func newPlanMix(with change: CohortFlowChange) -> [[Double]] {
    guard !change.newPlanShare.isEmpty else { return newPlanMix }
    return newPlanMix.map { row in
      var mix = row
      for (target, factor) in change.newPlanShare.sorted(by: { $0.key < $1.key }) where mix.indices.contains(target) {
        let old = mix[target]
        guard old > 0, old < 1 else { continue }
        let new = min(1, max(0, old * factor))
        let scale = (1 - new) / (1 - old)
        for p in mix.indices { mix[p] = p == target ? new : mix[p] * scale }
      }
      return mix
    }
  }

  /// One step of the flow equations with `change` applied: new plans × `change.newPlans`
  /// spread by the changed mix, ceasing rates × `change.ceasing` (capped at 1). With
  /// ``CohortFlowChange/none`` it is the model's own step, value for value.
  func step(
    _ stock: [[Double]], newPlans: [Double], ceasing: [Double], residual: [Double], change: CohortFlowChange,
    mix: [[Double]]
  ) -> [[Double]] {
    let bands = CohortBand.allCases
    let totals = stock.map { $0.reduce(0, +) }
    var next = stock
    for band in bands {
      let b = band.rawValue
      let inflow = b == 0 ? 0 : totals[b - 1] * ageing[b - 1]
      let ceased = change.ceasing[b] == 1 ? ceasing[b] : min(1, ceasing[b] * change.ceasing[b])
      let keep = 1 - ceased - ageing[b] + residual[b]
      let made = newPlans[b] * change.newPlans * change.newPlansByBand[b]
      for p in placements.indices {
        let moved = inflow * (stockMix[b].reduce(0, +) > 0 ? stockMix[b][p] : newPlanMix[b][p])
        next[b][p] = max(0, stock[b][p] * keep + moved + made * mix[b][p])
      }
    }
    return next
  }

  /// The central path (rates at their means, new plans at their trend) with `changes[k]`
  /// applied to the flows of calendar year `startYear + k` (no change past the array's end);
  /// index `k` of the result is the census `startYear + k + 1`, band × placement.
  public func centralPath(years: Int, changes: [CohortFlowChange]) -> [[[Double]]] {
    var stock = start
    var path: [[[Double]]] = []
    for k in 0..<years {
      let change = k < changes.count ? changes[k] : .none
      stock = step(
        stock, newPlans: newPlans.map { max(0, $0.points[k].mean) }, ceasing: ceasing.map(\.mean),
        residual: residual.map(\.mean), change: change, mix: newPlanMix(with: change))
      path.append(stock)
    }
    return path
  }

  /// One simulated year's flows, band by band: new plans from the trend's predictive law (a
  /// uniform through `Forecast.quantile`), then ceasing rates and residual rates from normals
  /// with the history's mean and yearly standard deviation (clamped to [0, 1] and [−1, 1]).
  func drawFlows(step k: Int, _ generator: inout SplitMix64) -> (
    newPlans: [Double], ceasing: [Double], residual: [Double]
  ) {
    // With common shocks one uniform per year and flow serves every band.
    let shared = settings.commonShocks ? (generator.openUniform(), generator.openUniform(), generator.openUniform()) : nil
    let made = newPlans.map { $0.quantile(shared?.0 ?? generator.openUniform(), step: k) ?? max(0, $0.points[k].mean) }
    let ends = ceasing.map {
      min(1, max(0, $0.mean + $0.standardDeviation * Normal.quantile(shared?.1 ?? generator.openUniform())))
    }
    let rest = residual.map {
      min(1, max(-1, $0.mean + $0.standardDeviation * Normal.quantile(shared?.2 ?? generator.openUniform())))
    }
    return (made, ends, rest)
  }

  /// Total plans on `paths` simulated futures with `changes` applied, each year's totals sorted
  /// ascending (index `k` is the census `startYear + k + 1`).
  ///
  /// The draws are ``simulate(years:paths:seed:levels:)``'s, in the same order (per path and
  /// year: new plans, ceasing rates, residual rates, band by band), so with no changes the
  /// totals are that simulation's, path for path; with changes the same deviates are used
  /// (common random numbers), so a lever's effect is not blurred by sampling noise.
  public func simulatedTotals(years: Int, paths: Int, seed: UInt64, changes: [CohortFlowChange]) -> [[Double]] {
    var generator = SplitMix64(seed: seed)
    var totals = [[Double]](repeating: [], count: years)
    let mixes = (0..<years).map { newPlanMix(with: $0 < changes.count ? changes[$0] : .none) }
    for _ in 0..<paths {
      var stock = start
      for k in 0..<years {
        let (made, ends, rest) = drawFlows(step: k, &generator)
        stock = step(
          stock, newPlans: made, ceasing: ends, residual: rest, change: k < changes.count ? changes[k] : .none,
          mix: mixes[k])
        totals[k].append(stock.reduce(0) { $0 + $1.reduce(0, +) })
      }
    }
    return totals.map { $0.sorted() }
  }
}
