import Foundation
import LinearAlgebra

/// A regression model described by named columns: what `highneeds fit` builds from a CSV.
///
/// Parameters come out in the order intercept (`(Intercept)`), the plain columns in the
/// order given, then for each polynomial its terms `x^1 … x^d`.
///
/// Polynomial terms are fitted in a centred and scaled basis, z = (x − c)/s with c the
/// midrange and s the half-range (so z runs over [−1, 1]), and the coefficients and their
/// covariance are converted back to powers of the raw x exactly (β = T·γ, Cov β = T·Cov γ·T').
/// This keeps polynomials on raw calendar years (x = 2010…2025) or NIST's Filip data
/// accurate where powers of raw x would be numerically collinear. Without an intercept the
/// basis is only scaled (c = 0), since a centred basis would need a constant term.
/// Fitted values, residuals, R² and the criteria do not depend on the basis.
public struct RegressionSpecification: Sendable {
  /// A named column of values.
  public struct Column: Sendable {
    public let name: String
    public let values: [Double]
    public init(name: String, values: [Double]) {
      self.name = name
      self.values = values
    }
  }

  /// A polynomial term of degree `degree` in one column.
  public struct Polynomial: Sendable {
    public let column: Column
    public let degree: Int
    public init(column: Column, degree: Int) {
      self.column = column
      self.degree = degree
    }
  }

  /// The response y.
  public var response: [Double]
  /// Plain regressors.
  public var columns: [Column]
  /// Polynomial terms.
  public var polynomials: [Polynomial]
  /// Whether the model has an intercept.
  public var intercept: Bool
  /// Observation weights, or nil for ordinary least squares.
  public var weights: [Double]?

  public init(
    response: [Double], columns: [Column] = [], polynomials: [Polynomial] = [], intercept: Bool = true,
    weights: [Double]? = nil
  ) {
    self.response = response
    self.columns = columns
    self.polynomials = polynomials
    self.intercept = intercept
    self.weights = weights
  }

  /// Names of the parameters in output order.
  public var parameterNames: [String] {
    (intercept ? ["(Intercept)"] : []) + columns.map(\.name)
      + polynomials.flatMap { poly in (1...max(1, poly.degree)).map { "\(poly.column.name)^\($0)" } }
  }

  /// Fits the model. Throws `RegressionError` (see `LinearRegression.fit`), and
  /// `.invalidPolynomial` for a degree below 1 or a polynomial on a constant column.
  public func fit() throws -> RegressionResult {
    let n = response.count
    var designColumns: [[Double]] = []
    if intercept { designColumns.append([Double](repeating: 1, count: n)) }
    for column in columns {
      guard column.values.count == n else {
        throw RegressionError.dimensionMismatch("column \(column.name) has \(column.values.count) values, response has \(n)")
      }
      designColumns.append(column.values)
    }
    let plain = designColumns.count
    var bases: [(centre: Double, scale: Double, degree: Int)] = []
    for poly in polynomials {
      let x = poly.column.values
      guard poly.degree >= 1 else {
        throw RegressionError.invalidPolynomial("degree of \(poly.column.name) must be at least 1, got \(poly.degree)")
      }
      guard x.count == n else {
        throw RegressionError.dimensionMismatch("column \(poly.column.name) has \(x.count) values, response has \(n)")
      }
      guard x.allSatisfy({ $0.isFinite }) else { throw RegressionError.nonFinite("column \(poly.column.name)") }
      let lo = x.min() ?? 0, hi = x.max() ?? 0
      let centre = intercept ? lo / 2 + hi / 2 : 0
      // hi/2 − lo/2, not (hi − lo)/2: the difference overflows for values near ±1.8e308,
      // which made z all zero and the term look aliased.
      let scale = intercept ? hi / 2 - lo / 2 : max(abs(lo), abs(hi))
      guard scale > 0 else {
        throw RegressionError.invalidPolynomial("column \(poly.column.name) is constant, so its powers cannot be separated from the intercept")
      }
      bases.append((centre, scale, poly.degree))
      let z = x.map { ($0 - centre) / scale }
      var power = [Double](repeating: 1, count: n)
      for _ in 1...poly.degree {
        for i in 0..<n { power[i] *= z[i] }
        designColumns.append(power)
      }
    }
    let names = parameterNames
    let design = Matrix(columns: designColumns)
    let fitted = try LinearRegression.fit(
      design: design, response: response, weights: weights, parameterNames: names, hasIntercept: intercept)
    if polynomials.isEmpty { return fitted }
    var result = convert(fitted, plainColumns: plain, bases: bases, names: names)
    if !result.coefficients.contains(where: { $0.isNaN }) {
      result = try refine(result, design: design, plainColumns: plain, bases: bases)
    }
    return result
  }

  /// Two steps of iterative refinement of the raw-basis coefficients.
  ///
  /// Converting from the centred basis can cancel digits when the raw coefficients are
  /// small next to the data (NIST's Wampler sets). Each step computes the residual
  /// y − X_raw·β in double-double arithmetic (error-free transformations with `fma`, the
  /// raw powers carried as double-double too), solves for the correction in the
  /// well-conditioned fitting basis, converts the correction (small, so the conversion's
  /// cancellation no longer matters) and adds it.
  private func refine(
    _ fit: RegressionResult, design: Matrix, plainColumns: Int,
    bases: [(centre: Double, scale: Double, degree: Int)]
  ) throws -> RegressionResult {
    let n = response.count, p = fit.coefficients.count
    let sw = (weights ?? [Double](repeating: 1, count: n)).map { $0.squareRoot() }
    var xw = design
    for j in 0..<p { for i in 0..<n { xw[i, j] *= sw[i] } }
    let qr = try PivotedQR(xw)
    let t = transform(p: p, plainColumns: plainColumns, bases: bases)
    var beta = fit.coefficients
    for _ in 0..<2 {
      var residual = [Double](repeating: 0, count: n)
      for i in 0..<n {
        var sum = DoubleDouble(response[i])
        var column = 0
        if intercept {
          sum = sum - DoubleDouble.product(1, beta[0])
          column = 1
        }
        for c in columns {
          sum = sum - DoubleDouble.product(c.values[i], beta[column])
          column += 1
        }
        for poly in polynomials {
          var power = DoubleDouble(1)
          for _ in 1...poly.degree {
            power = power * poly.column.values[i]
            sum = sum - power * beta[column]
            column += 1
          }
        }
        residual[i] = sum.value * sw[i]
      }
      let deltaGamma = qr.solve(residual)
      if deltaGamma.contains(where: { $0.isNaN }) { break }
      for a in 0..<p {
        var d = 0.0
        for b in 0..<p where t[a, b] != 0 { d += t[a, b] * deltaGamma[b] }
        beta[a] += d
      }
    }
    let distribution = StudentT.FixedDegrees(Double(fit.residualDegreesOfFreedom))
    let parameters = zip(fit.parameters, beta).map { old, estimate in
      RegressionParameter(
        name: old.name, estimate: estimate, standardError: old.standardError, distribution: distribution)
    }
    return RegressionResult(
      n: fit.n, rank: fit.rank, residualDegreesOfFreedom: fit.residualDegreesOfFreedom,
      parameters: parameters, coefficients: beta, covariance: fit.covariance,
      residualStandardError: fit.residualStandardError, rSquared: fit.rSquared,
      adjustedRSquared: fit.adjustedRSquared, logLikelihood: fit.logLikelihood, aic: fit.aic,
      aicc: fit.aicc, bic: fit.bic, conditionNumber: fit.conditionNumber,
      fittedValues: fit.fittedValues, residuals: fit.residuals, weights: fit.weights,
      warnings: fit.warnings)
  }

  /// Maps coefficients from the (z − basis) fit back to powers of raw x.
  private func convert(
    _ fit: RegressionResult, plainColumns: Int, bases: [(centre: Double, scale: Double, degree: Int)],
    names: [String]
  ) -> RegressionResult {
    let p = fit.coefficients.count
    let t = transform(p: p, plainColumns: plainColumns, bases: bases)
    let gamma = fit.coefficients
    let anyAliased = gamma.contains { $0.isNaN }
    var beta = [Double](repeating: 0, count: p)
    for i in 0..<p {
      for j in 0..<p where t[i, j] != 0 { beta[i] += t[i, j] * gamma[j] }
    }
    var covariance = Matrix(rows: p, columns: p)
    for a in 0..<p {
      for b in 0..<p {
        var sum = 0.0
        for i in 0..<p where t[a, i] != 0 {
          for j in 0..<p where t[b, j] != 0 { sum += t[a, i] * fit.covariance[i, j] * t[b, j] }
        }
        covariance[a, b] = sum
      }
    }
    let distribution = StudentT.FixedDegrees(Double(fit.residualDegreesOfFreedom))
    let parameters = (0..<p).map { j in
      RegressionParameter(
        name: names[j], estimate: beta[j], standardError: max(0, covariance[j, j]).squareRoot(),
        distribution: distribution)
    }
    var warnings = fit.warnings
    if anyAliased {
      warnings.append("a polynomial basis column is aliased: raw-basis coefficients that depend on it are not estimable")
    }
    warnings.append(
      "polynomial terms were fitted in a centred and scaled basis and converted to powers of the raw values; the condition number refers to that basis")
    return RegressionResult(
      n: fit.n, rank: fit.rank, residualDegreesOfFreedom: fit.residualDegreesOfFreedom,
      parameters: parameters, coefficients: beta, covariance: covariance,
      residualStandardError: fit.residualStandardError, rSquared: fit.rSquared,
      adjustedRSquared: fit.adjustedRSquared, logLikelihood: fit.logLikelihood, aic: fit.aic,
      aicc: fit.aicc, bic: fit.bic, conditionNumber: fit.conditionNumber,
      fittedValues: fit.fittedValues, residuals: fit.residuals, weights: fit.weights,
      warnings: warnings)
  }
}

extension RegressionSpecification {
  /// T with raw coefficients = T · fitted-basis coefficients; identity on plain columns.
  fileprivate func transform(
    p: Int, plainColumns: Int, bases: [(centre: Double, scale: Double, degree: Int)]
  ) -> Matrix {
    var t = Matrix.identity(p)
    var offset = plainColumns
    for basis in bases {
      for j in 1...basis.degree {
        let column = offset + j - 1
        t[column, column] = 0
        let sj = pow(basis.scale, Double(j))
        for k in 0...j {
          let value = binomial(j, k) * pow(-basis.centre, Double(j - k)) / sj
          if k == 0 {
            if intercept { t[0, column] += value }
          } else {
            t[offset + k - 1, column] += value
          }
        }
      }
      offset += basis.degree
    }
    return t
  }
}

/// The binomial coefficient C(n, k) as a Double (exact for the degrees used here).
func binomial(_ n: Int, _ k: Int) -> Double {
  var result = 1.0
  for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
  return result.rounded()
}
