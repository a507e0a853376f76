import HighNeeds
import Forecasting
import Statistics
import Foundation

/// Monte Carlo over demand paths (`highneeds run --simulate N --seed S`).
///
/// Method. Each draw is a path of plans over the forecast years, and the whole ledger is
/// rebuilt on it (placements, capacity, levers, costs, funding and the reserve, as for the
/// central ledger). In every forecast year the path follows that year's predictive
/// distribution exactly: the plans are the forecast's quantile at a probability uₕ, so the
/// draws reproduce the printed 80% and 95% intervals. Years are linked through a Gaussian
/// copula with independent increments: uₕ = Φ(Zₕ), Zₕ = ρₕ·Zₕ₋₁ + √(1 − ρₕ²)·εₕ with εₕ
/// independent standard normals and ρₕ = wₕ₋₁ / wₕ, where wₕ is the width of year h's 80%
/// interval on the log scale (exact independent increments for the models fitted on log
/// counts; for those fitted on counts, log widths make ρ somewhat larger, so paths a little
/// more persistent than independent increments). A path that is high in one year thus tends to stay high, and
/// each year adds uncertainty of its own, as the widening intervals say (between the demand
/// range's assumption of one quantile for every year and independent years). For a scenario
/// with several authorities, each draw puts every authority at the same quantile (their
/// errors move together, as in the summed intervals). Only demand is uncertain: costs,
/// funding and outturns are as in the scenario, and an outturn year keeps its central plans
/// even when its census is forecast (its figures, and so the calibration, are actual).
///
/// Draw `d` uses its own stream of SplitMix64 seeded from the seed and `d`, so the results
/// depend on the seed and the number of draws only, not on how many cores ran them.
public struct DemandSimulation: Sendable {
  /// Percentiles of one quantity over the draws (type 7, R's default: linear between order
  /// statistics).
  public struct Percentiles<Value: Sendable & Equatable>: Sendable, Equatable {
    public let p5: Value
    public let p10: Value
    public let p50: Value
    public let p90: Value
    public let p95: Value

    /// The same percentiles in another unit (pounds from doubles).
    func map<T>(_ convert: (Value) -> T) -> Percentiles<T> {
      Percentiles<T>(p5: convert(p5), p10: convert(p10), p50: convert(p50), p90: convert(p90), p95: convert(p95))
    }
  }

  /// One financial year over all draws.
  public struct Year: Sendable {
    /// The financial year.
    public let year: FinancialYear
    /// True for an outturn year (the same in every draw).
    public let actual: Bool
    /// Plans at the year's census.
    public let plans: Percentiles<Double>
    /// The reserve at the end of the year (signed).
    public let reserve: Percentiles<Pounds>
    /// The mean reserve over the draws.
    public let reserveMean: Pounds
    /// Share of draws with the reserve in deficit (below zero) at the end of the year.
    public let probabilityDeficit: Double
    /// Share of draws with an in-year overspend (balance below zero).
    public let probabilityOverspend: Double
    /// Share of draws in which the 1% rule requires a recovery plan this year.
    public let probabilityRecoveryPlan: Double
  }

  /// The number of draws.
  public let draws: Int
  /// The seed.
  public let seed: UInt64
  /// Every year of the ledger, in order.
  public let years: [Year]

  /// The most draws a run may ask for.
  public static let maximumDraws = 100_000

  /// One sentence on the method, for reports.
  public static let method =
    "each draw follows every forecast year's predictive distribution; years linked by a Gaussian copula with independent increments (a path that is high stays high, and each year adds its own uncertainty); the whole ledger is rebuilt on each path; demand is the only uncertain input"

  /// The copula's links: ρₕ = wₕ₋₁ / wₕ (at most 1), 0 for the first year, 1 for a year
  /// that adds no width.
  static func links(widths: [Double]) -> [Double] {
    widths.indices.map { h in
      guard h > 0 else { return 0 }
      guard widths[h] > 0 else { return 1 }
      return min(1, widths[h - 1] / widths[h])
    }
  }

  /// One path of probabilities uₕ = Φ(Zₕ), Zₕ = ρₕ·Zₕ₋₁ + √(1 − ρₕ²)·εₕ: each Zₕ standard
  /// normal, corr(Zᵢ, Zⱼ) = ρᵢ₊₁ ⋯ ρⱼ. Kept inside [1e-12, 1 − 1e-12].
  static func probabilityPath(links: [Double], random: inout SplitMix64) -> [Double] {
    var z = 0.0
    return links.map { link in
      let shock = Normal.quantile(random.openUniform())
      z = link * z + (1 - link * link).squareRoot() * shock
      return min(max(Normal.cdf(z), 1e-12), 1 - 1e-12)
    }
  }

  /// The largest Monte Carlo standard error of a probability: √(p(1 − p)/N) ≤ 0.5/√N.
  public var probabilityStandardErrorAtMost: Double { 0.5 / Double(draws).squareRoot() }
}

/// Why a scenario cannot be simulated.
public struct SimulationUnavailable: Error, CustomStringConvertible {
  /// The reason, in words for the scenario's author.
  public let description: String
}

extension Ledger {
  /// Simulates `draws` demand paths from `seed` and summarises the ledgers built on them.
  ///
  /// - Throws: ``SimulationUnavailable`` when demand has no distribution (a constant
  ///   `demand.growth`, or no projected year forecast) or `draws` is outside
  ///   2...``DemandSimulation/maximumDraws``; ``ScenarioError`` at `demand.model` when drawn plans
  ///   or money go beyond double precision (an exploding exponential tail), or if a rebuilt
  ///   ledger fails (it cannot in practice: calibration uses an outturn year, whose plans the
  ///   draws do not move).
  public func simulate(draws: Int, seed: UInt64) throws -> DemandSimulation {
    guard (2...DemandSimulation.maximumDraws).contains(draws) else {
      throw SimulationUnavailable(
        description: "--simulate \(draws): expected a number of draws from 2 to \(DemandSimulation.maximumDraws)")
    }
    // Outturn years keep their central plans (their figures, and so the calibration, are actual).
    let fixed = outturnCensusYears
    let forecastYears = demand.points.values.filter { $0.source == .forecast && !fixed.contains($0.census) }
      .map(\.census).sorted()
    guard demand.canDraw, let quantile = demand.forecast?.quantile, !forecastYears.isEmpty else {
      if scenario.demand.growth != nil {
        let issue = ScenarioIssue(
          location: scenario.location(of: "demand.growth"), field: "demand.growth",
          problem: "nothing to simulate: demand grows at a fixed rate, which has no distribution to draw from",
          expected: "a fitted model (demand.model: auto, linear, ...) instead of demand.growth")
        throw SimulationUnavailable(description: issue.description)
      }
      throw SimulationUnavailable(
        description:
          "\(scenario.location(of: "years")): years: nothing to simulate: no projected year's plans are forecast (they are counted, interpolated or outturn years)"
      )
    }
    // Width of each year's 80% interval on the log scale (+1 keeps zero counts finite).
    let widths = forecastYears.map { year -> Double in
      let low = quantile(0.1, year) ?? 0
      let high = quantile(0.9, year) ?? 0
      let width = Foundation.log((max(0, high) + 1) / (max(0, low) + 1))
      return width.isFinite ? max(0, width) : 0
    }
    let links = DemandSimulation.links(widths: widths)

    let yearCount = years.count
    let overflow = ScenarioError(issues: [
      ScenarioIssue(
        location: scenario.location(of: "demand.model"), field: "demand.model",
        problem:
          "in some drawn demand paths the plans grow beyond any meaningful figure: the model's upper tail explodes on this history",
        expected: "another model (linear, damped or auto), or fewer years")
    ])
    let outcomes = ParallelSlots<Result<[DrawnYear], any Error>>(count: draws)
    DispatchQueue.concurrentPerform(iterations: draws) { draw in
      outcomes[draw] = Result {
        var random = SplitMix64(seed: seed, stream: UInt64(draw))
        let path = DemandSimulation.probabilityPath(links: links, random: &random)
        let probabilities = Dictionary(uniqueKeysWithValues: zip(forecastYears, path))
        guard let drawn = demand.drawn(at: probabilities) else { throw overflow }
        let ledger = try Ledger(scenario: scenario, demand: drawn)
        // Money beyond 2^53 pounds is not a figure (and not exact in a Double): an exploding tail.
        guard ledger.years.allSatisfy({ $0.reserve.value.isFinite && abs($0.reserve.value) < 0x1p53 }) else {
          throw overflow
        }
        return ledger.years.map {
          DrawnYear(
            plans: $0.demand.plans, reserve: $0.reserve.value, balance: $0.inYearBalance.value,
            recoveryPlan: $0.recoveryPlanRequired)
        }
      }
    }
    let results = try outcomes.values.map { try $0.get() }
    var summaries: [DemandSimulation.Year] = []
    for index in 0..<yearCount {
      let column = results.map { $0[index] }
      let count = Double(column.count)
      let reserves = column.map(\.reserve)
      summaries.append(
        DemandSimulation.Year(
          year: years[index].year, actual: years[index].actual,
          plans: Self.percentiles(column.map(\.plans)), reserve: Self.percentiles(reserves).map(Pounds.init),
          reserveMean: Pounds(reserves.reduce(0, +) / count),
          probabilityDeficit: Double(column.filter { $0.reserve < 0 }.count) / count,
          probabilityOverspend: Double(column.filter { $0.balance < 0 }.count) / count,
          probabilityRecoveryPlan: Double(column.filter(\.recoveryPlan).count) / count))
    }
    return DemandSimulation(draws: draws, seed: seed, years: summaries)
  }

  /// Type 7 percentiles (R's default `quantile`): linear interpolation between order statistics.
  static func percentiles(_ values: [Double]) -> DemandSimulation.Percentiles<Double> {
    let sorted = values.sorted()
    func at(_ p: Double) -> Double {
      guard sorted.count > 1 else { return sorted.first ?? .nan }
      let position = p * Double(sorted.count - 1)
      let below = Int(position.rounded(.down))
      let above = min(below + 1, sorted.count - 1)
      return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }
    return DemandSimulation.Percentiles<Double>(p5: at(0.05), p10: at(0.10), p50: at(0.50), p90: at(0.90), p95: at(0.95))
  }
}

/// What one draw's ledger says about one year.
private struct DrawnYear: Sendable {
  let plans: Double
  let reserve: Double
  let balance: Double
  let recoveryPlan: Bool
}
