import HighNeeds
import Forecasting

/// Extends a census history with the Forecasting module's `Forecaster`, at 80% and 95% levels.
public struct ForecastingTrend: TrendForecaster {
  /// Creates the default forecaster.
  public init() {}

  /// Forecasts with `Forecaster.forecast`.
  public func forecast(history: [(CensusYear, Double)], model: ForecastModel, horizon: Int) throws -> TrendForecast {
    let series = try TimeSeries(times: history.map(\.0.year), values: history.map(\.1))
    let result = try Forecaster.forecast(series, model: model, horizon: horizon, levels: [80, 95])
    var points: [CensusYear: DemandPoint] = [:]
    for point in result.points {
      let intervals = result.levels.indices.compactMap { index -> PlanInterval? in
        guard index < point.lower.count, index < point.upper.count else { return nil }
        return PlanInterval(level: result.levels[index], lower: point.lower[index], upper: point.upper[index])
      }
      points[CensusYear(point.time)] = DemandPoint(
        census: CensusYear(point.time), plans: point.mean, source: .forecast, intervals: intervals)
    }
    let first = result.points.first?.time ?? 0
    return TrendForecast(
      model: result.model, selection: result.selection, points: points, notes: result.notes,
      quantile: { p, year in result.quantile(p, step: year.year - first) })
  }
}
