import Forecasting
import Foundation

/// The report of `highneeds backtest`: per model, the median and mean across series of each
/// held-out forecast's MAPE and the share of outcomes inside the intervals, by origin and
/// pooled; and the held-out forecasts themselves as CSV (`--rows`).
public struct BacktestReport: Report {

  /// One table: a title (the origin) and a summary per model.
  public struct Group: Sendable {
    /// What the group covers ("origin 2015: train to 2015, forecast 2016-2018").
    public let title: String
    /// One summary per model.
    public let summaries: [Backtest.Summary]

    /// A titled group of summaries.
    public init(title: String, summaries: [Backtest.Summary]) {
      self.title = title
      self.summaries = summaries
    }
  }

  /// A further table with its title (per-horizon scores, the total of all series).
  public struct TitledTable: Sendable {
    /// What the table shows.
    public let title: String
    /// The table.
    public let table: TextTable

    /// A titled table.
    public init(title: String, table: TextTable) {
      self.title = title
      self.table = table
    }
  }

  /// Series compared (complete ones).
  public let seriesCount: Int
  /// Series left out for missing years.
  public let incompleteCount: Int
  /// The tables, in order.
  public let groups: [Group]
  /// Every held-out forecast.
  public let rows: [Backtest.Row]
  /// Interval levels in percent.
  public let levels: [Double]
  /// How the series kept are described ("complete", "kept, gaps allowed").
  public let keptWord: String
  /// Why the others were left out ("with missing years").
  public let leftOutReason: String
  /// Tables after the summaries.
  public let tables: [TitledTable]
  /// Where the series came from when it is not the file named on the command line (the store).
  public let source: String?

  /// The report of a backtest.
  public init(
    seriesCount: Int, incompleteCount: Int, groups: [Group], rows: [Backtest.Row], levels: [Double],
    keptWord: String = "complete", leftOutReason: String = "with missing years", tables: [TitledTable] = [],
    source: String? = nil
  ) {
    self.source = source
    self.seriesCount = seriesCount
    self.incompleteCount = incompleteCount
    self.groups = groups
    self.rows = rows
    self.levels = levels
    self.keptWord = keptWord
    self.leftOutReason = leftOutReason
    self.tables = tables
  }

  public var title: String { "Backtest of \(seriesCount) series" }

  /// The summaries by group.
  public func json() -> JSONValue {
    .object([
      ("series", .integer(Int64(seriesCount))),
      ("incomplete", .integer(Int64(incompleteCount))),
      ("levels", .compact(.array(levels.map { .double($0) }))),
      (
        "groups",
        .array(
          groups.map { group in
            .object([
              ("title", .string(group.title)),
              (
                "models",
                .array(
                  group.summaries.map { s in
                    .compact(
                      .object([
                        ("model", .string(s.model)), ("forecasts", .integer(Int64(s.forecasts))),
                        ("failed", .integer(Int64(s.failures))), ("medianMAPE", .finite(s.medianMAPE)),
                        ("meanMAPE", .finite(s.meanMAPE)),
                        ("coverage", .compact(.array(s.coverage.map { .finite($0) }))),
                      ]))
                  })
              ),
            ])
          })
      ),
    ])
  }

  /// Every held-out forecast: series, origin, model, time, step, actual, mean and bounds.
  public func csv() -> CSVDocument {
    func number(_ x: Double) -> String { JSONValue.finite(x).serialized().replacingOccurrences(of: "null", with: "") }
    var header = ["series", "origin", "model", "time", "step", "actual", "mean"]
    for l in levels { header += ["lo\(ForecastReport.levelName(l))", "hi\(ForecastReport.levelName(l))"] }
    var document = CSVDocument(header: header)
    for r in rows {
      var cells = [r.series, "\(r.origin)", r.model, "\(r.time)", "\(r.step)", number(r.actual), number(r.mean)]
      for i in levels.indices { cells += [number(r.lower[i]), number(r.upper[i])] }
      document.rows.append(cells)
    }
    return document
  }

  /// The series count, then a table per group.
  public func blocks() -> [ReportBlock] {
    var blocks: [ReportBlock] = source.map { [.paragraph("Source: \($0).")] } ?? []
    blocks.append(.paragraph("Series: \(seriesCount) \(keptWord) (\(incompleteCount) left out \(leftOutReason))."))
    let levelNames = levels.map { ForecastReport.levelName($0) }
    let header = ["model", "forecasts", "failed", "median MAPE", "mean MAPE"] + levelNames.map { "cover \($0)%" }
    for group in groups where !group.summaries.isEmpty {
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
      var table = TextTable(header: header, rightAligned: Set(1..<header.count))
      for s in group.summaries {
        table.rows.append(
          [
            s.model, "\(s.forecasts)", "\(s.failures)", s.forecasts > 0 ? percent(s.medianMAPE, 2) : "-",
            s.forecasts > 0 ? percent(s.meanMAPE, 2) : "-",
          ] + (s.coverage.isEmpty ? levels.map { _ in "-" } : s.coverage.map { percent($0, 1) }))
      }
      blocks += [.heading(group.title), .table(table)]
      if overflowed {
        blocks.append(
          .paragraph("-: the percentage errors overflowed: an actual near zero or a forecast beyond double precision."))
      }
    }
    for extra in tables { blocks += [.heading(extra.title), .table(extra.table)] }
    return blocks
  }
}
