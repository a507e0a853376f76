/// Why a regression could not be fitted.
public enum RegressionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Rows of the design, entries of the response and weights do not agree.
  case dimensionMismatch(String)
  /// Not more observations than parameters: no residual degrees of freedom.
  case tooFewObservations(observations: Int, parameters: Int)
  /// A value is NaN or infinite (the field names which).
  case nonFinite(String)
  /// A weight is zero, negative or not finite (0-based row).
  case invalidWeight(row: Int, value: Double)
  /// A polynomial term cannot be built (e.g. on a constant column).
  case invalidPolynomial(String)
  /// The design has no columns.
  case emptyModel

  public var description: String {
    switch self {
    case .dimensionMismatch(let what): return "sizes do not match: \(what)"
    case .tooFewObservations(let n, let p):
      return "\(n) observations for \(p) parameters: a regression needs more observations than parameters"
        + " (at least \(p + 1)) to estimate the residual variance and standard errors"
    case .nonFinite(let what): return "\(what) contains NaN or infinity"
    case .invalidWeight(let row, let value):
      return "weight in row \(row + 1) is \(value): weights must be positive and finite"
    case .invalidPolynomial(let why): return "polynomial term: \(why)"
    case .emptyModel: return "the model has no terms: give --x, --poly or keep the intercept"
    }
  }
}
