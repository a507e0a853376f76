import LinearAlgebra

/// One estimated coefficient with its inference. All NaN when the column is aliased.
public struct RegressionParameter: Sendable, Equatable {
  /// The term's name: `(Intercept)`, a column name, or `x^k` for a polynomial term.
  public let name: String
  /// The least-squares estimate.
  public let estimate: Double
  /// Standard error, √(σ̂²·[(X'WX)⁻¹]ⱼⱼ) with (X'WX)⁻¹ from the R factor of the QR.
  public let standardError: Double
  /// t statistic, estimate / standard error.
  public let t: Double
  /// Two-sided p-value from Student's t with the residual degrees of freedom.
  public let p: Double

  /// True when the column was a linear combination of others and was not estimated.
  public var isAliased: Bool { estimate.isNaN }

  /// A parameter with its t statistic and two-sided p-value from `distribution`, Student's t
  /// on the residual degrees of freedom (made once for all of a fit's parameters); all NaN
  /// when `estimate` is NaN (aliased).
  init(name: String, estimate: Double, standardError: Double, distribution: StudentT.FixedDegrees) {
    self.name = name
    self.estimate = estimate
    guard !estimate.isNaN else {
      (self.standardError, t, p) = (.nan, .nan, .nan)
      return
    }
    self.standardError = standardError
    t = estimate / standardError
    p = distribution.twoSidedPValue(t)
  }
}

/// A two-sided interval [lowerBound, upperBound]. Unlike `ClosedRange`, it may hold NaN
/// bounds (for a coefficient that was not estimated) without trapping.
public struct Interval: Sendable, Equatable {
  /// Lower end.
  public let lowerBound: Double
  /// Upper end.
  public let upperBound: Double

  public init(_ lowerBound: Double, _ upperBound: Double) {
    self.lowerBound = lowerBound
    self.upperBound = upperBound
  }
}

/// The mean, its confidence interval and the prediction interval at one new point.
public struct RegressionPrediction: Sendable, Equatable {
  /// Predicted mean, x₀'β̂.
  public let mean: Double
  /// Standard error of the mean, √(x₀'·Cov(β̂)·x₀).
  public let standardError: Double
  /// Confidence interval of the mean: mean ± t(df, (1+level)/2)·se.
  public let confidence: Interval
  /// Prediction interval of a new observation (weight 1): mean ± t·√(se² + σ̂²).
  public let prediction: Interval
}

/// Everything derived from one least-squares fit. Immutable.
///
/// Criteria follow R's `logLik.lm`, `AIC` and `BIC`: with k = rank + 1 parameters (the
/// coefficients and σ²), log L = ½·(Σ log wᵢ − n·(log 2π + 1 − log n + log RSS_w)),
/// AIC = −2 log L + 2k, BIC = −2 log L + k·log n, AICc = AIC + 2k(k+1)/(n − k − 1).
public struct RegressionResult: Sendable {
  /// Number of observations.
  public let n: Int
  /// Numerical rank of the design.
  public let rank: Int
  /// Residual degrees of freedom, n − rank.
  public let residualDegreesOfFreedom: Int
  /// Coefficients with standard errors, t and p, in design column order.
  public let parameters: [RegressionParameter]
  /// The estimates alone (NaN where aliased).
  public let coefficients: [Double]
  /// Covariance matrix of the estimates, σ̂²·(X'WX)⁻¹ (NaN rows/columns where aliased).
  public let covariance: Matrix
  /// Residual standard error σ̂ = √(RSS_w / df).
  public let residualStandardError: Double
  /// R², centred with an intercept, uncentred without one (as R's `summary.lm`).
  public let rSquared: Double
  /// Adjusted R², 1 − (1 − R²)·(n − i)/df, i = 1 with an intercept, else 0.
  public let adjustedRSquared: Double
  /// Maximized Gaussian log-likelihood (see the type's summary).
  public let logLikelihood: Double
  /// Akaike's information criterion.
  public let aic: Double
  /// AIC corrected for small samples; nil when n − k − 1 ≤ 0.
  public let aicc: Double?
  /// Schwarz's Bayesian information criterion.
  public let bic: Double
  /// 2-norm condition number of the column-scaled design that was solved.
  public let conditionNumber: Double
  /// Fitted values ŷ.
  public let fittedValues: [Double]
  /// Residuals y − ŷ (unweighted).
  public let residuals: [Double]
  /// Observation weights used (all 1 when none were given).
  public let weights: [Double]
  /// Collinearity and conditioning notes: never silent.
  public let warnings: [String]

  /// Two-sided confidence intervals for the coefficients at `level` (e.g. 0.95):
  /// estimate ± t(df, (1 + level)/2)·se.
  public func confidenceIntervals(level: Double) -> [Interval] {
    let q = StudentT.quantile((1 + level) / 2, degreesOfFreedom: Double(residualDegreesOfFreedom))
    return parameters.map { p in
      Interval(p.estimate - q * p.standardError, p.estimate + q * p.standardError)
    }
  }

  /// Predictions at new design rows (one row per point, the same columns as the fit) with
  /// confidence and prediction intervals at `level`. Aliased coefficients count as zero,
  /// as R's `predict.lm` does for rank-deficient fits.
  public func predict(_ rows: Matrix, level: Double) -> [RegressionPrediction] {
    precondition(rows.columns == coefficients.count, "predict: \(rows.columns) columns, model has \(coefficients.count)")
    let q = StudentT.quantile((1 + level) / 2, degreesOfFreedom: Double(residualDegreesOfFreedom))
    let sigma2 = residualStandardError * residualStandardError
    let kept = (0..<coefficients.count).filter { !coefficients[$0].isNaN }
    return (0..<rows.rows).map { i in
      var mean = 0.0, variance = 0.0
      for a in kept {
        mean += rows[i, a] * coefficients[a]
        for b in kept { variance += rows[i, a] * covariance[a, b] * rows[i, b] }
      }
      let se = max(0, variance).squareRoot()
      let pse = (se * se + sigma2).squareRoot()
      return RegressionPrediction(
        mean: mean, standardError: se,
        confidence: Interval(mean - q * se, mean + q * se),
        prediction: Interval(mean - q * pse, mean + q * pse))
    }
  }
}

extension RegressionResult {
  /// Whether the model had an intercept (R² is centred then).
  public var hasIntercept: Bool { parameters.first?.name == "(Intercept)" }

  /// The overall F statistic against the intercept-only model (or the zero model without
  /// an intercept), with its degrees of freedom and p-value, as R's `summary.lm`; nil when
  /// the model has no term besides the intercept.
  public var fTest: (statistic: Double, numeratorDegreesOfFreedom: Int, denominatorDegreesOfFreedom: Int, p: Double)? {
    let d1 = rank - (hasIntercept ? 1 : 0)
    guard d1 > 0 else { return nil }
    let f = rSquared / (1 - rSquared) * Double(residualDegreesOfFreedom) / Double(d1)
    return (
      f, d1, residualDegreesOfFreedom,
      FisherF.survival(f, numeratorDegreesOfFreedom: Double(d1), denominatorDegreesOfFreedom: Double(residualDegreesOfFreedom))
    )
  }
}
