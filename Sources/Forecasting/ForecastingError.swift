/// Why a series could not be built or a forecast could not be made.
///
/// Every case names what was wrong and where (the census year or position), so that the
/// command-line tool can print it as is.
public enum ForecastingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `times` and `values` have different lengths.
  case mismatchedLengths(times: Int, values: Int)
  /// The series has no observations.
  case empty
  /// A value is NaN or infinite.
  case nonFiniteValue(time: Int)
  /// Times are not strictly increasing at `time` (which follows `previous`).
  case unsortedTimes(previous: Int, time: Int)
  /// The same time appears twice.
  case duplicateTime(time: Int)
  /// A count is below zero.
  case negativeValue(time: Int, value: Double)
  /// The horizon is not between 1 and the maximum allowed.
  case invalidHorizon(Int)
  /// A level is not strictly between 0 and 100 (levels are percentages).
  case invalidLevel(Double)
  /// The requested model cannot be fitted to this series (too few points, zeros on a log scale).
  case modelNotApplicable(model: String, reason: String)
  /// No candidate model could be fitted for `auto`.
  case noCandidate(reason: String)
  /// The population series has no value for a year that is needed.
  case populationMissing(time: Int)
  /// The population is zero in a year with a count.
  case populationZero(time: Int)
  /// The numerical fit failed.
  case fitFailed(model: String, reason: String)

  public var description: String {
    switch self {
    case .mismatchedLengths(let times, let values):
      return "the series has \(times) times but \(values) values; they must match one for one"
    case .empty:
      return "the series is empty: at least one observation is needed"
    case .nonFiniteValue(let time):
      return "the value at \(time) is not a finite number"
    case .unsortedTimes(let previous, let time):
      return "times must be strictly increasing, but \(time) follows \(previous)"
    case .duplicateTime(let time):
      return "the time \(time) appears more than once"
    case .negativeValue(let time, let value):
      return "the count at \(time) is \(value): counts cannot be negative"
    case .invalidHorizon(let horizon):
      return "the horizon must be between 1 and \(Forecaster.maximumHorizon), not \(horizon)"
    case .invalidLevel(let level):
      return "interval levels are percentages strictly between 0 and 100, not \(level)"
    case .modelNotApplicable(let model, let reason):
      return "model \(model) cannot be fitted: \(reason)"
    case .noCandidate(let reason):
      return "no model could be fitted: \(reason)"
    case .populationMissing(let time):
      return "the population series has no value for \(time); it must cover every observed year and every forecast year"
    case .populationZero(let time):
      return "the population in \(time) is zero, so the prevalence (count per population) is undefined"
    case .fitFailed(let model, let reason):
      return "fitting \(model) failed: \(reason)"
    }
  }
}
