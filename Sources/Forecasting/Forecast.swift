/// One forecast year: the point forecast and its interval bounds at each level.
public struct ForecastPoint: Sendable {
  /// The census year forecast.
  public let time: Int
  /// The point forecast: the mean of the predictive distribution (budgets add means).
  public let mean: Double
  /// Lower bounds, `lower[i]` for `Forecast.levels[i]`; never below zero.
  public let lower: [Double]
  /// Upper bounds, `upper[i]` for `Forecast.levels[i]`.
  public let upper: [Double]

  /// A forecast point; bounds are given in the order of the forecast's levels.
  public init(time: Int, mean: Double, lower: [Double], upper: [Double]) {
    self.time = time
    self.mean = mean
    self.lower = lower
    self.upper = upper
  }
}

/// One observed year with the model's in-sample fit.
public struct FittedPoint: Sendable {
  /// The census year.
  public let time: Int
  /// The observed count.
  public let value: Double
  /// The model's fitted value: the trend for trend models, the one-step-ahead forecast
  /// for smoothing and random-walk models.
  public let fitted: Double

  /// A fitted point.
  public init(time: Int, value: Double, fitted: Double) {
    self.time = time
    self.value = value
    self.fitted = fitted
  }
}

/// A candidate model's scores, as ranked by `auto`.
public struct CandidateScore: Sendable {
  /// The model's name (a `ForecastModel` raw value).
  public let model: String
  /// AICc on the scale of the counts (log-scale models include the Jacobian −2Σlog y,
  /// so that they compare with the others); nil where it is not defined.
  public let aicc: Double?
  /// Mean absolute percentage error (percent) of rolling-origin forecasts at horizons 1...h;
  /// nil where the series is too short to backtest the model.
  public let backtestMAPE: Double?

  /// A candidate score.
  public init(model: String, aicc: Double?, backtestMAPE: Double?) {
    self.model = model
    self.aicc = aicc
    self.backtestMAPE = backtestMAPE
  }
}

/// A forecast: the model used, how it was chosen, its fit, the forecasts and every
/// candidate's score.
public struct Forecast: Sendable {
  /// The model used (a `ForecastModel` raw value, or `combination(a,b,...)` for `auto`).
  public let model: String
  /// How the model was chosen: `user` or a sentence describing the automatic selection.
  public let selection: String
  /// Interval levels in percent, e.g. `[80, 95]`.
  public let levels: [Double]
  /// In-sample fit, one point per observation.
  public let fitted: [FittedPoint]
  /// Forecasts for the years after the last observation.
  public let points: [ForecastPoint]
  /// Every candidate considered, with its scores (only the model itself when it was given).
  ///
  /// For `auto`, the scores of the candidates it does not combine are computed when this is
  /// first read (their rolling-origin backtests are most of `auto`'s work): the first read
  /// can take a few milliseconds; the numbers are the same whenever it happens.
  public var candidates: [CandidateScore] { candidateTable.scores }
  /// The candidates' scores, possibly not computed yet.
  let candidateTable: CandidateTable
  /// Notes: excluded models and why, back-transformation, calibration applied.
  public let notes: [String]
  /// The predictive quantile function (probability, forecast index), when the forecast
  /// was made from predictive laws.
  let quantileFunction: (@Sendable (Double, Int) -> Double)?

  /// The forecast's predictive quantile at probability `p` for the year `points[step]`:
  /// the same law the interval bounds come from (for a combination, the weighted mean of
  /// the members' quantiles, widened as calibrated), so `quantile(0.1, step:)` is the lower
  /// 80% bound. Nil when `p` is not strictly between 0 and 1, `step` is outside `points`,
  /// or the forecast was built without laws (the public initialiser), or the quantile is
  /// beyond double precision (an exploding exponential tail).
  public func quantile(_ p: Double, step: Int) -> Double? {
    guard let quantileFunction, p > 0, p < 1, points.indices.contains(step) else { return nil }
    let q = quantileFunction(p, step)
    return q.isFinite ? max(0, q) : nil
  }

  /// A forecast.
  public init(
    model: String, selection: String, levels: [Double], fitted: [FittedPoint],
    points: [ForecastPoint], candidates: [CandidateScore], notes: [String]
  ) {
    self.model = model
    self.selection = selection
    self.levels = levels
    self.fitted = fitted
    self.points = points
    self.candidateTable = CandidateTable(candidates)
    self.notes = notes
    self.quantileFunction = nil
  }

  /// A forecast whose candidate scores may be computed later.
  init(
    model: String, selection: String, levels: [Double], fitted: [FittedPoint],
    points: [ForecastPoint], candidateTable: CandidateTable, notes: [String],
    quantile: (@Sendable (Double, Int) -> Double)? = nil
  ) {
    self.model = model
    self.selection = selection
    self.levels = levels
    self.fitted = fitted
    self.points = points
    self.candidateTable = candidateTable
    self.notes = notes
    self.quantileFunction = quantile
  }
}
