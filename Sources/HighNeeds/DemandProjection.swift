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

  /// Creates a forecast.
  public init(model: String, selection: String, points: [CensusYear: DemandPoint], notes: [String]) {
    self.model = model
    self.selection = selection
    self.points = points
    self.notes = notes
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
  func forecast(history: [(CensusYear, Double)], model: String, horizon: Int) throws -> TrendForecast
}

/// Plans for every census year the ledger needs.
public struct DemandProjection: Sendable {
  /// Points by census year: counted, interpolated or forecast.
  public let points: [CensusYear: DemandPoint]
  /// The forecast used beyond the last census, if one was needed.
  public let forecast: TrendForecast?

  /// Builds the plans for census years `needed` from the scenario's counts.
  ///
  /// Years with a count use it; years between two counts are interpolated on a straight line;
  /// years after the last count come from `forecaster` (mean, floored at zero).
  /// - Throws: whatever `forecaster` throws.
  public init(
    census: [CensusYear: Double], model: String, needed: ClosedRange<CensusYear>, forecaster: any TrendForecaster
  ) throws {
    let history = census.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    var points: [CensusYear: DemandPoint] = [:]
    var forecast: TrendForecast?
    if let last = history.last?.0, needed.upperBound > last {
      let made = try forecaster.forecast(history: history, model: model, horizon: last.distance(to: needed.upperBound))
      forecast = made
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
  }

  private init(points: [CensusYear: DemandPoint], forecast: TrendForecast?) {
    self.points = points
    self.forecast = forecast
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
  /// `level` (counted and interpolated years unchanged), or nil when a forecast year has no such interval.
  public func bound(level: Double, upper: Bool) -> DemandProjection? {
    var moved = points
    for (year, point) in points where point.source == .forecast {
      guard let interval = point.intervals.first(where: { $0.level == level }) else { return nil }
      moved[year] = DemandPoint(census: year, plans: upper ? interval.upper : interval.lower, source: .forecast)
    }
    return DemandProjection(points: moved, forecast: forecast)
  }
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
  public func forecast(history: [(CensusYear, Double)], model: String, horizon: Int) throws -> TrendForecast {
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
