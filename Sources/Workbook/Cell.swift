/// How a number cell displays in Excel; the cell keeps the full value.
public enum NumberFormat: Hashable, Sendable {
  /// Excel's General format.
  case general
  /// Whole pounds with thousands separators, negatives in red with a minus: `£#,##0;[Red]-£#,##0`.
  case pounds
  /// A count with thousands separators and `places` decimals: `#,##0` or `#,##0.0`.
  case count(places: Int)
  /// A fraction shown as a percentage with `places` decimals: 0.037 shows as `3.7%`.
  case percent(places: Int)

  /// The Excel number-format code.
  public var code: String {
    switch self {
    case .general: return "General"
    case .pounds: return "£#,##0;[Red]-£#,##0"
    case .count(let places): return "#,##0" + Self.decimals(places)
    case .percent(let places): return "0" + Self.decimals(places) + "%"
    }
  }

  /// The code a chart's value axis uses: money in millions without red (`£#,##0.0,,"m"`), else ``code``.
  public var axisCode: String {
    self == .pounds ? "£#,##0.0,,\"m\";-£#,##0.0,,\"m\"" : code
  }

  /// `.00` for two places; empty for none (places clamped to 0...6).
  static func decimals(_ places: Int) -> String {
    let places = max(0, min(places, 6))
    return places == 0 ? "" : "." + String(repeating: "0", count: places)
  }
}

/// The look of a cell: its number format and a few emphases.
public struct CellStyle: Hashable, Sendable {
  /// How a number displays.
  public var format: NumberFormat
  /// Bold text.
  public var bold: Bool
  /// A header cell: bold on a light grey fill, text wrapped, bottom border.
  public var header: Bool
  /// Italic text (notes, provisional figures).
  public var italic: Bool
  /// Text wrapped onto several lines within the column width.
  public var wrap: Bool
  /// Aligned right (text in a column of numbers, such as "Yes").
  public var alignRight: Bool

  /// A style; every emphasis off by default.
  public init(
    format: NumberFormat = .general, bold: Bool = false, header: Bool = false, italic: Bool = false,
    wrap: Bool = false, alignRight: Bool = false
  ) {
    self.format = format
    self.bold = bold
    self.header = header
    self.italic = italic
    self.wrap = wrap
    self.alignRight = alignRight
  }

  /// The default style.
  public static let plain = CellStyle()
}

/// What a cell holds.
public enum CellValue: Hashable, Sendable {
  /// Nothing (the cell may still carry a style).
  case empty
  /// Text, stored as a string (years such as `2024-25` are text, never dates).
  case text(String)
  /// A number; must be finite (Excel has no NaN or infinity).
  case number(Double)
}

/// One cell of a worksheet: a value and its style.
///
/// ```swift
/// let row: [Cell] = [.text("2024-25"), .pounds(-5_916_000), .percent(0.037)]
/// ```
public struct Cell: Hashable, Sendable {
  /// The value.
  public var value: CellValue
  /// The style.
  public var style: CellStyle

  /// A cell of `value` in `style`.
  public init(_ value: CellValue, style: CellStyle = .plain) {
    self.value = value
    self.style = style
  }

  /// An empty cell.
  public static let empty = Cell(.empty)
  /// A text cell.
  public static func text(
    _ text: String, bold: Bool = false, italic: Bool = false, wrap: Bool = false, alignRight: Bool = false
  ) -> Cell {
    Cell(.text(text), style: CellStyle(bold: bold, italic: italic, wrap: wrap, alignRight: alignRight))
  }
  /// A header cell (bold, grey fill, wrapped).
  public static func header(_ text: String) -> Cell { Cell(.text(text), style: CellStyle(header: true)) }
  /// Money in pounds with the `£#,##0` format; the value is kept unrounded unless the caller rounds.
  public static func pounds(_ value: Double, bold: Bool = false) -> Cell {
    Cell(.number(value), style: CellStyle(format: .pounds, bold: bold))
  }
  /// A fraction with a percentage format (0.037 shows `3.7%`).
  public static func percent(_ fraction: Double, places: Int = 1) -> Cell {
    Cell(.number(fraction), style: CellStyle(format: .percent(places: places)))
  }
  /// A count (plans, places) with thousands separators.
  public static func count(_ value: Double, places: Int = 0, bold: Bool = false) -> Cell {
    Cell(.number(value), style: CellStyle(format: .count(places: places), bold: bold))
  }
  /// A number cell, or an empty cell when `value` is nil.
  public static func optional(_ value: Double?, _ make: (Double) -> Cell) -> Cell {
    value.map(make) ?? .empty
  }
}
