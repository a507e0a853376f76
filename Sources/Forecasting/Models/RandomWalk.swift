import Foundation

/// The naive and drift benchmarks of Hyndman & Athanasopoulos, FPP3 §5.2 and §5.5
/// (Table 5.2 for the variances), as R's `naive` and `rwf(drift = TRUE)`:
///
///     naive:  ŷ(T+h) = y(T),                      Var = σ² h
///     drift:  ŷ(T+h) = y(T) + h (y(T) − y(1))/(T − 1),   Var = σ² h (1 + h/(T − 1))
///
/// σ² is the mean squared one-step residual (differences, less the drift for `drift`),
/// divided by the number of residuals less the parameters estimated (0 or 1).
enum RandomWalk {
  /// Fits naive (`withDrift == false`) or drift and returns predictive laws for `horizon` years.
  ///
  /// - Throws: `ForecastingError.modelNotApplicable` with too few points or non-consecutive years.
  static func fit(_ series: TimeSeries, withDrift: Bool, horizon: Int) throws -> CandidateFit {
    let model: ForecastModel = withDrift ? .drift : .naive
    let needed = withDrift ? 2 : 1
    guard series.count >= needed else {
      throw ForecastingError.modelNotApplicable(
        model: model.rawValue, reason: "\(series.count) points; at least \(needed) needed")
    }
    try requireConsecutive(series, model: model)
    let y = series.values
    let n = y.count
    let diffs = n > 1 ? (1..<n).map { y[$0] - y[$0 - 1] } : []
    let drift = withDrift ? diffs.reduce(0, +) / Double(diffs.count) : 0
    let residuals = diffs.map { $0 - drift }
    let dof = Double(residuals.count - (withDrift ? 1 : 0))
    // With one point (naive) or two (drift) the spread is unknown: zero here, so the
    // interval has no width unless calibrated (auto widens it from its prior).
    let sigma2 = residuals.isEmpty ? 0 : residuals.map { $0 * $0 }.reduce(0, +) / max(dof, 1)
    let last = y[n - 1]
    let predictive = (1...horizon).map { h -> Predictive in
      let hh = Double(h)
      let variance = withDrift ? sigma2 * hh * (1 + hh / Double(n - 1)) : sigma2 * hh
      return Predictive(
        location: last + hh * drift, scale: Foundation.sqrt(variance), degreesOfFreedom: nil, logScale: false)
    }
    let fitted = [y[0]] + (n > 1 ? (1..<n).map { max(0, y[$0 - 1] + drift) } : [])
    return CandidateFit(model: model, fitted: fitted, aicc: nil, predictive: predictive, notes: [])
  }
}
