import HighNeeds
import Forecasting
import Statistics
import Foundation

/// Monte Carlo over demand paths, and over unit-cost inflation and High Needs Block growth
/// when the scenario's `uncertainty:` section gives them (`highneeds run --simulate N --seed S`).
///
/// Method. Each draw is a path of plans over the forecast years, and the whole ledger is
/// evaluated on it (placements, capacity, levers, costs, funding and the reserve, by the same
/// compiled cost model as the central ledger: ``CompiledLedger``). In every forecast year the
/// path follows that year's predictive distribution: the plans are the forecast's quantile at
/// Φ(Zₕ), read from a table in z (``QuantileTable``), so the draws reproduce the printed 80% and
/// 95% intervals. Years are linked through a Gaussian copula with independent increments:
/// Zₕ = ρₕ·Zₕ₋₁ + √(1 − ρₕ²)·εₕ with εₕ independent standard normals and ρₕ = wₕ₋₁ / wₕ, where
/// wₕ is the width of year h's 80% interval on the log scale (exact independent increments for
/// the models fitted on log counts; for those fitted on counts, log widths make ρ somewhat
/// larger, so paths a little more persistent than independent increments). A path that is high
/// in one year thus tends to stay high, and each year adds uncertainty of its own. For a
/// scenario with several authorities, each draw puts every authority at the same quantile (their
/// errors move together, as in the summed intervals) unless `uncertainty.national_shock` gives
/// the share of each authority's error that is common (``DemandSampler``). Unit-cost inflation
/// and High Needs Block growth are drawn when `uncertainty:` gives their standard deviations
/// (``UncertaintySpec``). Outturns are as in the scenario, and an outturn year keeps its central
/// plans even when its census is forecast (its figures, and so the calibration, are actual).
///
/// Draw `d` uses stream `d` of SplitMix64 for each input, so the results depend on the seed and
/// the number of draws only, not on how many threads ran them.
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
    /// Standard deviation of the reserve over the draws, every input drawn.
    public let reserveStandardDeviation: Pounds
    /// Standard deviation of the reserve with only one input drawn (the others at their
    /// central values, the same draws), one per ``DemandSimulation/inputs``.
    public let reserveStandardDeviationByInput: [Pounds]
  }

  /// An input that the draws vary.
  public enum Input: String, Sendable, CaseIterable {
    /// Plans (the forecasts' predictive distributions, with any national shock).
    case demand
    /// Unit-cost inflation (`uncertainty.unit_cost_inflation`, and by setting).
    case unitCostInflation
    /// High Needs Block growth (`uncertainty.high_needs_block_growth`).
    case highNeedsBlockGrowth

    /// The input in words.
    public var words: String {
      switch self {
      case .demand: "demand"
      case .unitCostInflation: "unit-cost inflation"
      case .highNeedsBlockGrowth: "High Needs Block growth"
      }
    }
  }

  /// What drives the spread of one year's reserve: the variance with each input drawn alone
  /// (the others central, the same draws), against the variance with all of them drawn.
  ///
  /// shareOfVariance = Var(alone) / Var(all); `interactionShare` = 1 − Σ shares: zero when the
  /// inputs add up independently, positive when they reinforce each other (a cost rise on a
  /// high demand path costs more than on the central one).
  public struct SpreadDecomposition: Sendable {
    /// One input alone.
    public struct Part: Sendable {
      /// The input.
      public let input: Input
      /// Standard deviation of the reserve with only this input drawn.
      public let standardDeviation: Pounds
      /// Its variance as a share of the variance with every input drawn.
      public let shareOfVariance: Double
    }
    /// The year (the last of the ledger).
    public let year: FinancialYear
    /// Standard deviation of the reserve with every input drawn.
    public let standardDeviation: Pounds
    /// Each input alone, in ``DemandSimulation/inputs`` order.
    public let parts: [Part]
    /// 1 − Σ shares of the parts.
    public var interactionShare: Double { 1 - parts.map(\.shareOfVariance).reduce(0, +) }
  }

  /// The number of draws.
  public let draws: Int
  /// The seed.
  public let seed: UInt64
  /// The inputs drawn, demand first.
  public let inputs: [Input]
  /// The share of each authority's forecast error common to all, when the scenario gives a
  /// national shock (several authorities); nil when the authorities move together.
  public let nationalShock: Double?
  /// Every year of the ledger, in order.
  public let years: [Year]
  /// What drives the spread of the last year's reserve.
  public let spread: SpreadDecomposition

  /// The most draws a run may ask for.
  public static let maximumDraws = 100_000

  /// One sentence on the method, for reports.
  public var method: String {
    let demand =
      "each draw follows every forecast year's predictive distribution; years linked by a Gaussian copula with independent increments (a path that is high stays high, and each year adds its own uncertainty)"
    let authorities =
      nationalShock.map {
        "; each authority's error \(FixedPoint.format($0 * 100, places: 0))% common to all authorities (a national shock), the rest its own"
      } ?? ""
    let others = inputs.filter { $0 != .demand }.map(\.words)
    let drawn =
      others.isEmpty
      ? "; demand is the only uncertain input"
      : "; \(others.joined(separator: " and ")) drawn too (uncertainty: in the scenario)"
    return demand + authorities + "; the whole ledger is evaluated on each path" + drawn
  }

  /// The copula's links: ρₕ = wₕ₋₁ / wₕ (at most 1), 0 for the first year, 1 for a year
  /// that adds no width.
  static func links(widths: [Double]) -> [Double] {
    widths.indices.map { h in
      guard h > 0 else { return 0 }
      guard widths[h] > 0 else { return 1 }
      return min(1, widths[h - 1] / widths[h])
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
