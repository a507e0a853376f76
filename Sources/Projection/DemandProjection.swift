import Forecasting
import HighNeeds
import Foundation

/// How a year's plan count was obtained.
public enum PlanSource: String, Sendable {
  /// Counted at the January census, as given in the scenario.
  case census
  /// Between two census counts: straight-line interpolation of the neighbouring counts.
  case interpolated
  /// After the last census: the forecasting model's mean.
  case forecast
}

/// A forecast's prediction interval at one level.
public struct PlanInterval: Sendable, Equatable {
  /// The level in percent (80, 95).
  public let level: Double
  /// Lower bound of plans.
  public let lower: Double
  /// Upper bound of plans.
  public let upper: Double

  /// Creates an interval.
  public init(level: Double, lower: Double, upper: Double) {
    self.level = level
    self.lower = lower
    self.upper = upper
  }
}

/// Plans at one January census, with where the figure came from.
public struct DemandPoint: Sendable, Equatable {
  /// The census the count is for.
  public let census: CensusYear
  /// Plans (statements before 2014).
  public let plans: Double
  /// Counted, interpolated or forecast.
  public let source: PlanSource
  /// Prediction intervals (80% and 95% by default) for forecast years; empty otherwise.
  public let intervals: [PlanInterval]

  /// Creates a point.
  public init(census: CensusYear, plans: Double, source: PlanSource, intervals: [PlanInterval] = []) {
    self.census = census
    self.plans = plans
    self.source = source
    self.intervals = intervals
  }
}

/// What a trend model says about the years after the last census.
public struct TrendForecast: Sendable {
  /// The model used (after automatic selection, when `auto` was asked for).
  public let model: String
  /// How it was chosen, in the forecasting module's words.
  public let selection: String
  /// Forecast points by census year, for the horizon asked.
  public let points: [CensusYear: DemandPoint]
  /// Remarks from the forecaster (fallbacks, warnings).
  public let notes: [String]
  /// The predictive quantile of plans at a probability (strictly between 0 and 1) for a
  /// forecast census year, when the forecaster has a distribution; nil for a fixed path.
  public let quantile: (@Sendable (Double, CensusYear) -> Double?)?

  /// Creates a forecast.
  public init(
    model: String, selection: String, points: [CensusYear: DemandPoint], notes: [String],
    quantile: (@Sendable (Double, CensusYear) -> Double?)? = nil
  ) {
    self.model = model
    self.selection = selection
    self.points = points
    self.notes = notes
    self.quantile = quantile
  }
}

/// The seam between the ledger and the forecasting module: anything that can extend a
/// census history. Tests pass a fixed path so the ledger can be checked by hand.
public protocol TrendForecaster: Sendable {
  /// Forecasts `horizon` census years after the last one in `history`.
  ///
  /// - Parameters:
  ///   - history: counts by census year, in increasing year order.
  ///   - model: the model's name as written in the scenario (`auto`, `linear`, ...).
  ///   - horizon: how many years after the last count to forecast (1 or more).
  /// - Throws: any error the model raises (too few points, a failed fit); the ledger reports it
  ///   against `demand.model` in the scenario.
  func forecast(history: [(CensusYear, Double)], model: ForecastModel, horizon: Int) throws -> TrendForecast

  /// Forecasts several authorities' histories jointly (borrowing strength across them), or
  /// nil when this forecaster has no joint model for them (then each is forecast on its own).
  ///
  /// - Parameters:
  ///   - histories: each authority's name and counts by census year, all ending in the same year.
  /// - Returns: each authority's forecast (in order) and one for their total, whose interval and
  ///   quantile are the total's own.
  func forecastJointly(
    _ histories: [(name: String, history: [(CensusYear, Double)])], model: ForecastModel, horizon: Int
  ) throws -> JointTrendForecast?
}

extension TrendForecaster {
  /// No joint model: each authority is forecast on its own.
  public func forecastJointly(
    _ histories: [(name: String, history: [(CensusYear, Double)])], model: ForecastModel, horizon: Int
  ) throws -> JointTrendForecast? { nil }
}

/// Forecasts of several authorities made together, and of their total.
public struct JointTrendForecast: Sendable {
  /// Each authority's forecast, in the order given.
  public let members: [TrendForecast]
  /// The total of the authorities: points whose interval is the total's own, and its quantile.
  public let total: TrendForecast

  /// Creates a joint forecast.
  public init(members: [TrendForecast], total: TrendForecast) {
    self.members = members
    self.total = total
  }
}

/// Plans for every census year the ledger needs.
public struct DemandProjection: Sendable {
  /// Points by census year: counted, interpolated or forecast.
  public let points: [CensusYear: DemandPoint]
  /// The forecast used beyond the last census, if one was needed.
  public let forecast: TrendForecast?
  /// Each authority's own projection when the scenario covers several (their sum is `points`);
  /// empty for one authority.
  public let authorities: [AuthorityProjection]
  /// The cohort model's plans by age band × placement group, when the scenario's demand is
  /// the cohort-flow model (`demand.model: cohort`); nil otherwise.
  public internal(set) var cohort: CohortPath?

  /// Builds the plans for census years `needed` from the scenario's counts.
  ///
  /// Years with a count use it; years between two counts are interpolated on a straight line;
  /// years after the last count come from `forecaster` (mean, floored at zero).
  /// - Throws: whatever `forecaster` throws.
  public init(
    census: [CensusYear: Double], model: ForecastModel, needed: ClosedRange<CensusYear>, forecaster: any TrendForecaster
  ) throws {
    let history = census.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    var made: TrendForecast?
    if let last = history.last?.0, needed.upperBound > last {
      made = try forecaster.forecast(history: history, model: model, horizon: last.distance(to: needed.upperBound))
    }
    self.init(history: history, forecast: made)
  }

  /// The plans of one history extended by `forecast` (the forecast's mean floored at zero
  /// after the last count, straight lines between counts).
  init(history: [(CensusYear, Double)], forecast made: TrendForecast?) {
    var points: [CensusYear: DemandPoint] = [:]
    let forecast = made
    if let made {
      for (year, point) in made.points {
        points[year] = DemandPoint(
          census: year, plans: max(0, point.plans), source: .forecast,
          intervals: point.intervals.map {
            PlanInterval(level: $0.level, lower: max(0, $0.lower), upper: max(0, $0.upper))
          })
      }
    }
    for (year, count) in history { points[year] = DemandPoint(census: year, plans: count, source: .census) }
    for (left, right) in zip(history, history.dropFirst()) where left.0.distance(to: right.0) > 1 {
      let span = Double(left.0.distance(to: right.0))
      for offset in 1..<left.0.distance(to: right.0) {
        let year = left.0.advanced(by: offset)
        let plans = left.1 + (right.1 - left.1) * Double(offset) / span
        points[year] = DemandPoint(census: year, plans: plans, source: .interpolated)
      }
    }
    self.points = points
    self.forecast = forecast
    self.authorities = []
    self.cohort = nil
  }

  /// This projection with each forecast year in `probabilities` drawn at the forecast's
  /// quantile there (other years unchanged; intervals dropped), or nil when the forecast has
  /// no distribution or a quantile is beyond double precision. The per-authority breakdown is
  /// not carried into a draw.
  public func drawn(at probabilities: [CensusYear: Double]) -> DemandProjection? {
    guard let quantile = forecast?.quantile else { return nil }
    var moved = points
    for (year, p) in probabilities {
      guard let point = points[year], point.source == .forecast else { continue }
      guard let plans = quantile(p, year), plans.isFinite else { return nil }
      moved[year] = DemandPoint(census: year, plans: max(0, plans), source: .forecast)
    }
    return DemandProjection(points: moved, forecast: forecast, cohort: cohort)
  }

  /// True when the forecast years can be drawn at any probability (``drawn(at:)``).
  public var canDraw: Bool { forecast?.quantile != nil && points.values.contains { $0.source == .forecast } }

  /// The notes that at least a tenth of the authorities' forecasts (and at least two) share,
  /// each once with how many gave it, in order of first appearance; then a pointer to the
  /// rest: notes particular to a few authorities (an error scale, a break year) stay with each
  /// authority's forecast.
  static func sharedNotes(_ notes: [[String]]) -> [String] {
    var counts: [String: Int] = [:]
    var order: [String] = []
    for authorityNotes in notes {
      var seen: Set<String> = []
      for note in authorityNotes where seen.insert(note).inserted {
        if counts[note] == nil { order.append(note) }
        counts[note, default: 0] += 1
      }
    }
    let threshold = notes.count == 1 ? 1 : max(2, (notes.count + 9) / 10)
    let shared = order.filter { (counts[$0] ?? 0) >= threshold }
    var result = shared.map { "\($0) (\(counts[$0] ?? 0) of \(notes.count) authorities)" }
    if shared.count < order.count {
      result.append(
        "\(order.count - shared.count) other notes, each given for fewer authorities, are in the JSON report, under demand.authorities"
      )
    }
    return result
  }

  init(
    points: [CensusYear: DemandPoint], forecast: TrendForecast?, authorities: [AuthorityProjection] = [],
    cohort: CohortPath? = nil
  ) {
    self.points = points
    self.forecast = forecast
    self.authorities = authorities
    self.cohort = cohort
  }

  /// The levels (80, 95, ...) at which every forecast point has an interval; empty when none do.
  public var intervalLevels: [Double] {
    let forecastPoints = points.values.filter { $0.source == .forecast }
    guard let first = forecastPoints.first else { return [] }
    return first.intervals.map(\.level).filter { level in
      forecastPoints.allSatisfy { point in point.intervals.contains { $0.level == level } }
    }
  }

  /// This projection with every forecast year's plans moved to one end of its interval at
  /// `level` (counted and interpolated years, and the years in `keeping`, unchanged), or nil
  /// when a forecast year to move has no such interval.
  public func bound(level: Double, upper: Bool, keeping: Set<CensusYear> = []) -> DemandProjection? {
    var moved = points
    for (year, point) in points where point.source == .forecast && !keeping.contains(year) {
      guard let interval = point.intervals.first(where: { $0.level == level }) else { return nil }
      moved[year] = DemandPoint(census: year, plans: upper ? interval.upper : interval.lower, source: .forecast)
    }
    return DemandProjection(points: moved, forecast: forecast, authorities: authorities, cohort: cohort)
  }
}

/// One authority's plans in a projection that covers several.
public struct AuthorityProjection: Sendable {
  /// The authority's name as written in the scenario.
  public let name: String
  /// Its plans: counted, interpolated or forecast from its own series.
  public let projection: DemandProjection
}

/// Forecasts that failed for some of several authorities.
public struct AuthorityForecastFailure: Error, CustomStringConvertible {
  /// One authority's failure.
  public struct Failure: Sendable {
    /// The authority whose series could not be forecast.
    public let authority: String
    /// What the forecaster reported.
    public let underlying: any Error
  }

  /// Every authority whose forecast failed, in file order.
  public let failures: [Failure]

  /// Names each authority and the cause, a line each.
  public var description: String { failures.map { "\($0.authority): \($0.underlying)" }.joined(separator: "\n") }
}

/// Plans growing at a constant rate from the last census: `plans(C) = last × (1 + rate)^(C − last census)`.
///
/// Used when the scenario gives `demand.growth` instead of a model, typically because the
/// history is too short to fit one. No interval is given: the rate is an assumption, not an estimate.
public struct ConstantGrowthTrend: TrendForecaster {
  /// Annual growth as a fraction (0.089 is 8.9%).
  public let rate: Double

  /// Creates the trend.
  public init(rate: Double) {
    self.rate = rate
  }

  /// Grows the last count in `history`; `model` is ignored.
  public func forecast(history: [(CensusYear, Double)], model: ForecastModel, horizon: Int) throws -> TrendForecast {
    var points: [CensusYear: DemandPoint] = [:]
    if let (last, count) = history.last, horizon > 0 {
      for step in 1...horizon {
        let year = last.advanced(by: step)
        points[year] = DemandPoint(census: year, plans: count * pow(1 + rate, Double(step)), source: .forecast)
      }
    }
    let percent = FixedPoint.format(rate * 100, places: 2)
    return TrendForecast(
      model: "constant growth \(percent)%", selection: "given as demand.growth in the scenario", points: points,
      notes: [])
  }
}
