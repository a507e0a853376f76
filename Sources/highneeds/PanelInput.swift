import ArgumentParser
import Forecasting
import Foundation

/// Reads a cross-section of series in the SEN2 wide layout (`level,code,name,region,2010,...`):
/// one row per series, one column per year (columns whose header is a year), an empty cell
/// for a year not observed.
///
/// - Rows: when there is a `level` column, only rows whose level is `Local authority` (so
///   England and the regions are not counted twice); otherwise every row.
/// - Names: the `name` column, else `code`, else the row number; the group is `region` when
///   present. Rows with the same name and no year in common are one series (a code change:
///   Gateshead, Northumberland and Buckinghamshire in SEN2; old and new Dorset, whose area
///   changed by Christchurch in 2019, become one series too). The same name with a year in
///   common is an error naming both lines.
/// - Cells must be empty or finite counts not below zero; anything else is exit 65 naming
///   the file, line, column and year.
enum PanelInput {
  /// The rows read when the file has a `level` column.
  static let authorityLevel = "Local authority"

  /// The panel of `path`, with each series cut at `trainUntil` when given.
  static func load(_ path: String, trainUntil: Int? = nil) throws -> Panel {
    let table = try CSVTable.load(path)
    let years = try yearColumns(table, path: path)
    let column = { (name: String) in table.header.firstIndex(of: name) }
    let level = column("level")
    let nameColumn = column("name") ?? column("code")
    let region = column("region")
    var order: [String] = []
    var found: [String: (values: [Int: Double], line: Int, group: String?)] = [:]
    for (i, row) in table.rows.enumerated() {
      let line = table.line(ofRow: i)
      func cell(_ j: Int?) -> String? {
        guard let j, j < row.count else { return nil }
        return row[j].trimmingCharacters(in: .whitespaces)
      }
      if level != nil, cell(level) != authorityLevel { continue }
      let name = cell(nameColumn).flatMap { $0.isEmpty ? nil : $0 } ?? "row \(line)"
      var values: [Int: Double] = [:]
      for (j, year) in years {
        guard let text = cell(j), !text.isEmpty else { continue }
        guard let v = CSVTable.number(text), v.isFinite, v >= 0 else {
          throw Failure.dataInvalid(
            "\(path):\(line): column \(j + 1) (\(year)): \"\(text)\" is not a count (a finite number, not negative, or empty)"
          )
        }
        if let cut = trainUntil, year > cut { continue }
        values[year] = v
      }
      if var earlier = found[name] {
        if let year = values.keys.sorted().first(where: { earlier.values[$0] != nil }) {
          throw Failure.dataInvalid(
            "\(path):\(line): the series \"\(name)\" has \(year) on lines \(earlier.line) and \(line); rows of one name must not share a year"
          )
        }
        earlier.values.merge(values) { a, _ in a }
        found[name] = earlier
      } else {
        order.append(name)
        found[name] = (values, line, cell(region).flatMap { $0.isEmpty ? nil : $0 })
      }
    }
    let members = try order.compactMap { name -> Panel.Member? in
      let entry = found[name]!
      guard !entry.values.isEmpty else { return nil }
      let times = entry.values.keys.sorted()
      let series = try TimeSeries(times: times, values: times.map { entry.values[$0]! })
      return Panel.Member(name: name, group: entry.group, series: series)
    }
    guard !members.isEmpty else {
      let which = level == nil ? "" : " with level \"\(authorityLevel)\""
      throw Failure.dataInvalid("\(path): no row\(which) has a count\(trainUntil.map { " at or before \($0)" } ?? "")")
    }
    return try Panel(members)
  }

  /// The columns whose header is a year, in year order.
  static func yearColumns(_ table: CSVTable, path: String) throws -> [(column: Int, year: Int)] {
    var years: [(column: Int, year: Int)] = []
    for (j, name) in table.header.enumerated() where !name.isEmpty && name.allSatisfy({ $0.isASCII && $0.isNumber }) {
      guard let year = Int(name), BacktestCommand.isYear(year) else {
        throw Failure.dataInvalid("\(path):1: column \(j + 1): header \(name) is not a year")
      }
      if years.contains(where: { $0.year == year }) {
        throw Failure.dataInvalid("\(path):1: column \(j + 1): the year \(year) heads two columns")
      }
      years.append((j, year))
    }
    years.sort { $0.year < $1.year }
    guard !years.isEmpty else {
      throw Failure.dataInvalid(
        "\(path): no column header is a year; expected the SEN2 wide layout (level,code,name,region,2010,...)")
    }
    return years
  }
}

/// `forecast --panel`: forecast the series of DATA.csv with the cross-section of a panel file.
struct PanelOptions: ParsableArguments {
  @Option(
    help:
      "A panel of series in the SEN2 wide layout (level,code,name,region,2010,...): auto then pools growth across them and calibrates its intervals on their errors."
  )
  var panel: String?

  @Option(
    name: .customLong("panel-series"),
    help:
      "The name of this series in the panel: its row is replaced by DATA.csv's series (default: added as a new one).")
  var panelSeries: String?

  /// The name DATA.csv's series takes in the panel.
  var memberName: String { panelSeries ?? "(DATA.csv)" }

  func validate() throws {
    if panelSeries != nil && panel == nil { throw ValidationError("--panel-series goes with --panel") }
  }

  /// The panel with `series` in it, cut at `trainUntil`; nil without --panel.
  func load(with series: TimeSeries, trainUntil: Int?) throws -> Panel? {
    guard let panel else { return nil }
    let loaded = try PanelInput.load(panel, trainUntil: trainUntil)
    return loaded.replacing(
      Panel.Member(name: memberName, group: loaded.member(named: memberName)?.group, series: series))
  }
}
