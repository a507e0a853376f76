import Foundation

/// Forecasts every series of a panel with the pooled growth model (`PooledGrowth`), with
/// intervals calibrated on errors pooled across the panel (`PooledCalibration`), and the sum
/// of the series with an interval that carries the national shock.
///
/// ```swift
/// let result = try PanelForecaster.forecast(panel, horizon: 5)
/// result.forecast(named: "Medway")?.points[0]     // one authority
/// result.total[0].lower[0]                        // the national total's lower 80% bound
/// ```
///
/// This is what `auto` does when a panel is available: on SEN2 it is more accurate one year
/// ahead than any single-series model here or in R's forecast package, and its intervals
/// cover close to their level (`benchmarks/backtest/RESULTS.md`). With fewer than
/// `minimumMembers` series observed at the origin, or no usable past errors (fewer than
/// four years), there is nothing to pool: each series is forecast alone by `auto`, and the
/// total adds the bounds (perfect correlation, the widest range), with a note saying so.
public enum PanelForecaster {
  /// Fewest members observed at the origin for pooling.
  public static let minimumMembers = 10
  /// The model name reported for pooled forecasts.
  public static let modelName = "pooled-growth"

  /// Forecasts every member observed in the panel's last year for `horizon` years.
  ///
  /// - Throws: `ForecastingError` for an invalid horizon or level, or when a member must
  ///   be forecast alone and cannot be.
  public static func forecast(_ panel: Panel, horizon: Int, levels: [Double] = [80, 95]) throws -> PanelForecast {
    guard (1...Forecaster.maximumHorizon).contains(horizon) else { throw ForecastingError.invalidHorizon(horizon) }
    for level in levels where !(level > 0 && level < 100) { throw ForecastingError.invalidLevel(level) }
    let origin = panel.lastYear
    let current = panel.members.filter { $0.series.times.last == origin }
    let omitted = panel.members.filter { $0.series.times.last != origin }.map {
      ($0.name, "last observed in \($0.series.times.last!), before the origin \(origin)")
    }
    let model = PooledGrowth.fit(panel, horizon: horizon)
    guard current.count >= minimumMembers, let calibration = PooledCalibration.calibrate(panel, horizon: horizon) else {
      return try alone(current, omitted: omitted, origin: origin, horizon: horizon, levels: levels)
    }
    var forecasts: [Forecast] = []
    var totalLog = [Double](repeating: 0, count: horizon)
    for m in current {
      let path = model.logPath(m.series)!
      for h in 0..<horizon { totalLog[h] += Foundation.exp(path[h]) - 1 }
      forecasts.append(
        try member(m, path: path, model: model, calibration: calibration, panelSize: current.count, levels: levels))
    }
    let laws = calibration.laws
    let centre = totalLog.map { PooledGrowth.level(max(0, $0)) }
    let total = try points(centre, origin: origin, levels: levels) { laws[$1].sumQuantile($0) }
    let note = String(
      format:
        "total: the sum of %d forecasts; its interval from the past log errors of the sum at %d origins (the national shock), one-year scale %.3f",
      current.count, calibration.origins.count, laws[0].sumScale)
    return PanelForecast(
      origin: origin, names: current.map(\.name), forecasts: forecasts, omitted: omitted, total: total,
      totalNotes: [note], pooled: true,
      // The simulation asks at its quantile tables' fixed nodes, the same for every year and
      // member: the t quantiles are cached (the very numbers the iteration gives), as in
      // `Forecaster`'s quantile.
      totalQuantile: { p, h in Foundation.exp(centre[h] + laws[h].sumQuantile(p, cached: true)) - 1 })
  }

  /// Forecasts the member called `name`, pooling over the panel as known at its last year.
  ///
  /// - Throws: `PanelError.unknownSeries` when no member has that name; as `forecast`.
  public static func forecast(
    _ panel: Panel, series name: String, horizon: Int, levels: [Double] = [80, 95]
  ) throws -> Forecast {
    guard let m = panel.member(named: name) else { throw PanelError.unknownSeries(name) }
    let cut = panel.through(m.series.times.last!)!
    let result = try forecast(cut, horizon: horizon, levels: levels)
    return result.forecast(named: name)!
  }

  /// One member's forecast from the pooled model.
  static func member(
    _ m: Panel.Member, path: [Double], model: PooledGrowth, calibration: PooledCalibration, panelSize: Int,
    levels: [Double]
  ) throws -> Forecast {
    let origin = model.origin
    let laws = calibration.laws
    let pts = try points(path, origin: origin, levels: levels) { laws[$1].quantile($0) }
    let fitted = zip(m.series.times, m.series.values).map { t, v in
      FittedPoint(time: t, value: v, fitted: calibration.oneStep[m.name]?[t] ?? v)
    }
    let kappa = model.persistence.map { String(format: "%.2f", $0) }.joined(separator: ", ")
    let selection = String(
      format:
        "auto with a panel of %d series: pooled growth (the panel's log growth of the last %d years, %.2f%% a year, plus κ(h) = %@ times this series' own relative growth of the last %d); intervals from %d pooled out-of-sample errors at %d origins, national shock included",
      panelSize, PooledGrowth.nationalWindow, 100 * model.growthForecast, kappa, PooledGrowth.ownWindow,
      calibration.errorCount, calibration.origins.count)
    let series = m.series
    // This series' own errors under the pooled model, comparable with its own candidates'.
    let score = CandidateScore(model: modelName, aicc: nil, backtestMAPE: calibration.backtestMAPE(of: m.name))
    let table = CandidateTable {
      // The series' own candidates, as `auto` alone would rank them (computed when read).
      let own = (try? AutoSelection.forecast(series, horizon: laws.count, levels: levels))?.candidates ?? []
      return [score] + own
    }
    let notes = [
      "\(modelName): fitted values are the pooled one-year-ahead forecasts from earlier origins (the observation where there is none)",
      "\(modelName): the point forecast is the median of the predictive law on log(y + 1); intervals are its back-transformed quantiles",
    ]
    return Forecast(
      model: modelName, selection: selection, levels: levels, fitted: fitted, points: pts, candidateTable: table,
      notes: notes, quantile: { p, h in Foundation.exp(path[h] + laws[h].quantile(p, cached: true)) - 1 })
  }

  /// Forecast points from log-scale centres and a log-scale quantile offset (p, step).
  static func points(
    _ centre: [Double], origin: Int, levels: [Double], offset: (Double, Int) -> Double
  ) throws -> [ForecastPoint] {
    try centre.indices.map { h in
      let mean = Foundation.exp(centre[h]) - 1
      var lower: [Double] = []
      var upper: [Double] = []
      for level in levels {
        let tail = (1 - level / 100) / 2
        lower.append(Foundation.exp(centre[h] + offset(tail, h)) - 1)
        upper.append(Foundation.exp(centre[h] + offset(1 - tail, h)) - 1)
      }
      guard mean.isFinite, lower.allSatisfy(\.isFinite), upper.allSatisfy(\.isFinite) else {
        throw ForecastingError.fitFailed(
          model: modelName, reason: "the forecast for \(origin + h + 1) overflows double precision")
      }
      let m = max(0, mean)
      return ForecastPoint(
        time: origin + h + 1, mean: m, lower: lower.map { min(max(0, $0), m) }, upper: upper.map { max($0, m) })
    }
  }

  /// Every member forecast alone by `auto`; the total adds means and bounds.
  static func alone(
    _ current: [Panel.Member], omitted: [(String, String)], origin: Int, horizon: Int, levels: [Double]
  ) throws -> PanelForecast {
    let forecasts = try current.map {
      try Forecaster.forecast($0.series, model: .auto, horizon: horizon, levels: levels)
    }
    let total = (0..<horizon).map { h in
      ForecastPoint(
        time: origin + h + 1, mean: forecasts.map { $0.points[h].mean }.reduce(0, +),
        lower: levels.indices.map { i in forecasts.map { $0.points[h].lower[i] }.reduce(0, +) },
        upper: levels.indices.map { i in forecasts.map { $0.points[h].upper[i] }.reduce(0, +) })
    }
    let note =
      "total: \(current.count) series observed at \(origin), too few (or too short) to pool (at least \(minimumMembers) and four years); each forecast alone by auto, bounds added (perfect correlation assumed)"
    return PanelForecast(
      origin: origin, names: current.map(\.name), forecasts: forecasts, omitted: omitted, total: total,
      totalNotes: [note], pooled: false,
      totalQuantile: { p, h in forecasts.compactMap { $0.quantile(p, step: h) }.reduce(0, +) })
  }
}
