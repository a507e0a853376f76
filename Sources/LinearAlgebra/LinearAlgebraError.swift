/// A numerical failure that the input caused (not a programming error).
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A triangular factor has an exact zero on its diagonal at this 0-based index.
  case singular(index: Int)
  /// Cholesky failed: the leading minor of this order is not positive definite.
  case notPositiveDefinite(order: Int)
  /// The SVD iteration did not converge (LAPACK `info` > 0).
  case svdDidNotConverge
  /// The input contains NaN or infinity.
  case nonFinite
  /// Dimensions that do not fit together.
  case dimensionMismatch(String)

  public var description: String {
    switch self {
    case .singular(let index): return "matrix is singular (zero pivot at position \(index + 1))"
    case .notPositiveDefinite(let order):
      return "matrix is not positive definite (leading minor of order \(order))"
    case .svdDidNotConverge: return "singular value decomposition did not converge"
    case .nonFinite: return "input contains NaN or infinity"
    case .dimensionMismatch(let what): return "dimensions do not match: \(what)"
    }
  }
}
