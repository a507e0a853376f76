/// One sheet of a workbook: its non-empty rows, each a list of cells, plus merged ranges.
///
/// Rows that hold no content are not stored (an ODS file may declare a million empty rows);
/// ``rows`` keeps the others in order with their row numbers, so a parser can say where each
/// value came from. Cells past the end of a row are ``CellValue/empty``.
///
/// ```swift
/// let sheet = try workbook.sheet(named: "Allocations_1920")
/// sheet.cell(row: 6, column: 4)             // .number(36.625...)
/// sheet.location(row: 6, column: 4)         // dsg.ods:Allocations_1920:6:E
/// ```
public struct Sheet: Sendable {
  /// The file the sheet came from, for locations.
  public let file: String
  /// The sheet's name as the workbook gives it.
  public let name: String
  /// The rows that have at least one non-empty cell, in order.
  public let rows: [SheetRow]
  /// Ranges of merged cells (ODS `number-columns-spanned`/`number-rows-spanned`, XLSX `mergeCell`).
  public let merges: [CellRange]
  private let rowIndex: [Int: Int]

  /// Creates a sheet from its rows (in increasing row order) and merged ranges.
  public init(file: String, name: String, rows: [SheetRow], merges: [CellRange] = []) {
    self.file = file
    self.name = name
    self.rows = rows
    self.merges = merges
    var index: [Int: Int] = [:]
    for (position, row) in rows.enumerated() { index[row.number] = position }
    self.rowIndex = index
  }

  /// The row numbered `number` (from 1), or nil when it is empty.
  public func row(_ number: Int) -> SheetRow? {
    rowIndex[number].map { rows[$0] }
  }

  /// The cell at `row` (from 1) and `column` (from 0); ``CellValue/empty`` when there is none.
  public func cell(row: Int, column: Int) -> CellValue {
    self.row(row)?[column] ?? .empty
  }

  /// The cell's value, or for a cell covered by a merged range, the value of the range's
  /// top-left cell (where spreadsheets keep a merged header's text).
  public func cellFillingMerges(row: Int, column: Int) -> CellValue {
    let own = cell(row: row, column: column)
    guard own == .empty, let range = merges.first(where: { $0.contains(row: row, column: column) }) else { return own }
    return cell(row: range.firstRow, column: range.firstColumn)
  }

  /// The location of the cell at `row` (from 1) and `column` (from 0), for messages.
  public func location(row: Int, column: Int) -> CellLocation {
    CellLocation(file: file, sheet: name, row: row, columnIndex: column)
  }
}

/// One non-empty row of a sheet.
public struct SheetRow: Sendable {
  /// The row number, counting from 1.
  public let number: Int
  /// The cells from column A to the last non-empty one.
  public let cells: [CellValue]

  /// Creates row `number` holding `cells` from column A.
  public init(number: Int, cells: [CellValue]) {
    self.number = number
    self.cells = cells
  }

  /// The cell in zero-based `column`, or ``CellValue/empty`` past the end of the row.
  public subscript(column: Int) -> CellValue {
    column >= 0 && column < cells.count ? cells[column] : .empty
  }
}

/// A rectangle of cells, rows from 1 and columns from 0, both ends included.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
  /// The top row (from 1).
  public let firstRow: Int
  /// The left column (from 0).
  public let firstColumn: Int
  /// The bottom row (from 1).
  public let lastRow: Int
  /// The right column (from 0).
  public let lastColumn: Int

  /// Creates the range from (`firstRow`, `firstColumn`) to (`lastRow`, `lastColumn`).
  public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    self.firstRow = firstRow
    self.firstColumn = firstColumn
    self.lastRow = lastRow
    self.lastColumn = lastColumn
  }

  /// Parses an A1 range such as `P3:AP3` (or a single cell `B2`). Nil when malformed.
  public init?(a1 text: String) {
    let ends = text.split(separator: ":").map(String.init)
    guard (1...2).contains(ends.count), let first = ColumnName.parseReference(ends[0]),
      let last = ColumnName.parseReference(ends[ends.count - 1]),
      last.row >= first.row, last.column >= first.column
    else { return nil }
    self.init(firstRow: first.row, firstColumn: first.column, lastRow: last.row, lastColumn: last.column)
  }

  /// True when the cell at `row` and `column` lies inside the range.
  public func contains(row: Int, column: Int) -> Bool {
    (firstRow...lastRow).contains(row) && (firstColumn...lastColumn).contains(column)
  }

  /// `P3:AP3` style.
  public var description: String {
    "\(ColumnName.letters(firstColumn))\(firstRow):\(ColumnName.letters(lastColumn))\(lastRow)"
  }
}
