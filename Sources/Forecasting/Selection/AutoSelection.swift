import Foundation

/// Automatic model choice: rank candidates by rolling-origin cross-validation and combine
/// the best few.
///
/// 1. Every candidate in `candidates` is fitted to the whole series; one that cannot be
///    (too few points, zeros on a log scale) is left out with a note.
/// 2. Each is scored by the MAPE of its rolling-origin forecasts (`RollingOrigin`) at
///    horizons 1…min(h, 4) from every origin with at least `minimumTraining` points.
/// 3. The `combinationSize` best by MAPE (AICc breaks exact ties) are combined with equal
///    weights: forecast combinations are usually more accurate than the single best model
///    chosen on a short validation record (Hyndman & Athanasopoulos, FPP3 §13.4).
enum AutoSelection {
  /// The models `auto` considers.
  static let candidates: [ForecastModel] = [
    .linear, .exponential, .quadratic, .damped, .recentLinear, .recentExponential, .piecewise, .drift, .naive,
  ]
  /// Smallest training window for a cross-validation origin.
  static let minimumTraining = 5
  /// Longest horizon scored in cross-validation.
  static let validationHorizon = 4
  /// Number of best candidates combined.
  static let combinationSize = 3

  static func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws -> Forecast {
    var notes: [String] = []
    var fits: [(fit: CandidateFit, mape: Double?)] = []
    let cvHorizon = min(horizon, validationHorizon)
    for model in candidates {
      do {
        let fit = try Forecaster.fitCandidate(model, series, horizon: horizon)
        let errors = RollingOrigin.errors(series, horizon: cvHorizon, minimumTraining: minimumTraining) {
          try Forecaster.fitCandidate(model, $0, horizon: $1)
        }
        fits.append((fit, RollingOrigin.meanAbsolutePercentageError(errors)))
      } catch {
        notes.append("\(model.rawValue) left out: \(error)")
      }
    }
    guard !fits.isEmpty else {
      throw ForecastingError.noCandidate(reason: notes.joined(separator: "; "))
    }
    let ranked = fits.sorted { a, b in
      switch (a.mape, b.mape) {
      case let (x?, y?) where x != y: return x < y
      case (.some, nil): return true
      case (nil, .some): return false
      default: return (a.fit.aicc ?? .infinity) < (b.fit.aicc ?? .infinity)
      }
    }
    let scored = ranked.filter { $0.mape != nil }
    let chosen: [CandidateFit]
    let selection: String
    if scored.isEmpty {
      // Too short to backtest: the simplest robust choice.
      let fallback = ranked.first { $0.fit.model == .linear } ?? ranked[0]
      chosen = [fallback.fit]
      selection = "series too short for rolling-origin validation; \(fallback.fit.model.rawValue) used"
    } else {
      chosen = scored.prefix(combinationSize).map(\.fit)
      selection = "rolling-origin MAPE over horizons 1-\(cvHorizon) from origins of at least \(minimumTraining) points; equal-weight combination of the best \(chosen.count)"
    }
    let weight = 1.0 / Double(chosen.count)
    let fitted = series.values.indices.map { i in chosen.map { $0.fitted[i] * weight }.reduce(0, +) }
    let name = chosen.count == 1 ? chosen[0].model.rawValue : "combination(" + chosen.map(\.model.rawValue).joined(separator: ",") + ")"
    let scores = ranked.map { CandidateScore(model: $0.fit.model.rawValue, aicc: $0.fit.aicc, backtestMAPE: $0.mape) }
    return Forecaster.assemble(
      series: series, model: name, selection: selection, levels: levels, fitted: fitted,
      predictive: chosen.map { (weight, $0.predictive) }, candidates: scores,
      notes: notes + chosen.flatMap(\.notes))
  }
}
