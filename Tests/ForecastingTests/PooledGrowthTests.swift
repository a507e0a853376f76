import Foundation
import Statistics
import Testing

@testable import Forecasting

/// The panel and the pooled growth model (`Panel`, `PooledGrowth`).
struct PooledGrowthTests {
  /// A seeded synthetic panel: `count` series over `years`, each growing at a common
  /// national rate (changing by year) plus its own persistent rate plus noise.
  static func syntheticPanel(
    count: Int, years: ClosedRange<Int>, common: Double = 0.03, own: Double = 0.02, noise: Double = 0.02,
    seed: UInt64 = 7
  ) throws -> Panel {
    var rng = SplitMix64(seed: seed)
    func normal() -> Double { Normal.quantile(rng.openUniform()) }
    let national = years.map { _ in 0.05 + common * normal() }
    var members: [Panel.Member] = []
    for i in 0..<count {
      let rate = own * normal()
      var level = 500 + 4000 * rng.uniform()
      var values: [Double] = []
      for (k, _) in years.enumerated() {
        if k > 0 { level *= Foundation.exp(national[k] + rate + noise * normal()) }
        values.append(level.rounded())
      }
      members.append(
        .init(
          name: "s\(i)", group: i % 2 == 0 ? "north" : "south",
          series: try TimeSeries(times: Array(years), values: values)))
    }
    return try Panel(members)
  }

  @Test func panelRefusesEmptyAndDuplicateNames() throws {
    #expect(throws: PanelError.empty) { try Panel([]) }
    let s = try TimeSeries(times: [2020, 2021], values: [1, 2])
    #expect(throws: PanelError.duplicateName("a")) {
      try Panel([.init(name: "a", series: s), .init(name: "a", series: s)])
    }
  }

  @Test func throughDropsMembersWithNoYearAndReplacingSwaps() throws {
    let early = try TimeSeries(times: [2010, 2011, 2012], values: [1, 2, 3])
    let late = try TimeSeries(times: [2015, 2016], values: [5, 6])
    let panel = try Panel([.init(name: "early", series: early), .init(name: "late", series: late)])
    let cut = try #require(panel.through(2012))
    #expect(cut.members.map(\.name) == ["early"])
    #expect(panel.through(2009) == nil)
    #expect(panel.lastYear == 2016 && panel.firstYear == 2010)
    let swapped = panel.replacing(.init(name: "early", series: late))
    #expect(swapped.members.count == 2 && swapped.member(named: "early")?.series == late)
    #expect(panel.replacing(.init(name: "new", series: late)).members.count == 3)
  }

  /// Every series growing at exactly 8% a year (on log(y + 1)): national growth is 8% a
  /// year, every member's relative growth 0, so each is forecast at 8% a year whatever κ is.
  @Test func commonGrowthIsExtrapolated() throws {
    let rate = Foundation.log(1.08)
    let members = try (0..<12).map { i in
      let start = 100.0 * Double(i + 1)
      let values = (0..<8).map { k in (start + 1) * Foundation.exp(rate * Double(k)) - 1 }
      return Panel.Member(name: "s\(i)", series: try TimeSeries(times: Array(2010...2017), values: values))
    }
    let panel = try Panel(members)
    let model = PooledGrowth.fit(panel, horizon: 3)
    // The sum grows at 8% too: Σ(y + 1) does, and Σy + 1 differs from it by 11 in ~8000,
    // which moves the log growth by about 1e-4 (the tolerance).
    #expect(abs(model.growthForecast - rate) < 2e-4)
    for m in members {
      let path = try #require(model.logPath(m.series))
      let last = PooledGrowth.level(m.series.values.last!)
      for h in 1...3 { #expect(abs(path[h - 1] - (last + Double(h) * rate)) < 1e-3) }
    }
  }

  /// κ(1) against an independent computation of its defining weighted least-squares slope:
  /// weights 1/(s² + v), v = (1/(y(t) + 1) + 1/(y(t−2) + 1))/4, s² = mean(x²) − mean(v).
  @Test func persistenceIsTheWeightedLeastSquaresSlope() throws {
    let panel = try Self.syntheticPanel(count: 15, years: 2010...2018)
    let model = PooledGrowth.fit(panel, horizon: 1)
    func l(_ y: Double) -> Double { Foundation.log(y + 1) }
    let years = Array(2010...2018)
    var g: [Double] = [.nan]  // g[k]: growth of the total from year k-1 to k
    for k in 1..<years.count {
      let now = panel.members.map { $0.series.values[k] }.reduce(0, +)
      let before = panel.members.map { $0.series.values[k - 1] }.reduce(0, +)
      g.append(Foundation.log((now + 1) / (before + 1)))
    }
    var xs: [Double] = []
    var ys: [Double] = []
    var vs: [Double] = []
    for k in 2..<(years.count - 1) {  // origin year index k: needs k-2, and k+1 for the outcome
      for m in panel.members {
        let v = m.series.values
        xs.append((l(v[k]) - l(v[k - 2])) / 2 - (g[k] + g[k - 1]) / 2)
        ys.append(l(v[k + 1]) - l(v[k]) - g[k + 1])
        vs.append((1 / (v[k] + 1) + 1 / (v[k - 2] + 1)) / 4)
      }
    }
    let n = Double(xs.count)
    let s2 = max(1e-6, xs.map { $0 * $0 }.reduce(0, +) / n - vs.reduce(0, +) / n)
    let w = vs.map { 1 / (s2 + $0) }
    let sxy = xs.indices.map { w[$0] * xs[$0] * ys[$0] }.reduce(0, +)
    let sxx = xs.indices.map { w[$0] * xs[$0] * xs[$0] }.reduce(0, +)
    let expected = min(1, max(0, sxy / sxx))
    #expect(expected > 0.05 && expected < 1, "a degenerate panel would test only the clamp")
    // Same sums in another order: agreement to rounding (1e-12).
    #expect(abs(model.persistence[0] - expected) < 1e-12, "\(model.persistence[0]) vs \(expected)")
    #expect(abs(model.growthForecast - (g[8] + g[7]) / 2) < 1e-14)
  }

  /// A series of 20 plans among series of thousands barely moves κ: its counting noise
  /// gives it almost no weight.
  @Test func tinySeriesHaveLittleWeight() throws {
    let panel = try Self.syntheticPanel(count: 30, years: 2010...2018)
    let tiny = try TimeSeries(times: Array(2010...2018), values: [20, 9, 30, 12, 28, 10, 31, 11, 25])
    let with = PooledGrowth.fit(panel.replacing(.init(name: "tiny", series: tiny)), horizon: 1).persistence[0]
    let without = PooledGrowth.fit(panel, horizon: 1).persistence[0]
    #expect(abs(with - without) < 0.02, "\(with) vs \(without)")
  }

  /// Too few pairs: κ falls back to 0 at one year (national growth only), then to the
  /// previous horizon's.
  @Test func persistenceFallsBackWithTooFewPairs() throws {
    let panel = try Self.syntheticPanel(count: 3, years: 2010...2014)
    let model = PooledGrowth.fit(panel, horizon: 3)
    #expect(model.persistence == [0, 0, 0])
  }

  /// A member with one year grows at the national rate; one not observed at the origin
  /// has no forecast; gaps before the origin's run are not used.
  @Test func shortAndEndedMembers() throws {
    let base = try Self.syntheticPanel(count: 12, years: 2010...2016)
    let newcomer = try TimeSeries(times: [2016], values: [400])
    let ended = try TimeSeries(times: [2010, 2011, 2012], values: [50, 52, 55])
    let gappy = try TimeSeries(times: [2010, 2011, 2015, 2016], values: [10, 5000, 200, 210])
    let panel = base.replacing(.init(name: "new", series: newcomer)).replacing(.init(name: "old", series: ended))
      .replacing(.init(name: "gap", series: gappy))
    let model = PooledGrowth.fit(panel, horizon: 2)
    let path = try #require(model.logPath(newcomer))
    #expect(abs(path[0] - (PooledGrowth.level(400) + model.growthForecast)) < 1e-12)
    #expect(model.logPath(ended) == nil)
    let gap = try #require(model.logPath(gappy))
    // Its relative growth is from 2015-2016 only (one year), not from the 2011 value.
    let x = (PooledGrowth.level(210) - PooledGrowth.level(200)) - model.nationalGrowth[2016]!
    #expect(abs(gap[0] - (PooledGrowth.level(210) + model.growthForecast + model.persistence[0] * x)) < 1e-12)
  }

  /// Empirical quantiles as R's type 7 (`quantile(c(1, 2, 3, 4, 10), 0.8)` is 5.2).
  @Test func empiricalQuantileIsType7() {
    let v: [Double] = [1, 2, 3, 4, 10]
    #expect(abs(PooledCalibration.empiricalQuantile(v, 0.8) - 5.2) < 1e-12)
    #expect(PooledCalibration.empiricalQuantile(v, 0) == 1)
    #expect(PooledCalibration.empiricalQuantile(v, 1) == 10)
    #expect(abs(PooledCalibration.empiricalQuantile(v, 0.5) - 3) < 1e-12)
    #expect(PooledCalibration.empiricalQuantile([], 0.5) == 0)
  }

  /// The law: symmetric, the root sum of squares of the two parts, and with no common part
  /// the empirical quantile of the members' own errors.
  @Test func horizonLawCombinesOwnAndCommon() {
    let own: [Double] = [0.01, 0.02, 0.03, 0.04, 0.10]
    let law = PooledCalibration.HorizonLaw(
      idiosyncratic: own, commonScale: 0, degreesOfFreedom: 5, sumScale: 0.02, sumDegreesOfFreedom: 5, stretch: 1)
    #expect(abs(law.quantile(0.9) - PooledCalibration.empiricalQuantile(own, 0.8)) < 1e-12)
    #expect(abs(law.quantile(0.1) + law.quantile(0.9)) < 1e-12)
    let both = PooledCalibration.HorizonLaw(
      idiosyncratic: own, commonScale: 0.03, degreesOfFreedom: 5, sumScale: 0.02, sumDegreesOfFreedom: 5, stretch: 2)
    let t = StudentT.quantile(0.975, degreesOfFreedom: 5)
    let expected = 2 * (pow(PooledCalibration.empiricalQuantile(own, 0.95), 2) + pow(t * 0.03, 2)).squareRoot()
    #expect(abs(both.quantile(0.975) - expected) < 1e-12)
    #expect(abs(both.sumQuantile(0.975) - 2 * t * 0.02) < 1e-12)
  }
}
