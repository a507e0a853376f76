import Foundation
import Testing

@testable import Forecasting
import Statistics

/// `auto`: candidates, combination weights, calibration, short and awkward series.
struct AutoSelectionTests {
  static let medway = ForecasterTests.medway

  @Test func weightsFollowInverseMAPE() {
    let scores: [Double?] = [1, 3, nil]
    let w = AutoSelection.combinationWeights(scores)
    let third = 1.0 / 3
    #expect(w == [third, third, third])  // one unscored: equal weights
    let v = AutoSelection.combinationWeights([1, 3])
    // 1/2 and 1/4, normalised: 2/3 and 1/3 (exact in binary to one rounding).
    #expect(abs(v[0] - 2.0 / 3) < 1e-15 && abs(v[1] - 1.0 / 3) < 1e-15)
  }

  /// The point forecast is the weighted mean of the pooled models' means.
  @Test func pointForecastIsTheWeightedCombination() throws {
    let f = try Forecaster.forecast(Self.medway, horizon: 3)
    let scores = Dictionary(uniqueKeysWithValues: f.candidates.map { ($0.model, $0.backtestMAPE) })
    let members = AutoSelection.pool
    let weights = AutoSelection.combinationWeights(members.map { scores[$0.rawValue] ?? nil })
    for k in 0..<3 {
      var expected = 0.0
      for (m, w) in zip(members, weights) {
        expected += w * (try Forecaster.forecast(Self.medway, model: m, horizon: 3)).points[k].mean
      }
      #expect(abs(f.points[k].mean - expected) < 1e-9 * expected)
    }
    #expect(f.model == "combination(quadratic,recent-exponential,local-exponential,piecewise)")
  }

  /// Every candidate is reported, ranked by backtest MAPE.
  @Test func candidatesRanked() throws {
    let f = try Forecaster.forecast(Self.medway, horizon: 4)
    #expect(Set(f.candidates.map(\.model)) == Set(AutoSelection.candidates.map(\.rawValue)))
    let mapes = f.candidates.compactMap(\.backtestMAPE)
    #expect(mapes == mapes.sorted())
  }

  /// Calibration: with no errors the scale is the prior; with many it approaches their
  /// root mean square; degrees of freedom count the errors.
  @Test func calibrationShrinksTowardsPrior() {
    let prior = IntervalCalibration.scale(errors: [])
    #expect(prior.scale == IntervalCalibration.priorScale)
    #expect(prior.degreesOfFreedom == IntervalCalibration.priorWeight)
    let many = IntervalCalibration.scale(errors: [Double](repeating: 0.3, count: 10_000))
    #expect(abs(many.scale - 0.3) < 1e-3)
    let some = IntervalCalibration.scale(errors: [0.2, -0.2, 0.2, -0.2])
    // (4·0.08² + 4·0.2²)/8 = 0.0232
    #expect(abs(some.scale * some.scale - 0.0232) < 1e-12)
    #expect(some.degreesOfFreedom == 8)
    // Weights count as fractions of an observation: weight 0 ignores an error.
    let weighted = IntervalCalibration.scale(errors: [0.2, 5], weights: [1, 0])
    #expect(abs(weighted.scale * weighted.scale - (4 * 0.0064 + 0.04) / 5) < 1e-12)
    #expect(IntervalCalibration.recencyWeights(origins: [5, 6, 6]).count == 3)
  }

  /// Calibrated bounds: t quantiles on log(y + 1) around the point forecast, widening
  /// as hᵞ with the horizon.
  @Test func calibratedLawsAreCentredAndWiden() {
    let laws = IntervalCalibration.laws(means: [100, 110], errors: [])
    #expect(laws[0].mean == 100)
    #expect(abs(laws[0].median - 100) < 1e-9)
    let q = StudentT.quantile(0.9, degreesOfFreedom: 4)
    #expect(abs(laws[0].quantile(0.9) - (101 * exp(q * 0.08) - 1)) < 1e-9)
    let s2 = 0.08 * pow(2, IntervalCalibration.horizonExponent)
    #expect(abs(laws[1].quantile(0.1) - (111 * exp(-q * s2) - 1)) < 1e-9)
  }

  /// Short series: 1, 2, 3 and 4 points all give a finite forecast with intervals.
  @Test(arguments: [1, 2, 3, 4, 5])
  func shortSeries(count: Int) throws {
    let s = try TimeSeries(
      times: Array(2016..<(2016 + count)), values: Array([100.0, 104, 109, 115, 120].prefix(count)))
    let f = try Forecaster.forecast(s, horizon: 4)
    #expect(f.points.count == 4)
    for p in f.points {
      #expect(p.mean.isFinite && p.mean > 0)
      #expect(p.lower[1] < p.upper[1])
      #expect(p.lower.allSatisfy { $0 >= 0 })
    }
    if count < 5 { #expect(!f.notes.isEmpty) }  // excluded models are explained
    if count == 1 { #expect(f.model == "naive") }  // nothing to trend on
    if count == 2 { #expect(f.model == "drift") }  // one step: its slope
  }

  /// Zeros: log-scale models drop out with a note; auto still forecasts.
  @Test func zerosAreHandled() throws {
    let s = try TimeSeries(times: Array(2010...2017), values: [0, 0, 1, 0, 2, 3, 3, 5])
    let f = try Forecaster.forecast(s, horizon: 3)
    #expect(f.notes.contains { $0.contains("exponential left out") })
    for p in f.points { #expect(p.mean.isFinite && p.lower.allSatisfy { $0 >= 0 }) }
  }

  /// A constant series: no spread in any fit, yet auto gives a non-degenerate interval
  /// (the prior) around the constant.
  @Test func constantSeries() throws {
    let s = try TimeSeries(times: Array(2010...2019), values: [Double](repeating: 50, count: 10))
    let f = try Forecaster.forecast(s, horizon: 2)
    for p in f.points {
      #expect(abs(p.mean - 50) < 1e-9)
      #expect(p.lower[0] < 50 && p.upper[0] > 50)
    }
  }

  /// Gaps between years: smoothing models need consecutive years and drop out; trends fit.
  @Test func gapsInYears() throws {
    let s = try TimeSeries(times: [2010, 2012, 2013, 2015, 2016, 2017], values: [10, 12, 13, 15, 16, 17])
    let f = try Forecaster.forecast(s, horizon: 2)
    #expect(f.points.map(\.time) == [2018, 2019])
    #expect(f.notes.contains { $0.contains("damped left out") })
    #expect(abs(f.points[0].mean - 18) < 0.5)
  }

  /// Huge counts do not overflow: finite output.
  @Test func hugeCounts() throws {
    let s = try TimeSeries(times: Array(2010...2017), values: (0..<8).map { 1e300 * (1 + Double($0)) / 8 })
    let f = try Forecaster.forecast(s, horizon: 3)
    for p in f.points {
      #expect(p.mean.isFinite && p.upper.allSatisfy(\.isFinite) && p.lower.allSatisfy(\.isFinite))
    }
  }
}
