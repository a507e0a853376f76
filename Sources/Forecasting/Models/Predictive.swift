import Foundation
import Statistics

/// The predictive distribution of one future value: a location-scale law (normal, or
/// Student t when the scale was estimated by least squares) on the count scale or on the
/// log scale.
///
/// On the log scale quantiles back-transform exactly (exp is monotone) and the mean is the
/// log-normal mean exp(μ + s²/2) (the bias correction of Hyndman & Athanasopoulos, FPP3
/// §5.6 and §13.3); for a t law the normal formula is used as an approximation, since the
/// mean of exp(t) does not exist. Counts cannot be negative: quantiles and the mean on
/// the count scale are clamped at zero.
struct Predictive: Sendable {
  /// Mean on the modelling scale (μ).
  var location: Double
  /// Standard deviation on the modelling scale (s ≥ 0).
  var scale: Double
  /// Degrees of freedom of a Student t law; nil for the normal.
  var degreesOfFreedom: Double?
  /// True when `location` and `scale` are of log(y + offset).
  var logScale: Bool
  /// Added to counts before taking logs (0 for log-linear trends; 1 for the calibrated
  /// combination, so that zero counts and forecasts are allowed).
  var offset: Double = 0
  /// The point forecast when it is set by the caller rather than derived from the law
  /// (the combined forecast of `auto`, whose interval is calibrated around it).
  var pointForecast: Double? = nil

  /// The standardised quantile of the law (t or normal) at probability `p`; `cached: false`
  /// for probabilities that will not be asked again (see `StudentT.quantile`).
  func standardQuantile(_ p: Double, cached: Bool = true) -> Double {
    if let df = degreesOfFreedom, df.isFinite, df < 1e6 {
      return StudentT.quantile(p, degreesOfFreedom: df, cached: cached)
    }
    return Normal.quantile(p)
  }

  /// The quantile at probability `p` on the count scale, never below zero.
  func quantile(_ p: Double, cached: Bool = true) -> Double {
    let v = location + standardQuantile(p, cached: cached) * scale
    let q = logScale ? Foundation.exp(min(v, 700)) - offset : v
    return q.isFinite ? max(0, q) : 0
  }

  /// The point forecast: the mean on the count scale (bias-corrected on the log scale).
  var mean: Double {
    if let pointForecast { return pointForecast.isFinite ? max(0, pointForecast) : 0 }
    let m = logScale ? Foundation.exp(min(location + scale * scale / 2, 700)) - offset : location
    return m.isFinite ? max(0, m) : 0
  }

  /// The median on the count scale.
  var median: Double { quantile(0.5) }

  /// The same law with its scale multiplied by `factor`.
  func widened(by factor: Double) -> Predictive {
    var copy = self
    copy.scale = scale * factor
    return copy
  }
}

/// A model fitted to one series: in-sample fit, criteria and the predictive
/// distributions for the next `horizon` years.
struct CandidateFit: Sendable {
  /// The model.
  let model: ForecastModel
  /// In-sample fitted values, one per observation.
  let fitted: [Double]
  /// AICc on the count scale; nil when not defined (too few points, no likelihood).
  let aicc: Double?
  /// One predictive law per forecast year (last observed year + 1, + 2, ...).
  let predictive: [Predictive]
  /// Notes about the fit (break year found, back-transformation, ...).
  var notes: [String] { fixedNotes + (lateNotes?() ?? []) }
  private let fixedNotes: [String]
  /// Notes written only when read: a rolling-origin backtest fits a model at every origin and
  /// reads none of its notes (the damped trend's `String(format:)` was 5% of `auto`'s work
  /// with the candidate table).
  private let lateNotes: (@Sendable () -> [String])?

  init(
    model: ForecastModel, fitted: [Double], aicc: Double?, predictive: [Predictive], notes: [String],
    lateNotes: (@Sendable () -> [String])? = nil
  ) {
    self.model = model
    self.fitted = fitted
    self.aicc = aicc
    self.predictive = predictive
    self.fixedNotes = notes
    self.lateNotes = lateNotes
  }
}
