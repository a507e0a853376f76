import Foundation

extension Backtest {
  /// The model name of pooled `auto` rows (`runPanel`).
  public static let pooledAutoName = "auto"
  /// The model name of single-series `auto` rows when the pooled one is also run.
  public static let aloneAutoName = "auto-alone"

  /// The training data of `series` at `origin`: every year up to it, or with
  /// `minimumTraining`, the run of consecutive years ending at the origin, nil when the
  /// series is not observed at the origin or that run is shorter (a reorganised authority
  /// before it has enough years of its own; the years before a gap are not used).
  public static func trainingWindow(_ series: TimeSeries, origin: Int, minimumTraining: Int?) -> TimeSeries? {
    guard let minimumTraining else { return series.through(origin) }
    guard let end = series.times.firstIndex(of: origin) else { return nil }
    var start = end
    while start > 0, series.times[start - 1] == series.times[start] - 1 { start -= 1 }
    guard end - start + 1 >= minimumTraining else { return nil }
    return TimeSeries(unchecked: Array(series.times[start...end]), Array(series.values[start...end]))
  }

  /// The pooled `auto` (`PanelForecaster`) on the same splits as `run`: at each origin the
  /// panel is every series as known then (all of them, so that short ones count in the
  /// national growth), and the rows are those of the series `run` would forecast (the same
  /// `trainingWindow` rule), under the model name `pooledAutoName`.
  public static func runPanel(
    series: [(name: String, series: TimeSeries)], origins: [Int], horizon: Int, levels: [Double],
    minimumTraining: Int? = nil
  ) -> (rows: [Row], failures: [String: Int]) {
    var rows: [Row] = []
    var failures: [String: Int] = [:]
    // Members keyed by position: two series may share a name (a name column with repeats).
    let members = series.indices.map { Panel.Member(name: "\($0)", series: series[$0].series) }
    guard let panel = try? Panel(members) else { return ([], [:]) }
    for origin in origins {
      let scored = series.indices.filter {
        trainingWindow(series[$0].series, origin: origin, minimumTraining: minimumTraining) != nil
          && series[$0].series.times.contains { $0 > origin && $0 <= origin + horizon }
      }
      guard !scored.isEmpty else { continue }
      guard let cut = panel.through(origin),
        let result = try? PanelForecaster.forecast(cut, horizon: horizon, levels: levels)
      else {
        failures[pooledAutoName, default: 0] += scored.count
        continue
      }
      for index in scored {
        let (name, s) = series[index]
        guard let f = result.forecast(named: "\(index)") else {
          failures[pooledAutoName, default: 0] += 1
          continue
        }
        for i in s.times.indices where s.times[i] > origin && s.times[i] <= origin + horizon {
          let p = f.points[s.times[i] - origin - 1]
          rows.append(
            Row(
              series: name, origin: origin, model: pooledAutoName, time: s.times[i], step: s.times[i] - origin,
              actual: s.values[i], mean: p.mean, lower: p.lower, upper: p.upper))
        }
      }
    }
    return (rows, failures)
  }

  /// Accuracy of one model at one horizon.
  public struct HorizonSummary: Sendable {
    /// The model.
    public let model: String
    /// Years ahead.
    public let step: Int
    /// Number of outcomes scored (actual above zero).
    public let count: Int
    /// Median and mean of 100·|forecast − actual| / actual.
    public let medianAPE: Double
    /// Mean absolute percentage error.
    public let meanAPE: Double
    /// Share (percent) of outcomes inside the interval, one per level.
    public let coverage: [Double]
    /// Mean interval score as a percentage of the actual, one per level: for the central
    /// (1 − α) interval [l, u], (u − l) + (2/α)(l − y)⁺ + (2/α)(y − u)⁺ (Gneiting & Raftery
    /// 2007, the score of the M4 competition's MSIS before its scaling), divided by y.
    public let intervalScore: [Double]
  }

  /// Per model (in order of first appearance) and horizon: APE, coverage and interval score.
  public static func summariseByHorizon(_ rows: [Row], levels: [Double]) -> [HorizonSummary] {
    var order: [String] = []
    var groups: [String: [Int: [Row]]] = [:]
    for r in rows where r.actual > 0 {
      if groups[r.model] == nil { order.append(r.model) }
      groups[r.model, default: [:]][r.step, default: []].append(r)
    }
    return order.flatMap { model in
      groups[model]!.keys.sorted().map { step in
        let rs = groups[model]![step]!
        let apes = rs.map { 100 * abs($0.mean - $0.actual) / $0.actual }.sorted()
        let n = Double(rs.count)
        let coverage = levels.indices.map { i in
          100 * Double(rs.filter { $0.actual >= $0.lower[i] && $0.actual <= $0.upper[i] }.count) / n
        }
        let scores = levels.enumerated().map { i, level in
          let alpha = 1 - level / 100
          return rs.map { r in
            let width = r.upper[i] - r.lower[i]
            let penalty = (2 / alpha) * (max(0, r.lower[i] - r.actual) + max(0, r.actual - r.upper[i]))
            return 100 * (width + penalty) / r.actual
          }.reduce(0, +) / n
        }
        return HorizonSummary(
          model: model, step: step, count: rs.count, medianAPE: median(apes), meanAPE: apes.reduce(0, +) / n,
          coverage: coverage, intervalScore: scores)
      }
    }
  }
}

extension Backtest.Row {
  /// The same row under another model name (`auto-alone` for the single-series auto).
  public func relabelled(_ model: String) -> Backtest.Row {
    Backtest.Row(
      series: series, origin: origin, model: model, time: time, step: step, actual: actual, mean: mean,
      lower: lower, upper: upper)
  }
}

extension Backtest {
  /// One held-out forecast of the total of every series (`runPanelTotals`).
  public struct TotalRow: Sendable {
    /// The last training year.
    public let origin: Int
    /// Years ahead.
    public let step: Int
    /// The sum of every series observed in the year forecast.
    public let actual: Double
    /// The total's point forecast: the sum of the series' point forecasts.
    public let mean: Double
    /// The total's own interval, one bound per level (`PanelForecast.total`).
    public let lower: [Double]
    /// The total's own interval.
    public let upper: [Double]
    /// The series' bounds added up (as if their errors were perfectly correlated).
    public let summedLower: [Double]
    /// The series' upper bounds added up.
    public let summedUpper: [Double]
    /// The bounds if the series' errors were independent: the mean ∓ the root sum of
    /// squares of the series' half-widths below and above their means.
    public let independentLower: [Double]
    /// The upper bound under independence.
    public let independentUpper: [Double]
  }

  /// The total of all series at each origin and horizon, forecast by the pooled `auto`
  /// (`PanelForecaster`, every series observed at the origin) and compared with the sum of
  /// every series observed in the year forecast (reorganised authorities' successors
  /// included: plans move with the area, so the sum is England's total).
  public static func runPanelTotals(
    series: [(name: String, series: TimeSeries)], origins: [Int], horizon: Int, levels: [Double]
  ) -> [TotalRow] {
    guard let panel = try? Panel(series.indices.map { Panel.Member(name: "\($0)", series: series[$0].series) }) else {
      return []
    }
    var rows: [TotalRow] = []
    for origin in origins {
      guard let cut = panel.through(origin), cut.lastYear == origin,
        let result = try? PanelForecaster.forecast(cut, horizon: horizon, levels: levels)
      else { continue }
      for (h, point) in result.total.enumerated() {
        let year = origin + h + 1
        let observed = series.compactMap { s in s.series.times.firstIndex(of: year).map { s.series.values[$0] } }
        guard !observed.isEmpty else { continue }
        let summed = { (bound: (ForecastPoint) -> [Double]) in
          levels.indices.map { i in result.forecasts.map { bound($0.points[h])[i] }.reduce(0, +) }
        }
        let spread = { (side: (ForecastPoint, Int) -> Double) in
          levels.indices.map { i in
            result.forecasts.map { side($0.points[h], i) * side($0.points[h], i) }.reduce(0, +).squareRoot()
          }
        }
        let below = spread { $0.mean - $0.lower[$1] }
        let above = spread { $0.upper[$1] - $0.mean }
        rows.append(
          TotalRow(
            origin: origin, step: h + 1, actual: observed.reduce(0, +), mean: point.mean, lower: point.lower,
            upper: point.upper, summedLower: summed(\.lower), summedUpper: summed(\.upper),
            independentLower: below.map { max(0, point.mean - $0) }, independentUpper: above.map { point.mean + $0 }))
      }
    }
    return rows
  }
}
