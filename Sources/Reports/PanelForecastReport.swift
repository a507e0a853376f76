import Forecasting
import Foundation

/// The report of `highneeds forecast-panel`: each chosen series' forecast (the `forecast` JSON
/// contract) and the total of all the series with its own interval.
public struct PanelForecastReport: Report {
  /// The panel's forecast.
  public let result: PanelForecast
  /// The series to show, in order (each one `result` forecast).
  public let names: [String]

  /// The report of `result`, showing the series `names`.
  public init(_ result: PanelForecast, names: [String]) {
    self.result = result
    self.names = names.filter { result.forecast(named: $0) != nil }
  }

  public var title: String { "Forecasts of \(names.count) series and their total" }

  private var levels: [Double] { result.forecasts.first?.levels ?? [] }

  private func point(_ p: ForecastPoint) -> JSONValue {
    var fields: [(String, JSONValue)] = [("time", .integer(Int64(p.time))), ("mean", .finite(p.mean))]
    for (i, level) in levels.enumerated() {
      fields.append(("lo\(ForecastReport.levelName(level))", .finite(p.lower[i])))
      fields.append(("hi\(ForecastReport.levelName(level))", .finite(p.upper[i])))
    }
    return .compact(.object(fields))
  }

  /// `{"origin", "pooled", "series": [{"name", "forecast": {...}}], "total": {"forecast", "notes"}, "omitted"}`.
  public func json() -> JSONValue {
    .object([
      ("origin", .integer(Int64(result.origin))),
      ("pooled", .bool(result.pooled)),
      (
        "series",
        .array(
          names.compactMap { name in
            result.forecast(named: name).map {
              .object([("name", .string(name)), ("forecast", ForecastReport($0).json())])
            }
          })
      ),
      (
        "total",
        .object([
          ("forecast", .array(result.total.map(point))),
          ("notes", .compact(.array(result.totalNotes.map { .string($0) }))),
        ])
      ),
      (
        "omitted",
        .array(result.omitted.map { .compact(.object([("name", .string($0.name)), ("reason", .string($0.reason))])) })
      ),
    ])
  }

  /// One row per series and year, then the total's rows under the name `(total)`.
  public func csv() -> CSVDocument {
    func number(_ x: Double) -> String { JSONValue.finite(x).serialized().replacingOccurrences(of: "null", with: "") }
    var header = ["series", "time", "mean"]
    for level in levels { header += ["lo\(ForecastReport.levelName(level))", "hi\(ForecastReport.levelName(level))"] }
    var document = CSVDocument(header: header)
    func add(_ name: String, _ points: [ForecastPoint]) {
      for p in points {
        var row = [name, "\(p.time)", number(p.mean)]
        for i in levels.indices { row += [number(p.lower[i]), number(p.upper[i])] }
        document.rows.append(row)
      }
    }
    for name in names { add(name, result.forecast(named: name)?.points ?? []) }
    add("(total)", result.total)
    return document
  }

  /// A table per series (year, mean, bounds), then the total and its notes.
  public func blocks() -> [ReportBlock] {
    func table(_ points: [ForecastPoint]) -> TextTable {
      var header = ["year", "mean"]
      for level in levels { header += ["lo\(ForecastReport.levelName(level))", "hi\(ForecastReport.levelName(level))"] }
      var table = TextTable(header: header, rightAligned: Set(header.indices), rule: false)
      table.rows = points.map { p in
        ["\(p.time)", String(format: "%.0f", p.mean)]
          + levels.indices.flatMap { [String(format: "%.0f", p.lower[$0]), String(format: "%.0f", p.upper[$0])] }
      }
      return table
    }
    var blocks: [ReportBlock] = []
    if let first = names.first.flatMap(result.forecast(named:)) {
      blocks.append(.preformatted("selection: \(first.selection)\n\n"))
    }
    for name in names {
      blocks += [.preformatted(name + "\n"), .table(table(result.forecast(named: name)?.points ?? [])), .gap]
    }
    blocks += [.preformatted("total of \(result.names.count) series\n"), .table(table(result.total)), .gap]
    var notes = result.totalNotes
    if !result.omitted.isEmpty {
      notes.append("not forecast: " + result.omitted.map { "\($0.name) (\($0.reason))" }.joined(separator: "; "))
    }
    blocks.append(.preformatted("notes:\n" + notes.map { "  - \($0)\n" }.joined()))
    return blocks
  }
}
