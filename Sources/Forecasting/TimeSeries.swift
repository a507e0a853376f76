/// An annual series of counts: one value per census year, years strictly increasing.
///
/// ```swift
/// let plans = try TimeSeries(times: [2018, 2019, 2020], values: [2012, 2154, 2296])
/// ```
///
/// Gaps between years are allowed (the trend models use the year itself as the regressor);
/// the smoothing models treat consecutive observations as consecutive years.
public struct TimeSeries: Sendable, Equatable {
  /// Census years, strictly increasing.
  public let times: [Int]
  /// The counts, one per time, finite and not negative.
  public let values: [Double]

  /// A validated series.
  ///
  /// - Throws: `ForecastingError` when the lengths differ, the series is empty, a value is
  ///   not finite or is negative, or the times are not strictly increasing.
  public init(times: [Int], values: [Double]) throws {
    guard times.count == values.count else {
      throw ForecastingError.mismatchedLengths(times: times.count, values: values.count)
    }
    guard !times.isEmpty else { throw ForecastingError.empty }
    for (time, value) in zip(times, values) {
      guard value.isFinite else { throw ForecastingError.nonFiniteValue(time: time) }
      guard value >= 0 else { throw ForecastingError.negativeValue(time: time, value: value) }
    }
    for i in times.indices.dropFirst() {
      if times[i] == times[i - 1] { throw ForecastingError.duplicateTime(time: times[i]) }
      if times[i] < times[i - 1] {
        throw ForecastingError.unsortedTimes(previous: times[i - 1], time: times[i])
      }
    }
    self.times = times
    self.values = values
  }

  /// Number of observations.
  public var count: Int { values.count }

  /// The first `count` observations (a training window for backtests).
  public func prefix(_ count: Int) -> TimeSeries {
    TimeSeries(unchecked: Array(times.prefix(count)), Array(values.prefix(count)))
  }

  /// The last `count` observations (a recent window).
  public func suffix(_ count: Int) -> TimeSeries {
    TimeSeries(unchecked: Array(times.suffix(count)), Array(values.suffix(count)))
  }

  /// The observations with times up to and including `time`.
  public func through(_ time: Int) -> TimeSeries {
    let n = times.firstIndex { $0 > time } ?? times.count
    return prefix(n)
  }

  /// Builds a series already known to be valid (a slice of a valid series).
  init(unchecked times: [Int], _ values: [Double]) {
    self.times = times
    self.values = values
  }
}
