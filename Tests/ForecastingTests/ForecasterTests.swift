import Foundation
import Testing

@testable import Forecasting

/// Tests of the public `Forecaster` API: validation, the named models on hand-checkable
/// series, and the guarantees every forecast keeps (finite, non-negative, ordered bounds).
struct ForecasterTests {
  /// Medway's SEN2 counts, 2010-2020 (DfE SEN2; see shared/data/sen2).
  static let medway = try! TimeSeries(
    times: Array(2010...2020),
    values: [1460, 1456, 1412, 1395, 1409, 1500, 1564, 1684, 1946, 2144, 2296])

  @Test func seriesValidation() {
    #expect(throws: ForecastingError.mismatchedLengths(times: 2, values: 1)) {
      try TimeSeries(times: [1, 2], values: [1])
    }
    #expect(throws: ForecastingError.empty) { try TimeSeries(times: [], values: []) }
    #expect(throws: ForecastingError.nonFiniteValue(time: 2)) {
      try TimeSeries(times: [1, 2], values: [1, .nan])
    }
    #expect(throws: ForecastingError.nonFiniteValue(time: 1)) {
      try TimeSeries(times: [1, 2], values: [.infinity, 1])
    }
    #expect(throws: ForecastingError.negativeValue(time: 2, value: -1)) {
      try TimeSeries(times: [1, 2], values: [1, -1])
    }
    #expect(throws: ForecastingError.duplicateTime(time: 2)) {
      try TimeSeries(times: [1, 2, 2], values: [1, 1, 1])
    }
    #expect(throws: ForecastingError.unsortedTimes(previous: 3, time: 2)) {
      try TimeSeries(times: [1, 3, 2], values: [1, 1, 1])
    }
  }

  @Test func invalidArguments() throws {
    let s = try TimeSeries(times: [1, 2, 3, 4], values: [1, 2, 3, 4])
    #expect(throws: ForecastingError.invalidHorizon(0)) { try Forecaster.forecast(s, horizon: 0) }
    #expect(throws: ForecastingError.invalidLevel(100)) {
      try Forecaster.forecast(s, horizon: 1, levels: [100])
    }
  }

  /// An exact line: the linear model reproduces it to rounding (1e-9 relative: a
  /// well-conditioned 2-column least-squares problem loses at most a few digits).
  @Test func linearOnExactLine() throws {
    let s = try TimeSeries(times: Array(2010...2016), values: (0..<7).map { 100 + 10 * Double($0) })
    let f = try Forecaster.forecast(s, model: .linear, horizon: 3)
    #expect(f.model == "linear")
    #expect(f.selection == "user")
    // A named model reports its own scores: on an exact line, no backtest error.
    #expect(f.candidates.map(\.model) == ["linear"])
    #expect((f.candidates.first?.backtestMAPE ?? 1) < 1e-9)
    for (k, p) in f.points.enumerated() {
      #expect(p.time == 2017 + k)
      #expect(abs(p.mean - (170 + 10 * Double(k))) < 1e-9 * 200)
      #expect(abs(p.upper[1] - p.lower[1]) < 1e-6)  // zero residual variance: no width
    }
  }

  /// Exponential growth at 10% a year with no noise: the log-linear fit recovers it, and with
  /// zero residual variance the bias-corrected mean equals the median.
  @Test func exponentialOnExactGrowth() throws {
    let s = try TimeSeries(times: Array(2010...2016), values: (0..<7).map { 100 * pow(1.1, Double($0)) })
    let f = try Forecaster.forecast(s, model: .exponential, horizon: 2)
    #expect(abs(f.points[0].mean - 100 * pow(1.1, 7)) < 1e-8 * 200)
    #expect(abs(f.points[1].mean - 100 * pow(1.1, 8)) < 1e-8 * 200)
  }

  @Test func exponentialRefusesZeros() throws {
    let s = try TimeSeries(times: [1, 2, 3, 4], values: [0, 1, 2, 3])
    #expect(throws: ForecastingError.self) { try Forecaster.forecast(s, model: .exponential, horizon: 1) }
  }

  /// Every model and auto on a real series: finite, non-negative, bounds nested and
  /// around the mean, one point per horizon year, one fitted point per observation.
  @Test(arguments: ForecastModel.allCases)
  func invariants(model: ForecastModel) throws {
    let f = try Forecaster.forecast(Self.medway, model: model, horizon: 5)
    #expect(f.points.count == 5)
    #expect(f.fitted.count == 11)
    #expect(f.levels == [80, 95])
    for p in f.points {
      #expect(p.mean.isFinite && p.mean >= 0)
      #expect(p.lower[1] <= p.lower[0] && p.lower[0] <= p.mean)
      #expect(p.mean <= p.upper[0] && p.upper[0] <= p.upper[1])
      #expect(p.lower.allSatisfy { $0 >= 0 && $0.isFinite })
      #expect(p.upper.allSatisfy { $0.isFinite })
    }
    for q in f.fitted { #expect(q.fitted.isFinite) }
  }

  @Test func autoReportsCandidates() throws {
    let f = try Forecaster.forecast(Self.medway, horizon: 4)
    #expect(f.candidates.count >= 5)
    #expect(f.candidates.contains { $0.backtestMAPE != nil })
    #expect(!f.selection.isEmpty)
  }

  /// A falling series must not produce negative bounds.
  @Test func boundsNeverNegative() throws {
    let s = try TimeSeries(times: Array(2010...2016), values: [60, 50, 40, 30, 20, 10, 2])
    for model in ForecastModel.allCases {
      guard let f = try? Forecaster.forecast(s, model: model, horizon: 6) else { continue }
      for p in f.points {
        #expect(p.lower.allSatisfy { $0 >= 0 })
        #expect(p.mean >= 0)
      }
    }
  }
}
