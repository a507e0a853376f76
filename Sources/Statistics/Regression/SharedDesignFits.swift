import LinearAlgebra

/// The fits of many responses on one design (`SharedDesignRegression.fit`), stored by
/// quantity rather than by series: one array of estimates for all series, one of standard
/// errors, and so on, so that ten thousand fits are a few dozen arrays, not a few hundred
/// thousand. `result(series:)` gives any one fit as the `RegressionResult` that
/// `LinearRegression.fit` would have returned for it.
///
/// Per-parameter quantities are indexed `(parameter, series)`, laid out parameter-fastest
/// (entry `j + s·p`); per-observation ones `(observation, series)` (entry `i + s·n`).
public struct SharedDesignFits: Sendable {
  /// Per-series inference, one array per quantity.
  struct Inference: Sendable {
    var standardErrors: [Double]
    var t: [Double]
    var p: [Double]
    var residualStandardErrors: [Double]
    var rSquared: [Double]
    var adjustedRSquared: [Double]
    var logLikelihoods: [Double]
    var aic: [Double]
    var aicc: [Double]
    var bic: [Double]

    init(parameters: Int, series: Int) {
      let perParameter = [Double](repeating: 0, count: parameters * series)
      let perSeries = [Double](repeating: 0, count: series)
      (standardErrors, t, p) = (perParameter, perParameter, perParameter)
      (residualStandardErrors, rSquared, adjustedRSquared) = (perSeries, perSeries, perSeries)
      (logLikelihoods, aic, aicc, bic) = (perSeries, perSeries, perSeries, perSeries)
    }
  }

  /// The shared design and its factorization.
  public let shared: SharedDesignRegression
  /// Number of series fitted.
  public let series: Int
  /// Estimates, p × series (NaN where a column is aliased).
  public let coefficients: [Double]
  /// Residual sum of squares of each series.
  public let residualSumsOfSquares: [Double]
  let inference: Inference
  /// Fitted values, n × series.
  public let fittedValues: [Double]
  /// Residuals, n × series.
  public let residuals: [Double]

  /// Observations per series.
  public var n: Int { shared.design.rows }
  /// Numerical rank of the design (shared by every fit).
  public var rank: Int { shared.qr.rank }
  /// Residual degrees of freedom, n − rank (shared).
  public var residualDegreesOfFreedom: Int { n - rank }
  /// Condition number of the column-scaled design (shared).
  public var conditionNumber: Double { shared.qr.conditionNumber }

  private var p: Int { shared.design.columns }

  /// Estimate of parameter `j` for series `s`.
  public func estimate(_ j: Int, series s: Int) -> Double { coefficients[j + s * p] }
  /// Standard error of parameter `j` for series `s`.
  public func standardError(_ j: Int, series s: Int) -> Double { inference.standardErrors[j + s * p] }
  /// t statistic of parameter `j` for series `s`.
  public func t(_ j: Int, series s: Int) -> Double { inference.t[j + s * p] }
  /// Two-sided p-value of parameter `j` for series `s`.
  public func p(_ j: Int, series s: Int) -> Double { inference.p[j + s * p] }
  /// σ̂ of series `s`.
  public func residualStandardError(series s: Int) -> Double { inference.residualStandardErrors[s] }
  /// R² of series `s`.
  public func rSquared(series s: Int) -> Double { inference.rSquared[s] }
  /// Adjusted R² of series `s`.
  public func adjustedRSquared(series s: Int) -> Double { inference.adjustedRSquared[s] }
  /// Log-likelihood of series `s`.
  public func logLikelihood(series s: Int) -> Double { inference.logLikelihoods[s] }
  /// AIC of series `s`.
  public func aic(series s: Int) -> Double { inference.aic[s] }
  /// AICc of series `s`; nil when n − k − 1 ≤ 0.
  public func aicc(series s: Int) -> Double? { inference.aicc[s].isNaN ? nil : inference.aicc[s] }
  /// BIC of series `s`.
  public func bic(series s: Int) -> Double { inference.bic[s] }

  /// Series `s`'s fit as a `RegressionResult`, as `LinearRegression.fit` gives it for that
  /// response alone: the same fields, the same warnings.
  public func result(series s: Int) -> RegressionResult {
    precondition(s >= 0 && s < series, "series \(s) of \(series)")
    let n = self.n
    let p = self.p
    let rss = residualSumsOfSquares[s]
    let sigma2 = rss / Double(residualDegreesOfFreedom)
    var covariance = shared.unscaledCovariance
    for k in covariance.storage.indices { covariance.storage[k] *= sigma2 }
    let parameters = (0..<p).map { j in
      RegressionParameter(
        name: shared.parameterNames[j], estimate: estimate(j, series: s), standardError: standardError(j, series: s),
        t: t(j, series: s), p: self.p(j, series: s))
    }
    var warnings = shared.designWarnings
    if rss == 0 {
      warnings.append("the fit is exact (residual sum of squares is zero): standard errors are zero")
    }
    if aicc(series: s) == nil {
      warnings.append("AICc is undefined: n − k − 1 ≤ 0 with k = \(rank + 1)")
    }
    return RegressionResult(
      n: n, rank: rank, residualDegreesOfFreedom: residualDegreesOfFreedom, parameters: parameters,
      coefficients: Array(coefficients[(s * p)..<((s + 1) * p)]), covariance: covariance,
      residualStandardError: residualStandardError(series: s), rSquared: rSquared(series: s),
      adjustedRSquared: adjustedRSquared(series: s), logLikelihood: logLikelihood(series: s), aic: aic(series: s),
      aicc: aicc(series: s), bic: bic(series: s), conditionNumber: conditionNumber,
      fittedValues: Array(fittedValues[(s * n)..<((s + 1) * n)]), residuals: Array(residuals[(s * n)..<((s + 1) * n)]),
      weights: [Double](repeating: 1, count: n), warnings: warnings)
  }
}

extension RegressionParameter {
  /// A parameter with its inference already computed (a shared-design fit).
  init(name: String, estimate: Double, standardError: Double, t: Double, p: Double) {
    self.name = name
    self.estimate = estimate
    self.standardError = standardError
    self.t = t
    self.p = p
  }
}
