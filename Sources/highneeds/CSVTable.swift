import Foundation
import HighNeeds
import SwiftCSV

/// A CSV file read for numeric work, with messages that name the file, line and column.
///
/// Parsing is SwiftCSV's; this type adds the checks a user needs explained: a missing
/// column (with the columns that exist and the closest match), a cell that is not a number,
/// NaN or infinity, and an empty file. Line numbers assume no quoted line breaks (the
/// header is line 1, the first data row line 2).
struct CSVTable {
  let path: String
  let header: [String]
  let rows: [[String]]

  /// Reads and parses `path`. Exit 66 when it cannot be read, 65 when it is not CSV.
  static func load(_ path: String) throws -> CSVTable {
    let text = try readTextFile(path)
    let csv: CSV<Enumerated>
    do {
      csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
    } catch {
      throw Failure.dataInvalid("\(path): not valid CSV: \(error)")
    }
    let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
    guard !header.isEmpty, header != [""] else {
      throw Failure.dataInvalid("\(path): the file is empty; expected a header line naming the columns")
    }
    let rows = csv.rows.filter { !($0.count == 1 && $0[0].trimmingCharacters(in: .whitespaces).isEmpty) }
    return CSVTable(path: path, header: header, rows: rows)
  }

  /// Index of the column called `name`, or a message listing the columns.
  func columnIndex(_ name: String, option: String) throws -> Int {
    if let index = header.firstIndex(of: name) { return index }
    var message = "\(path): \(option) \(name): no such column; the columns are \(header.joined(separator: ", "))"
    if let near = Suggestion.closest(to: name, among: header) { message += " (did you mean \(near)?)" }
    throw Failure.dataInvalid(message)
  }

  /// The column `name` as numbers. Every cell must be a finite number.
  func numericColumn(_ name: String, option: String) throws -> [Double] {
    let j = try columnIndex(name, option: option)
    return try rows.enumerated().map { (i, row) in
      let line = i + 2
      guard j < row.count else {
        throw Failure.dataInvalid("\(path):\(line): column \(name) (column \(j + 1)) is missing: the row has \(row.count) cells, the header \(header.count)")
      }
      let cell = row[j].trimmingCharacters(in: .whitespaces)
      guard let value = Double(cell) else {
        let shown = cell.isEmpty ? "an empty cell" : "\"\(cell)\""
        throw Failure.dataInvalid("\(path):\(line): column \(name) (column \(j + 1)): \(shown) is not a number")
      }
      guard value.isFinite else {
        throw Failure.dataInvalid("\(path):\(line): column \(name) (column \(j + 1)): \(cell) is not finite; remove the row or give a number")
      }
      return value
    }
  }
}
