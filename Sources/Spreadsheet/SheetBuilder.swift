/// Collects a sheet's rows as a reader streams them, dropping empty rows and trailing empty
/// cells, and refusing sheets past the reader's size limits.
struct SheetBuilder {
  /// The most columns a row may have (Excel's and LibreOffice's limit).
  static let maximumColumns = 16_384
  /// The most stored cells in one sheet: about 100 times the largest DfE table here.
  static let maximumCells = 5_000_000

  private(set) var rows: [SheetRow] = []
  private(set) var merges: [CellRange] = []
  private var cellCount = 0

  /// Adds `cells` as row `number`, repeated `repeated` times (ODS `number-rows-repeated`).
  /// Rows with no content are skipped. Returns a message when a limit is passed.
  mutating func add(row number: Int, cells: [CellValue], repeated: Int = 1) -> String? {
    var cells = cells
    while let last = cells.last, last == .empty { cells.removeLast() }
    guard !cells.isEmpty else { return nil }
    guard cells.count <= Self.maximumColumns else {
      return "row \(number) has \(cells.count) columns; at most \(Self.maximumColumns) are read"
    }
    let added = cells.count * repeated
    guard repeated >= 1, cellCount + added <= Self.maximumCells else {
      return "more than \(Self.maximumCells) cells in one sheet (row \(number) repeated \(repeated) times)"
    }
    cellCount += added
    for copy in 0..<repeated { rows.append(SheetRow(number: number + copy, cells: cells)) }
    return nil
  }

  /// Records a merged range.
  mutating func addMerge(_ range: CellRange) { merges.append(range) }

  /// The finished sheet.
  func sheet(file: String, name: String) -> Sheet {
    Sheet(file: file, name: name, rows: rows.sorted { $0.number < $1.number }, merges: merges)
  }
}

/// The cells of one row as a reader streams them, holding runs of empty cells as a count so
/// that ODS's `number-columns-repeated="16372"` costs nothing unless content follows.
struct RowCells {
  private(set) var cells: [CellValue] = []
  private var pendingEmpty = 0

  /// The zero-based column the next cell will occupy.
  var nextColumn: Int { cells.count + pendingEmpty }

  /// Appends `value` `count` times. Returns false when the row would pass `limit` columns.
  mutating func append(_ value: CellValue, count: Int, limit: Int = SheetBuilder.maximumColumns) -> Bool {
    if value == .empty {
      pendingEmpty += count
      return true
    }
    guard nextColumn + count <= limit else { return false }
    if pendingEmpty > 0 {
      cells.append(contentsOf: repeatElement(.empty, count: pendingEmpty))
      pendingEmpty = 0
    }
    cells.append(contentsOf: repeatElement(value, count: count))
    return true
  }

  /// Places `value` at zero-based `column` (XLSX cells carry their own reference), padding with
  /// empties. Returns false when `column` is before the row's last cell or past `limit`.
  mutating func place(_ value: CellValue, at column: Int, limit: Int = SheetBuilder.maximumColumns) -> Bool {
    guard column >= nextColumn, column < limit else { return false }
    pendingEmpty += column - nextColumn
    return append(value, count: 1, limit: limit)
  }
}
