import Foundation

/// A held-out backtest over many series: for each series, each origin T and each model,
/// fit on the years up to T, forecast T+1…T+h, and compare with what happened.
///
/// Accuracy is summarised as in the M-competitions and R's `accuracy`: each series' MAPE
/// over the h years (percent), then the median and the mean across series; interval
/// coverage is the share of all held-out (series, year) outcomes inside the interval.
///
/// ```swift
/// let rows = Backtest.run(series: authorities, origins: [2016], horizon: 4,
///                         models: [.auto, .linear], levels: [80, 95])
/// let table = Backtest.summarise(rows, levels: [80, 95])
/// ```
public enum Backtest {
  /// One held-out forecast.
  public struct Row: Sendable {
    /// The series' name.
    public let series: String
    /// The last training year.
    public let origin: Int
    /// The model asked for.
    public let model: String
    /// The year forecast.
    public let time: Int
    /// Years ahead.
    public let step: Int
    /// What happened.
    public let actual: Double
    /// The point forecast.
    public let mean: Double
    /// Bounds, one per level.
    public let lower: [Double]
    /// Bounds, one per level.
    public let upper: [Double]

    /// A held-out forecast (for models scored outside `run`, such as the cohort model).
    public init(
      series: String, origin: Int, model: String, time: Int, step: Int, actual: Double, mean: Double,
      lower: [Double], upper: [Double]
    ) {
      self.series = series
      self.origin = origin
      self.model = model
      self.time = time
      self.step = step
      self.actual = actual
      self.mean = mean
      self.lower = lower
      self.upper = upper
    }
  }

  /// Accuracy of one model over a set of rows.
  public struct Summary: Sendable {
    /// The model.
    public let model: String
    /// Number of (series, origin) forecasts scored.
    public let forecasts: Int
    /// Number of (series, origin) pairs where the model could not be fitted.
    public let failures: Int
    /// Median across forecasts of each one's MAPE (percent).
    public let medianMAPE: Double
    /// Mean across forecasts of each one's MAPE (percent).
    public let meanMAPE: Double
    /// Share (percent) of outcomes inside the interval, one per level.
    public let coverage: [Double]
  }

  /// Runs the backtest. A model that cannot be fitted to a training window is counted as a
  /// failure for that (series, origin) and has no rows. Origins whose training window is
  /// empty, or with no later observation, are skipped.
  /// With `minimumTraining`, a series with gaps is trained on its run of consecutive years
  /// ending at the origin, and skipped where that run is shorter (see `trainingWindow`).
  public static func run(
    series: [(name: String, series: TimeSeries)], origins: [Int], horizon: Int, models: [ForecastModel],
    levels: [Double], minimumTraining: Int? = nil
  ) -> (rows: [Row], failures: [String: Int]) {
    var rows: [Row] = []
    var failures: [String: Int] = [:]
    for (name, s) in series {
      for origin in origins {
        guard let training = trainingWindow(s, origin: origin, minimumTraining: minimumTraining) else { continue }
        let future = s.times.indices.filter { s.times[$0] > origin && s.times[$0] <= origin + horizon }
        guard training.count > 0, !future.isEmpty else { continue }
        let h = s.times[future.last!] - origin
        for model in models {
          guard let f = try? heldOutForecast(training, model: model, horizon: h, levels: levels) else {
            failures[model.rawValue, default: 0] += 1
            continue
          }
          for i in future {
            let p = f.points[s.times[i] - origin - 1]
            rows.append(
              Row(
                series: name, origin: origin, model: model.rawValue, time: s.times[i], step: s.times[i] - origin,
                actual: s.values[i], mean: p.mean, lower: p.lower, upper: p.upper))
          }
        }
      }
    }
    return (rows, failures)
  }

  /// The forecast whose points a backtest row reads: `Forecaster.forecast`'s, without the
  /// model's own rolling-origin score, which a named model's forecast computes for its
  /// candidate table (refitting at every earlier origin: for the damped trend a likelihood
  /// search each) and which no row uses. The points are the same numbers: the same fit,
  /// assembled by the same `Forecaster.assemble`. `auto` needs its scores for the forecast.
  static func heldOutForecast(_ training: TimeSeries, model: ForecastModel, horizon: Int, levels: [Double]) throws
    -> Forecast
  {
    guard model != .auto else { return try Forecaster.forecast(training, model: model, horizon: horizon, levels: levels) }
    guard (1...Forecaster.maximumHorizon).contains(horizon) else { throw ForecastingError.invalidHorizon(horizon) }
    for level in levels where !(level > 0 && level < 100) { throw ForecastingError.invalidLevel(level) }
    let fit = try Forecaster.fitCandidate(model, training, horizon: horizon)
    return try Forecaster.assemble(
      series: training, model: model.rawValue, selection: "user", levels: levels, fitted: fit.fitted,
      predictive: [(1, fit.predictive)], candidates: CandidateTable([]), notes: fit.notes)
  }

  /// Summaries per model, in the order the models first appear in `rows`, then models that
  /// only failed (no forecasts; their MAPE is NaN and their coverage empty).
  public static func summarise(_ rows: [Row], levels: [Double], failures: [String: Int] = [:]) -> [Summary] {
    var order: [String] = []
    var byModel: [String: [Row]] = [:]
    for r in rows {
      if byModel[r.model] == nil { order.append(r.model) }
      byModel[r.model, default: []].append(r)
    }
    let failedOnly = failures.keys.filter { byModel[$0] == nil }.sorted()
    return order.map { model in
      let rs = byModel[model]!
      var perForecast: [String: [Double]] = [:]
      for r in rs where r.actual > 0 {
        perForecast["\(r.series)\u{1}\(r.origin)", default: []].append(100 * abs(r.mean - r.actual) / r.actual)
      }
      let mapes = perForecast.values.map { $0.reduce(0, +) / Double($0.count) }.sorted()
      let coverage = levels.indices.map { i in
        100 * Double(rs.filter { $0.actual >= $0.lower[i] && $0.actual <= $0.upper[i] }.count)
          / Double(max(rs.count, 1))
      }
      return Summary(
        model: model, forecasts: mapes.count, failures: failures[model] ?? 0, medianMAPE: median(mapes),
        meanMAPE: mapes.isEmpty ? .nan : mapes.reduce(0, +) / Double(mapes.count), coverage: coverage)
    }
      + failedOnly.map {
        Summary(model: $0, forecasts: 0, failures: failures[$0] ?? 0, medianMAPE: .nan, meanMAPE: .nan, coverage: [])
      }
  }

  static func median(_ sorted: [Double]) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let n = sorted.count
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
  }
}
