import Foundation
import Testing

@testable import LinearAlgebra

// Tolerances: these problems are well conditioned (condition numbers below 100), so a
// backward-stable method is accurate to a small multiple of 1e-16 times the condition number.

@Test func matrixLayoutIsColumnMajor() {
  let m = Matrix(rows: [[1, 2, 3], [4, 5, 6]])
  #expect(m.storage == [1, 4, 2, 5, 3, 6])
  #expect(m[1, 2] == 6)
  #expect(m.transposed.rows == 3)
  #expect(m.column(1) == [2, 5])
  #expect(m.row(0) == [1, 2, 3])
  let p = m.multiplied(by: m.transposed)
  #expect(p == Matrix(rows: [[14, 32], [32, 77]]))
  #expect(m.multiplied(by: [1, 0, -1]) == [-2, -2])
}

@Test func leastSquaresSolvesAnOverdeterminedSystem() throws {
  // y = 1 + 2x exactly: the solution must be (1, 2).
  let x = Matrix(columns: [[1, 1, 1, 1], [0, 1, 2, 3]])
  let solution = try LeastSquares.solve(x, [1, 3, 5, 7])
  #expect(solution.rank == 2)
  #expect(solution.method == .pivotedQR)
  #expect(abs(solution.coefficients[0] - 1) < 1e-14)
  #expect(abs(solution.coefficients[1] - 2) < 1e-14)
  #expect(solution.residualSumOfSquares < 1e-26)
}

@Test func rankDeficientProblemUsesTheSVDMinimumNorm() throws {
  // Columns a and 2a: every solution has c0 + 2 c1 = 1; the minimum-norm one is (0.2, 0.4).
  let a: [Double] = [1, 2, 3, 4]
  let x = Matrix(columns: [a, a.map { 2 * $0 }])
  let solution = try LeastSquares.solve(x, a)
  #expect(solution.rank == 1)
  #expect(solution.method == .singularValueDecomposition)
  #expect(abs(solution.coefficients[0] - 0.2) < 1e-12)
  #expect(abs(solution.coefficients[1] - 0.4) < 1e-12)
  #expect(solution.conditionNumber > 1e12)
}

@Test func pivotedQRReportsRankConditionAndCovariance() throws {
  let x = Matrix(columns: [[1, 1, 1], [1, 2, 4]])
  let qr = try PivotedQR(x)
  #expect(qr.rank == 2)
  #expect(qr.aliasedColumns.isEmpty)
  // (X'X)⁻¹ for X'X = [[3, 7], [7, 21]] is [[21, -7], [-7, 3]] / 14.
  let c = qr.unscaledCovariance()
  #expect(abs(c[0, 0] - 21.0 / 14) < 1e-14)
  #expect(abs(c[0, 1] + 7.0 / 14) < 1e-14)
  #expect(abs(c[1, 1] - 3.0 / 14) < 1e-14)
  // Q is orthogonal: Q·(Q'·b) = b.
  let b: [Double] = [0.3, -1, 2]
  let roundTrip = qr.applyQ(qr.applyQTranspose(b))
  for i in 0..<3 { #expect(abs(roundTrip[i] - b[i]) < 1e-15) }
}

@Test func nonFiniteInputIsAnError() {
  #expect(throws: LinearAlgebraError.nonFinite) { try PivotedQR(Matrix(columns: [[1, .nan]])) }
  #expect(throws: LinearAlgebraError.nonFinite) { try LeastSquares.solve(Matrix(columns: [[1, 2]]), [1, .infinity]) }
  #expect(throws: LinearAlgebraError.self) { try LeastSquares.solve(Matrix(columns: [[1, 2]]), [1]) }
}

@Test func choleskySolvesAndInverts() throws {
  let a = Matrix(rows: [[4, 2], [2, 3]])
  let chol = try Cholesky(a)
  #expect(abs(chol.factor[0, 0] - 2) < 1e-15)
  #expect(chol.factor[1, 0] == 0)
  let x = chol.solve([2, 1])  // 4x + 2y = 2, 2x + 3y = 1 → x = 0.5, y = 0
  #expect(abs(x[0] - 0.5) < 1e-15 && abs(x[1]) < 1e-15)
  let inverse = chol.inverse()
  let identity = a.multiplied(by: inverse)
  for i in 0..<2 { for j in 0..<2 { #expect(abs(identity[i, j] - (i == j ? 1 : 0)) < 1e-15) } }
  #expect(throws: LinearAlgebraError.notPositiveDefinite(order: 2)) { try Cholesky(Matrix(rows: [[1, 2], [2, 1]])) }
  #expect(throws: LinearAlgebraError.self) { try Cholesky(Matrix(rows: [[1, 2, 3]])) }
}

@Test func emptyAndTinyShapesDoNotTrap() throws {
  let qr = try PivotedQR(Matrix(rows: 3, columns: 1))  // a zero column
  #expect(qr.rank == 0)
  #expect(qr.solve([1, 2, 3])[0].isNaN)
  #expect(Matrix(rows: 0, columns: 2).multiplied(by: Matrix(rows: 2, columns: 0)).storage.isEmpty)
}

@Test func conditionNumberCanBeSkippedWithoutChangingTheSolution() throws {
  let x = Matrix(columns: [[1, 1, 1, 1], [0, 1, 2, 3]])
  let full = try PivotedQR(x)
  let lean = try PivotedQR(x, computingConditionNumber: false)
  #expect(full.conditionNumber.isFinite)
  #expect(lean.conditionNumber.isNaN)
  #expect(lean.rank == full.rank)
  #expect(lean.solve([1, 3, 5, 7]) == full.solve([1, 3, 5, 7]))
}
