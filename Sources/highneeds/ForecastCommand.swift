import Reports
import Projection
import ScenarioFiles
import ArgumentParser
import Forecasting
import Foundation
import HighNeeds
import Reports

/// `highneeds forecast`: forecasts an annual count column of a CSV file.
struct ForecastCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forecast",
    abstract: "Forecast an annual count (plans at each January census) with prediction intervals.",
    discussion: """
      Models: linear, exponential (log-linear; the point forecast is the bias-corrected \
      mean), quadratic, recent-linear and recent-exponential (the last \(Forecaster.recentWindow) \
      years), local-exponential (the last \(Forecaster.localWindow)), piecewise (one break, \
      searched or given with --break-year), damped (Holt's damped trend, ETS(A,Ad,N)), \
      drift, naive; and auto (the default): every model scored by rolling-origin \
      cross-validation, a weighted combination of the quadratic, recent-exponential, \
      local-exponential and piecewise trends, with intervals calibrated on its own \
      out-of-sample errors. Intervals never go below zero. With --panel (a file of many \
      series in the SEN2 wide layout), auto pools growth across them instead (see \
      forecast-panel). With --authority NAME, --model cohort is the cohort-flow model by SEN2 \
      age band and placement group (new and ceased plans, ageing on; --cohort is the same).

      Example: highneeds forecast plans.csv --time year --value plans --horizon 5
      """)

  @Argument(help: "CSV file with a header line, one row per year (or --authority / --all-authorities).")
  var data: String?

  @Option(help: "Column holding the census year (whole numbers).")
  var time: String?

  @Option(help: "Column holding the count.")
  var value: String?

  @OptionGroup var official: AuthorityOptions

  @Flag(name: .customLong("all-authorities"), help: "Forecast every current local authority in the store.")
  var allAuthorities = false

  @Option(
    help:
      "Column holding the population (e.g. ages 0-25): forecast the rate per 10,000 and multiply by it. Rows for future years give the population with the count left empty."
  )
  var population: String?

  @Option(name: .customLong("model"), help: "The model (see above), or cohort with --authority.")
  var modelChoice: ForecastModelChoice = .trend(.auto)

  /// The trend model asked for (`auto` when the cohort model is).
  var model: ForecastModel { modelChoice.trend ?? .auto }

  @Option(
    name: .customLong("break-year"),
    help: "With --model piecewise: the last year before the slope changes (e.g. 2014), instead of searching for it.")
  var breakYear: Int?

  @Flag(
    help:
      "With --authority: the cohort-flow model by age band and placement (SEN2 new and ceased plans); the same as --model cohort."
  )
  var cohort = false

  /// True when the cohort-flow model is asked for, by `--model cohort` or its alias `--cohort`.
  var usesCohort: Bool { cohort || modelChoice == .cohort }

  @Option(help: "Years to forecast after the last year used.")
  var horizon: Int = 4

  @Option(name: .customLong("train-until"), help: "Use only years up to and including this one.")
  var trainUntil: Int?

  @Option(help: "Interval levels in percent, comma separated.")
  var levels: String = "80,95"

  @Option(help: "Output format: table, json, csv, markdown or html.")
  var format: ReportFormat = .table

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String?

  @OptionGroup var panelOptions: PanelOptions

  /// The longest series forecast (and backtested): the models are for annual counts.
  static let maximumYears = 200

  func parsedLevels() throws -> [Double] {
    let parts = levels.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    var result: [Double] = []
    for part in parts {
      guard let level = Double(part), level > 0, level < 100 else {
        throw ValidationError(
          "--levels: \"\(part)\" is not a percentage strictly between 0 and 100 (e.g. --levels 80,95)")
      }
      if !result.contains(level) { result.append(level) }
    }
    guard !result.isEmpty else { throw ValidationError("--levels: give at least one level, e.g. --levels 80,95") }
    return result
  }

  func validate() throws {
    try requireFormat(format, for: ForecastReport.self)
    try validateSource()
    _ = try parsedLevels()
    if cohort && modelChoice != .trend(.auto) && modelChoice != .cohort {
      throw ValidationError("--cohort is --model cohort: give one model, not --cohort with --model \(modelChoice)")
    }
    if usesCohort
      && (official.authority == nil || trainUntil != nil || panelOptions.panel != nil || population != nil
        || breakYear != nil)
    {
      throw ValidationError(
        "--model cohort (or --cohort) goes with --authority NAME, without --train-until, --panel, --population or --break-year"
      )
    }
    if breakYear != nil && model != .piecewise {
      throw ValidationError("--break-year goes with --model piecewise")
    }
    if breakYear != nil && population != nil {
      throw ValidationError("--break-year cannot be combined with --population")
    }
    guard (1...Forecaster.maximumHorizon).contains(horizon) else {
      throw ValidationError("--horizon must be between 1 and \(Forecaster.maximumHorizon), got \(horizon)")
    }
    if panelOptions.panel != nil && (model != .auto || population != nil || breakYear != nil) {
      throw ValidationError("--panel goes with --model auto, without --population or --break-year")
    }
  }

  func run() throws {
    try runReportingFailures {
      let levels = try parsedLevels()
      if usesCohort { return try forecastCohort(levels: levels) }
      if try forecastFromStore(levels: levels) { return }
      guard let data, let time, let value else { return }
      let input = try readSeries(data, time: time, value: value)
      let series = input.series
      let forecast: Forecast
      do {
        if let breakYear {
          forecast = try Forecaster.forecastPiecewise(series, breakYear: breakYear, horizon: horizon, levels: levels)
        } else if let panel = try panelOptions.load(with: series, trainUntil: trainUntil) {
          forecast = try PanelForecaster.forecast(
            panel, series: panelOptions.memberName, horizon: horizon, levels: levels)
        } else if let people = input.population {
          forecast = try Forecaster.forecast(series, population: people, model: model, horizon: horizon, levels: levels)
        } else {
          forecast = try Forecaster.forecast(series, model: model, horizon: horizon, levels: levels)
        }
      } catch let error as ForecastingError {
        // The library names the year; the message names the file and the columns too.
        let columns = population.map { "columns \(time), \(value) and \(population ?? $0)" } ?? "columns \(time) and \(value)"
        throw Failure.dataInvalid("\(data) (\(columns)): \(error)")
      }
      if let lastTime = series.times.last, let lastValue = series.values.last, let end = forecast.points.last,
        let warning = Plausibility.growthWarning(
          who: "\(data) (column \(value))", from: CensusYear(lastTime), last: lastValue, to: CensusYear(end.time),
          forecast: end.mean, model: forecast.model)
      {
        warn(warning)
      }
      try emit(ForecastReport(forecast, actuals: input.actuals), as: format, to: output, protecting: [data])
    }
  }

  /// The series DATA.csv holds: years and counts sorted by year, cut at --train-until (the held-out
  /// years kept as actuals), the population when asked for; every problem named by line and column.
  func readSeries(_ data: String, time: String, value: String) throws -> (
    series: TimeSeries, population: TimeSeries?, actuals: [Int: Double]
  ) {
    let table = try CSVTable.load(data)
    guard !table.rows.isEmpty else {
      throw Failure.dataInvalid("\(data): the file has a header line but no data rows")
    }
    var times = try years(table, data: data, time: time)
    let values: [Double]
    var people: TimeSeries?
    if let population {
      // Future rows carry the population only: an empty count is allowed there.
      let counts = try optionalNumbers(table, column: value, option: "--value")
      let heads = try table.numericColumn(population, option: "--population")
      try refuseNegative(heads, table, column: population)
      let order = times.indices.sorted { times[$0] < times[$1] }
      do {
        people = try TimeSeries(times: order.map { times[$0] }, values: order.map { heads[$0] })
      } catch {
        throw Failure.dataInvalid("\(data): column \(population): \(error)")
      }
      let observed = counts.indices.filter { counts[$0] != nil }
      times = observed.map { times[$0] }
      values = observed.map { counts[$0]! }
      try refuseNegative(counts.map { $0 ?? 0 }, table, column: value)
    } else {
      values = try table.numericColumn(value, option: "--value")
      try refuseNegative(values, table, column: value)
    }
    // Sort by year so that a file in any row order works.
    let order = times.indices.sorted { times[$0] < times[$1] }
    var sortedTimes = order.map { times[$0] }
    var sortedValues = order.map { values[$0] }
    var actuals: [Int: Double] = [:]
    if let cut = trainUntil {
      for (t, v) in zip(sortedTimes, sortedValues) where t > cut { actuals[t] = v }
      let keep = sortedTimes.indices.filter { sortedTimes[$0] <= cut }
      guard !keep.isEmpty else {
        throw Failure.dataInvalid("\(data): no rows with \(time) at or before \(cut) (--train-until)")
      }
      sortedTimes = keep.map { sortedTimes[$0] }
      sortedValues = keep.map { sortedValues[$0] }
    }
    // The models are for annual counts, a few to a few dozen years; each origin of the
    // cross-validation refits them all, so thousands of rows (monthly or daily data given
    // by mistake) would run for hours. Refuse clearly instead.
    guard sortedTimes.count <= ForecastCommand.maximumYears else {
      throw Failure.dataInvalid(
        "\(data): \(sortedTimes.count) years of data; forecast takes an annual series of at most \(ForecastCommand.maximumYears) years (one row per year; use --train-until or fewer rows)")
    }
    let series: TimeSeries
    do {
      series = try TimeSeries(times: sortedTimes, values: sortedValues)
    } catch {
      throw Failure.dataInvalid("\(data): \(error)")
    }
    return (series, people, actuals)
  }

  /// The --time column as whole years, each once (a duplicate names both lines).
  func years(_ table: CSVTable, data: String, time: String) throws -> [Int] {
    let rawTimes = try table.numericColumn(time, option: "--time")
    var times: [Int] = []
    let lines = rawTimes.indices.map { table.line(ofRow: $0) }
    for (i, t) in rawTimes.enumerated() {
      guard t == t.rounded(), abs(t) < 1e6 else {
        throw Failure.dataInvalid(
          "\(data):\(table.line(ofRow: i)): column \(time): \(Int(exactly: t).map(String.init) ?? "\(t)") is not a year (a whole number below one million)")
      }
      times.append(Int(t))
    }
    // One row per year: a duplicate is refused here, naming both lines.
    var firstLine: [Int: Int] = [:]
    for (i, t) in times.enumerated() {
      let line = lines[i]
      if let earlier = firstLine[t] {
        throw Failure.dataInvalid(
          "\(data):\(line): column \(time): the year \(t) appears more than once (lines \(earlier) and \(line)); give one row per year")
      }
      firstLine[t] = line
    }
    return times
  }
}

/// Fails naming the line and column of the first negative number in `values` (one per row).
private func refuseNegative(_ values: [Double], _ table: CSVTable, column name: String) throws {
  guard let i = values.firstIndex(where: { $0 < 0 }) else { return }
  let j = (try? table.columnIndex(name, option: "")).map { " (column \($0 + 1))" } ?? ""
  throw Failure.dataInvalid(
    "\(table.path):\(table.line(ofRow: i)): column \(name)\(j): \(values[i]) is negative; counts and populations cannot be")
}

/// The column `name` as numbers, nil where a cell is empty; other cells must be finite numbers.
private func optionalNumbers(_ table: CSVTable, column name: String, option: String) throws -> [Double?] {
  let j = try table.columnIndex(name, option: option)
  return try table.rows.enumerated().map { (i, row) in
    let cell = j < row.count ? row[j].trimmingCharacters(in: .whitespaces) : ""
    if cell.isEmpty { return nil }
    guard let v = CSVTable.number(cell), v.isFinite else {
      throw Failure.dataInvalid(
        "\(table.path):\(table.line(ofRow: i)): column \(name) (column \(j + 1)): \"\(cell)\" is not a finite number")
    }
    return v
  }
}

extension ForecastModel: ExpressibleByArgument {}

/// `--model`: one of the trend models, or `cohort` (the cohort-flow model, with `--authority`).
///
/// A choice of its own so that `ForecastModel.allCases` (the models the backtest and scenarios
/// rank) stays the trend models.
enum ForecastModelChoice: Equatable, ExpressibleByArgument, CustomStringConvertible {
  /// A trend model.
  case trend(ForecastModel)
  /// The cohort-flow model.
  case cohort

  init?(argument: String) {
    if argument == "cohort" {
      self = .cohort
    } else if let model = ForecastModel(rawValue: argument) {
      self = .trend(model)
    } else {
      return nil
    }
  }

  /// The trend model, nil for the cohort model.
  var trend: ForecastModel? {
    if case .trend(let model) = self { return model }
    return nil
  }

  var description: String { trend?.rawValue ?? "cohort" }

  static var allValueStrings: [String] { ForecastModel.allCases.map(\.rawValue) + ["cohort"] }
}
