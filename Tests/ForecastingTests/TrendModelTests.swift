import Foundation
import Testing

@testable import Forecasting

/// Hand-checkable cases for the trend, piecewise, damped and random-walk models.
struct TrendModelTests {
  /// A hinge series: flat at 100 to 2014, then +20 a year. The piecewise search finds the
  /// break at 2014 and extends the new slope exactly (1e-9: an exact fit).
  @Test func piecewiseFindsTheBreak() throws {
    let values: [Double] = [100, 100, 100, 100, 100, 120, 140, 160]
    let s = try TimeSeries(times: Array(2010...2017), values: values)
    let f = try Forecaster.forecast(s, model: .piecewise, horizon: 2)
    #expect(f.notes.contains("piecewise: break after 2014"))
    #expect(abs(f.points[0].mean - 180) < 1e-9 * 180)
    #expect(abs(f.points[1].mean - 200) < 1e-9 * 200)
  }

  @Test func piecewiseNeedsSixPoints() throws {
    let s = try TimeSeries(times: Array(2010...2014), values: [1, 2, 3, 4, 5])
    #expect(throws: ForecastingError.self) { try Forecaster.forecast(s, model: .piecewise, horizon: 1) }
  }

  /// Recent windows use only the last points: a series that was flat and then grows 10 a
  /// year forecasts +10 a year from the recent-linear model.
  @Test func recentLinearIgnoresOldPoints() throws {
    let s = try TimeSeries(times: Array(2010...2017), values: [500, 500, 500, 500, 100, 110, 120, 130])
    let f = try Forecaster.forecast(s, model: .recentLinear, horizon: 1)
    #expect(abs(f.points[0].mean - 140) < 1e-9 * 140)
  }

  /// Quadratic through an exact parabola y = (t − 2010)²: forecasts 64 and 81.
  @Test func quadraticExact() throws {
    let s = try TimeSeries(times: Array(2010...2017), values: (0..<8).map { Double($0 * $0) })
    let f = try Forecaster.forecast(s, model: .quadratic, horizon: 2)
    #expect(abs(f.points[0].mean - 64) < 1e-8)
    #expect(abs(f.points[1].mean - 81) < 1e-8)
  }

  /// Drift by hand: y = 10, 12, 17 has drift (17 − 10)/2 = 3.5, so 20.5 and 24.
  @Test func driftByHand() throws {
    let s = try TimeSeries(times: [2018, 2019, 2020], values: [10, 12, 17])
    let f = try Forecaster.forecast(s, model: .drift, horizon: 2)
    #expect(abs(f.points[0].mean - 20.5) < 1e-12)
    #expect(abs(f.points[1].mean - 24) < 1e-12)
  }

  /// The damped trend on a straight line: the one-step errors vanish, the forecast follows the
  /// damped slope: it grows by less than the line's 10 a year (φ < 1) but by at least φ³·10.
  @Test func dampedOnALine() throws {
    let s = try TimeSeries(times: Array(2000...2019), values: (0..<20).map { 100 + 10 * Double($0) })
    let f = try Forecaster.forecast(s, model: .damped, horizon: 3)
    #expect(abs(f.points[0].mean - 300) < 3)
    #expect(f.points[2].mean - f.points[1].mean < 10.0001)
    #expect(f.points[2].mean - f.points[1].mean > 10 * pow(0.8, 3) - 0.01)  // φ³b with φ ≥ 0.8
  }

  /// The damped filter by hand: α = 0.5, β = 0.1, φ = 0.9, ℓ₀ = 10, b₀ = 1 on y = 12, 13.
  /// ŷ₁ = 10.9, e₁ = 1.1, ℓ₁ = 11.45, b₁ = 1.01; ŷ₂ = 12.359, e₂ = 0.641.
  @Test func dampedFilterByHand() {
    let p = DampedTrend.Parameters(alpha: 0.5, beta: 0.1, phi: 0.9, level0: 10, trend0: 1)
    let run = DampedTrend.filter([12, 13], p)
    #expect(abs(run.fitted[0] - 10.9) < 1e-12)
    #expect(abs(run.fitted[1] - 12.359) < 1e-12)
    #expect(abs(run.sse - (1.1 * 1.1 + 0.641 * 0.641)) < 1e-12)
  }

  /// The initial states profiled out of the damped trend's likelihood are the least-squares
  /// ones: the filter from them gives the profile's sum of squares (1e-9 relative), moving
  /// either state either way by 1% of the level or by 0.01 never lowers it, and the states do
  /// not depend on the base the profile starts from (1e-6 of the level).
  @Test func dampedProfileIsLeastSquares() {
    let y: [Double] = [1480, 1495, 1531, 1570, 1602, 1650, 1808, 2013, 2189, 2401, 2540]
    for (alpha, beta, phi) in [(0.2, 0.02, 0.978), (0.9, 0.5, 0.8), (0.0001, 0.00001, 0.9), (0.9999, 0.9998, 0.98)] {
      let (sse, level0, trend0) = y.withUnsafeBufferPointer {
        DampedTrend.profile($0, alpha: alpha, beta: beta, phi: phi, base: (1400, 30))
      }
      let other = y.withUnsafeBufferPointer {
        DampedTrend.profile($0, alpha: alpha, beta: beta, phi: phi, base: (2000, -50))
      }
      func filtered(_ l: Double, _ b: Double) -> Double {
        DampedTrend.filter(y, DampedTrend.Parameters(alpha: alpha, beta: beta, phi: phi, level0: l, trend0: b)).sse
      }
      let atOptimum = filtered(level0, trend0)
      #expect(abs(atOptimum - sse) <= 1e-9 * atOptimum, "\(alpha), \(beta), \(phi): \(atOptimum) vs \(sse)")
      for h in [15.0, 0.01] {
        for (dl, db) in [(h, 0.0), (-h, 0), (0, h), (0, -h)] {
          #expect(filtered(level0 + dl, trend0 + db) >= atOptimum, "\(alpha), \(beta), \(phi): step \(dl), \(db)")
        }
      }
      #expect(abs(other.level0 - level0) <= 1e-6 * 1480 && abs(other.trend0 - trend0) <= 1e-6 * 1480)
    }
  }

  /// Log-scale predictive laws: the mean exceeds the median by exp(s²/2).
  @Test func logNormalMean() {
    let law = Predictive(location: log(100), scale: 0.2, degreesOfFreedom: nil, logScale: true)
    #expect(abs(law.median - 100) < 1e-9)
    #expect(abs(law.mean - 100 * exp(0.02)) < 1e-9)
  }

  /// Linear laws are clamped at zero.
  @Test func clampedAtZero() {
    let law = Predictive(location: -5, scale: 1, degreesOfFreedom: nil, logScale: false)
    #expect(law.mean == 0)
    #expect(law.quantile(0.1) == 0)
  }
}

extension TrendModelTests {
  /// A given break year: the hinge is placed there, not searched. On a series that bends
  /// after 2014 a break given at 2014 fits exactly (1e-9); one given at 2012 does not.
  @Test func givenBreakYear() throws {
    let s = try TimeSeries(times: Array(2010...2017), values: [100, 100, 100, 100, 100, 120, 140, 160])
    let f = try Forecaster.forecastPiecewise(s, breakYear: 2014, horizon: 1)
    #expect(abs(f.points[0].mean - 180) < 1e-9 * 180)
    #expect(f.selection == "user, break after 2014")
    let g = try Forecaster.forecastPiecewise(s, breakYear: 2012, horizon: 1)
    #expect(abs(g.points[0].mean - 180) > 1)
    #expect(throws: ForecastingError.self) { try Forecaster.forecastPiecewise(s, breakYear: 2017, horizon: 1) }
    #expect(throws: ForecastingError.self) { try Forecaster.forecastPiecewise(s, breakYear: 2010, horizon: 1) }
  }
}

extension TrendModelTests {
  /// Two census counts six years apart (1,500 in 2014, 2,500 in 2020, as a scenario may give):
  /// auto falls back to the drift, 1,000/6 a year, so 2,666.67 in 2021 (1e-9).
  @Test func twoPointsWithAGap() throws {
    let s = try TimeSeries(times: [2014, 2020], values: [1500, 2500])
    let f = try Forecaster.forecast(s, horizon: 2)
    #expect(f.model == "drift")
    #expect(abs(f.points[0].mean - (2500 + 1000.0 / 6)) < 1e-9 * 2700)
    #expect(f.points[1].lower[1] < f.points[1].mean && f.points[1].mean < f.points[1].upper[1])
  }

  /// Drift with a gap: y = 10 (2010), 16 (2012), 19 (2013): drift 3 a year; one-year
  /// residuals: (6 − 6)²/2 = 0 and (3 − 3)² = 0, so σ² = 0 and the forecast is 22 exactly.
  @Test func driftWithAGap() throws {
    let s = try TimeSeries(times: [2010, 2012, 2013], values: [10, 16, 19])
    let f = try Forecaster.forecast(s, model: .drift, horizon: 1)
    #expect(abs(f.points[0].mean - 22) < 1e-12)
    #expect(abs(f.points[0].upper[1] - 22) < 1e-9)
  }
}
