import Forecasting
import Foundation

/// The report of `highneeds forecast`: the JSON contract of DESIGN.md, one CSV row per year, or
/// a table with the choice, the forecasts (with actuals when held out) and the candidates.
public struct ForecastReport: Report {
  /// The forecast.
  public let forecast: Forecast
  /// Actual values of forecast years that were held out (`--train-until`), by year.
  public let actuals: [Int: Double]

  /// The report of `forecast`, showing `actuals` beside the forecasts they fall in.
  public init(_ forecast: Forecast, actuals: [Int: Double] = [:]) {
    self.forecast = forecast
    self.actuals = actuals
  }

  public var title: String { "Forecast: \(forecast.model)" }

  /// A level as used in field names: `80`, `95`, `99.5`.
  public static func levelName(_ level: Double) -> String {
    level == level.rounded() ? String(Int(level)) : String(level)
  }

  /// `{"model", "selection", "candidates", "fitted", "forecast", "levels", "notes"}`, a row
  /// of each list on one line.
  public func json() -> JSONValue {
    let f = forecast
    let candidates = f.candidates.map { c -> JSONValue in
      .compact(.object([("model", .string(c.model)), ("aicc", .finite(c.aicc)), ("backtestMAPE", .finite(c.backtestMAPE))]))
    }
    let fitted = f.fitted.map { p -> JSONValue in
      .compact(.object([("time", .integer(Int64(p.time))), ("value", .finite(p.value)), ("fitted", .finite(p.fitted))]))
    }
    let points = f.points.map { p -> JSONValue in
      var fields: [(String, JSONValue)] = [("time", .integer(Int64(p.time))), ("mean", .finite(p.mean))]
      for (i, level) in f.levels.enumerated() {
        fields.append(("lo\(Self.levelName(level))", .finite(p.lower[i])))
        fields.append(("hi\(Self.levelName(level))", .finite(p.upper[i])))
      }
      return .compact(.object(fields))
    }
    return .object([
      ("model", .string(f.model)),
      ("selection", .string(f.selection)),
      ("candidates", .array(candidates)),
      ("fitted", .array(fitted)),
      ("forecast", .array(points)),
      ("levels", .compact(.array(f.levels.map { .double($0) }))),
      ("notes", .compact(.array(f.notes.map { .string($0) }))),
    ])
  }

  /// One row per year: observed rows carry `value` and `fitted`, forecast rows `mean` and bounds.
  public func csv() -> CSVDocument {
    let f = forecast
    func number(_ x: Double) -> String { JSONValue.finite(x).serialized().replacingOccurrences(of: "null", with: "") }
    var header = ["time", "type", "value", "fitted", "mean"]
    for level in f.levels { header += ["lo\(Self.levelName(level))", "hi\(Self.levelName(level))"] }
    var document = CSVDocument(header: header)
    for p in f.fitted {
      document.rows.append(
        ["\(p.time)", "observed", number(p.value), number(p.fitted), ""] + f.levels.flatMap { _ in ["", ""] })
    }
    for p in f.points {
      var row = ["\(p.time)", "forecast", "", "", number(p.mean)]
      for i in f.levels.indices { row += [number(p.lower[i]), number(p.upper[i])] }
      document.rows.append(row)
    }
    return document
  }

  /// The choice, the forecasts (with actuals when held out), the candidates and the notes.
  public func blocks() -> [ReportBlock] {
    let f = forecast
    // Never a non-finite number; very large ones in exponent form, not 300 digits.
    func fmt(_ x: Double, _ decimals: Int = 0) -> String {
      guard x.isFinite else { return "-" }
      return abs(x) < 1e15 ? String(format: "%.\(decimals)f", x) : String(format: "%.6g", x)
    }
    var blocks: [ReportBlock] = [.preformatted("model: \(f.model)\nselection: \(f.selection)\n\n")]
    var header = ["year", "mean"]
    for level in f.levels { header += ["lo\(Self.levelName(level))", "hi\(Self.levelName(level))"] }
    let showActual = f.points.contains { actuals[$0.time] != nil }
    if showActual { header.append("actual") }
    var table = TextTable(header: header, rightAligned: Set(header.indices), rule: false)
    for p in f.points {
      var row = ["\(p.time)", fmt(p.mean)]
      for i in f.levels.indices { row += [fmt(p.lower[i]), fmt(p.upper[i])] }
      if showActual { row.append(actuals[p.time].map { fmt($0) } ?? "") }
      table.rows.append(row)
    }
    blocks.append(.table(table))
    if !f.candidates.isEmpty {
      var candidates = TextTable(header: ["candidate", "backtest MAPE %", "AICc"], rightAligned: [1, 2], rule: false)
      for c in f.candidates {
        candidates.rows.append([c.model, c.backtestMAPE.map { fmt($0, 2) } ?? "-", c.aicc.map { fmt($0, 2) } ?? "-"])
      }
      blocks += [.gap, .table(candidates)]
    }
    if !f.notes.isEmpty { blocks += [.preformatted("\nnotes:\n" + f.notes.map { "  - \($0)\n" }.joined())] }
    return blocks
  }
}
