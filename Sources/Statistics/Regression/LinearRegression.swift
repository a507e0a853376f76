import Foundation
import LinearAlgebra

/// Ordinary and weighted least-squares regression with full inference.
///
/// ```swift
/// let x = Matrix(columns: [ones, years])
/// let fit = try LinearRegression.fit(design: x, response: plans,
///                                    parameterNames: ["(Intercept)", "year"], hasIntercept: true)
/// fit.parameters[1].standardError
/// ```
///
/// Method: rows are multiplied by √wᵢ, columns scaled to unit length, then QR with column
/// pivoting (LAPACK DGEQP3) decides the numerical rank (`PivotedQR`). Coefficients come from
/// the triangular solve, the residual sum of squares from the trailing part of Q'y, and the
/// covariance from R⁻¹ (DTRTRI): X'X is never formed. Aliased columns are reported in
/// `warnings` and get NaN estimates (R's `lm` reports NA), never silently dropped.
/// Complexity O(n·p²).
public enum LinearRegression {
  /// Condition numbers above this get a warning about lost digits.
  public static let conditionWarningThreshold = 1e10

  /// Fits y = Xβ + ε (weighted when `weights` is given).
  ///
  /// Throws `RegressionError` when sizes disagree, a value is not finite, a weight is not
  /// positive, or there are no more observations than columns (n ≤ p).
  public static func fit(
    design: Matrix, response: [Double], weights: [Double]? = nil, parameterNames: [String],
    hasIntercept: Bool
  ) throws -> RegressionResult {
    let n = design.rows, p = design.columns
    guard p > 0 else { throw RegressionError.emptyModel }
    guard response.count == n else {
      throw RegressionError.dimensionMismatch("design has \(n) rows, response has \(response.count) values")
    }
    guard parameterNames.count == p else {
      throw RegressionError.dimensionMismatch("\(p) columns but \(parameterNames.count) names")
    }
    guard design.isFinite else { throw RegressionError.nonFinite("the design matrix") }
    guard response.allSatisfy({ $0.isFinite }) else { throw RegressionError.nonFinite("the response") }
    let w = weights ?? [Double](repeating: 1, count: n)
    guard w.count == n else {
      throw RegressionError.dimensionMismatch("\(n) observations but \(w.count) weights")
    }
    for (i, wi) in w.enumerated() where !(wi > 0 && wi.isFinite) {
      throw RegressionError.invalidWeight(row: i, value: wi)
    }
    guard n > p else { throw RegressionError.tooFewObservations(observations: n, parameters: p) }

    // √wᵢ only when weighted: unweighted fits skip the row scaling and its arrays.
    let sw = weights == nil ? nil : w.map { $0.squareRoot() }
    var xw = design
    var yw = response
    if let sw {
      for j in 0..<p { for i in 0..<n { xw[i, j] *= sw[i] } }
      for i in 0..<n { yw[i] *= sw[i] }
    }

    let qr: PivotedQR
    do { qr = try PivotedQR(xw) } catch { throw RegressionError.nonFinite("the design matrix") }
    // One array for Q'y, then for the residuals Q·(0, …, 0, (Q'y)_rank+1, …, (Q'y)_n): the
    // part of Q'y that the fit leaves out.
    var residuals = yw
    qr.applyQTranspose(to: &residuals)
    let beta = qr.solve(qtb: residuals)
    let rank = qr.rank
    let df = n - rank
    var rss = 0.0
    for i in rank..<n { rss += residuals[i] * residuals[i] }
    for i in 0..<rank { residuals[i] = 0 }
    qr.applyQ(to: &residuals)
    if let sw {
      for i in 0..<n { residuals[i] /= sw[i] }
    }
    let fitted = zip(response, residuals).map { $0 - $1 }

    let sigma2 = rss / Double(df)
    var covariance = qr.unscaledCovariance()
    for k in covariance.storage.indices { covariance.storage[k] *= sigma2 }

    let distribution = StudentT.FixedDegrees(Double(df))
    let parameters = (0..<p).map { j in
      RegressionParameter(
        name: parameterNames[j], estimate: beta[j], standardError: max(0, covariance[j, j]).squareRoot(),
        distribution: distribution)
    }

    // R², as summary.lm: mss from the fitted values, centred on the weighted mean when
    // there is an intercept.
    let sumW = w.reduce(0, +)
    let centre = hasIntercept ? zip(w, fitted).reduce(0) { $0 + $1.0 * $1.1 } / sumW : 0
    let mss = zip(w, fitted).reduce(0) { $0 + $1.0 * ($1.1 - centre) * ($1.1 - centre) }
    let r2 = mss + rss > 0 ? mss / (mss + rss) : 1
    let dfIntercept = hasIntercept ? 1 : 0
    let adjR2 = 1 - (1 - r2) * Double(n - dfIntercept) / Double(df)

    let nD = Double(n)
    let sumLogW = weights == nil ? 0 : w.reduce(0) { $0 + log($1) }
    let logLik = 0.5 * (sumLogW - nD * (log(2 * Double.pi) + 1 - log(nD) + log(rss)))
    let k = Double(rank + 1)
    let aic = -2 * logLik + 2 * k
    let bic = -2 * logLik + log(nD) * k
    let aicc: Double? = nD - k - 1 > 0 ? aic + 2 * k * (k + 1) / (nD - k - 1) : nil

    var warnings: [String] = []
    let aliased = qr.aliasedColumns
    if !aliased.isEmpty {
      let names = aliased.map { parameterNames[$0] }.joined(separator: ", ")
      warnings.append(
        "rank \(rank) < \(p) columns: \(names) \(aliased.count == 1 ? "is a linear combination" : "are linear combinations") of the other columns (to relative tolerance \(qr.rankTolerance)); not estimated")
    }
    if qr.conditionNumber > conditionWarningThreshold {
      // Infinite when a column is zero or the design is exactly singular: no digit count then
      // (Int(log10(∞)) would trap).
      if qr.conditionNumber.isFinite {
        let digits = Int(log10(qr.conditionNumber).rounded())
        warnings.append(
          "ill-conditioned design (condition number \(String(format: "%.3g", qr.conditionNumber)) after column scaling): estimates may have lost about \(digits) significant digits")
      } else {
        warnings.append("singular design (infinite condition number after column scaling): a column is zero or exactly collinear")
      }
    }
    if rss == 0 {
      warnings.append("the fit is exact (residual sum of squares is zero): standard errors are zero")
    }
    if aicc == nil {
      warnings.append("AICc is undefined: n − k − 1 ≤ 0 with k = \(rank + 1)")
    }

    return RegressionResult(
      n: n, rank: rank, residualDegreesOfFreedom: df, parameters: parameters, coefficients: beta,
      covariance: covariance, residualStandardError: sigma2.squareRoot(), rSquared: r2,
      adjustedRSquared: adjR2, logLikelihood: logLik, aic: aic, aicc: aicc, bic: bic,
      conditionNumber: qr.conditionNumber, fittedValues: fitted, residuals: residuals,
      weights: w, warnings: warnings)
  }
}
