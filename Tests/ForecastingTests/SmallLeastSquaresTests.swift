import Foundation
import LinearAlgebra
import Testing

@testable import Forecasting
import TestSupport
import Statistics

/// The trend models' small least-squares solver against the full `LinearRegression`
/// (both LAPACK pivoted QR; the small one skips the inference it does not need). Both are
/// backward stable on these well-conditioned centred designs,
/// so they agree to a few hundred ulps: 1e-10 relative leaves a wide margin.
struct SmallLeastSquaresTests {
  /// Linear, quadratic and hinge designs on centred years, random responses.
  @Test func agreesWithLinearRegression() throws {
    var generator = SplitMix64(seed: 7)
    for trial in 0..<60 {
      let n = 5 + trial % 7
      let years = (0..<n).map { 2010 + $0 }
      let centre = Double(years.reduce(0, +)) / Double(n)
      let kind = trial % 3
      let breakYear = years[1 + trial % (n - 3)]
      func row(_ t: Int) -> [Double] {
        let u = Double(t) - centre
        switch kind {
        case 0: return [1, u]
        case 1: return [1, u, u * u]
        default: return [1, u, max(0, Double(t - breakYear))]
        }
      }
      let rows = years.map(row)
      let response = years.map { Double($0 - 2010) * 37 + 1000 + 50 * generator.uniform() }
      let small = try #require(SmallLeastSquares(rows: rows, response: response))
      let full = try LinearRegression.fit(
        design: Matrix(rows: rows), response: response,
        parameterNames: (0..<rows[0].count).map { "x\($0)" }, hasIntercept: true)
      for (a, b) in zip(small.coefficients, full.coefficients) { #expect(abs(a - b) <= 1e-10 * max(1, abs(b))) }
      #expect(small.residualDegreesOfFreedom == full.residualDegreesOfFreedom)
      #expect(relativeError(small.sigma2.squareRoot(), full.residualStandardError) < 1e-10)
      #expect(relativeError(small.aicc ?? .nan, full.aicc ?? .nan) < 1e-10 || (small.aicc == nil && full.aicc == nil))
      let future = (1...4).map { row(years[n - 1] + $0) }
      let q = StudentT.quantile(0.975, degreesOfFreedom: Double(full.residualDegreesOfFreedom))
      for (x, p) in zip(future, full.predict(Matrix(rows: future), level: 0.95)) {
        #expect(relativeError(small.mean(x), p.mean) < 1e-10)
        let se = (p.prediction.upperBound - p.prediction.lowerBound) / (2 * q)
        #expect(relativeError(small.predictionStandardError(x), se) < 1e-10)
      }
    }
  }

  /// An exact fit: zero residual sum of squares, zero prediction error, AICc −∞ (which the
  /// trend models then report as undefined, as with `LinearRegression`).
  @Test func exactFit() throws {
    let rows = (0..<5).map { [1, Double($0) - 2] }
    let small = try #require(SmallLeastSquares(rows: rows, response: [3, 5, 7, 9, 11]))
    #expect(abs(small.coefficients[0] - 7) < 1e-13 && abs(small.coefficients[1] - 2) < 1e-13)
    #expect(small.residualSumOfSquares < 1e-25)
  }

  /// Rank-deficient, zero-column and too-short designs are declined (left to
  /// `LinearRegression`, which diagnoses them).
  @Test func declinesDegenerateDesigns() {
    let y = [1.0, 2, 4, 8, 16]
    #expect(SmallLeastSquares(rows: (0..<5).map { [1, Double($0), 2 * Double($0)] }, response: y) == nil)
    #expect(SmallLeastSquares(rows: (0..<5).map { _ in [1, 0] }, response: y) == nil)
    #expect(SmallLeastSquares(rows: (0..<2).map { [1, Double($0)] }, response: [1, 2]) == nil)
    #expect(SmallLeastSquares(rows: (0..<5).map { [1, Double($0)] }, response: [1, 2, .nan, 4, 5]) == nil)
  }

  /// The trend models through the direct solver still match R's `lm` + `predict` (the
  /// reference tests); here, a windowed exponential trend equals the full-regression route.
  @Test func trendModelUnchanged() throws {
    let series = try TimeSeries(
      times: Array(2010...2020), values: [1507, 1531, 1550, 1560, 1602, 1675, 1790, 1950, 2123, 2328, 2540])
    let fit = try TrendModel.fit(
      series, spec: .init(degree: 1, logScale: true, window: 4), model: .recentExponential, horizon: 3)
    let u: [Double] = [-1.5, -0.5, 0.5, 1.5]
    let full = try LinearRegression.fit(
      design: Matrix(rows: u.map { [1, $0] }), response: series.values.suffix(4).map { log($0) },
      parameterNames: ["a", "b"], hasIntercept: true)
    let p = full.predict(Matrix(rows: [[1, 2.5], [1, 3.5], [1, 4.5]]), level: 0.95)
    for k in 0..<3 { #expect(relativeError(fit.predictive[k].location, p[k].mean) < 1e-12) }
  }
}
