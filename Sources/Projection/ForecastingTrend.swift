import Forecasting
import HighNeeds

/// Extends a census history with the Forecasting module's `Forecaster`, at 80% and 95% levels.
public struct ForecastingTrend: TrendForecaster {
  /// Creates the default forecaster.
  public init() {}

  /// Forecasts with `Forecaster.forecast`.
  public func forecast(history: [(CensusYear, Double)], model: ForecastModel, horizon: Int) throws -> TrendForecast {
    let series = try TimeSeries(times: history.map(\.0.year), values: history.map(\.1))
    return Self.trend(try Forecaster.forecast(series, model: model, horizon: horizon, levels: [80, 95]))
  }

  /// With `auto` and at least `PanelForecaster.minimumMembers` authorities, the pooled growth
  /// model over all of them (`PanelForecaster`): each authority's forecast borrows strength
  /// from the others, and the total gets the interval of the total's own past errors (the
  /// national shock), not the sum of the bounds. Nil otherwise, or when the panel could not
  /// pool (each authority is then forecast on its own, as before).
  public func forecastJointly(
    _ histories: [(name: String, history: [(CensusYear, Double)])], model: ForecastModel, horizon: Int
  ) throws -> JointTrendForecast? {
    guard model == .auto, histories.count >= PanelForecaster.minimumMembers,
      Set(histories.map(\.name)).count == histories.count
    else { return nil }
    let panel = try Panel(
      histories.map {
        Panel.Member(
          name: $0.name, series: try TimeSeries(times: $0.history.map(\.0.year), values: $0.history.map(\.1)))
      })
    let result = try PanelForecaster.forecast(panel, horizon: horizon, levels: [80, 95])
    guard result.pooled, result.omitted.isEmpty, result.names == histories.map(\.name) else { return nil }
    let members = result.forecasts.map(Self.trend)
    let first = result.origin + 1
    var points: [CensusYear: DemandPoint] = [:]
    for point in result.total {
      points[CensusYear(point.time)] = DemandPoint(
        census: CensusYear(point.time), plans: point.mean, source: .forecast,
        intervals: Self.intervals(point, levels: [80, 95]))
    }
    let total = TrendForecast(
      model: "pooled growth over \(histories.count) authorities",
      selection:
        "each authority's series forecast by the pooled growth model across all \(histories.count) (the panel's recent growth plus a shrunk share of the authority's own departure from it); plans are the sum, and the interval is the total's own, calibrated on the past errors of the total",
      points: points, notes: result.totalNotes,
      quantile: { p, year in result.totalQuantile(p, step: year.year - first) })
    return JointTrendForecast(members: members, total: total)
  }

  /// A Forecasting module forecast as the ledger's trend forecast.
  static func trend(_ result: Forecast) -> TrendForecast {
    var points: [CensusYear: DemandPoint] = [:]
    for point in result.points {
      points[CensusYear(point.time)] = DemandPoint(
        census: CensusYear(point.time), plans: point.mean, source: .forecast,
        intervals: intervals(point, levels: result.levels))
    }
    let first = result.points.first?.time ?? 0
    return TrendForecast(
      model: result.model, selection: result.selection, points: points, notes: result.notes,
      quantile: { p, year in result.quantile(p, step: year.year - first) })
  }

  /// A point's intervals at `levels` (bounds in the order of the levels).
  static func intervals(_ point: ForecastPoint, levels: [Double]) -> [PlanInterval] {
    levels.indices.compactMap { index -> PlanInterval? in
      guard index < point.lower.count, index < point.upper.count else { return nil }
      return PlanInterval(level: levels[index], lower: point.lower[index], upper: point.upper[index])
    }
  }
}
