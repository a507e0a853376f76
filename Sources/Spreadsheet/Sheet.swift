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
