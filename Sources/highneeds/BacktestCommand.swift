import ArgumentParser
import CohortData
import Forecasting
import Foundation
import Reports

/// `highneeds backtest`: held-out accuracy of every forecasting model on a wide table of
/// series (one row per area, one column per year, as DfE's SEN2 caseload file).
struct BacktestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtest",
    abstract: "Backtest the forecasting models on many series: median/mean MAPE and interval coverage.",
    discussion: """
      DATA.csv has one row per series and one column per year (columns whose header is a \
      year); other columns may name the series. Rows with a missing year are left out \
      (only complete series are compared). For each origin T, every model is fitted on the \
      years up to T and forecasts T+1..T+h; the table gives, per model, the median and \
      mean across series of each forecast's MAPE, and the share of outcomes inside the \
      intervals; then per horizon the median and mean APE, coverage and interval score. \
      auto pools across all the series of the table (auto-alone is auto on each series \
      alone), and the total of all series is scored too. With --min-training N, series \
      with missing years are kept: each origin trains on the run of consecutive years \
      ending there, if it has at least N.

      Example: highneeds backtest ehcp_caseload_2010_2020.csv --filter-column level \
      --filter "Local authority" --train-until 2014,2015,2016 --horizon 4
      """)

  @Argument(help: "Wide CSV: one row per series, one column per year (or --authority / --all-authorities).")
  var data: String?

  @OptionGroup var official: AuthorityOptions

  @Flag(name: .customLong("all-authorities"), help: "Backtest every current local authority's series from the store.")
  var allAuthorities = false

  @Option(name: .customLong("train-until"), help: "Origins: last training years, comma separated.")
  var trainUntil: String = "2014,2015,2016"

  @Option(help: "Years forecast after each origin (fewer where the data end).")
  var horizon: Int = 4

  @Option(
    name: [.customLong("models"), .customLong("model")],
    help:
      "Models, comma separated (default: auto, auto-alone and every candidate; cohort, the cohort-flow model, with --authority or --all-authorities).")
  var models: String?

  @Option(
    name: .customLong("cohort-settings"),
    help:
      "The cohort model's estimation choices: rates=N|all, trend=N|all, newplans=MODEL, ageing=uniform|single, shocks=independent|common, from=YEAR (default: the first version's, from=2015).")
  var cohortSettings: String?

  @Option(
    name: .customLong("min-training"),
    help:
      "Keep series with missing years: at each origin train on the run of consecutive years ending there, if it has at least this many.")
  var minTraining: Int?

  @Option(help: "Interval levels in percent, comma separated.")
  var levels: String = "80,95"

  @Option(name: .customLong("name-column"), help: "Column naming each series.")
  var nameColumn: String = "code"

  @Option(name: .customLong("filter-column"), help: "Keep only rows whose value in this column equals --filter.")
  var filterColumn: String?

  @Option(help: "Value of --filter-column to keep.")
  var filter: String?

  @Option(help: "Output format: table, markdown, html, json (the summaries) or csv (every held-out forecast).")
  var format: ReportFormat = .table

  @Option(name: .customLong("rows"), help: "Also write every held-out forecast to this CSV file.")
  var rowsPath: String?

  @Option(name: .shortAndLong, help: "Write the summary to this file instead of standard output.")
  var output: String?

  /// Years are whole numbers of absolute value below this (as `forecast --time`).
  static let yearLimit = 1_000_000

  /// Whether `value` is a plausible year (no abs(): abs(Int.min) traps).
  static func isYear(_ value: Int) -> Bool { value > -yearLimit && value < yearLimit }

  func parsedList<T>(_ text: String, option: String, _ parse: (String) -> T?) throws -> [T] {
    var values: [T] = []
    for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      guard let value = parse(part) else { throw ValidationError("\(option): cannot read \"\(part)\"") }
      values.append(value)
    }
    guard !values.isEmpty else { throw ValidationError("\(option): give at least one value") }
    return values
  }

  func validate() throws {
    try requireFormat(format, for: BacktestReport.self)
    guard (1...Forecaster.maximumHorizon).contains(horizon) else {
      throw ValidationError("--horizon must be between 1 and \(Forecaster.maximumHorizon), got \(horizon)")
    }
    let origins = try parsedList(trainUntil, option: "--train-until") { Int($0) }
    // Years, as the forecast command reads them: far from Int's limits, so that
    // origin + horizon cannot overflow.
    if let bad = origins.first(where: { !BacktestCommand.isYear($0) }) {
      throw ValidationError("--train-until: \(bad) is not a year (a whole number below one million)")
    }
    let ls = try parsedList(levels, option: "--levels") { Double($0) }
    guard ls.allSatisfy({ $0 > 0 && $0 < 100 }) else {
      throw ValidationError("--levels: each must be strictly between 0 and 100")
    }
    if let models {
      let list = try parsedList(models, option: "--models", BacktestCommand.model)
      if list.contains(.cohort), data != nil {
        throw ValidationError("--models cohort reads the store: give --authority NAME or --all-authorities, not DATA.csv")
      }
    }
    if let cohortSettings { _ = try Self.cohortChoices(cohortSettings) }
    if let minTraining, minTraining < 1 { throw ValidationError("--min-training must be at least 1, got \(minTraining)") }
    guard (filterColumn == nil) == (filter == nil) else {
      throw ValidationError("--filter-column and --filter go together")
    }
    try validateSource()
  }

  /// The series to backtest, from a file or the store, and what was left out.
  struct SeriesSet {
    var series: [(name: String, series: TimeSeries)]
    var incomplete: Int
    var lastYear: Int
    /// The input to protect from being overwritten (the CSV file or the store).
    var input: String
    /// Where the series came from, when it is not a file (the store).
    var source: String?
    /// The cohort model's inputs by series name (store series, with `--models cohort`).
    var archives: [String: CohortArchive] = [:]
  }

  func run() throws {
    try runReportingFailures {
      let origins = try parsedList(trainUntil, option: "--train-until") { Int($0) }
      let levelList = try parsedList(levels, option: "--levels") { Double($0) }
      let modelList =
        try models.map { try parsedList($0, option: "--models", BacktestCommand.model) } ?? BacktestCommand.allModels
      let set = try storeSeries() ?? (try fileSeries())
      let report = backtest(set, origins: origins, levels: levelList, models: modelList)
      let text = render(report, as: format)
      // Both files or neither: a --rows file that cannot be written must not leave the
      // summary written (or printed) alone.
      var files: [(text: String, path: String)] = []
      if let output { files.append((text, output)) }
      if let rowsPath { files.append((render(report, as: .csv), rowsPath)) }
      try writeOutputs(files, protecting: [set.input])
      if output == nil { try writeStandardOutput(text) }
    }
  }

  /// Every model at every origin, summarised by origin, pooled, by horizon, and the total.
  func backtest(_ set: SeriesSet, origins: [Int], levels: [Double], models: [BacktestModel]) -> BacktestReport {
    var rows: [Backtest.Row] = []
    var failuresByOrigin: [Int: [String: Int]] = [:]
    var allFailures: [String: Int] = [:]
    for origin in origins {
      let run = runModels(models, series: set.series, origin: origin, levels: levels)
      rows += run.rows
      failuresByOrigin[origin] = run.failures
      allFailures.merge(run.failures, uniquingKeysWith: +)
    }
    var cohortTables: [BacktestReport.TitledTable] = []
    if models.contains(.cohort) {
      let cohort = cohortRun(set, origins: origins, levels: levels)
      rows += cohort.rows
      for failure in cohort.failures {
        failuresByOrigin[failure.origin, default: [:]][CohortBacktest.modelName, default: 0] += 1
        allFailures[CohortBacktest.modelName, default: 0] += 1
      }
      cohortTables = self.cohortTables(cohort, rows: rows, set: set, levels: levels)
    }
    var groups: [BacktestReport.Group] = origins.map { o in
      let last = min(o + horizon, set.lastYear)
      let own = rows.filter { $0.origin == o }
      return BacktestReport.Group(
        title: "origin \(o): train to \(o), forecast \(o + 1)-\(last)",
        summaries: own.isEmpty ? [] : Backtest.summarise(own, levels: levels, failures: failuresByOrigin[o] ?? [:]))
    }
    if origins.count > 1, !rows.isEmpty {
      groups.append(
        BacktestReport.Group(
          title: "pooled over origins \(origins.map(String.init).joined(separator: ", "))",
          summaries: Backtest.summarise(rows, levels: levels, failures: allFailures)))
    }
    var extra = horizonTables(rows, origins: origins, levels: levels) + cohortTables
    if models.contains(.model(.auto)) { extra += totalTables(set.series, origins: origins, levels: levels) }
    return BacktestReport(
      seriesCount: set.series.count, incompleteCount: set.incomplete, groups: groups, rows: rows, levels: levels,
      keptWord: seriesWord, leftOutReason: leftOutReason, tables: extra, source: set.source)
  }

  /// The year columns of a wide table, in year order: columns whose header is a whole number
  /// (a file may list them in any order; each year may head only one column).
  func yearColumns(_ table: CSVTable, _ data: String) throws -> [(Int, Int)] {
    var yearColumns: [(Int, Int)] = []
    var columnOfYear: [Int: Int] = [:]
    for (j, name) in table.header.enumerated() {
      let digits = name.hasPrefix("-") || name.hasPrefix("+") ? name.dropFirst() : Substring(name)
      guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { continue }
      guard let year = Int(name), BacktestCommand.isYear(year) else {
        throw Failure.dataInvalid(
          "\(data):1: column \(j + 1): header \(name) is not a year (a whole number below one million)")
      }
      if let earlier = columnOfYear[year] {
        throw Failure.dataInvalid(
          "\(data):1: column \(j + 1): the year \(year) already heads column \(earlier + 1); each year needs one column")
      }
      columnOfYear[year] = j
      yearColumns.append((j, year))
    }
    yearColumns.sort { $0.1 < $1.1 }
    guard yearColumns.count <= ForecastCommand.maximumYears else {
      throw Failure.dataInvalid(
        "\(data):1: \(yearColumns.count) year columns; backtest takes series of at most \(ForecastCommand.maximumYears) years")
    }
    guard !yearColumns.isEmpty else {
      throw Failure.dataInvalid("\(data): no column header is a year; expected columns such as 2010, 2011, ...")
    }
    return yearColumns
  }

  /// The series of DATA.csv: complete rows, or with `--min-training` the observed years of each.
  func fileSeries() throws -> SeriesSet {
    guard let data else { throw Failure(kind: .usage, message: "give DATA.csv, --authority NAME or --all-authorities") }
    let table = try CSVTable.load(data)
    let yearColumns = try yearColumns(table, data)
    let nameIndex = try table.columnIndex(nameColumn, option: "--name-column")
    let filterIndex = try filterColumn.map { try table.columnIndex($0, option: "--filter-column") }
    var series: [(name: String, series: TimeSeries)] = []
    var incomplete = 0
    for (rowIndex, row) in table.rows.enumerated() {
      if let f = filterIndex, f >= row.count || row[f].trimmingCharacters(in: .whitespaces) != filter { continue }
      let cells = yearColumns.map { (j, _) in
        j < row.count ? Double(row[j].trimmingCharacters(in: .whitespaces)) : nil
      }
      let name = nameIndex < row.count ? row[nameIndex] : "row \(series.count + 1)"
      if minTraining != nil {
        // Gaps allowed: the observed years only.
        if let s = try gappySeries(row, yearColumns, line: table.line(ofRow: rowIndex)) {
          series.append((name, s))
        } else {
          incomplete += 1
        }
        continue
      }
      guard cells.allSatisfy({ $0 != nil && $0!.isFinite && $0! >= 0 }) else {
        incomplete += 1
        continue
      }
      do {
        series.append((name, try TimeSeries(times: yearColumns.map(\.1), values: cells.map { $0! })))
      } catch {
        throw Failure.dataInvalid("\(data): series \(name): \(error)")
      }
    }
    guard !series.isEmpty else { throw Failure.dataInvalid("\(data): no complete series to backtest") }
    return SeriesSet(
      series: series, incomplete: incomplete, lastYear: yearColumns.map(\.1).max() ?? 0, input: data, source: nil)
  }
}
