import Foundation

/// Automatic forecasting: rank every candidate by rolling-origin cross-validation, combine
/// the trend-following ones weighted by that accuracy, and calibrate the intervals.
///
/// 1. Every model in `candidates` is fitted to the whole series; one that cannot be
///    (too few points, zeros on a log scale) is left out with a note. Each is scored by the
///    MAPE of its rolling-origin forecasts (`RollingOrigin`) at horizons 1…min(h, 4) from
///    every origin with at least `minimumTraining` points, and reported with its AICc. The
///    scores of the models outside `pool` are computed when the forecast's candidate table
///    is first read (`CandidateTable`): they do not change the forecast, and the damped
///    trend's backtest (a likelihood search at every origin) is most of the work.
/// 2. The forecast combines the models of `pool` — a quadratic trend, exponential trends on
///    the last four and last three years, and a piecewise-linear trend with a searched break
///    (from six points) — with weights proportional to 1/(1 + MAPE) (equal weights when the
///    series is too short to score them). Combining a few reasonable models is usually more
///    accurate than the single best one picked on a short validation record (Hyndman &
///    Athanasopoulos, FPP3 §13.4); on the SEN2 backtests picking the best one to five of all
///    candidates by this MAPE was less accurate than this pool, because with seven to eleven
///    annual points the ranking is noisy, while models that follow only the recent trend or
///    bend at the 2014 break adapt to it. The piecewise trend, linear after its break, hedges
///    the three compounding members. The models left out of the pool (full-series linear
///    and exponential, recent-linear, damped, drift, naive) are scored too, so a user can see
///    how they compare and ask for any of them by name.
/// 3. The intervals come from `IntervalCalibration`: the combination's own rolling-origin
///    errors, shrunk towards a prior.
enum AutoSelection {
  /// The models `auto` scores and reports.
  static let candidates: [ForecastModel] = [
    .quadratic, .recentExponential, .localExponential, .piecewise, .recentLinear, .linear, .exponential,
    .damped, .drift, .naive,
  ]
  /// The models `auto` combines.
  static let pool: [ForecastModel] = [.quadratic, .recentExponential, .localExponential, .piecewise]
  /// Smallest training window for a cross-validation origin.
  static let minimumTraining = 4
  /// Longest horizon scored in cross-validation.
  static let validationHorizon = 4

  static func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws -> Forecast {
    var notes: [String] = []
    var fits: [ForecastModel: CandidateFit] = [:]
    var scores: [ForecastModel: Double] = [:]
    // The pooled models' fits at each origin (nil where the fit failed), kept from their
    // backtests for the combination's own backtest below, which needs the same fits.
    var originFits: [ForecastModel: [Int: CandidateFit?]] = [:]
    let cvHorizon = min(horizon, validationHorizon)
    // Models fitted only when the candidate table is read: the damped trend, whose
    // likelihood search is costly and whose fit does not shape the forecast, when whether it
    // reports an AICc (for the note below) can be told without fitting it.
    var deferred: [ForecastModel: Bool] = [:]
    for model in candidates {
      do {
        if model == .damped, let reportsAICc = try DampedTrend.reportsAICc(series) {
          deferred[model] = reportsAICc
        } else {
          fits[model] = try Forecaster.fitCandidate(model, series, horizon: horizon)
        }
        // Only the pooled models' scores shape the forecast; the others' are computed when
        // the candidate table is read (`CandidateTable`).
        if pool.contains(model) {
          let errors = RollingOrigin.errors(series, horizon: cvHorizon, minimumTraining: minimumTraining) {
            prefix, steps in
            let fit = Result { try Forecaster.fitCandidate(model, prefix, horizon: steps) }
            originFits[model, default: [:]][prefix.count] = try? fit.get()
            return try fit.get()
          }
          scores[model] = RollingOrigin.meanAbsolutePercentageError(errors)
        }
        if !(deferred[model] ?? (fits[model]?.aicc != nil)), model != .drift, model != .naive {
          notes.append(
            "\(model.rawValue): AICc undefined on this many points (n − k − 1 ≤ 0); ranked by backtest MAPE only")
        }
      } catch {
        notes.append("\(model.rawValue) left out: \(error)")
      }
    }
    var members = pool.filter { fits[$0] != nil }
    var selection: String
    if members.isEmpty {
      // Too short or too odd for any pooled model: the simplest that fits.
      guard let fallback = [ForecastModel.linear, .drift, .naive].first(where: { fits[$0] != nil }) else {
        throw ForecastingError.noCandidate(reason: notes.joined(separator: "; "))
      }
      members = [fallback]
      selection = "no pooled model could be fitted; \(fallback.rawValue) used"
    } else {
      selection = "combination of \(members.map(\.rawValue).joined(separator: ", "))"
    }
    let weights = combinationWeights(members.map { scores[$0] })
    if weights.allSatisfy({ $0 == weights[0] }), members.count > 1 {
      selection += " with equal weights (series too short to score them)"
    } else if members.count > 1 {
      selection += " weighted by 1/(1 + rolling-origin MAPE)"
    }
    selection += "; intervals calibrated on rolling-origin errors"

    // The members' fits to the first `origin` points for `h` years: the fit already made
    // (for the whole series, or at this origin of the member's backtest), else a new one.
    func memberFit(_ model: ForecastModel, origin: Int, _ h: Int) -> CandidateFit? {
      if origin == series.count, h == horizon, let fit = fits[model] { return fit }
      if h == min(cvHorizon, series.count - origin), let cached = originFits[model]?[origin] { return cached }
      return try? Forecaster.fitCandidate(model, series.prefix(origin), horizon: h)
    }
    func combinedMeans(_ origin: Int, _ h: Int) -> [Double]? {
      var total = [Double](repeating: 0, count: h)
      var weightSum = 0.0
      for (model, w) in zip(members, weights) {
        guard let fit = memberFit(model, origin: origin, h) else { continue }
        for k in 0..<h { total[k] += w * fit.predictive[k].mean }
        weightSum += w
      }
      return weightSum > 0 ? total.map { $0 / weightSum } : nil
    }
    guard let means = combinedMeans(series.count, horizon) else {
      throw ForecastingError.noCandidate(reason: notes.joined(separator: "; "))
    }
    // The combination's own out-of-sample errors, for the intervals.
    var scaledErrors: [Double] = []
    var errorOrigins: [Int] = []
    if series.count > minimumTraining {
      for origin in RollingOrigin.firstOrigin(count: series.count, minimumTraining: minimumTraining)..<series.count {
        let steps = min(cvHorizon, series.count - origin)
        guard let m = combinedMeans(origin, steps) else { continue }
        for k in 0..<steps {
          if let e = IntervalCalibration.scaledError(actual: series.values[origin + k], forecast: m[k], step: k + 1) {
            scaledErrors.append(e)
            errorOrigins.append(origin)
          }
        }
      }
    }
    let errorWeights = IntervalCalibration.recencyWeights(origins: errorOrigins)
    let laws = IntervalCalibration.laws(means: means, errors: scaledErrors, weights: errorWeights)
    let (s, nu) = IntervalCalibration.scale(errors: scaledErrors, weights: errorWeights)
    notes.append(
      String(
        format:
          "auto: one-year log error scale %.3f from %d rolling-origin errors and the prior (%.2f, weight %.0f); t with %.1f degrees of freedom",
        s, scaledErrors.count, IntervalCalibration.priorScale, IntervalCalibration.priorWeight, nu))
    let totalWeight = weights.reduce(0, +)
    let fitted = series.values.indices.map { i in
      zip(members, weights).map { fits[$0.0]!.fitted[i] * $0.1 }.reduce(0, +) / totalWeight
    }
    let name =
      members.count == 1 ? members[0].rawValue : "combination(" + members.map(\.rawValue).joined(separator: ",") + ")"
    let candidateTable = CandidateTable { [fits, scores, deferred] in
      var all = fits
      for model in deferred.keys { all[model] = try? Forecaster.fitCandidate(model, series, horizon: horizon) }
      return ranking(series, fits: all, pooledScores: scores, cvHorizon: cvHorizon)
    }
    return try Forecaster.assemble(
      series: series, model: name, selection: selection, levels: levels, fitted: fitted,
      predictive: [(1, laws)], candidates: candidateTable,
      notes: notes + members.flatMap { fits[$0]!.notes })
  }

  /// Every fitted candidate with its scores, ranked by backtest MAPE, then AICc: the
  /// pooled models' scores as given, the others' backtests run now.
  static func ranking(
    _ series: TimeSeries, fits: [ForecastModel: CandidateFit], pooledScores: [ForecastModel: Double],
    cvHorizon: Int
  ) -> [CandidateScore] {
    var scores = pooledScores
    for model in candidates where fits[model] != nil && !pool.contains(model) {
      let errors = RollingOrigin.errors(series, horizon: cvHorizon, minimumTraining: minimumTraining) {
        try Forecaster.fitCandidate(model, $0, horizon: $1)
      }
      scores[model] = RollingOrigin.meanAbsolutePercentageError(errors)
    }
    let ranked = candidates.filter { fits[$0] != nil }.sorted {
      (scores[$0] ?? .infinity, fits[$0]!.aicc ?? .infinity) < (scores[$1] ?? .infinity, fits[$1]!.aicc ?? .infinity)
    }
    return ranked.map { CandidateScore(model: $0.rawValue, aicc: fits[$0]!.aicc, backtestMAPE: scores[$0]) }
  }

  /// Weights 1/(1 + MAPE) normalised to sum to one; equal when any member is unscored.
  static func combinationWeights(_ mapes: [Double?]) -> [Double] {
    guard !mapes.isEmpty else { return [] }
    guard mapes.allSatisfy({ $0 != nil && $0!.isFinite }) else {
      return [Double](repeating: 1 / Double(mapes.count), count: mapes.count)
    }
    let raw = mapes.map { 1 / (1 + $0!) }
    let total = raw.reduce(0, +)
    return raw.map { $0 / total }
  }
}
