import Foundation
import LinearAlgebra

/// Least squares for many responses that share one design: every authority's counts over
/// the same years, every backtest window of one length. The design is factorised once and
/// all responses are solved together, with full inference for each.
///
/// ```swift
/// let x = Matrix(columns: [ones, years])
/// let shared = try SharedDesignRegression(design: x, parameterNames: ["(Intercept)", "year"],
///                                         hasIntercept: true)
/// let fits = try shared.fit(responses: y)      // y: years × series, one series a column
/// fits.standardError(1, series: 7)             // = LinearRegression.fit(…series 7…).parameters[1].standardError
/// let full = fits.result(series: 7)            // the whole RegressionResult
/// ```
///
/// Method: that of `LinearRegression.fit` (unweighted), with the work shared. The design's
/// columns are scaled to unit length and factorised once by QR with column pivoting
/// (`PivotedQR`: rank, condition number, (X'X)⁻¹ from R⁻¹); then Q'Y for all responses in one
/// DORMQR call, the coefficients from one triangular solve with every response as a
/// right-hand side (DTRSM), each residual sum of squares from the trailing part of its
/// column of Q'Y and the residuals as Q·(0, trailing) in one more DORMQR call. Per series:
/// σ̂² = RSS/df, standard errors √(σ̂²·[(X'X)⁻¹]ⱼⱼ) from the shared R⁻¹, t and p (Student's t
/// on the shared df, its log B(ν/2, ½) computed once), R², log L, AIC, AICc and BIC, each by
/// the formula and in the order of operations of `LinearRegression.fit`. With the reference
/// BLAS the numbers are those of fitting each series alone, bit for bit; the tests allow
/// 1e-12 relative (an optimized BLAS may order sums differently).
///
/// Complexity: O(n·p²) once, then O(n·p) per response (LinearRegression.fit: O(n·p²) per
/// response, plus a few dozen small allocations).
public struct SharedDesignRegression: Sendable {
  /// The design, n × p.
  public let design: Matrix
  /// One name per column.
  public let parameterNames: [String]
  /// Whether a column is the intercept (R² is centred then).
  public let hasIntercept: Bool
  /// The factorization of the column-scaled design.
  public let qr: PivotedQR
  /// (X'X)⁻¹ on the non-aliased columns, NaN where aliased (`PivotedQR.unscaledCovariance`).
  let unscaledCovariance: Matrix
  /// Notes on the design that every fit shares: aliased columns, conditioning, AICc.
  let designWarnings: [String]

  /// Factorises `design`.
  ///
  /// Throws `RegressionError` when it has no columns, a value is not finite, the names do
  /// not match the columns, or there are no more rows than columns (n ≤ p).
  public init(design: Matrix, parameterNames: [String], hasIntercept: Bool) throws {
    let n = design.rows
    let p = design.columns
    guard p > 0 else { throw RegressionError.emptyModel }
    guard parameterNames.count == p else {
      throw RegressionError.dimensionMismatch("\(p) columns but \(parameterNames.count) names")
    }
    guard design.isFinite else { throw RegressionError.nonFinite("the design matrix") }
    guard n > p else { throw RegressionError.tooFewObservations(observations: n, parameters: p) }
    do { qr = try PivotedQR(design) } catch { throw RegressionError.nonFinite("the design matrix") }
    self.design = design
    self.parameterNames = parameterNames
    self.hasIntercept = hasIntercept
    unscaledCovariance = qr.unscaledCovariance()
    designWarnings = Self.warnings(qr: qr, n: n, names: parameterNames)
  }

  /// Fits every column of `responses` (n × series) on the design.
  ///
  /// Throws `RegressionError.dimensionMismatch` when `responses` does not have n rows and
  /// `.nonFinite` naming the first series (0-based) with NaN or infinity.
  public func fit(responses: Matrix) throws -> SharedDesignFits {
    let n = design.rows
    let m = responses.columns
    guard responses.rows == n else {
      throw RegressionError.dimensionMismatch("design has \(n) rows, responses have \(responses.rows)")
    }
    if let bad = (0..<m).first(where: { k in (0..<n).contains { !responses.storage[$0 + k * n].isFinite } }) {
      throw RegressionError.nonFinite("the response of series \(bad)")
    }
    let rank = qr.rank
    // Q'Y, then the coefficients from its leading rows, then the residuals
    // Q·(0, …, 0, (Q'y)_rank+1, …, (Q'y)_n) in the same array.
    var residuals = responses.storage
    qr.applyQTranspose(toColumns: &residuals, count: m)
    let coefficients = qr.solve(qtbColumns: residuals, count: m)
    var rss = [Double](repeating: 0, count: m)
    residuals.withUnsafeMutableBufferPointer { r in
      for k in 0..<m {
        var sum = 0.0
        for i in rank..<n { sum += r[i + k * n] * r[i + k * n] }
        rss[k] = sum
        for i in 0..<rank { r[i + k * n] = 0 }
      }
    }
    qr.applyQ(toColumns: &residuals, count: m)
    var fitted = responses.storage
    fitted.withUnsafeMutableBufferPointer { f in
      residuals.withUnsafeBufferPointer { r in
        for e in 0..<f.count { f[e] -= r[e] }
      }
    }

    let inference = self.inference(coefficients: coefficients, rss: rss, fitted: fitted, series: m)
    return SharedDesignFits(
      shared: self, series: m, coefficients: coefficients, residualSumsOfSquares: rss, inference: inference,
      fittedValues: fitted, residuals: residuals)
  }

  /// Each series' inference from its coefficients (p × m), RSS and fitted values (n × m), by
  /// the formulas and in the order of operations of `LinearRegression.fit` (unweighted: its
  /// weights are all 1, so its weighted sums are these plain ones, to the bit). Unsafe
  /// buffers, because with ten thousand series the arrays' checks cost more than the sums.
  func inference(coefficients: [Double], rss: [Double], fitted: [Double], series m: Int) -> SharedDesignFits.Inference {
    let n = design.rows
    let p = design.columns
    let df = n - qr.rank
    var inference = SharedDesignFits.Inference(parameters: p, series: m)
    let distribution = StudentT.FixedDegrees(Double(df))
    let nD = Double(n)
    let logLikConstant = log(2 * Double.pi) + 1 - log(nD)
    let logN = log(nD)
    let k = Double(qr.rank + 1)
    let aiccDefined = nD - k - 1 > 0
    let dfIntercept = hasIntercept ? 1 : 0
    let diagonal = (0..<p).map { unscaledCovariance[$0, $0] }
    coefficients.withUnsafeBufferPointer { beta in
      fitted.withUnsafeBufferPointer { fitted in
        inference.standardErrors.withUnsafeMutableBufferPointer { se in
          inference.t.withUnsafeMutableBufferPointer { tValues in
            inference.p.withUnsafeMutableBufferPointer { pValues in
              for s in 0..<m {
                let sigma2 = rss[s] / Double(df)
                for j in 0..<p {
                  let index = j + s * p
                  let estimate = beta[index]
                  guard !estimate.isNaN else {
                    (se[index], tValues[index], pValues[index]) = (.nan, .nan, .nan)
                    continue
                  }
                  let standardError = max(0, diagonal[j] * sigma2).squareRoot()
                  let t = estimate / standardError
                  se[index] = standardError
                  tValues[index] = t
                  pValues[index] = distribution.twoSidedPValue(t)
                }
              }
            }
          }
        }
        for s in 0..<m {
          let sigma2 = rss[s] / Double(df)
          // R² as summary.lm, from the fitted values, centred on their mean with an intercept.
          let column = fitted.baseAddress! + s * n
          var centre = 0.0
          if hasIntercept {
            for i in 0..<n { centre += column[i] }
            centre /= nD
          }
          var mss = 0.0
          for i in 0..<n {
            let d = column[i] - centre
            mss += d * d
          }
          let r2 = mss + rss[s] > 0 ? mss / (mss + rss[s]) : 1
          let logLik = 0.5 * -(nD * (logLikConstant + log(rss[s])))
          let aic = -2 * logLik + 2 * k
          inference.residualStandardErrors[s] = sigma2.squareRoot()
          inference.rSquared[s] = r2
          inference.adjustedRSquared[s] = 1 - (1 - r2) * Double(n - dfIntercept) / Double(df)
          inference.logLikelihoods[s] = logLik
          inference.aic[s] = aic
          inference.bic[s] = -2 * logLik + logN * k
          inference.aicc[s] = aiccDefined ? aic + 2 * k * (k + 1) / (nD - k - 1) : .nan
        }
      }
    }
    return inference
  }

  /// As `fit(responses:)`, one array per series (each of n values).
  public func fit(responses: [[Double]]) throws -> SharedDesignFits {
    let n = design.rows
    if let bad = responses.firstIndex(where: { $0.count != n }) {
      throw RegressionError.dimensionMismatch("design has \(n) rows, series \(bad) has \(responses[bad].count) values")
    }
    var storage: [Double] = []
    storage.reserveCapacity(n * responses.count)
    for y in responses { storage.append(contentsOf: y) }
    return try fit(responses: Matrix(rows: n, columns: responses.count, storage: storage))
  }

  /// The warnings `LinearRegression.fit` gives that depend on the design alone, in its order.
  static func warnings(qr: PivotedQR, n: Int, names: [String]) -> [String] {
    var warnings: [String] = []
    let aliased = qr.aliasedColumns
    if !aliased.isEmpty {
      let list = aliased.map { names[$0] }.joined(separator: ", ")
      warnings.append(
        "rank \(qr.rank) < \(names.count) columns: \(list) \(aliased.count == 1 ? "is a linear combination" : "are linear combinations") of the other columns (to relative tolerance \(qr.rankTolerance)); not estimated"
      )
    }
    if qr.conditionNumber > LinearRegression.conditionWarningThreshold {
      if qr.conditionNumber.isFinite {
        let digits = Int(log10(qr.conditionNumber).rounded())
        warnings.append(
          "ill-conditioned design (condition number \(String(format: "%.3g", qr.conditionNumber)) after column scaling): estimates may have lost about \(digits) significant digits"
        )
      } else {
        warnings.append(
          "singular design (infinite condition number after column scaling): a column is zero or exactly collinear")
      }
    }
    return warnings
  }
}
