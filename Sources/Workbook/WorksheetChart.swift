/// A rectangle of cells on a named sheet, zero-based and inclusive, as charts refer to data.
public struct CellRange: Hashable, Sendable {
  /// The sheet the cells are on.
  public var sheet: String
  /// First row (zero-based).
  public var firstRow: Int
  /// First column (zero-based).
  public var firstColumn: Int
  /// Last row (inclusive).
  public var lastRow: Int
  /// Last column (inclusive).
  public var lastColumn: Int

  /// A range from (`firstRow`, `firstColumn`) to (`lastRow`, `lastColumn`) inclusive.
  public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    self.sheet = sheet
    self.firstRow = firstRow
    self.firstColumn = firstColumn
    self.lastRow = lastRow
    self.lastColumn = lastColumn
  }

  /// Rows `rows` of one column.
  public static func column(_ column: Int, rows: ClosedRange<Int>, on sheet: String) -> CellRange {
    CellRange(
      sheet: sheet, firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound, lastColumn: column)
  }

  /// Columns `columns` of one row.
  public static func row(_ row: Int, columns: ClosedRange<Int>, on sheet: String) -> CellRange {
    CellRange(
      sheet: sheet, firstRow: row, firstColumn: columns.lowerBound, lastRow: row, lastColumn: columns.upperBound)
  }
}

/// The kinds of native Excel chart a worksheet can hold.
public enum ChartKind: Hashable, Sendable {
  /// Lines over categories (the reserve by year).
  case line
  /// Columns side by side (places demand vs capacity).
  case column
  /// Columns stacked (plans by placement).
  case stackedColumn
  /// Areas stacked (plans by placement).
  case stackedArea
}

/// One series of a chart: a name and the cells that hold its values.
public struct WorksheetSeries: Hashable, Sendable {
  /// The legend entry.
  public var name: String
  /// The values, one per category.
  public var values: CellRange

  /// A series named `name` over `values`.
  public init(name: String, values: CellRange) {
    self.name = name
    self.values = values
  }
}

/// A native Excel chart placed on a worksheet, drawing data from cells of the workbook.
public struct WorksheetChart: Hashable, Sendable {
  /// The kind of chart.
  public var kind: ChartKind
  /// The title above the chart.
  public var title: String
  /// The category labels (years, settings).
  public var categories: CellRange
  /// The series, in legend order.
  public var series: [WorksheetSeries]
  /// The value axis title, such as "£".
  public var valueAxisTitle: String?
  /// The value axis number format.
  public var valueAxisFormat: NumberFormat
  /// The cell whose top-left corner the chart's top-left corner sits on (zero-based).
  public var anchorRow: Int
  /// The anchor column (zero-based).
  public var anchorColumn: Int
  /// Horizontal scale of the default 480 × 288 pixel chart.
  public var widthScale: Double
  /// Vertical scale of the default chart size.
  public var heightScale: Double

  /// A chart of `kind` at (`anchorRow`, `anchorColumn`).
  public init(
    kind: ChartKind, title: String, categories: CellRange, series: [WorksheetSeries],
    valueAxisTitle: String? = nil, valueAxisFormat: NumberFormat = .general,
    anchorRow: Int, anchorColumn: Int, widthScale: Double = 1.5, heightScale: Double = 1.25
  ) {
    self.kind = kind
    self.title = title
    self.categories = categories
    self.series = series
    self.valueAxisTitle = valueAxisTitle
    self.valueAxisFormat = valueAxisFormat
    self.anchorRow = anchorRow
    self.anchorColumn = anchorColumn
    self.widthScale = widthScale
    self.heightScale = heightScale
  }
}
