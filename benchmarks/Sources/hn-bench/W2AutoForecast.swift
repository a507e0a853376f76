import Forecasting

/// W2, automatic forecasting: for every complete local authority series in SEN2 (2010…2020),
/// `Forecaster.forecast(series, model: .auto, horizon: 4, levels: [80, 95])`: every
/// candidate model fitted, each backtested by rolling-origin cross-validation, the best
/// combined, a 4-year forecast with 80 and 95% intervals.
enum W2AutoForecast {
  static func forecastAll(_ authorities: [SEN2Series.Authority]) throws -> String {
    var mean4 = 0.0
    var upper95 = 0.0
    for authority in authorities {
      let f = try Forecaster.forecast(authority.series, model: .auto, horizon: 4, levels: [80, 95])
      mean4 += f.points[3].mean
      upper95 += f.points[3].upper[1]
    }
    return "series=\(authorities.count) sum_mean_2024=\(Harness.format(mean4)) sum_hi95_2024=\(Harness.format(upper95))"
  }

  static func run(_ options: Options) throws {
    guard let path = options.string("data") else { throw BenchError("w2 needs --data PATH") }
    let repetitions = options.int("reps", default: 3)
    let (authorities, skipped) = try SEN2Series.load(path)
    Harness.emit("INFO w2 highneeds complete_series=\(authorities.count) skipped=\(skipped)")
    let warmUp = Array(authorities.prefix(max(1, authorities.count / 10)))
    try Harness.measure(
      workload: "w2", tool: "highneeds", units: authorities.count, repetitions: repetitions,
      warmUp: { _ = try forecastAll(warmUp) },
      body: { try forecastAll(authorities) })
  }
}
