import Foundation
import Statistics
import Testing

@testable import Forecasting

/// `PanelForecaster`: pooled forecasts of every series, their total, the fallback when
/// there is nothing to pool, and the panel backtest.
struct PanelForecasterTests {
  @Test func forecastsEveryCurrentMemberWithOrderedFiniteBounds() throws {
    let panel = try PooledGrowthTests.syntheticPanel(count: 30, years: 2010...2020)
    let result = try PanelForecaster.forecast(panel, horizon: 4)
    #expect(result.pooled)
    #expect(result.names.count == 30 && result.origin == 2020)
    for f in result.forecasts + [] {
      #expect(f.model == PanelForecaster.modelName)
      for p in f.points {
        #expect(p.lower[1] <= p.lower[0] && p.lower[0] <= p.mean && p.mean <= p.upper[0] && p.upper[0] <= p.upper[1])
        #expect(p.mean.isFinite && p.upper[1].isFinite && p.lower[1] >= 0)
      }
      // The quantile function is the law the bounds come from.
      #expect(abs(f.quantile(0.1, step: 0)! - f.points[0].lower[0]) < 1e-9 * f.points[0].mean)
      // Interval widths grow with the horizon.
      #expect(f.points[3].upper[0] - f.points[3].lower[0] > f.points[0].upper[0] - f.points[0].lower[0])
    }
    let sum = result.forecasts.map { $0.points[0].mean }.reduce(0, +)
    #expect(abs(result.total[0].mean - sum) < 1e-9 * sum)
    #expect(abs(result.totalQuantile(0.9, step: 0)! - result.total[0].upper[0]) < 1e-9 * sum)
    // Named forecast: the same as the member's entry in the whole.
    let one = try PanelForecaster.forecast(panel, series: "s3", horizon: 4)
    #expect(one.points[2].mean == result.forecast(named: "s3")!.points[2].mean)
    #expect(throws: PanelError.unknownSeries("nope")) {
      try PanelForecaster.forecast(panel, series: "nope", horizon: 2)
    }
  }

  /// Identical series (perfectly correlated): the total's relative interval is about each
  /// series' (the total carries the whole common error, not a 1/√N share of it).
  @Test func identicalSeriesKeepTheirCorrelationInTheTotal() throws {
    let one = try PooledGrowthTests.syntheticPanel(count: 1, years: 2010...2020, seed: 11).members[0].series
    let panel = try Panel((0..<20).map { Panel.Member(name: "c\($0)", series: one) })
    let result = try PanelForecaster.forecast(panel, horizon: 2)
    #expect(result.pooled)
    let member = result.forecasts[0].points[0]
    let total = result.total[0]
    let memberWidth = (member.upper[0] - member.lower[0]) / member.mean
    let totalWidth = (total.upper[0] - total.lower[0]) / total.mean
    // The member's law adds nothing of its own (every u is 0); the two laws differ only in
    // the +1 of log(y + 1) on counts of thousands: within 2%.
    #expect(abs(totalWidth / memberWidth - 1) < 0.02, "\(totalWidth) vs \(memberWidth)")
  }

  /// Noise of each series' own only: the total's relative interval is far narrower than a
  /// series' (the own errors cancel in the sum), and wider than zero (the prior national shock).
  @Test func ownErrorsCancelInTheTotal() throws {
    let panel = try PooledGrowthTests.syntheticPanel(
      count: 100, years: 2010...2020, common: 0, own: 0, noise: 0.08, seed: 5)
    let result = try PanelForecaster.forecast(panel, horizon: 1)
    let widths = result.forecasts.map { ($0.points[0].upper[0] - $0.points[0].lower[0]) / $0.points[0].mean }
    let total = result.total[0]
    let totalWidth = (total.upper[0] - total.lower[0]) / total.mean
    #expect(totalWidth < widths.sorted()[50] / 2)
    #expect(totalWidth > 0)
  }

  /// Fewer than `minimumMembers` series: each is forecast alone by auto (the same numbers)
  /// and the total adds the bounds.
  @Test func smallPanelFallsBackToAutoAlone() throws {
    let panel = try PooledGrowthTests.syntheticPanel(count: 3, years: 2010...2020)
    let result = try PanelForecaster.forecast(panel, horizon: 3)
    #expect(!result.pooled)
    for (m, f) in zip(panel.members, result.forecasts) {
      let alone = try Forecaster.forecast(m.series, horizon: 3)
      #expect(
        f.model == alone.model && f.points[2].mean == alone.points[2].mean
          && f.points[2].upper[1] == alone.points[2].upper[1])
    }
    let upper = result.forecasts.map { $0.points[1].upper[0] }.reduce(0, +)
    #expect(abs(result.total[1].upper[0] - upper) < 1e-9 * upper)
    #expect(result.totalNotes[0].contains("perfect correlation"))
  }

  /// Reorganised members (ended, new, gaps) do not crash anything: ended ones are listed
  /// as omitted with the reason, the others forecast.
  @Test func reorganisedMembersAreHandled() throws {
    var panel = try PooledGrowthTests.syntheticPanel(count: 12, years: 2010...2020)
    panel = panel.replacing(
      .init(name: "old", series: try TimeSeries(times: Array(2010...2018), values: Array(repeating: 100, count: 9))))
    panel = panel.replacing(.init(name: "new", series: try TimeSeries(times: [2019, 2020], values: [300, 330])))
    panel = panel.replacing(
      .init(name: "zero", series: try TimeSeries(times: Array(2016...2020), values: [0, 0, 0, 0, 0])))
    let result = try PanelForecaster.forecast(panel, horizon: 5, levels: [50, 80, 99])
    #expect(result.omitted.map(\.name) == ["old"])
    #expect(result.omitted[0].reason.contains("2018"))
    let zero = try #require(result.forecast(named: "zero"))
    #expect(zero.points.allSatisfy { $0.mean >= 0 && $0.lower.allSatisfy { $0 >= 0 } })
    #expect(result.forecast(named: "new")!.points.count == 5)
    #expect(throws: ForecastingError.invalidHorizon(0)) { try PanelForecaster.forecast(panel, horizon: 0) }
    #expect(throws: ForecastingError.invalidLevel(100)) {
      try PanelForecaster.forecast(panel, horizon: 1, levels: [100])
    }
  }
}

extension PanelForecasterTests {
  @Test func trainingWindowIsTheRunEndingAtTheOrigin() throws {
    let s = try TimeSeries(times: [2010, 2011, 2012, 2015, 2016, 2017], values: [1, 2, 3, 4, 5, 6])
    #expect(Backtest.trainingWindow(s, origin: 2017, minimumTraining: 3)?.times == [2015, 2016, 2017])
    #expect(Backtest.trainingWindow(s, origin: 2017, minimumTraining: 4) == nil)
    #expect(Backtest.trainingWindow(s, origin: 2013, minimumTraining: 1) == nil)
    #expect(Backtest.trainingWindow(s, origin: 2013, minimumTraining: nil)?.times == [2010, 2011, 2012])
  }

  /// Per-horizon scores on rows computed by hand.
  @Test func horizonSummaryScores() {
    func row(_ step: Int, _ actual: Double, _ mean: Double, _ lo: Double, _ hi: Double) -> Backtest.Row {
      Backtest.Row(
        series: "a\(actual)", origin: 2020, model: "m", time: 2020 + step, step: step, actual: actual, mean: mean,
        lower: [lo], upper: [hi])
    }
    // h = 1: inside (width 20 on 100: 20%), below (width 20 + (2/0.2)·10 = 120 on 100: 120%).
    let rows = [row(1, 100, 110, 90, 110), row(1, 100, 120, 110, 130), row(2, 50, 50, 40, 60)]
    let s = Backtest.summariseByHorizon(rows, levels: [80])
    #expect(s.count == 2)
    #expect(s[0].step == 1 && s[0].count == 2)
    #expect(abs(s[0].medianAPE - 15) < 1e-12 && abs(s[0].meanAPE - 15) < 1e-12)
    #expect(s[0].coverage == [50])
    #expect(abs(s[0].intervalScore[0] - (20 + 120) / 2) < 1e-9)
    #expect(abs(s[1].intervalScore[0] - 40) < 1e-9 && s[1].coverage == [100])
  }

  /// The panel backtest scores the same (series, origin) pairs as the per-series one.
  @Test func panelBacktestMatchesTheSplits() throws {
    let panel = try PooledGrowthTests.syntheticPanel(count: 12, years: 2010...2020)
    let series = panel.members.map { (name: $0.name, series: $0.series) }
    let pooled = Backtest.runPanel(
      series: series, origins: [2016, 2018], horizon: 3, levels: [80, 95], minimumTraining: 5)
    let naive = Backtest.run(
      series: series, origins: [2016, 2018], horizon: 3, models: [.naive], levels: [80, 95], minimumTraining: 5)
    #expect(pooled.failures.isEmpty)
    #expect(pooled.rows.count == naive.rows.count)
    #expect(Set(pooled.rows.map { "\($0.series) \($0.time)" }) == Set(naive.rows.map { "\($0.series) \($0.time)" }))
    let totals = Backtest.runPanelTotals(series: series, origins: [2016, 2018], horizon: 3, levels: [80])
    #expect(totals.count == 5)  // 3 years from 2016, 2 from 2018
    let first = totals[0]
    #expect(first.summedLower[0] <= first.lower[0] && first.upper[0] <= first.summedUpper[0])
    #expect(first.independentLower[0] >= first.lower[0] && first.independentUpper[0] <= first.upper[0])
  }

  /// Two series with one name (a name column with repeats): both still scored.
  @Test func panelBacktestWithRepeatedNames() throws {
    let panel = try PooledGrowthTests.syntheticPanel(count: 12, years: 2010...2020)
    let series = panel.members.map { (name: $0.name == "s1" ? "s0" : $0.name, series: $0.series) }
    let pooled = Backtest.runPanel(series: series, origins: [2018], horizon: 1, levels: [80])
    #expect(pooled.failures.isEmpty && pooled.rows.count == 12)
    #expect(pooled.rows.filter { $0.series == "s0" }.count == 2)
    #expect(Backtest.runPanelTotals(series: series, origins: [2018], horizon: 1, levels: [80]).count == 1)
  }
}
