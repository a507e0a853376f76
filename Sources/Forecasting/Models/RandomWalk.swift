import Foundation

/// The naive and drift benchmarks of Hyndman & Athanasopoulos, FPP3 §5.2 and §5.5
/// (Table 5.2 for the variances), as R's `naive` and `rwf(drift = TRUE)`:
///
///     naive:  ŷ(T+h) = y(T),                                Var = σ² h
///     drift:  ŷ(T+h) = y(T) + h (y(T) − y(1))/(t(T) − t(1)),   Var = σ² h (1 + h/(t(T) − t(1)))
///
/// with h in years. σ² is the mean squared one-year residual: each step's change less the
/// drift over its g years, squared and divided by g (a random walk's change over g years has
/// variance g σ²), summed and divided by the number of steps less the parameters estimated
/// (0 or 1). For consecutive years this is exactly R's estimate; gaps between years (a
/// census missing) are allowed.
enum RandomWalk {
  /// Fits naive (`withDrift == false`) or drift and returns predictive laws for `horizon` years.
  ///
  /// - Throws: `ForecastingError.modelNotApplicable` with too few points (1 for naive,
  ///   2 for drift).
  static func fit(_ series: TimeSeries, withDrift: Bool, horizon: Int) throws -> CandidateFit {
    let model: ForecastModel = withDrift ? .drift : .naive
    let needed = withDrift ? 2 : 1
    guard series.count >= needed else {
      throw ForecastingError.modelNotApplicable(
        model: model.rawValue, reason: "\(series.count) points; at least \(needed) needed")
    }
    let y = series.values
    let t = series.times.map(Double.init)
    let n = y.count
    let span = t[n - 1] - t[0]
    let drift = withDrift && span > 0 ? (y[n - 1] - y[0]) / span : 0
    var squares = 0.0
    for i in 1..<max(n, 1) {
      let gap = t[i] - t[i - 1]
      let residual = y[i] - y[i - 1] - gap * drift
      squares += residual * residual / gap
    }
    let dof = Double(n - 1 - (withDrift ? 1 : 0))
    // With one point (naive) or two (drift) the spread is unknown: zero here, so the
    // interval has no width unless calibrated (auto widens it from its prior).
    let sigma2 = n > 1 ? squares / max(dof, 1) : 0
    let last = y[n - 1]
    let predictive = (1...horizon).map { h -> Predictive in
      let hh = Double(h)
      let variance = withDrift ? sigma2 * hh * (1 + hh / span) : sigma2 * hh
      return Predictive(
        location: last + hh * drift, scale: Foundation.sqrt(variance), degreesOfFreedom: nil, logScale: false)
    }
    let fitted = [y[0]] + (n > 1 ? (1..<n).map { max(0, y[$0 - 1] + (t[$0] - t[$0 - 1]) * drift) } : [])
    return CandidateFit(model: model, fitted: fitted, aicc: nil, predictive: predictive, notes: [])
  }
}
