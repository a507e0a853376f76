/// The forecasts of every series of a panel and of their sum (`PanelForecaster.forecast`).
public struct PanelForecast: Sendable {
  /// The last observed year: forecasts are for the years after it.
  public let origin: Int
  /// The names of the series forecast, in the panel's order.
  public let names: [String]
  /// One forecast per name, in the same order.
  public let forecasts: [Forecast]
  /// Members not forecast, each with the reason (last observed before the origin: an
  /// authority that was reorganised away).
  public let omitted: [(name: String, reason: String)]
  /// The sum of the forecast series: the sum of their point forecasts, with an interval for
  /// the sum itself (not the sum of the bounds), in the levels asked for.
  public let total: [ForecastPoint]
  /// How the total's interval was made.
  public let totalNotes: [String]
  /// True when the forecasts pooled across the panel; false when each series was forecast
  /// alone (too few series or years to pool).
  public let pooled: Bool
  let totalQuantileFunction: @Sendable (Double, Int) -> Double

  init(
    origin: Int, names: [String], forecasts: [Forecast], omitted: [(String, String)], total: [ForecastPoint],
    totalNotes: [String], pooled: Bool, totalQuantile: @escaping @Sendable (Double, Int) -> Double
  ) {
    self.origin = origin
    self.names = names
    self.forecasts = forecasts
    self.omitted = omitted.map { (name: $0.0, reason: $0.1) }
    self.total = total
    self.totalNotes = totalNotes
    self.pooled = pooled
    self.totalQuantileFunction = totalQuantile
  }

  /// The forecast of the series called `name`, or nil when it was not forecast.
  public func forecast(named name: String) -> Forecast? {
    names.firstIndex(of: name).map { forecasts[$0] }
  }

  /// The total's predictive quantile at probability `p` for the year `total[step]`: the law
  /// the total's bounds come from. Nil when `p` is not strictly between 0 and 1, `step` is
  /// outside `total` or the quantile is not finite.
  public func totalQuantile(_ p: Double, step: Int) -> Double? {
    guard p > 0, p < 1, total.indices.contains(step) else { return nil }
    let q = totalQuantileFunction(p, step)
    return q.isFinite ? max(0, q) : nil
  }
}
