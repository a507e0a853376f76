import Foundation

/// Ordinary least squares for the trend models' small designs (a handful of columns, a
/// dozen rows), by Householder QR of the column-scaled design, without pivoting.
///
/// It computes what `LinearRegression.fit` and `RegressionResult.predict` compute for these
/// fits — coefficients, residual sum of squares, AICc, prediction standard errors
/// √(σ² + σ²‖R⁻ᵀx₀‖²) — by the same method (QR, X'X never formed), in plain Swift and
/// without the rest of the full inference (names, warnings, condition number, R²) that the
/// trend models do not use. Results agree with `LinearRegression` to rounding (about 1e-13
/// relative on centred trend designs). It declines (returns nil) unless the design is
/// clearly of full rank — every diagonal element of R above 1e-8 of the largest — and
/// everything is finite, so that rank-deficient and ill-conditioned designs still go
/// through `LinearRegression`, which diagnoses them.
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
  /// R of the scaled design, row-major p × p (upper triangle).
  private let r: [Double]
  /// Column lengths by which the design was scaled.
  private let columnScale: [Double]

  /// Fits `response` on the design whose rows are `rows` (all of one length p < n).
  init?(rows: [[Double]], response: [Double]) {
    let n = rows.count
    guard n > 0, response.count == n else { return nil }
    let p = rows[0].count
    guard p > 0, n > p, rows.allSatisfy({ $0.count == p }) else { return nil }
    // Column-major copy, each column scaled to unit length.
    var a = [Double](repeating: 0, count: n * p)
    var scale = [Double](repeating: 0, count: p)
    for j in 0..<p {
      var sum = 0.0
      for i in 0..<n { sum += rows[i][j] * rows[i][j] }
      let norm = sum.squareRoot()
      guard norm > 0, norm.isFinite else { return nil }
      scale[j] = norm
      for i in 0..<n { a[j * n + i] = rows[i][j] / norm }
    }
    var y = response
    var diagonal = [Double](repeating: 0, count: p)
    var v = [Double](repeating: 0, count: n)
    for k in 0..<p {
      var norm2 = 0.0
      for i in k..<n { norm2 += a[k * n + i] * a[k * n + i] }
      let norm = norm2.squareRoot()
      let alpha = a[k * n + k] > 0 ? -norm : norm
      // The Householder vector v = x − αe₁, in v[0..<n − k].
      for i in k..<n { v[i - k] = a[k * n + i] }
      v[0] -= alpha
      var vnorm2 = 0.0
      for i in 0..<(n - k) { vnorm2 += v[i] * v[i] }
      diagonal[k] = alpha
      guard vnorm2 > 0 else { continue }
      for j in (k + 1)..<(p + 1) {
        // Column j of the design, or the response when j == p.
        var dot = 0.0
        for i in k..<n { dot += v[i - k] * (j < p ? a[j * n + i] : y[i]) }
        let factor = 2 * dot / vnorm2
        for i in k..<n {
          if j < p { a[j * n + i] -= factor * v[i - k] } else { y[i] -= factor * v[i - k] }
        }
      }
    }
    let largest = diagonal.map(abs).max() ?? 0
    guard largest > 0, diagonal.allSatisfy({ abs($0) > 1e-8 * largest }) else { return nil }
    var rMatrix = [Double](repeating: 0, count: p * p)
    for i in 0..<p {
      rMatrix[i * p + i] = diagonal[i]
      for j in (i + 1)..<max(p, i + 1) { rMatrix[i * p + j] = a[j * n + i] }
    }
    // Back substitution R b = (Q'y)[0..<p], then undo the column scaling.
    var b = [Double](repeating: 0, count: p)
    for i in stride(from: p - 1, through: 0, by: -1) {
      var s = y[i]
      for j in (i + 1)..<max(p, i + 1) { s -= rMatrix[i * p + j] * b[j] }
      b[i] = s / rMatrix[i * p + i]
    }
    var rss = 0.0
    for i in p..<n { rss += y[i] * y[i] }
    let df = n - p
    let coefficients = (0..<p).map { b[$0] / scale[$0] }
    guard coefficients.allSatisfy(\.isFinite), rss.isFinite else { return nil }
    self.coefficients = coefficients
    self.residualSumOfSquares = rss
    self.residualDegreesOfFreedom = df
    self.sigma2 = rss / Double(df)
    self.r = rMatrix
    self.columnScale = scale
  }

  /// The fitted mean at design row `x`.
  func mean(_ x: [Double]) -> Double {
    var m = 0.0
    for j in coefficients.indices { m += x[j] * coefficients[j] }
    return m
  }

  /// The standard error of a new observation at design row `x`: √(σ² + σ²‖R⁻ᵀx̃‖²), x̃ the
  /// row in the scaled columns (the variance of the fitted mean plus the error variance).
  func predictionStandardError(_ x: [Double]) -> Double {
    let p = coefficients.count
    // Solve Rᵀz = x̃ by forward substitution.
    var z = [Double](repeating: 0, count: p)
    var norm2 = 0.0
    for i in 0..<p {
      var s = x[i] / columnScale[i]
      for k in 0..<i { s -= r[k * p + i] * z[k] }
      z[i] = s / r[i * p + i]
      norm2 += z[i] * z[i]
    }
    return (sigma2 * norm2 + sigma2).squareRoot()
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
