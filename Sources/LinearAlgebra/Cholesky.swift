/// Cholesky factorization A = R'·R of a symmetric positive definite matrix (DPOTRF).
///
/// ```swift
/// let chol = try Cholesky(a)
/// let x = chol.solve(b)          // A·x = b
/// let inverse = chol.inverse()   // A⁻¹ (DPOTRI)
/// ```
///
/// Only the upper triangle of `a` is read. Complexity O(n³/3).
public struct Cholesky: Sendable {
  /// Order of the matrix.
  public let order: Int
  /// The upper triangular factor R (entries below the diagonal are zero).
  public let factor: Matrix

  /// Factorizes `a`. Throws `.notPositiveDefinite` when a leading minor is not positive,
  /// `.nonFinite` for NaN or infinity, `.dimensionMismatch` when `a` is not square.
  public init(_ a: Matrix) throws {
    guard a.rows == a.columns else {
      throw LinearAlgebraError.dimensionMismatch("Cholesky needs a square matrix, got \(a.rows)×\(a.columns)")
    }
    guard a.isFinite else { throw LinearAlgebraError.nonFinite }
    let n = a.rows
    var storage = a.storage
    if n > 0 {
      let info = LAPACK.potrf(n: n, a: &storage)
      if info > 0 { throw LinearAlgebraError.notPositiveDefinite(order: Int(info)) }
    }
    for j in 0..<n {
      for i in (j + 1)..<max(j + 1, n) where i < n { storage[i + j * n] = 0 }
    }
    order = n
    factor = Matrix(rows: n, columns: n, storage: storage)
  }

  /// Solves A·x = b.
  public func solve(_ b: [Double]) -> [Double] {
    precondition(b.count == order, "Cholesky.solve: vector length \(b.count), expected \(order)")
    var x = b
    if order > 0 { LAPACK.potrs(n: order, nrhs: 1, factor: factor.storage, b: &x) }
    return x
  }

  /// A⁻¹ (symmetric), from the factor by DPOTRI.
  public func inverse() -> Matrix {
    var storage = factor.storage
    if order > 0 {
      let info = LAPACK.potri(n: order, a: &storage)
      precondition(info == 0, "factor of a positive definite matrix has a nonzero diagonal")
    }
    var m = Matrix(rows: order, columns: order, storage: storage)
    for j in 0..<order {
      for i in (j + 1)..<max(j + 1, order) where i < order { m[i, j] = m[j, i] }
    }
    return m
  }
}
