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
