/// The forecasting models a user can ask for by name (`--model`).
///
/// `auto` ranks the others by rolling-origin cross-validation and combines the best
/// (see `Forecaster.forecast`). Each case's doc comment states the model.
public enum ForecastModel: String, CaseIterable, Sendable {
  /// Automatic: rank candidates by rolling-origin accuracy, combine the trend-following
  /// ones weighted by that accuracy, and calibrate the intervals on the same backtest.
  case auto
  /// Linear trend on all points: y = a + b(t - t̄) + e, e ~ N(0, σ²).
  case linear
  /// Exponential (log-linear) trend: log y = a + b(t - t̄) + e; forecasts are
  /// bias-corrected means exp(μ + s²/2), intervals are exact back-transformed quantiles.
  case exponential
  /// Quadratic trend: y = a + b(t - t̄) + c(t - t̄)² + e.
  case quadratic
  /// Holt's linear method with a damped trend, ETS(A,Ad,N), parameters by maximum likelihood.
  case damped
  /// Linear trend on the most recent window only (the last `Forecaster.recentWindow` points).
  case recentLinear = "recent-linear"
  /// Exponential trend on the most recent window only.
  case recentExponential = "recent-exponential"
  /// Exponential trend on the last `Forecaster.localWindow` points only: the growth rate of
  /// the last two years, anchored on the mean of the last three.
  case localExponential = "local-exponential"
  /// Piecewise-linear trend with one break year chosen by a penalised search.
  case piecewise
  /// Random walk with drift: y(T+h) = y(T) + h·(y(T) − y(1))/(T − 1).
  case drift
  /// Naive: the last value carried forward.
  case naive
}
