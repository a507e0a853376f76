/// The checks made before libxlsxwriter is called, so that a bad workbook fails with the sheet
/// and cell at fault and no file is started.
enum WorkbookValidation {
  /// Excel's grid: 1,048,576 rows by 16,384 columns.
  static let maxRows = 1_048_576
  /// Excel's column count.
  static let maxColumns = 16_384
  /// Excel's longest cell string, in UTF-16 code units.
  static let maxStringLength = 32_767
  /// Excel's longest sheet name.
  static let maxSheetNameLength = 31
  /// Characters a sheet name may not hold.
  static let forbiddenSheetCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

  /// Throws the first problem found in `workbook`, in sheet, row, column order.
  static func check(_ workbook: Workbook, path: String) throws(WorkbookError) {
    guard !workbook.sheets.isEmpty else {
      throw WorkbookError(.invalidSheetName, path: path, detail: "a workbook needs at least one sheet")
    }
    var seen: Set<String> = []
    for sheet in workbook.sheets {
      try checkName(sheet.name, path: path)
      guard seen.insert(sheet.name.lowercased()).inserted else {
        throw WorkbookError(
          .invalidSheetName, path: path, sheet: sheet.name, detail: "two sheets are called '\(sheet.name)'")
      }
      try checkCells(sheet, path: path)
    }
    let names = Set(workbook.sheets.map(\.name))
    for sheet in workbook.sheets {
      for chart in sheet.charts { try checkChart(chart, on: sheet.name, names: names, path: path) }
    }
  }

  /// Excel's sheet-name rules.
  static func checkName(_ name: String, path: String) throws(WorkbookError) {
    let problem: String?
    if name.isEmpty {
      problem = "a sheet name cannot be empty"
    } else if name.utf16.count > maxSheetNameLength {
      problem = "sheet name '\(name)' has \(name.utf16.count) characters; Excel allows \(maxSheetNameLength)"
    } else if let bad = name.first(where: { forbiddenSheetCharacters.contains($0) }) {
      problem = "sheet name '\(name)' holds '\(bad)'; none of [ ] : * ? / \\ is allowed"
    } else if name.hasPrefix("'") || name.hasSuffix("'") {
      problem = "sheet name '\(name)' starts or ends with an apostrophe"
    } else if name.contains("\0") {
      problem = "sheet name holds a NUL character"
    } else {
      problem = nil
    }
    if let problem { throw WorkbookError(.invalidSheetName, path: path, detail: problem) }
  }

  /// Grid limits, finite numbers and string lengths.
  static func checkCells(_ sheet: Worksheet, path: String) throws(WorkbookError) {
    guard sheet.rows.count <= maxRows else {
      throw WorkbookError(
        .cellOutOfRange, path: path, sheet: sheet.name, detail: "\(sheet.rows.count) rows; Excel allows \(maxRows)")
    }
    guard sheet.columnWidths.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 255 }) else {
      throw WorkbookError(.rejected, path: path, sheet: sheet.name, detail: "column widths must be 0 to 255 characters")
    }
    guard (0..<maxRows).contains(sheet.frozenRows), (0..<maxColumns).contains(sheet.frozenColumns) else {
      throw WorkbookError(.cellOutOfRange, path: path, sheet: sheet.name, detail: "frozen panes beyond the grid")
    }
    for (rowIndex, row) in sheet.rows.enumerated() {
      guard row.count <= maxColumns else {
        throw WorkbookError(
          .cellOutOfRange, path: path, sheet: sheet.name, cell: (rowIndex, maxColumns),
          detail: "\(row.count) columns; Excel allows \(maxColumns)")
      }
      for (columnIndex, cell) in row.enumerated() {
        switch cell.value {
        case .number(let value) where !value.isFinite:
          throw WorkbookError(
            .nonFiniteNumber, path: path, sheet: sheet.name, cell: (rowIndex, columnIndex),
            detail: "\(value) is not a finite number; a spreadsheet cell cannot hold it")
        case .text(let text) where text.utf16.count > maxStringLength || text.contains("\0"):
          throw WorkbookError(
            .stringTooLong, path: path, sheet: sheet.name, cell: (rowIndex, columnIndex),
            detail: "text of \(text.utf16.count) characters (or holding NUL); Excel allows \(maxStringLength)")
        default:
          continue
        }
      }
    }
  }

  /// A chart needs series, non-empty ranges, and sheets that exist.
  static func checkChart(
    _ chart: WorksheetChart, on sheet: String, names: Set<String>, path: String
  ) throws(WorkbookError) {
    let place = (chart.anchorRow, chart.anchorColumn)
    func fail(_ detail: String) -> WorkbookError {
      WorkbookError(.invalidChart, path: path, sheet: sheet, cell: place, detail: "chart '\(chart.title)': \(detail)")
    }
    guard !chart.series.isEmpty else { throw fail("no series") }
    guard chart.widthScale > 0, chart.heightScale > 0, chart.widthScale.isFinite, chart.heightScale.isFinite else {
      throw fail("scales must be positive")
    }
    guard (0..<maxRows).contains(chart.anchorRow), (0..<maxColumns).contains(chart.anchorColumn) else {
      throw fail("anchored beyond the grid")
    }
    for range in [chart.categories] + chart.series.map(\.values) {
      guard names.contains(range.sheet) else { throw fail("refers to a sheet '\(range.sheet)' the workbook lacks") }
      guard range.firstRow >= 0, range.firstColumn >= 0, range.firstRow <= range.lastRow,
        range.firstColumn <= range.lastColumn, range.lastRow < maxRows, range.lastColumn < maxColumns
      else { throw fail("a range is empty or beyond the grid") }
    }
  }
}
