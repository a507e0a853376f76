import ArgumentParser
import Forecasting
import Foundation

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

  @Option(help: "Output format: csv, json or table.")
  var format: ForecastCommand.ForecastFormat = .table

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String?

  func validate() throws {
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
      let text: String
      switch format {
      case .json: text = PanelReport.json(result, names: chosen)
      case .csv: text = PanelReport.csv(result, names: chosen)
      case .table: text = PanelReport.table(result, names: chosen)
      }
      try writeOutput(text, to: output, protecting: [panel])
    }
  }
}

/// Renders a `PanelForecast`: each series' forecast (the `forecast` JSON contract) and the total.
enum PanelReport {
  /// `{"origin", "pooled", "series": [{"name", "forecast": {...}}], "total": {"forecast", "notes"}, "omitted"}`.
  static func json(_ r: PanelForecast, names: [String]) -> String {
    let series = names.map { name in
      "    {\"name\": \(ForecastReport.string(name)), \"forecast\": "
        + ForecastReport.json(r.forecast(named: name)!).trimmingCharacters(in: .whitespacesAndNewlines) + "}"
    }
    let total = r.total.map { "      " + pointJSON($0, levels: r.forecasts.first?.levels ?? []) }
    let omitted = r.omitted.map {
      "    {\"name\": \(ForecastReport.string($0.name)), \"reason\": \(ForecastReport.string($0.reason))}"
    }
    var lines = ["{", "  \"origin\": \(r.origin),", "  \"pooled\": \(r.pooled),"]
    lines.append("  \"series\": [" + (series.isEmpty ? "]," : "\n" + series.joined(separator: ",\n") + "\n  ],"))
    lines.append("  \"total\": {\"forecast\": [\n" + total.joined(separator: ",\n") + "\n    ],")
    lines.append("    \"notes\": [" + r.totalNotes.map(ForecastReport.string).joined(separator: ", ") + "]},")
    lines.append("  \"omitted\": [" + (omitted.isEmpty ? "]" : "\n" + omitted.joined(separator: ",\n") + "\n  ]"))
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  static func pointJSON(_ p: ForecastPoint, levels: [Double]) -> String {
    var fields = ["\"time\": \(p.time)", "\"mean\": \(ForecastReport.number(p.mean))"]
    for (i, level) in levels.enumerated() {
      fields.append("\"lo\(ForecastReport.levelName(level))\": \(ForecastReport.number(p.lower[i]))")
      fields.append("\"hi\(ForecastReport.levelName(level))\": \(ForecastReport.number(p.upper[i]))")
    }
    return "{" + fields.joined(separator: ", ") + "}"
  }

  /// One row per series and year, then the total's rows under the name `(total)`.
  static func csv(_ r: PanelForecast, names: [String]) -> String {
    let levels = r.forecasts.first?.levels ?? []
    var header = ["series", "time", "mean"]
    for level in levels { header += ["lo\(ForecastReport.levelName(level))", "hi\(ForecastReport.levelName(level))"] }
    var rows = [header.joined(separator: ",")]
    func add(_ name: String, _ points: [ForecastPoint]) {
      for p in points {
        var row = [
          "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"", "\(p.time)", ForecastReport.number(p.mean),
        ]
        for i in levels.indices { row += [ForecastReport.number(p.lower[i]), ForecastReport.number(p.upper[i])] }
        rows.append(row.joined(separator: ","))
      }
    }
    for name in names { add(name, r.forecast(named: name)!.points) }
    add("(total)", r.total)
    return rows.joined(separator: "\n") + "\n"
  }

  /// A table per series (year, mean, bounds), then the total and its notes.
  static func table(_ r: PanelForecast, names: [String]) -> String {
    let levels = r.forecasts.first?.levels ?? []
    func block(_ title: String, _ points: [ForecastPoint]) -> String {
      var header = ["year", "mean"]
      for level in levels {
        header += ["lo\(ForecastReport.levelName(level))", "hi\(ForecastReport.levelName(level))"]
      }
      let body = points.map { p in
        ["\(p.time)", String(format: "%.0f", p.mean)]
          + levels.indices.flatMap { [String(format: "%.0f", p.lower[$0]), String(format: "%.0f", p.upper[$0])] }
      }
      let widths = header.indices.map { j in max(header[j].count, body.map { $0[j].count }.max() ?? 0) }
      func line(_ cells: [String]) -> String {
        cells.indices.map { String(repeating: " ", count: widths[$0] - cells[$0].count) + cells[$0] }
          .joined(separator: "  ") + "\n"
      }
      return title + "\n" + line(header) + body.map(line).joined() + "\n"
    }
    var out = ""
    if let first = names.first.flatMap(r.forecast(named:)) { out += "selection: \(first.selection)\n\n" }
    for name in names { out += block(name, r.forecast(named: name)!.points) }
    out += block("total of \(r.names.count) series", r.total)
    out += "notes:\n" + r.totalNotes.map { "  - \($0)\n" }.joined()
    if !r.omitted.isEmpty {
      out += "  - not forecast: " + r.omitted.map { "\($0.name) (\($0.reason))" }.joined(separator: "; ") + "\n"
    }
    return out
  }
}
