import Testing

@testable import Forecasting

/// `Backtest.heldOutForecast` skips a named model's own rolling-origin score, which no
/// backtest row reads: its points must be exactly `Forecaster.forecast`'s (tolerance zero:
/// the same fit through the same assembly), and it must fail where that fails.
struct HeldOutForecastTests {
  /// Medway's SEN2 counts 2010-2020 (../shared/data/sen2/ehcp_caseload_2010_2020.csv) and
  /// prefixes of them, every named model, horizons 1 to 4.
  @Test func pointsAreForecastersPoints() throws {
    let counts: [Double] = [1389, 1395, 1396, 1470, 1500, 1624, 1824, 1999, 2127, 2238, 2296]
    for length in [4, 6, 8, 11] {
      let series = try TimeSeries(times: Array(2010..<(2010 + length)), values: Array(counts.prefix(length)))
      for model in ForecastModel.allCases where model != .auto {
        for horizon in 1...4 {
          let full = try? Forecaster.forecast(series, model: model, horizon: horizon, levels: [80, 95])
          let held = try? Backtest.heldOutForecast(series, model: model, horizon: horizon, levels: [80, 95])
          #expect((full == nil) == (held == nil), "\(model) \(length) points h=\(horizon): fails alike")
          guard let full, let held else { continue }
          for (a, b) in zip(full.points, held.points) {
            #expect(a.time == b.time && a.mean.bitPattern == b.mean.bitPattern, "\(model) \(length) h=\(horizon)")
            #expect(
              a.lower.map(\.bitPattern) == b.lower.map(\.bitPattern)
                && a.upper.map(\.bitPattern) == b.upper.map(\.bitPattern))
          }
        }
      }
    }
  }

  @Test func badHorizonOrLevelFailsAsForecastDoes() throws {
    let series = try TimeSeries(times: Array(2010...2016), values: [10, 11, 12, 14, 15, 17, 18])
    #expect(throws: ForecastingError.invalidHorizon(0)) {
      try Backtest.heldOutForecast(series, model: .linear, horizon: 0, levels: [80])
    }
    #expect(throws: ForecastingError.invalidLevel(100)) {
      try Backtest.heldOutForecast(series, model: .linear, horizon: 2, levels: [100])
    }
  }
}
