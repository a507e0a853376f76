import Forecasting
import HighNeeds

/// The cohort model's plans as the ledger uses them: band × placement tables for the start
/// census and every projected census, on the central path with the scenario's flow levers.
///
/// The ledger takes each year's placement mix from the table (plans × share, as for the trend
/// models, so `move_placements`, capacity and calibration work unchanged) and each placement's
/// phase mix for costs by phase and places by phase. A census before the start uses the start
/// table's mixes.
public struct CohortPath: Sendable {
  /// The model's placement groups, in the tables' order.
  public let placements: [Placement]
  /// The census the projection starts from.
  public let startCensus: CensusYear
  /// Plans by band (`CohortBand.allCases` order) × placement, by census.
  public let tables: [CensusYear: [[Double]]]
  /// The flow changes applied, one per calendar year from the start (`changes[k]` acts on the
  /// flows that take the census `startCensus + k` to the next).
  public let changes: [CohortFlowChange]
  /// The fitted model (rates, trends) behind the path, for reports.
  public let model: CohortModel

  /// The table for `census`: its own, or the start's for an earlier census.
  public func table(at census: CensusYear) -> [[Double]]? {
    tables[census] ?? (census < startCensus ? tables[startCensus] : nil)
  }

  /// Share of plans by placement at `census` (groups with a share in the scenario's mix
  /// only: those that hold or take plans), or nil without a table.
  func mix(at census: CensusYear, over known: [Placement: Double]) -> [Placement: Double]? {
    guard let table = table(at: census) else { return nil }
    var plans: [Placement: Double] = [:]
    for (p, placement) in placements.enumerated() where known[placement] != nil {
      plans[placement] = table.map { $0[p] }.reduce(0, +)
    }
    let total = plans.sumInKeyOrder
    guard total > 0 else { return nil }
    return plans.mapValues { $0 / total }
  }

  /// Plans in `placement` by phase at `census` (every phase, 0 where none), or nil.
  public func plansByPhase(of placement: Placement, at census: CensusYear) -> [CohortPhase: Double]? {
    guard let table = table(at: census), let p = placements.firstIndex(of: placement) else { return nil }
    var result = Dictionary(uniqueKeysWithValues: CohortPhase.allCases.map { ($0, 0.0) })
    for band in CohortBand.allCases { result[band.phase, default: 0] += table[band.rawValue][p] }
    return result
  }

  /// Share of `placement`'s plans in each phase at `census`, or nil when it holds none.
  public func phaseShares(of placement: Placement, at census: CensusYear) -> [String: Double]? {
    guard let plans = plansByPhase(of: placement, at: census) else { return nil }
    let total = CohortPhase.allCases.reduce(0) { $0 + (plans[$1] ?? 0) }
    guard total > 0 else { return nil }
    return Dictionary(uniqueKeysWithValues: plans.map { ($0.key.rawValue, $0.value / total) })
  }
}

extension DemandProjection {
  /// The 80% and 95% levels the cohort projection's intervals are given at.
  static let cohortLevels: [Double] = [80, 95]

  /// Plans from the cohort model: counted years from `scenario.demand.census` (the store's
  /// January counts), every census after the model's start from its central path with the
  /// scenario's flow levers; intervals and the predictive quantile are those of the simulated
  /// totals (the same levers on every path, common random numbers), type-7 empirical quantiles.
  ///
  /// - Throws: ``ScenarioError`` at `demand.model` when the model's new-plan trends do not
  ///   reach the last census needed.
  /// With `intervals` false no path is simulated: points without intervals, no quantile.
  init(cohort: CohortDemand, scenario: Scenario, needed: ClosedRange<CensusYear>, intervals: Bool = true) throws {
    let model = cohort.model
    let start = cohort.startCensus
    let years = max(0, start.distance(to: needed.upperBound))
    let reach = model.newPlans.map(\.points.count).min() ?? 0
    guard years <= reach else {
      throw ScenarioError(issues: [
        ScenarioIssue(
          location: scenario.location(of: "demand.model"), field: "demand.model",
          problem: "the cohort model was fitted for \(reach) years after \(start), and the scenario needs \(years)",
          expected: "a cohort model fitted to the scenario's last census, \(needed.upperBound)")
      ])
    }
    let changes = Self.flowChanges(scenario, cohort: cohort, years: years)
    let path = model.centralPath(years: years, changes: changes)
    let totals =
      intervals
      ? model.simulatedTotals(years: years, paths: cohort.paths, seed: cohort.seed, changes: changes) : []
    var points: [CensusYear: DemandPoint] = [:]
    var tables: [CensusYear: [[Double]]] = [start: model.start]
    for k in 0..<years {
      let census = start.advanced(by: k + 1)
      tables[census] = path[k]
      let plans = path[k].reduce(0) { $0 + $1.reduce(0, +) }
      let bounds =
        totals.isEmpty
        ? []
        : Self.cohortLevels.map { level in
          PlanInterval(
            level: level, lower: Self.quantile(totals[k], (1 - level / 100) / 2),
            upper: Self.quantile(totals[k], 1 - (1 - level / 100) / 2))
        }
      points[census] = DemandPoint(census: census, plans: plans, source: .forecast, intervals: bounds)
    }
    let first = start.advanced(by: 1)
    var quantile: (@Sendable (Double, CensusYear) -> Double?)?
    if !totals.isEmpty {
      quantile = { p, census in
        let k = first.distance(to: census)
        guard p > 0, p < 1, totals.indices.contains(k) else { return nil }
        return Self.quantile(totals[k], p)
      }
    }
    let forecast = TrendForecast(
      model: "cohort",
      selection:
        "cohort-flow model by SEN2 age band and placement group from the January \(start) census (\(cohort.source)); "
        + (intervals ? "intervals from \(cohort.paths) simulated paths" : "central path only"),
      points: points,
      notes: [],
      quantile: quantile)
    let history = scenario.demand.census.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    self.init(history: history, forecast: forecast)
    self.cohort = CohortPath(
      placements: cohort.placements, startCensus: start, tables: tables, changes: changes, model: model)
  }

  /// What the scenario's flow levers do to each calendar year's flows from the model's start:
  /// the flows of calendar year t take the January t census to January t + 1, which falls in
  /// financial year t to t + 1, so that year's ramp applies (none in an outturn year).
  static func flowChanges(_ scenario: Scenario, cohort: CohortDemand, years: Int) -> [CohortFlowChange] {
    (0..<years).map { k in
      let flowYear = cohort.model.startYear + k
      let year = FinancialYear(startYear: flowYear)
      var change = CohortFlowChange()
      if k < cohort.newPlanScale.count { change.newPlansByBand = cohort.newPlanScale[k] }
      guard scenario.reserve.outturn[year] == nil else { return change }
      for lever in scenario.levers {
        let ramp = lever.rampFraction(in: year)
        guard ramp > 0 else { continue }
        switch lever.kind {
        case .newPlans(let size):
          change.newPlans *= 1 + size * ramp
        case .ceasingRate(let band, let size):
          change.ceasing[band.rawValue] *= 1 + size * ramp
        case .newPlacementShare(let placement, let size):
          guard let p = cohort.placements.firstIndex(of: placement) else { continue }
          change.newPlanShare[p, default: 1] *= 1 + size * ramp
        default:
          continue
        }
      }
      return change
    }
  }

  /// The type-7 empirical quantile (R's default) of `sorted` values at probability `p`.
  static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let h = Double(sorted.count - 1) * p
    let lo = Int(h.rounded(.down))
    let hi = min(sorted.count - 1, lo + 1)
    return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
  }
}
