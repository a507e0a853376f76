/// One sheet of a workbook: rows of cells, column widths, frozen panes and charts.
///
/// Rows are zero-based and row-major; a row may be shorter than others (missing cells are
/// empty). Building is plain value mutation; nothing touches libxlsxwriter until
/// ``Workbook/write(to:)``.
///
/// ```swift
/// var sheet = Worksheet(name: "Summary")
/// sheet.append([.header("Financial year"), .header("Reserve")])
/// sheet.append([.text("2024-25"), .pounds(-9_604_000)])
/// sheet.frozenRows = 1
/// ```
public struct Worksheet: Hashable, Sendable {
  /// The sheet's tab name: 1 to 31 characters, none of `[ ] : * ? / \`, not starting or ending with `'`.
  public var name: String
  /// The cells, row by row.
  public var rows: [[Cell]]
  /// Column widths in characters, by zero-based column; columns beyond keep Excel's default.
  public var columnWidths: [Double]
  /// Rows kept in view when scrolling down (the header rows).
  public var frozenRows: Int
  /// Columns kept in view when scrolling right (the row labels).
  public var frozenColumns: Int
  /// Native charts on the sheet.
  public var charts: [WorksheetChart]
  /// Row heights in points, by zero-based row; other rows keep Excel's default (15).
  public var rowHeights: [Int: Double]
  /// Prints landscape (else portrait); every sheet prints on A4, one page wide, with the
  /// frozen rows repeated at the top of each page.
  public var printLandscape: Bool

  /// An empty sheet called `name`.
  public init(name: String) {
    self.name = name
    self.rows = []
    self.columnWidths = []
    self.frozenRows = 0
    self.frozenColumns = 0
    self.charts = []
    self.rowHeights = [:]
    self.printLandscape = true
  }

  /// Appends a row and returns its zero-based index.
  @discardableResult
  public mutating func append(_ row: [Cell]) -> Int {
    rows.append(row)
    return rows.count - 1
  }

  /// Appends an empty row (a spacer) and returns its index.
  @discardableResult
  public mutating func appendBlankRow() -> Int { append([]) }

  /// Makes `row` tall enough for its wrapped text: lines = ⌈characters / (column width − 1)⌉ at
  /// 15 points a line (Excel's default row), the most any cell needs. Call after setting widths.
  public mutating func fitHeight(ofRow row: Int) {
    guard rows.indices.contains(row) else { return }
    var lines = 1
    for (column, cell) in rows[row].enumerated() {
      guard case .text(let text) = cell.value else { continue }
      let width = max(1, (columnWidths.indices.contains(column) ? columnWidths[column] : 8.43) - 1)
      lines = max(lines, Int((Double(text.count) / width).rounded(.up)))
    }
    if lines > 1 { rowHeights[row] = Double(lines) * 15 }
  }

  /// The index the next appended row will have.
  public var nextRow: Int { rows.count }

  /// The cell at (`row`, `column`), empty outside the rows given.
  public subscript(row: Int, column: Int) -> Cell {
    guard rows.indices.contains(row), rows[row].indices.contains(column) else { return .empty }
    return rows[row][column]
  }
}
