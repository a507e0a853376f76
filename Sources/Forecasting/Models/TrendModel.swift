import Foundation
import Statistics
import LinearAlgebra

/// Polynomial trends in time fitted by least squares, on the count or log scale, on all
/// points or on a recent window, with an optional hinge (piecewise-linear break).
///
/// The regressor is the centred year u = t − ū (ū the mean year of the fitted window), which
/// keeps the design well conditioned. Prediction intervals are the classical ones,
/// mean ± t(df) · √(σ² + x₀ᵀ Cov(β̂) x₀), computed by `SmallLeastSquares` (the numbers of
/// `LinearRegression.fit` and `predict` to rounding, at a fraction of the cost), or by
/// `LinearRegression` itself when the design is not clearly of full rank. On the log scale
/// the predictive law is carried as log-t and back-transformed (see `Predictive`).
///
/// AICc of a log-scale fit is moved to the count scale by adding the Jacobian term 2Σlog y,
/// so that linear and log-linear trends can be compared (Burnham & Anderson 2002, §2.11).
enum TrendModel {
  /// What to fit.
  struct Specification: Sendable {
    /// Polynomial degree: 1 linear, 2 quadratic.
    var degree: Int
    /// Fit log y instead of y.
    var logScale: Bool
    /// Use only the last `window` points (nil: all).
    var window: Int?
    /// A hinge at this year: adds max(0, t − breakYear) as a regressor.
    var breakYear: Int?
    /// True when the break year was chosen by a search (AICc then counts it as a parameter).
    var breakSearched: Bool = true
  }

  /// Fits `spec` to `series` and returns predictive laws for `horizon` years.
  ///
  /// - Throws: `ForecastingError.modelNotApplicable` when there are too few points
  ///   (fewer than parameters + 1) or a log-scale fit meets a zero count.
  static func fit(
    _ series: TimeSeries, spec: Specification, model: ForecastModel, horizon: Int
  ) throws -> CandidateFit {
    let window = min(spec.window ?? series.count, series.count)
    let used = series.suffix(window)
    let parameterCount = 1 + spec.degree + (spec.breakYear == nil ? 0 : 1)
    guard used.count >= parameterCount + 1 else {
      throw ForecastingError.modelNotApplicable(
        model: model.rawValue,
        reason: "\(used.count) points for \(parameterCount) coefficients; at least \(parameterCount + 1) needed")
    }
    if spec.logScale, let zero = used.values.firstIndex(where: { $0 <= 0 }) {
      throw ForecastingError.modelNotApplicable(
        model: model.rawValue,
        reason: "the count at \(used.times[zero]) is zero; a log-scale trend needs positive counts")
    }
    let centre = Double(used.times.reduce(0, +)) / Double(used.count)
    func regressor(_ t: Int, _ j: Int) -> Double {
      if j == 0 { return 1 }
      // pow(u, 1) is u exactly (pow is accurate to within 1 ulp, and u is representable).
      if j == 1 { return Double(t) - centre }
      if j <= spec.degree { return Foundation.pow(Double(t) - centre, Double(j)) }
      return max(0, Double(t - spec.breakYear!))
    }
    func row(_ t: Int) -> [Double] { (0..<parameterCount).map { regressor(t, $0) } }
    let rows = used.times.map(row)
    let response = spec.logScale ? used.values.map { Foundation.log($0) } : used.values
    let last = series.times[series.count - 1]
    let futureRows = (1...horizon).map { row(last + $0) }
    let df: Double
    let predictive: [Predictive]
    let coefficients: [Double]
    let sigma2: Double
    var aicc: Double?
    if let small = SmallLeastSquares(rows: rows, response: response) {
      // The usual case: a clearly full-rank design, solved directly.
      df = Double(small.residualDegreesOfFreedom)
      predictive = futureRows.map { x -> Predictive in
        let scale = small.predictionStandardError(x)
        return Predictive(
          location: small.mean(x), scale: scale.isFinite ? max(0, scale) : 0, degreesOfFreedom: df,
          logScale: spec.logScale)
      }
      coefficients = small.coefficients
      sigma2 = small.sigma2
      aicc = small.aicc
    } else {
      // Rank-deficient or ill-conditioned: the full regression, which diagnoses it.
      var names = ["(Intercept)"] + (1...spec.degree).map { "u^\($0)" }
      if spec.breakYear != nil { names.append("hinge") }
      let result: RegressionResult
      do {
        result = try LinearRegression.fit(
          design: Matrix(rows: rows), response: response, parameterNames: names, hasIntercept: true)
      } catch {
        throw ForecastingError.fitFailed(model: model.rawValue, reason: String(describing: error))
      }
      guard result.rank == parameterCount, result.residualDegreesOfFreedom >= 1 else {
        throw ForecastingError.modelNotApplicable(
          model: model.rawValue, reason: "the design is rank deficient (rank \(result.rank) of \(parameterCount))")
      }
      df = Double(result.residualDegreesOfFreedom)
      let predictions = result.predict(Matrix(rows: futureRows), level: 0.95)
      let t975 = StudentT.quantile(0.975, degreesOfFreedom: df)
      predictive = predictions.map { p -> Predictive in
        let halfWidth = (p.prediction.upperBound - p.prediction.lowerBound) / 2
        let scale = halfWidth.isFinite && t975 > 0 ? halfWidth / t975 : 0
        return Predictive(location: p.mean, scale: max(0, scale), degreesOfFreedom: df, logScale: spec.logScale)
      }
      coefficients = result.coefficients.map { $0.isFinite ? $0 : 0 }
      sigma2 = result.residualStandardError * result.residualStandardError
      aicc = result.aicc
    }
    // Fitted values on every observation (the trend extended backwards for windowed fits).
    let fitted = series.times.map { t -> Double in
      var v = 0.0
      for j in coefficients.indices { v += regressor(t, j) * coefficients[j] }
      let f = spec.logScale ? Foundation.exp(min(v + sigma2 / 2, 700)) : v
      return f.isFinite ? max(0, f) : 0
    }
    if spec.logScale, let a = aicc {
      aicc = a + 2 * response.reduce(0, +)
    }
    if spec.breakYear != nil, spec.breakSearched, let a = aicc {
      // The break year was searched for: count it as one more parameter (penalised search).
      let n = Double(used.count)
      let k = Double(parameterCount + 1)
      let extra = n - k - 2 > 0 ? 2 + 2 * (k + 1) * (k + 2) / (n - k - 2) - 2 * k * (k + 1) / (n - k - 1) : Double.nan
      aicc = extra.isFinite ? a + extra : nil
    }
    var notes: [String] = []
    if spec.logScale {
      notes.append(
        "\(model.rawValue): fitted on log counts; the point forecast is the bias-corrected mean exp(mu + s^2/2), intervals are back-transformed quantiles"
      )
    }
    return CandidateFit(
      model: model, fitted: fitted, aicc: aicc.flatMap { $0.isFinite ? $0 : nil },
      predictive: predictive, notes: notes)
  }
}

extension TrendModel {
  /// A piecewise-linear trend with one break: y = a + b·u + c·max(0, t − τ) + e.
  ///
  /// The break year τ is searched over every year that leaves at least two points before
  /// and two after it; the fit with the smallest residual sum of squares wins (all have the
  /// same number of coefficients), and its AICc counts τ as one more parameter — the penalty
  /// for the search.
  ///
  /// - Throws: `ForecastingError.modelNotApplicable` with fewer than 6 points.
  static func fitPiecewise(_ series: TimeSeries, model: ForecastModel, horizon: Int) throws -> CandidateFit {
    guard series.count >= 6 else {
      throw ForecastingError.modelNotApplicable(
        model: model.rawValue, reason: "\(series.count) points; at least 6 needed to search for a break")
    }
    var best: (fit: CandidateFit, rss: Double, year: Int)?
    for i in 1...(series.count - 3) {
      let year = series.times[i]
      guard
        let fit = try? fit(
          series, spec: .init(degree: 1, logScale: false, breakYear: year), model: model, horizon: horizon)
      else { continue }
      let rss = zip(fit.fitted, series.values).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
      if best == nil || rss < best!.rss { best = (fit, rss, year) }
    }
    guard let best else {
      throw ForecastingError.modelNotApplicable(model: model.rawValue, reason: "no break year gave a full-rank fit")
    }
    return CandidateFit(
      model: model, fitted: best.fit.fitted, aicc: best.fit.aicc, predictive: best.fit.predictive,
      notes: best.fit.notes + ["piecewise: break after \(best.year)"])
  }
}

extension TrendModel {
  /// A piecewise-linear trend with the break after `breakYear`, given rather than searched:
  /// y = a + b·u + c·max(0, t − breakYear) + e (AICc counts the three coefficients only).
  ///
  /// - Throws: `ForecastingError.modelNotApplicable` unless at least two observed years lie
  ///   on or before the break and one after it, with four points in all.
  static func fitPiecewise(
    _ series: TimeSeries, breakYear: Int, model: ForecastModel, horizon: Int
  ) throws -> CandidateFit {
    let before = series.times.filter { $0 <= breakYear }.count
    let after = series.count - before
    guard before >= 2, after >= 1, series.count >= 4 else {
      throw ForecastingError.modelNotApplicable(
        model: model.rawValue,
        reason:
          "a break after \(breakYear) needs two observed years up to it and one after it (\(before) and \(after) here), four in all"
      )
    }
    let fit = try fit(
      series, spec: .init(degree: 1, logScale: false, breakYear: breakYear, breakSearched: false), model: model,
      horizon: horizon)
    return CandidateFit(
      model: model, fitted: fit.fitted, aicc: fit.aicc, predictive: fit.predictive,
      notes: fit.notes + ["piecewise: break after \(breakYear) (given)"])
  }
}
