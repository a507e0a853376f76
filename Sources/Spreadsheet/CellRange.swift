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
