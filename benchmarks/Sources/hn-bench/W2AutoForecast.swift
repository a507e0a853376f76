import Forecasting

/// W2, automatic forecasting: for every complete local authority series in SEN2 (2010…2020),
/// `Forecaster.forecast(series, model: .auto, horizon: 4, levels: [80, 95])`: automatic
/// model selection with its rolling-origin backtests and a 4-year forecast with 80 and 95%
/// intervals (what `auto` does is `AutoSelection`'s to say).
///
/// `auto` may compute the backtest scores of the candidates it does not use only when
/// `Forecast.candidates` is read (they are reported, not used). With `--candidates 1` every
/// forecast's candidate table is read too (tool `highneeds-with-table`): the whole of what
/// `highneeds forecast --format json` prints.
enum W2AutoForecast {
  static func forecastAll(_ authorities: [SEN2Series.Authority], readCandidates: Bool) throws -> String {
    var mean4 = 0.0
    var upper95 = 0.0
    var mape = 0.0
    for authority in authorities {
      let f = try Forecaster.forecast(authority.series, model: .auto, horizon: 4, levels: [80, 95])
      mean4 += f.points[3].mean
      upper95 += f.points[3].upper[1]
      if readCandidates { mape += f.candidates.compactMap(\.backtestMAPE).reduce(0, +) }
    }
    let table = readCandidates ? " sum_candidate_mape=\(Harness.format(mape))" : ""
    return
      "series=\(authorities.count) sum_mean_2024=\(Harness.format(mean4)) sum_hi95_2024=\(Harness.format(upper95))\(table)"
  }

  static func run(_ options: Options) throws {
    guard let path = options.string("data") else { throw BenchError("w2 needs --data PATH") }
    let repetitions = options.int("reps", default: 3)
    let readCandidates = options.int("candidates", default: 0) != 0
    let tool = readCandidates ? "highneeds-with-table" : "highneeds"
    let (authorities, skipped) = try SEN2Series.load(path)
    Harness.emit("INFO w2 \(tool) complete_series=\(authorities.count) skipped=\(skipped)")
    let warmUp = Array(authorities.prefix(max(1, authorities.count / 10)))
    try Harness.measure(
      workload: "w2", tool: tool, units: authorities.count, repetitions: repetitions,
      warmUp: { _ = try forecastAll(warmUp, readCandidates: readCandidates) },
      body: { try forecastAll(authorities, readCandidates: readCandidates) })
  }
}
