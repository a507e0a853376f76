import ArgumentParser
import Forecasting
import Foundation
import Reports

/// `highneeds forecast-panel`: forecasts every series of a panel (or the named ones) with
/// the pooled auto, and the total of all of them with its own interval.
struct ForecastPanelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forecast-panel",
    abstract: "Forecast every series of a panel (SEN2 wide layout) by pooling across them, and their total.",
    discussion: """
      PANEL.csv is in the SEN2 wide layout (level,code,name,region,2010,...): rows with level \
      "Local authority" when there is a level column, named by the name column, one column \
      per year, empty where a year is not observed. Each series observed in the last year is \
      forecast by the pooled growth model (the panel's recent growth plus a shrunk share of \
      the series' own departure from it), with intervals calibrated on the pooled model's \
      out-of-sample errors across every series and earlier year; the total of all the series \
      gets an interval calibrated on the errors of the total (the national shock), not the \
      sum of the bounds.

      Example: highneeds forecast-panel ehcp_caseload_2010_2025.csv --series Medway --series Kent
      """)

  @Argument(help: "Wide CSV: one row per series, one column per year.")
  var panel: String

  @Option(help: "A series to print (by name; repeat the option for several). Default: all.")
  var series: [String] = []

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

  func validate() throws {
    try requireFormat(format, for: PanelForecastReport.self)
    guard (1...Forecaster.maximumHorizon).contains(horizon) else {
      throw ValidationError("--horizon must be between 1 and \(Forecaster.maximumHorizon), got \(horizon)")
    }
    _ = try parsedLevels()
  }

  func parsedLevels() throws -> [Double] {
    var command = ForecastCommand()
    command.levels = levels
    return try command.parsedLevels()
  }

  func run() throws {
    try runReportingFailures {
      let levelList = try parsedLevels()
      let data = try PanelInput.load(panel, trainUntil: trainUntil)
      for name in series where data.member(named: name) == nil {
        throw Failure.dataInvalid("\(panel): no series called \"\(name)\" (names come from the name column)")
      }
      let result: PanelForecast
      do {
        result = try PanelForecaster.forecast(data, horizon: horizon, levels: levelList)
      } catch {
        throw Failure.dataInvalid("\(panel): \(error)")
      }
      for name in series where result.forecast(named: name) == nil {
        let reason = result.omitted.first { $0.name == name }?.reason ?? "not forecast"
        throw Failure.dataInvalid("\(panel): series \"\(name)\" is \(reason)")
      }
      let chosen = series.isEmpty ? result.names : series
      try emit(PanelForecastReport(result, names: chosen), as: format, to: output, protecting: [panel])
    }
  }
}
