import Foundation

/// Forecasts an annual count series with a named model or by automatic selection.
///
/// ```swift
/// let series = try TimeSeries(times: Array(2010...2016), values: [...])
/// let f = try Forecaster.forecast(series, horizon: 4)          // auto, 80 and 95%
/// f.points[0].mean, f.points[0].lower[1], f.points[0].upper[1]
/// ```
///
/// `auto` fits every candidate and scores each by rolling-origin cross-validation
/// (`RollingOrigin`, MAPE over horizons 1…min(h, 4)); its forecast is a combination of four
/// trend models weighted by those scores, with intervals calibrated on the combination's own
/// out-of-sample errors (`AutoSelection`, `IntervalCalibration`). Measured against R's
/// forecast package in `benchmarks/backtest/RESULTS.md`. With many series at hand (every
/// authority), `PanelForecaster` pools across them and is more accurate still.
public enum Forecaster {
  /// The longest horizon accepted.
  public static let maximumHorizon = 50
  /// Number of most recent points used by `recent-linear` and `recent-exponential`.
  public static let recentWindow = 4
  /// Number of most recent points used by `local-exponential`.
  public static let localWindow = 3

  /// Forecasts `series` for `horizon` years after its last year.
  ///
  /// - Parameters:
  ///   - model: the model, or `.auto` to select and combine.
  ///   - horizon: years ahead, 1…`maximumHorizon`.
  ///   - levels: interval levels in percent, each strictly between 0 and 100.
  /// - Returns: a forecast whose numbers are all finite and whose bounds are not negative.
  /// - Throws: `ForecastingError` for an invalid horizon or level, or when the model cannot
  ///   be fitted to this series (with the reason).
  public static func forecast(
    _ series: TimeSeries, model: ForecastModel = .auto, horizon: Int, levels: [Double] = [80, 95]
  ) throws -> Forecast {
    guard (1...maximumHorizon).contains(horizon) else { throw ForecastingError.invalidHorizon(horizon) }
    for level in levels where !(level > 0 && level < 100) { throw ForecastingError.invalidLevel(level) }
    if model == .auto {
      return try AutoSelection.forecast(series, horizon: horizon, levels: levels)
    }
    let fit = try fitCandidate(model, series, horizon: horizon)
    // The model's own scores, as auto would report them.
    let errors = RollingOrigin.errors(
      series, horizon: min(horizon, AutoSelection.validationHorizon), minimumTraining: AutoSelection.minimumTraining
    ) { try fitCandidate(model, $0, horizon: $1) }
    let score = CandidateScore(
      model: model.rawValue, aicc: fit.aicc, backtestMAPE: RollingOrigin.meanAbsolutePercentageError(errors))
    return try assemble(
      series: series, model: model.rawValue, selection: "user", levels: levels,
      fitted: fit.fitted, predictive: [(1, fit.predictive)], candidates: CandidateTable([score]), notes: fit.notes)
  }

  /// Forecasts `series` with a piecewise-linear trend whose slope changes after `breakYear`
  /// (for example 2014, the SEND reforms), given rather than searched for.
  ///
  /// - Throws: `ForecastingError` for an invalid horizon or level, or when fewer than two
  ///   observed years lie on or before the break or none after it.
  public static func forecastPiecewise(
    _ series: TimeSeries, breakYear: Int, horizon: Int, levels: [Double] = [80, 95]
  ) throws -> Forecast {
    guard (1...maximumHorizon).contains(horizon) else { throw ForecastingError.invalidHorizon(horizon) }
    for level in levels where !(level > 0 && level < 100) { throw ForecastingError.invalidLevel(level) }
    let fit = try TrendModel.fitPiecewise(series, breakYear: breakYear, model: .piecewise, horizon: horizon)
    return try assemble(
      series: series, model: ForecastModel.piecewise.rawValue, selection: "user, break after \(breakYear)",
      levels: levels, fitted: fit.fitted, predictive: [(1, fit.predictive)], candidates: CandidateTable([]),
      notes: fit.notes)
  }

  /// Fits one named model (not `.auto`).
  static func fitCandidate(_ model: ForecastModel, _ series: TimeSeries, horizon: Int) throws -> CandidateFit {
    switch model {
    case .auto:
      throw ForecastingError.modelNotApplicable(model: "auto", reason: "auto is not a single model")
    case .linear:
      return try TrendModel.fit(series, spec: .init(degree: 1, logScale: false), model: model, horizon: horizon)
    case .exponential:
      return try TrendModel.fit(series, spec: .init(degree: 1, logScale: true), model: model, horizon: horizon)
    case .quadratic:
      return try TrendModel.fit(series, spec: .init(degree: 2, logScale: false), model: model, horizon: horizon)
    case .recentLinear:
      return try TrendModel.fit(
        series, spec: .init(degree: 1, logScale: false, window: recentWindow), model: model, horizon: horizon)
    case .recentExponential:
      return try TrendModel.fit(
        series, spec: .init(degree: 1, logScale: true, window: recentWindow), model: model, horizon: horizon)
    case .localExponential:
      return try TrendModel.fit(
        series, spec: .init(degree: 1, logScale: true, window: localWindow), model: model, horizon: horizon)
    case .piecewise:
      return try TrendModel.fitPiecewise(series, model: model, horizon: horizon)
    case .damped:
      return try DampedTrend.fit(series, horizon: horizon)
    case .drift:
      return try RandomWalk.fit(series, withDrift: true, horizon: horizon)
    case .naive:
      return try RandomWalk.fit(series, withDrift: false, horizon: horizon)
    }
  }

  /// Builds the public forecast from weighted predictive laws: the mean is the weighted
  /// mean of the means, each bound the weighted mean of the members' quantiles.
  /// Throws `ForecastingError.fitFailed` when a mean or bound overflows.
  static func assemble(
    series: TimeSeries, model: String, selection: String, levels: [Double], fitted: [Double],
    predictive: [(weight: Double, laws: [Predictive])], candidates: CandidateTable, notes: [String],
    widening: [Double] = []
  ) throws -> Forecast {
    let fittedPoints = series.times.indices.map {
      FittedPoint(time: series.times[$0], value: series.values[$0], fitted: finite(fitted[$0]))
    }
    let horizon = predictive.map { $0.laws.count }.min() ?? 0
    let last = series.times[series.count - 1]
    let totalWeight = predictive.map(\.weight).reduce(0, +)
    var points: [ForecastPoint] = []
    for h in 0..<horizon {
      let factor = h < widening.count ? widening[h] : (widening.last ?? 1)
      var mean = 0.0
      var lower = [Double](repeating: 0, count: levels.count)
      var upper = [Double](repeating: 0, count: levels.count)
      for member in predictive {
        let w = member.weight / totalWeight
        let law = member.laws[h].widened(by: factor)
        mean += w * member.laws[h].mean
        for (i, level) in levels.enumerated() {
          let tail = (1 - level / 100) / 2
          lower[i] += w * law.quantile(tail)
          upper[i] += w * law.quantile(1 - tail)
        }
      }
      // A mean or bound beyond double precision (counts near 1e300) is no forecast: say so
      // rather than print the largest finite number as if it were one.
      guard mean.isFinite, lower.allSatisfy(\.isFinite), upper.allSatisfy(\.isFinite) else {
        throw ForecastingError.fitFailed(
          model: model,
          reason: "the forecast for \(last + h + 1) overflows double precision; the counts are too large for the model")
      }
      let m = finite(mean)
      points.append(
        ForecastPoint(
          time: last + h + 1, mean: m, lower: lower.map { min(finite($0), m) }, upper: upper.map { max(finite($0), m) })
      )
    }
    // The same weighted quantile the bounds above are made of, at any probability. The
    // simulation asks at the same fixed probabilities (its quantile tables' nodes) for every
    // authority and year, so the t quantiles are cached: the cache returns the very number the
    // iteration computed (ReuseAndCacheTests), and keeps a bounded number of them.
    let quantile: @Sendable (Double, Int) -> Double = { p, h in
      let factor = h < widening.count ? widening[h] : (widening.last ?? 1)
      var q = 0.0
      for member in predictive {
        q += member.weight / totalWeight * member.laws[h].widened(by: factor).quantile(p, cached: true)
      }
      return q
    }
    return Forecast(
      model: model, selection: selection, levels: levels, fitted: fittedPoints, points: points,
      candidateTable: candidates, notes: notes, quantile: quantile)
  }

  /// A finite, non-negative number: NaN and −∞ become 0, +∞ the largest finite Double.
  static func finite(_ x: Double) -> Double {
    if x.isNaN { return 0 }
    if x == .infinity { return Double.greatestFiniteMagnitude }
    return max(0, x.isFinite ? x : 0)
  }
}
