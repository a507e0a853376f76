import Spreadsheet

/// Finding named columns in a heading row, with located errors when one is missing.
struct TableHeadings {
  let sheet: Sheet
  let row: SheetRow
  private let headings: [String]

  /// The headings of `row` in `sheet`.
  init(sheet: Sheet, row: SheetRow) {
    self.sheet = sheet
    self.row = row
    self.headings = row.cells.map { CellReading.heading($0).lowercased() }
  }

  /// The first row among the first `limit` rows of `sheet` that has a heading equal to
  /// `heading` (case-insensitive), or nil.
  static func find(_ heading: String, in sheet: Sheet, within limit: Int = 12) -> TableHeadings? {
    let wanted = heading.lowercased()
    return sheet.rows.prefix(limit).first { row in
      row.cells.contains { CellReading.heading($0).lowercased() == wanted }
    }.map { TableHeadings(sheet: sheet, row: $0) }
  }

  /// The zero-based column whose heading equals `heading` (case-insensitive, white space
  /// collapsed).
  ///
  /// - Throws: ``FinanceDataError`` `.missingColumn` at the heading row, listing the headings
  ///   that are there.
  func column(_ heading: String) throws -> Int {
    if let index = headings.firstIndex(of: heading.lowercased()) { return index }
    let present = row.cells.map(CellReading.heading).filter { !$0.isEmpty }.prefix(12).map { "\"\($0)\"" }
    throw FinanceDataError(
      .missingColumn, file: sheet.file, sheet: sheet.name, row: row.number, expected: "a column \"\(heading)\"",
      found: "columns " + present.joined(separator: ", "))
  }
}
