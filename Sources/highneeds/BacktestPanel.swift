import Forecasting
import Foundation
import Reports

/// A model `highneeds backtest` can score: a forecasting model, or `auto-alone`, the
/// single-series `auto` (the model `auto` means when it has no panel).
enum BacktestModel: Equatable {
  case model(ForecastModel)
  case autoAlone
  /// The cohort-flow model (`CohortBacktest`), from the store only.
  case cohort
}

/// The backtest's cross-section: `auto` pools over every series of the table (see
/// `Backtest.runPanel`), series with gaps (`--min-training`), and the per-horizon tables.
extension BacktestCommand {
  /// Parses a `--models` entry.
  static func model(_ text: String) -> BacktestModel? {
    if text == Backtest.aloneAutoName { return .autoAlone }
    if text == "cohort" { return .cohort }
    return ForecastModel(rawValue: text).map(BacktestModel.model)
  }

  /// The default models: auto (pooled), auto-alone, then every candidate.
  static var allModels: [BacktestModel] {
    [.model(.auto), .autoAlone] + ForecastModel.allCases.filter { $0 != .auto }.map(BacktestModel.model)
  }

  /// How the series kept are described in the summary's first line.
  var seriesWord: String { minTraining == nil ? "complete" : "kept, gaps allowed" }
  /// Why the others were left out.
  var leftOutReason: String { minTraining == nil ? "with missing years" : "with no year observed" }

  /// The observed years of `row` (empty cells are missing years); nil when there are none.
  /// A cell that is not empty must be a finite number not below zero.
  func gappySeries(_ row: [String], _ yearColumns: [(Int, Int)], line: Int) throws -> TimeSeries? {
    var times: [Int] = []
    var values: [Double] = []
    for (j, year) in yearColumns {
      let cell = j < row.count ? row[j].trimmingCharacters(in: .whitespaces) : ""
      if cell.isEmpty { continue }
      guard let v = Double(cell), v.isFinite, v >= 0 else {
        throw Failure.dataInvalid(
          "\(data ?? "DATA.csv"):\(line): column \(j + 1) (\(year)): \"\(cell)\" is not a count (a finite number, not negative, or empty for a missing year)"
        )
      }
      times.append(year)
      values.append(v)
    }
    guard !times.isEmpty else { return nil }
    do {
      return try TimeSeries(times: times, values: values)
    } catch {
      throw Failure.dataInvalid("\(data ?? "DATA.csv"):\(line): \(error)")
    }
  }

  /// Rows of every model at one origin: pooled auto first, then auto-alone, then the rest.
  func runModels(
    _ models: [BacktestModel], series: [(name: String, series: TimeSeries)], origin: Int, levels: [Double]
  ) -> (rows: [Backtest.Row], failures: [String: Int]) {
    var rows: [Backtest.Row] = []
    var failures: [String: Int] = [:]
    func add(_ run: (rows: [Backtest.Row], failures: [String: Int])) {
      rows += run.rows
      failures.merge(run.failures, uniquingKeysWith: +)
    }
    if models.contains(.model(.auto)) {
      add(
        Backtest.runPanel(
          series: series, origins: [origin], horizon: horizon, levels: levels, minimumTraining: minTraining))
    }
    if models.contains(.autoAlone) {
      let run = Backtest.run(
        series: series, origins: [origin], horizon: horizon, models: [.auto], levels: levels,
        minimumTraining: minTraining)
      add(
        (
          run.rows.map { $0.relabelled(Backtest.aloneAutoName) },
          run.failures.isEmpty ? [:] : [Backtest.aloneAutoName: run.failures.values.reduce(0, +)]
        ))
    }
    let others = models.compactMap { m -> ForecastModel? in
      if case .model(let f) = m, f != .auto { return f }
      return nil
    }
    if !others.isEmpty {
      add(
        Backtest.run(
          series: series, origins: [origin], horizon: horizon, models: others, levels: levels,
          minimumTraining: minTraining))
    }
    return (rows, failures)
  }

  /// Per horizon over all origins (median and mean APE, coverage, interval score), then one
  /// year ahead by origin (median APE and coverage).
  func horizonTables(_ rows: [Backtest.Row], origins: [Int], levels: [Double]) -> [BacktestReport.TitledTable] {
    let names = levels.map { ForecastReport.levelName($0) }
    let byHorizon = Backtest.summariseByHorizon(rows, levels: levels)
    guard !byHorizon.isEmpty else { return [] }
    let title = "by horizon, over origins \(origins.map(String.init).joined(separator: ", "))"
    let header =
      ["model", "h", "outcomes", "median APE", "mean APE"] + names.map { "cover \($0)%" }
      + names.map { "IS\($0) % of actual" }
    let body = byHorizon.map { s in
      [s.model, "\(s.step)", "\(s.count)", fixed(s.medianAPE, 2), fixed(s.meanAPE, 2)]
        + s.coverage.map { fixed($0, 1) } + s.intervalScore.map { fixed($0, 2) }
    }
    var tables = [table(title: title, header: header, body: body)]
    let one = rows.filter { $0.step == 1 }
    if origins.count > 1, !one.isEmpty {
      var order: [String] = []
      for r in one where !order.contains(r.model) { order.append(r.model) }
      let perOrigin = origins.map { o in Backtest.summariseByHorizon(one.filter { $0.origin == o }, levels: levels) }
      let cells = order.map { model in
        [model]
          + perOrigin.map { summaries in
            guard let s = summaries.first(where: { $0.model == model }) else { return "-" }
            return fixed(s.medianAPE, 2) + " / " + (s.coverage.first.map { fixed($0, 0) } ?? "-")
          }
      }
      let header = ["model"] + origins.map(String.init)
      tables.append(
        table(title: "one year ahead by origin: median APE / cover \(names.first ?? "")%", header: header, body: cells))
    }
    return tables
  }

  /// The total of all series by the pooled auto: by horizon, coverage and width of its own
  /// interval against the series' bounds added up; then one year ahead by origin.
  func totalTables(
    _ series: [(name: String, series: TimeSeries)], origins: [Int], levels: [Double]
  ) -> [BacktestReport.TitledTable] {
    let rows = Backtest.runPanelTotals(series: series, origins: origins, horizon: horizon, levels: levels)
    guard !rows.isEmpty else { return [] }
    let names = levels.map { ForecastReport.levelName($0) }
    func share(_ rs: [Backtest.TotalRow], _ inside: (Backtest.TotalRow) -> Bool) -> String {
      fixed(100 * Double(rs.filter(inside).count) / Double(rs.count), 0)
    }
    var body: [[String]] = []
    for h in Set(rows.map(\.step)).sorted() {
      let rs = rows.filter { $0.step == h }
      let ape = rs.map { 100 * abs($0.mean - $0.actual) / $0.actual }.sorted()
      var row = ["\(h)", "\(rs.count)", fixed(ape.reduce(0, +) / Double(ape.count), 2)]
      for i in levels.indices {
        row.append(share(rs) { $0.actual >= $0.lower[i] && $0.actual <= $0.upper[i] })
        row.append(share(rs) { $0.actual >= $0.summedLower[i] && $0.actual <= $0.summedUpper[i] })
        let width = rs.map { 100 * ($0.upper[i] - $0.lower[i]) / $0.mean }.reduce(0, +) / Double(rs.count)
        let summed = rs.map { 100 * ($0.summedUpper[i] - $0.summedLower[i]) / $0.mean }.reduce(0, +) / Double(rs.count)
        row.append(share(rs) { $0.actual >= $0.independentLower[i] && $0.actual <= $0.independentUpper[i] })
        let independent =
          rs.map { 100 * ($0.independentUpper[i] - $0.independentLower[i]) / $0.mean }.reduce(0, +) / Double(rs.count)
        row += [fixed(width, 1), fixed(summed, 1), fixed(independent, 1)]
      }
      body.append(row)
    }
    let header =
      ["h", "origins", "mean APE"]
      + names.flatMap {
        ["cover \($0)%", "summed cover", "independent cover", "width % of mean", "summed width", "independent width"]
      }
    var tables = [
      table(
        title:
          "total of all series (pooled auto): its own interval against the series' bounds added up and against independent errors",
        header: header, body: body)
    ]
    let one = rows.filter { $0.step == 1 }
    let cells = one.map { r in
      ["\(r.origin + 1)", fixed(r.actual, 0), fixed(r.mean, 0)]
        + levels.indices.flatMap { i in
          [
            fixed(r.lower[i], 0) + "-" + fixed(r.upper[i], 0),
            fixed(r.summedLower[i], 0) + "-" + fixed(r.summedUpper[i], 0),
          ]
        }
    }
    tables.append(
      table(
        title: "total one year ahead",
        header: ["year", "actual", "forecast"] + names.flatMap { ["\($0)%", "summed \($0)%"] },
        body: cells))
    return tables
  }

  /// A number with fixed decimals, "-" when not finite (an APE that overflowed).
  func fixed(_ x: Double, _ decimals: Int) -> String {
    guard x.isFinite else { return "-" }
    return abs(x) < 1e9 ? String(format: "%.\(decimals)f", x) : String(format: "%.3g", x)
  }

  /// A titled table: the first column (the model or year) left-aligned, the numbers right.
  func table(title: String, header: [String], body: [[String]]) -> BacktestReport.TitledTable {
    var table = TextTable(header: header, rightAligned: Set(1..<header.count))
    table.rows = body
    return BacktestReport.TitledTable(title: title, table: table)
  }
}
