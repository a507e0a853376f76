import Foundation
import Testing

@testable import Forecasting

/// The forecasting models against R (`Fixtures/make_forecast_reference.R`, R's `lm`,
/// `predict.lm`, and the forecast package's `rwf`, `holt` and `tsCV`) on Medway's SEN2 counts.
struct ForecastReferenceTests {
  struct Bands: Decodable {
    let mean: [Double]
    let lo80: [Double]
    let hi80: [Double]
    let lo95: [Double]
    let hi95: [Double]
    let aicc: Double?
  }
  struct Damped: Decodable {
    let alpha: Double
    let beta: Double
    let phi: Double
    let level0: Double
    let trend0: Double
    let mean: [Double]
    let lo95: [Double]
    let hi95: [Double]
  }
  struct CV: Decodable {
    let h1: [Double?]
    let h2: [Double?]
  }
  struct Fixture: Decodable {
    let years: [Int]
    let values: [Double]
    let linear: Bands
    let quadratic: Bands
    let exponential: Bands
    let drift: Bands
    let naive: Bands
    let dampedLong: Damped
    let dampedMedway: Damped
    let longSeries: [Double]
    let tsCVLinear: CV
  }

  static let fixture: Fixture = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/forecast_reference.json")
    return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  }()

  /// |a − b| ≤ tolerance · max(1, |b|).
  static func near(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
  }

  static func check(_ model: ForecastModel, against reference: Bands, tolerance: Double) throws {
    let f = Self.fixture
    let series = try TimeSeries(times: f.years, values: f.values)
    let forecast = try Forecaster.forecast(series, model: model, horizon: 4)
    // Four points, as R gave: a shorter forecast must fail here, not pass an empty loop.
    try #require(forecast.points.count == 4 && reference.mean.count == 4)
    for (k, p) in forecast.points.enumerated() {
      #expect(near(p.mean, reference.mean[k], tolerance), "\(model) mean \(k + 1): \(p.mean) vs R \(reference.mean[k])")
      #expect(near(p.lower[0], max(0, reference.lo80[k]), tolerance), "\(model) lo80 \(k + 1)")
      #expect(near(p.upper[0], reference.hi80[k], tolerance), "\(model) hi80 \(k + 1)")
      #expect(near(p.lower[1], max(0, reference.lo95[k]), tolerance), "\(model) lo95 \(k + 1)")
      #expect(near(p.upper[1], reference.hi95[k], tolerance), "\(model) hi95 \(k + 1)")
    }
  }

  /// Trend models are least squares plus Student t quantiles: both ours and R's are good to
  /// about 12 digits here, so 1e-9 relative leaves room for the t quantile's own accuracy.
  @Test func linearMatchesLm() throws { try Self.check(.linear, against: Self.fixture.linear, tolerance: 1e-9) }
  @Test func quadraticMatchesLm() throws {
    try Self.check(.quadratic, against: Self.fixture.quadratic, tolerance: 1e-9)
  }
  @Test func exponentialMatchesLmOnLogs() throws {
    try Self.check(.exponential, against: Self.fixture.exponential, tolerance: 1e-9)
  }

  /// AICc of the linear trend as R: AIC(lm) + 2k(k+1)/(n−k−1), k = coefficients + 1.
  @Test func linearAICcMatchesR() throws {
    let f = Self.fixture
    let fit = try Forecaster.fitCandidate(.linear, try TimeSeries(times: f.years, values: f.values), horizon: 1)
    #expect(Self.near(fit.aicc!, f.linear.aicc!, 1e-9))
  }

  /// Random walks are closed forms with normal quantiles: 1e-9 relative.
  @Test func driftMatchesRwf() throws { try Self.check(.drift, against: Self.fixture.drift, tolerance: 1e-9) }
  @Test func naiveMatchesNaive() throws { try Self.check(.naive, against: Self.fixture.naive, tolerance: 1e-9) }

  /// Holt's damped trend on a 30-point series: our maximum-likelihood search must do at least
  /// as well as R's `ets` (n·log SSE no larger than at R's parameters, to 1e-6), and the
  /// forecasts agree to 1% (both optimisers stop on a flat likelihood, so parameters
  /// differ in the third digit).
  @Test func dampedMatchesHolt() throws {
    let f = Self.fixture
    let y = f.longSeries
    let r = f.dampedLong
    let rParameters = DampedTrend.Parameters(
      alpha: r.alpha, beta: r.beta, phi: r.phi, level0: r.level0, trend0: r.trend0)
    let ours = DampedTrend.estimate(y)
    let n = Double(y.count)
    let rObjective = n * log(DampedTrend.filter(y, rParameters).sse)
    let ourObjective = n * log(DampedTrend.filter(y, ours).sse)
    #expect(ourObjective <= rObjective + 1e-6, "ours \(ourObjective) vs R \(rObjective)")
    let series = try TimeSeries(times: Array(1991..<(1991 + y.count)), values: y)
    let forecast = try Forecaster.forecast(series, model: .damped, horizon: 4)
    try #require(forecast.points.count == 4 && r.mean.count == 4)
    for (k, p) in forecast.points.enumerated() {
      #expect(Self.near(p.mean, r.mean[k], 0.01), "mean \(k + 1): \(p.mean) vs R \(r.mean[k])")
      let width = p.upper[1] - p.lower[1]
      let rWidth = r.hi95[k] - r.lo95[k]
      #expect(abs(width - rWidth) <= 0.1 * rWidth, "95% width \(k + 1): \(width) vs R \(rWidth)")
    }
  }

  /// On Medway's eleven points R's optimum sits on the boundary (α = 0.9999, φ = 0.98); ours
  /// must reach a likelihood at least as high (n·log SSE no larger, to 1e-6).
  @Test func dampedLikelihoodAtLeastR() throws {
    let f = Self.fixture
    let r = f.dampedMedway
    let rParameters = DampedTrend.Parameters(
      alpha: r.alpha, beta: r.beta, phi: r.phi, level0: r.level0, trend0: r.trend0)
    let ours = DampedTrend.estimate(f.values)
    let n = Double(f.values.count)
    let rObjective = n * log(DampedTrend.filter(f.values, rParameters).sse)
    let ourObjective = n * log(DampedTrend.filter(f.values, ours).sse)
    #expect(ourObjective <= rObjective + 1e-6, "ours \(ourObjective) vs R \(rObjective)")
  }

  /// Rolling-origin errors are R's `tsCV` errors (actual − forecast) for a linear trend
  /// refitted at each origin (1e-9 relative).
  @Test func rollingOriginMatchesTsCV() throws {
    let f = Self.fixture
    let series = try TimeSeries(times: f.years, values: f.values)
    let errors = RollingOrigin.errors(series, horizon: 2, minimumTraining: 5) {
      try Forecaster.fitCandidate(.linear, $0, horizon: $1)
    }
    var matched = 0
    for e in errors {
      let reference = e.step == 1 ? f.tsCVLinear.h1 : f.tsCVLinear.h2
      guard let expected = reference[e.origin - 1] else {
        Issue.record("no R error at origin \(e.origin) step \(e.step)")
        continue
      }
      #expect(Self.near(e.actual - e.predictive.mean, expected, 1e-9))
      matched += 1
    }
    #expect(matched == 11)  // six one-step and five two-step errors, as tsCV
  }
}
