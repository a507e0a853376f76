/// Linear least squares, min ‖A·x − b‖₂, through LAPACK.
public enum LeastSquares {
  /// How a least-squares problem was solved.
  public enum Method: String, Sendable {
    /// QR with column pivoting (DGEQP3) on the column-scaled matrix.
    case pivotedQR
    /// Minimum-norm solution from the SVD (DGELSD), for rank-deficient problems.
    case singularValueDecomposition
  }

  /// A least-squares solution with the facts needed to judge it.
  public struct Solution: Sendable {
    /// The solution x.
    public let coefficients: [Double]
    /// Numerical rank of A.
    public let rank: Int
    /// 2-norm condition number of the column-scaled A.
    public let conditionNumber: Double
    /// Residual sum of squares ‖A·x − b‖².
    public let residualSumOfSquares: Double
    /// Which method produced `coefficients`.
    public let method: Method
  }

  /// Solves min ‖A·x − b‖₂.
  ///
  /// Uses QR with column pivoting on the column-scaled A. When A is rank deficient (see
  /// `PivotedQR` for the rule) the problem has many solutions; this returns the one of
  /// minimum 2-norm, from the SVD (DGELSD with the same relative tolerance), and says so in
  /// `method`. Throws `LinearAlgebraError` for non-finite input, mismatched sizes or an SVD
  /// that does not converge.
  public static func solve(_ a: Matrix, _ b: [Double], rankTolerance: Double = 1e-10) throws -> Solution {
    guard b.count == a.rows else {
      throw LinearAlgebraError.dimensionMismatch("A has \(a.rows) rows, b has \(b.count) entries")
    }
    guard b.allSatisfy({ $0.isFinite }) else { throw LinearAlgebraError.nonFinite }
    let qr = try PivotedQR(a, rankTolerance: rankTolerance)
    let qtb = qr.applyQTranspose(b)
    if qr.rank == a.columns {
      let x = qr.solve(qtb: qtb)
      let rss = qtb[qr.rank...].reduce(0) { $0 + $1 * $1 }
      return Solution(
        coefficients: x, rank: qr.rank, conditionNumber: qr.conditionNumber,
        residualSumOfSquares: rss, method: .pivotedQR)
    }
    let x = try minimumNorm(a, b, rcond: rankTolerance)
    let fitted = a.multiplied(by: x)
    var rss = 0.0
    for i in 0..<b.count { rss += (b[i] - fitted[i]) * (b[i] - fitted[i]) }
    return Solution(
      coefficients: x, rank: qr.rank, conditionNumber: qr.conditionNumber,
      residualSumOfSquares: rss, method: .singularValueDecomposition)
  }

  /// Minimum-norm least-squares solution by SVD (DGELSD): singular values below `rcond` ×
  /// the largest are treated as zero. A is not column-scaled here, since scaling would change
  /// which solution has the minimum norm.
  static func minimumNorm(_ a: Matrix, _ b: [Double], rcond: Double) throws -> [Double] {
    let m = a.rows, n = a.columns
    var scaled = a.storage
    var rhs = [Double](repeating: 0, count: max(m, n))
    for i in 0..<m { rhs[i] = b[i] }
    var s = [Double](repeating: 0, count: min(m, n))
    let result = LAPACK.gelsd(m: m, n: n, nrhs: 1, a: &scaled, b: &rhs, s: &s, rcond: rcond)
    if result.info > 0 { throw LinearAlgebraError.svdDidNotConverge }
    return Array(rhs[0..<n])
  }
}
