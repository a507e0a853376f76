import Foundation

/// Rolling-origin (time series) cross-validation, as R's `forecast::tsCV` and FPP3 §5.10:
/// for each origin T₀ = m, m+1, …, n−1 the model is fitted to the first T₀ points and
/// forecasts the next min(h, n − T₀) points; every forecast error is recorded.
enum RollingOrigin {
  /// One out-of-sample forecast: where it was made, how far ahead, what happened.
  struct Error: Sendable {
    /// Number of training points (the origin).
    let origin: Int
    /// Steps ahead, from 1.
    let step: Int
    /// The observed value.
    let actual: Double
    /// The predictive law made at the origin.
    let predictive: Predictive

    /// Absolute percentage error of the point forecast; nil when the actual is zero.
    var absolutePercentageError: Double? {
      actual > 0 ? 100 * abs(predictive.mean - actual) / actual : nil
    }
  }

  /// At most this many origins are scored: the most recent ones. Every origin of a series of
  /// up to `maximumOrigins + minimumTraining` points (24 years for `auto`) is used; a longer
  /// series (300 rows by mistake, monthly data) took minutes, each origin refitting every
  /// model (the damped trend by a likelihood search), for errors from long ago.
  static let maximumOrigins = 20

  /// The first origin scored for a series of `count` points.
  static func firstOrigin(count: Int, minimumTraining: Int) -> Int {
    max(max(1, minimumTraining), count - maximumOrigins)
  }

  /// The out-of-sample forecasts of `fit` on `series` from origins `minimumTraining...n−1`
  /// (the last `maximumOrigins` of them). Origins where the model cannot be fitted are skipped.
  static func errors(
    _ series: TimeSeries, horizon: Int, minimumTraining: Int,
    fit: (TimeSeries, Int) throws -> CandidateFit
  ) -> [Error] {
    let n = series.count
    guard minimumTraining < n, horizon >= 1 else { return [] }
    var result: [Error] = []
    for origin in firstOrigin(count: n, minimumTraining: minimumTraining)..<n {
      let steps = min(horizon, n - origin)
      guard let candidate = try? fit(series.prefix(origin), steps) else { continue }
      for step in 1...steps {
        result.append(
          Error(
            origin: origin, step: step, actual: series.values[origin + step - 1],
            predictive: candidate.predictive[step - 1]))
      }
    }
    return result
  }

  /// Mean absolute percentage error (percent) over `errors`, each horizon step weighted
  /// equally (the mean over steps of the mean over origins), so the many short-horizon
  /// errors do not drown the few long ones; nil when there are none or the mean is not finite.
  static func meanAbsolutePercentageError(_ errors: [Error]) -> Double? {
    var byStep: [Int: [Double]] = [:]
    for e in errors { if let ape = e.absolutePercentageError { byStep[e.step, default: []].append(ape) } }
    guard !byStep.isEmpty else { return nil }
    // In step order: summing in the dictionary's (per-process random) order made the last
    // digit differ from run to run.
    let means = byStep.keys.sorted().map { byStep[$0]!.reduce(0, +) / Double(byStep[$0]!.count) }
    let mape = means.reduce(0, +) / Double(means.count)
    // An actual near zero (1e-300) against any forecast overflows: no usable score then.
    return mape.isFinite ? mape : nil
  }
}
