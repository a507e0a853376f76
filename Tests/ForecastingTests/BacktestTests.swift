import Foundation
import Testing

@testable import Forecasting

/// The held-out backtest and its summary statistics.
struct BacktestTests {
  /// Two exact lines: the linear model forecasts them exactly (MAPE 0, full coverage);
  /// naive has known percentage errors.
  @Test func exactLines() throws {
    let a = try TimeSeries(times: Array(2010...2015), values: [10, 20, 30, 40, 50, 60])
    let b = try TimeSeries(times: Array(2010...2015), values: [100, 110, 120, 130, 140, 150])
    let (rows, failures) = Backtest.run(
      series: [("a", a), ("b", b)], origins: [2013], horizon: 2, models: [.linear, .naive], levels: [80, 95])
    #expect(failures.isEmpty)
    #expect(rows.count == 8)
    let summaries = Backtest.summarise(rows, levels: [80, 95])
    let linear = summaries.first { $0.model == "linear" }!
    #expect(linear.medianMAPE < 1e-9)
    #expect(linear.forecasts == 2)
    let naive = summaries.first { $0.model == "naive" }!
    // a: |40−50|/50 = 20%, |40−60|/60 = 33.3%: MAPE 26.67; b: 130 vs 140, 150: 7.14%, 13.33%: 10.24
    let mapeA = (20.0 + 100.0 / 3) / 2
    let mapeB = (100.0 * 10 / 140 + 100.0 * 20 / 150) / 2
    #expect(abs(naive.meanMAPE - (mapeA + mapeB) / 2) < 1e-9)
    #expect(abs(naive.medianMAPE - (mapeA + mapeB) / 2) < 1e-9)  // the median of two is their mean
  }

  /// A model that cannot fit a training window is a counted failure, not a crash.
  @Test func failuresCounted() throws {
    let s = try TimeSeries(times: Array(2010...2015), values: [1, 2, 3, 4, 5, 6])
    let (_, failures) = Backtest.run(
      series: [("s", s)], origins: [2011], horizon: 2, models: [.quadratic], levels: [80])
    #expect(failures["quadratic"] == 1)
  }

  @Test func medianOfSorted() {
    #expect(Backtest.median([1, 2, 3]) == 2)
    #expect(Backtest.median([1, 2, 3, 10]) == 2.5)
    #expect(Backtest.median([]).isNaN)
  }
}

extension BacktestTests {
  /// A model that failed everywhere still gets a summary line, with no forecasts.
  @Test func failedOnlyModelsAreListed() throws {
    let s = try TimeSeries(times: Array(2010...2015), values: [1, 2, 3, 4, 5, 6])
    let (rows, failures) = Backtest.run(
      series: [("s", s)], origins: [2011], horizon: 2, models: [.naive, .quadratic], levels: [80])
    let summaries = Backtest.summarise(rows, levels: [80], failures: failures)
    #expect(summaries.map(\.model) == ["naive", "quadratic"])
    #expect(summaries[1].forecasts == 0 && summaries[1].failures == 1 && summaries[1].medianMAPE.isNaN)
  }
}
