/// A change to one of the cohort model's flows from a calendar year on, like the ledger's
/// levers: full from `start` (or reached by a straight-line ramp over `rampYears`), none after
/// `end`.
///
/// Only the new-plan rate is here (the Delivering Better Value "fewer new EHCPs"); the
/// scenario's flow levers (new plans, the placement share of new plans, ceasing by band) act
/// through ``CohortFlowChange`` year by year instead.
public struct CohortFlowLever: Sendable, Equatable {
  /// Which flow the lever changes.
  public enum Flow: String, Sendable, Equatable {
    /// New plans in every band, multiplied by `factor`.
    case newPlans = "new_plans"
  }

  /// The flow changed.
  public let flow: Flow
  /// The multiplier at full effect (0.5 halves new plans).
  public let factor: Double
  /// The first calendar year of flows with any effect.
  public let start: Int
  /// The last calendar year with an effect, or nil for no end.
  public let end: Int?
  /// Years to reach full effect: 0 or 1 is full from `start`; 3 is a third, two thirds, full.
  public let rampYears: Int

  /// A lever.
  public init(flow: Flow, factor: Double, start: Int, end: Int? = nil, rampYears: Int = 0) {
    self.flow = flow
    self.factor = factor
    self.start = start
    self.end = end
    self.rampYears = rampYears
  }

  /// The multiplier on the flows of calendar year `year`:
  /// `1 + (factor − 1) × min(1, (year − start + 1) / rampYears)` inside the lever's years, else 1.
  public func multiplier(in year: Int) -> Double {
    guard year >= start, year <= (end ?? Int.max) else { return 1 }
    let reached = rampYears <= 1 ? 1 : min(1, Double(year - start + 1) / Double(rampYears))
    return 1 + (factor - 1) * reached
  }
}

extension CohortModel {
  /// The central path (every rate at its mean, new plans at their trend) with `levers`
  /// applied to the flows; index `k` is the census `startYear + k + 1`.
  public func centralPath(years: Int, levers: [CohortFlowLever]) -> [[[Double]]] {
    var stock = start
    var path: [[[Double]]] = []
    for k in 0..<years {
      let flowYear = startYear + k
      let factor = levers.filter { $0.flow == .newPlans }.map { $0.multiplier(in: flowYear) }.reduce(1, *)
      stock = step(
        stock, newPlans: newPlans.map { max(0, $0.points[k].mean) * factor }, ceasing: ceasing.map(\.mean),
        residual: residual.map(\.mean))
      path.append(stock)
    }
    return path
  }
}
