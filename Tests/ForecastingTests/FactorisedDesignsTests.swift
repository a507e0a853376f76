import Foundation
import LinearAlgebra
import Testing

@testable import Forecasting

/// The trend models' shared factorizations: a design seen before is not factorised again,
/// and a fit through the reused factorization has the bits of one through a fresh QR
/// (`PivotedQR.solve` on the same design), so sharing changes no number.
struct FactorisedDesignsTests {
  /// Two windows of four consecutive years, different years and counts: one design.
  @Test func windowsOfOneShapeShareOneFactorization() throws {
    let rowsA = (2010...2013).map { [1, Double($0) - 2011.5] }
    let rowsB = (2016...2019).map { [1, Double($0) - 2017.5] }
    #expect(Matrix(rows: rowsA) == Matrix(rows: rowsB))
    let designs = FactorisedDesigns()  // a table of its own: other tests fill the shared one in parallel
    let first = try #require(designs.entry(for: Matrix(rows: rowsA)))
    #expect(designs.count == 1)
    let second = try #require(designs.entry(for: Matrix(rows: rowsB)))
    #expect(designs.count == 1, "the second window found the first's entry")
    _ = designs.entry(for: Matrix(rows: (2010...2014).map { [1, Double($0) - 2012] }))
    #expect(designs.count == 2, "five years: another design")
    #expect(first.qr.permutation == second.qr.permutation && first.unscaledCovariance == second.unscaledCovariance)
  }

  /// Coefficients and residual variance through the shared table, bit for bit those of a
  /// fresh factorization, for linear, quadratic and hinge designs fitted many times over.
  @Test func reusedFactorizationGivesTheBitsOfAFreshOne() throws {
    var generator = SplitMix64(seed: 16)
    for trial in 0..<90 {
      let n = 5 + trial % 6
      let u = (0..<n).map { Double($0) - Double(n - 1) / 2 }
      let rows: [[Double]] = u.enumerated().map { i, x in
        switch trial % 3 {
        case 0: return [1, x]
        case 1: return [1, x, x * x]
        default: return [1, x, max(0, Double(i - 2))]
        }
      }
      let y = u.map { 1000 + 40 * $0 + 30 * generator.uniform() }
      let small = try #require(SmallLeastSquares(rows: rows, response: y))
      let fresh = try PivotedQR(Matrix(rows: rows), computingConditionNumber: false)
      let expected = fresh.solve(y)
      #expect(small.coefficients.map(\.bitPattern) == expected.map(\.bitPattern), "trial \(trial)")
      let qty = fresh.applyQTranspose(y)
      let rss = (rows[0].count..<n).reduce(0.0) { $0 + qty[$1] * qty[$1] }
      #expect(small.residualSumOfSquares.bitPattern == rss.bitPattern, "trial \(trial)")
    }
  }

  /// A rank-deficient design is remembered as such: SmallLeastSquares declines it every time.
  @Test func rankDeficientDesignIsDeclined() {
    let rows = (0..<6).map { [1, Double($0), 2 * Double($0)] }
    #expect(FactorisedDesigns.shared.entry(for: Matrix(rows: rows)) == nil)
    #expect(SmallLeastSquares(rows: rows, response: (0..<6).map(Double.init)) == nil)
    #expect(SmallLeastSquares(rows: rows, response: (0..<6).map(Double.init)) == nil)
  }
}
