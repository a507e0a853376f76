import Foundation

extension Forecaster {
  /// Population scale of the prevalence: counts per 10,000 people.
  public static let prevalenceScale = 10_000.0

  /// Forecasts a count as a prevalence times a projected population.
  ///
  /// The rate r(t) = 10,000 · count(t) / population(t) is forecast with `model` (any model,
  /// `auto` included), and every forecast quantity — mean and each bound — is multiplied by
  /// population(T+h) / 10,000. Fitted values are scaled the same way. The population
  /// (for example ONS projections of 0-25 year olds) is taken as known: its own uncertainty
  /// is not in the intervals, and the notes say so.
  ///
  /// ```swift
  /// let plans = try TimeSeries(times: [2018, 2019, 2020], values: [1946, 2144, 2296])
  /// let people = try TimeSeries(times: Array(2018...2024), values: [...])
  /// let f = try Forecaster.forecast(plans, population: people, horizon: 4)
  /// ```
  ///
  /// - Throws: `ForecastingError.populationMissing` when `population` lacks an observed or a
  ///   forecast year, `.populationZero` when it is zero in an observed year, and the errors
  ///   of `forecast(_:model:horizon:levels:)`.
  public static func forecast(
    _ series: TimeSeries, population: TimeSeries, model: ForecastModel = .auto, horizon: Int,
    levels: [Double] = [80, 95]
  ) throws -> Forecast {
    guard (1...maximumHorizon).contains(horizon) else { throw ForecastingError.invalidHorizon(horizon) }
    let people = Dictionary(uniqueKeysWithValues: zip(population.times, population.values))
    var rates: [Double] = []
    for (t, y) in zip(series.times, series.values) {
      guard let p = people[t] else { throw ForecastingError.populationMissing(time: t) }
      guard p > 0 else { throw ForecastingError.populationZero(time: t) }
      let rate = prevalenceScale * y / p
      guard rate.isFinite else {
        throw ForecastingError.modelNotApplicable(
          model: "prevalence", reason: "the population in \(t) is \(p): so small that the rate per 10,000 overflows")
      }
      rates.append(rate)
    }
    let last = series.times[series.count - 1]
    let future = try (1...horizon).map { h -> Double in
      guard let p = people[last + h] else { throw ForecastingError.populationMissing(time: last + h) }
      return p
    }
    let rateForecast = try forecast(
      TimeSeries(times: series.times, values: rates), model: model, horizon: horizon, levels: levels)
    let fitted = rateForecast.fitted.enumerated().map { (i, f) in
      FittedPoint(time: f.time, value: series.values[i], fitted: finite(f.fitted * people[f.time]! / prevalenceScale))
    }
    let points = try rateForecast.points.enumerated().map { (i, p) in
      let factor = future[i] / prevalenceScale
      guard (p.upper + [p.mean]).allSatisfy({ ($0 * factor).isFinite }) else {
        throw ForecastingError.fitFailed(
          model: "prevalence(\(rateForecast.model))",
          reason: "the forecast for \(p.time) overflows double precision; the population is too large")
      }
      return ForecastPoint(
        time: p.time, mean: finite(p.mean * factor), lower: p.lower.map { finite($0 * factor) },
        upper: p.upper.map { finite($0 * factor) })
    }
    return Forecast(
      model: "prevalence(\(rateForecast.model))",
      selection: rateForecast.selection + "; fitted to plans per 10,000 population, times the projected population",
      levels: levels, fitted: fitted, points: points, candidateTable: rateForecast.candidateTable,
      notes: rateForecast.notes + [
        "prevalence: the population is taken as known; its uncertainty is not in the intervals; candidate scores are for the rate per 10,000"
      ],
      quantile: { p, h in (rateForecast.quantile(p, step: h) ?? .nan) * future[h] / prevalenceScale })
  }
}
