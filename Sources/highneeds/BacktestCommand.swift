import ArgumentParser
import Forecasting
import Foundation

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
      intervals.

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

  @Option(help: "Models, comma separated (default: auto and every candidate).")
  var models: String?

  @Option(help: "Interval levels in percent, comma separated.")
  var levels: String = "80,95"

  @Option(name: .customLong("name-column"), help: "Column naming each series.")
  var nameColumn: String = "code"

  @Option(name: .customLong("filter-column"), help: "Keep only rows whose value in this column equals --filter.")
  var filterColumn: String?

  @Option(help: "Value of --filter-column to keep.")
  var filter: String?

  @Option(help: "Output format: table or markdown.")
  var format: BacktestFormat = .table

  @Option(name: .customLong("rows"), help: "Also write every held-out forecast to this CSV file.")
  var rowsPath: String?

  @Option(name: .shortAndLong, help: "Write the summary to this file instead of standard output.")
  var output: String?

  enum BacktestFormat: String, ExpressibleByArgument, CaseIterable {
    case table, markdown
  }

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
    if let models { _ = try parsedList(models, option: "--models") { ForecastModel(rawValue: $0) } }
    guard (filterColumn == nil) == (filter == nil) else {
      throw ValidationError("--filter-column and --filter go together")
    }
    try validateSource()
  }

  func run() throws {
    try runReportingFailures {
      let origins = try parsedList(trainUntil, option: "--train-until") { Int($0) }
      let levelList = try parsedList(levels, option: "--levels") { Double($0) }
      let modelList =
        try models.map { try parsedList($0, option: "--models") { ForecastModel(rawValue: $0) } }
        ?? ForecastModel.allCases
      if try backtestFromStore(origins: origins, levels: levelList, models: modelList) { return }
      guard let data else { return }
      let table = try CSVTable.load(data)
      // Columns whose header is a whole number are years; they are read in year order
      // (a file may list them in any order), and each year may head only one column.
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
      let nameIndex = try table.columnIndex(nameColumn, option: "--name-column")
      let filterIndex = try filterColumn.map { try table.columnIndex($0, option: "--filter-column") }
      var series: [(name: String, series: TimeSeries)] = []
      var incomplete = 0
      for row in table.rows {
        if let f = filterIndex, f >= row.count || row[f].trimmingCharacters(in: .whitespaces) != filter { continue }
        let cells = yearColumns.map { (j, _) in
          j < row.count ? Double(row[j].trimmingCharacters(in: .whitespaces)) : nil
        }
        guard cells.allSatisfy({ $0 != nil && $0!.isFinite && $0! >= 0 }) else {
          incomplete += 1
          continue
        }
        let name = nameIndex < row.count ? row[nameIndex] : "row \(series.count + 1)"
        do {
          series.append((name, try TimeSeries(times: yearColumns.map(\.1), values: cells.map { $0! })))
        } catch {
          throw Failure.dataInvalid("\(data): series \(name): \(error)")
        }
      }
      guard !series.isEmpty else { throw Failure.dataInvalid("\(data): no complete series to backtest") }
      var rows: [Backtest.Row] = []
      var failuresByOrigin: [Int: [String: Int]] = [:]
      var allFailures: [String: Int] = [:]
      for origin in origins {
        let run = Backtest.run(
          series: series, origins: [origin], horizon: horizon, models: modelList, levels: levelList)
        rows += run.rows
        failuresByOrigin[origin] = run.failures
        allFailures.merge(run.failures, uniquingKeysWith: +)
      }
      var text =
        format == .markdown
        ? "Series: \(series.count) complete (\(incomplete) left out with missing years).\n"
        : "series: \(series.count) complete (\(incomplete) left out with missing years)\n"
      var groups: [(title: String, rows: [Backtest.Row], failures: [String: Int])] = origins.map { o in
        let last = min(o + horizon, yearColumns.map(\.1).max() ?? o)
        return (
          "origin \(o): train to \(o), forecast \(o + 1)-\(last)", rows.filter { $0.origin == o },
          failuresByOrigin[o] ?? [:]
        )
      }
      if origins.count > 1 {
        groups.append(("pooled over origins \(origins.map(String.init).joined(separator: ", "))", rows, allFailures))
      }
      for group in groups where !group.rows.isEmpty {
        let summaries = Backtest.summarise(group.rows, levels: levelList, failures: group.failures)
        text += "\n" + render(title: group.title, summaries, levels: levelList)
      }
      // Both files or neither: a --rows file that cannot be written must not leave the
      // summary written (or printed) alone.
      var files: [(text: String, path: String)] = []
      if let output { files.append((text, output)) }
      if let rowsPath { files.append((rowsCSV(rows, levels: levelList), rowsPath)) }
      try writeOutputs(files, protecting: [data])
      if output == nil { try writeStandardOutput(text) }
    }
  }

  func render(title: String, _ summaries: [Backtest.Summary], levels: [Double]) -> String {
    let levelNames = levels.map { ForecastReport.levelName($0) }
    let header = ["model", "forecasts", "failed", "median MAPE", "mean MAPE"] + levelNames.map { "cover \($0)%" }
    // Never a non-finite number, nor a 300-digit one: a MAPE that overflowed (an actual
    // near zero, a forecast near 1e300) is shown as "-" and explained below the table.
    var overflowed = false
    func percent(_ x: Double, _ decimals: Int) -> String {
      guard x.isFinite else {
        overflowed = true
        return "-"
      }
      return abs(x) < 1e9 ? String(format: "%.\(decimals)f", x) : String(format: "%.3g", x)
    }
    let body = summaries.map { s in
      [
        s.model, "\(s.forecasts)", "\(s.failures)", s.forecasts > 0 ? percent(s.medianMAPE, 2) : "-",
        s.forecasts > 0 ? percent(s.meanMAPE, 2) : "-",
      ]
        + (s.coverage.isEmpty ? levels.map { _ in "-" } : s.coverage.map { percent($0, 1) })
    }
    let note =
      overflowed
      ? "(-: the percentage errors overflowed: an actual near zero or a forecast beyond double precision)\n" : ""
    if format == .markdown {
      var out =
        "**\(title)**\n\n| " + header.joined(separator: " | ") + " |\n|"
        + header.map { _ in "---" }.joined(separator: "|") + "|\n"
      for row in body { out += "| " + row.joined(separator: " | ") + " |\n" }
      return out + (note.isEmpty ? "" : "\n" + note)
    }
    let widths = header.indices.map { j in max(header[j].count, body.map { $0[j].count }.max() ?? 0) }
    func line(_ cells: [String]) -> String {
      cells.indices.map { j in
        let pad = String(repeating: " ", count: widths[j] - cells[j].count)
        return j == 0 ? cells[j] + pad : pad + cells[j]
      }.joined(separator: "  ") + "\n"
    }
    return title + "\n" + line(header) + body.map(line).joined() + note
  }

  func rowsCSV(_ rows: [Backtest.Row], levels: [Double]) -> String {
    var header = ["series", "origin", "model", "time", "step", "actual", "mean"]
    for l in levels { header += ["lo\(ForecastReport.levelName(l))", "hi\(ForecastReport.levelName(l))"] }
    var lines = [header.joined(separator: ",")]
    for r in rows {
      var cells = [
        "\"\(r.series.replacingOccurrences(of: "\"", with: "\"\""))\"", "\(r.origin)", r.model, "\(r.time)",
        "\(r.step)",
        ForecastReport.number(r.actual), ForecastReport.number(r.mean),
      ]
      for i in levels.indices { cells += [ForecastReport.number(r.lower[i]), ForecastReport.number(r.upper[i])] }
      lines.append(cells.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
