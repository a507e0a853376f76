import Reports
import Projection
import ScenarioFiles
import Foundation
import HighNeeds
import CSVReading

/// A CSV file read for numeric work, with messages that name the file, line and column.
///
/// Parsed by ``CSVRecords`` (module CSVReading: RFC 4180, every row knows the line of the
/// file it starts on, even after a quoted line break or a blank line). This type adds the checks a
/// user needs explained: a missing column (with the columns that exist and the closest
/// match), a column named twice, a cell that is not a number, NaN or infinity, and an
/// empty file.
struct CSVTable {
  let path: String
  let header: [String]
  let rows: [[String]]
  /// The line of the file (from 1) on which each row starts.
  let rowLines: [Int]

  /// Reads and parses `path`. Exit 66 when it cannot be read, 65 when it is not CSV.
  static func load(_ path: String) throws -> CSVTable {
    let text = try readTextFile(path)
    let records = try parse(text, path: path)
    guard let first = records.first else {
      throw Failure.dataInvalid("\(path): the file is empty; expected a header line naming the columns")
    }
    let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    guard !header.isEmpty, header != [""] else {
      throw Failure.dataInvalid("\(path): the file is empty; expected a header line naming the columns")
    }
    let body = records.dropFirst().filter {
      !($0.fields.count == 1 && $0.fields[0].trimmingCharacters(in: .whitespaces).isEmpty)
    }
    return CSVTable(path: path, header: header, rows: body.map(\.fields), rowLines: body.map(\.line))
  }

  /// Records of `text` with the line each starts on (``CSVRecords/parse(_:)``); blank lines
  /// are records of one empty field. Throws exit 65 when a quoted field is not closed.
  static func parse(_ text: String, path: String) throws -> [(fields: [String], line: Int)] {
    do {
      return try CSVRecords.parse(text).map { ($0.fields, $0.line) }
    } catch {
      throw Failure.dataInvalid(
        "\(path):\(error.line): not valid CSV: a quoted field opened on this line is never closed (a missing \")")
    }
  }

  /// The line of the file on which data row `index` (from 0) starts.
  func line(ofRow index: Int) -> Int {
    index < rowLines.count ? rowLines[index] : index + 2
  }

  /// Index of the column called `name`, or a message listing the columns.
  func columnIndex(_ name: String, option: String) throws -> Int {
    let matches = header.indices.filter { header[$0] == name }
    if matches.count > 1 {
      throw Failure.dataInvalid(
        "\(path):1: \(option) \(name): the header names \(name) \(matches.count) times (columns \(matches.map { String($0 + 1) }.joined(separator: ", "))); rename all but one")
    }
    if let index = matches.first { return index }
    var message = "\(path):1: \(option) \(name): no such column; the columns are \(header.joined(separator: ", "))"
    if header.count == 1, let separator = [";", "\t", "|"].first(where: { header[0].contains($0) }) {
      let shown = separator == "\t" ? "tabs" : "\"\(separator)\""
      message += " (the header is one column split by \(shown): highneeds reads comma-separated files)"
    } else if let near = Suggestion.closest(to: name, among: header) {
      message += " (did you mean \(near)?)"
    }
    throw Failure.dataInvalid(message)
  }

  /// The column `name` as numbers. Every cell must be a finite number.
  func numericColumn(_ name: String, option: String) throws -> [Double] {
    let j = try columnIndex(name, option: option)
    return try rows.enumerated().map { (i, row) in
      let line = line(ofRow: i)
      guard j < row.count else {
        throw Failure.dataInvalid("\(path):\(line): column \(name) (column \(j + 1)) is missing: the row has \(row.count) cells, the header \(header.count)")
      }
      let cell = row[j].trimmingCharacters(in: .whitespaces)
      guard let value = CSVTable.number(cell) else {
        let shown = cell.isEmpty ? "an empty cell" : "\"\(cell)\""
        throw Failure.dataInvalid("\(path):\(line): column \(name) (column \(j + 1)): \(shown) is not a number\(CSVTable.hint(cell))")
      }
      guard value.isFinite else {
        throw Failure.dataInvalid("\(path):\(line): column \(name) (column \(j + 1)): \(cell) is not finite; remove the row or give a number")
      }
      return value
    }
  }

  /// A decimal number as written in a CSV file (`12`, `-0.5`, `1e6`, `nan`, `inf`), or nil.
  /// Swift's `Double(_:)` also reads hexadecimal (`0x10` is 16), which no spreadsheet
  /// writes and which is refused here.
  static func number(_ cell: String) -> Double? {
    let lower = cell.lowercased()
    let special = ["nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"]
    guard special.contains(lower) || cell.unicodeScalars.allSatisfy({ "0123456789+-.eE".unicodeScalars.contains($0) })
    else { return nil }
    return Double(cell)
  }

  /// A hint for a cell that is not a number: thousands separators, currency signs.
  static func hint(_ cell: String) -> String {
    if cell.contains(",") { return " (write numbers without thousands separators: 1000, not 1,000)" }
    if cell.contains(where: { "£$€%".contains($0) }) { return " (write plain numbers, without currency or percent signs)" }
    if cell.lowercased().hasPrefix("0x") || cell.lowercased().hasPrefix("-0x") { return " (hexadecimal is not read; write decimal)" }
    return ""
  }
}
