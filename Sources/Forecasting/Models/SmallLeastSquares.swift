import Foundation
import LinearAlgebra

/// Ordinary least squares for the trend models' small designs (a handful of columns, a
/// dozen rows): only what the trend models use, without the rest of `LinearRegression`'s
/// full inference.
///
/// The same method as `LinearRegression.fit` — LAPACK's QR with column pivoting on the
/// column-scaled design (`PivotedQR`), X'X never formed — but skipping what the trend models
/// do not read (parameter names, t and p, warnings, R², and the SVD for the condition
/// number), which is most of the cost of a 12 × 3 fit. Results equal `LinearRegression`'s
/// to rounding. It declines (returns nil) unless the design is of full rank and everything
/// is finite, so that degenerate designs go through `LinearRegression`, which diagnoses them.
/// Each design is factorised once in the process (`FactorisedDesigns`): every authority and
/// every backtest origin with a window of the same shape reuses it.
///
/// Complexity O(n·p²).
struct SmallLeastSquares {
  /// Coefficients, one per column.
  let coefficients: [Double]
  /// Residual sum of squares.
  let residualSumOfSquares: Double
  /// Residual degrees of freedom, n − p.
  let residualDegreesOfFreedom: Int
  /// σ² = RSS / (n − p).
  let sigma2: Double
  /// (X'X)⁻¹ from R⁻¹ (p × p).
  private let unscaledCovariance: Matrix

  /// Fits `response` on the design whose rows are `rows` (all of one length p < n).
  init?(rows: [[Double]], response: [Double]) {
    let n = rows.count
    guard n > 0, response.count == n else { return nil }
    let p = rows[0].count
    guard p > 0, n > p, rows.allSatisfy({ $0.count == p }) else { return nil }
    let design = Matrix(rows: rows)
    guard response.allSatisfy(\.isFinite), design.isFinite, let factorised = FactorisedDesigns.shared.entry(for: design)
    else { return nil }
    let qr = factorised.qr
    let qty = qr.applyQTranspose(response)
    var rss = 0.0
    for i in p..<n { rss += qty[i] * qty[i] }
    let coefficients = qr.solve(qtb: qty)
    guard coefficients.allSatisfy(\.isFinite), rss.isFinite else { return nil }
    self.coefficients = coefficients
    residualSumOfSquares = rss
    residualDegreesOfFreedom = n - p
    sigma2 = rss / Double(n - p)
    unscaledCovariance = factorised.unscaledCovariance
  }

  /// The fitted mean at design row `x`.
  func mean(_ x: [Double]) -> Double {
    var m = 0.0
    for j in coefficients.indices { m += x[j] * coefficients[j] }
    return m
  }

  /// The standard error of a new observation at design row `x`: √(σ²·(1 + x'(X'X)⁻¹x)) (the
  /// variance of the fitted mean plus the error variance), as `RegressionResult.predict`.
  func predictionStandardError(_ x: [Double]) -> Double {
    var quadratic = 0.0
    for a in x.indices {
      for b in x.indices { quadratic += x[a] * unscaledCovariance[a, b] * x[b] }
    }
    return (sigma2 * max(0, quadratic) + sigma2).squareRoot()
  }

  /// AICc of the Gaussian fit counting σ as a parameter (k = p + 1), as `LinearRegression`;
  /// nil when n − k − 1 ≤ 0.
  var aicc: Double? {
    let n = Double(coefficients.count + residualDegreesOfFreedom)
    let logLikelihood =
      0.5 * (0 - n * (Foundation.log(2 * Double.pi) + 1 - Foundation.log(n) + Foundation.log(residualSumOfSquares)))
    let k = Double(coefficients.count + 1)
    let aic = -2 * logLikelihood + 2 * k
    return n - k - 1 > 0 ? aic + 2 * k * (k + 1) / (n - k - 1) : nil
  }
}
