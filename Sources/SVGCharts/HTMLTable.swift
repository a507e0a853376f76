/// One cell of an ``HTMLTable``: its text, and whether it is a number (right-aligned, never wrapped).
public struct HTMLCell: Sendable, Hashable {
  /// The text shown (already formatted: "£54,000", "2024-25").
  public var text: String
  /// True for a number: class `num` (right-aligned, tabular figures, `white-space: nowrap`).
  public var numeric: Bool
  /// True for a negative amount (shown in red as well as with its minus sign).
  public var negative: Bool

  /// A cell.
  public init(_ text: String, numeric: Bool = false, negative: Bool = false) {
    self.text = text
    self.numeric = numeric
    self.negative = negative
  }

  /// A text cell.
  public static func text(_ text: String) -> HTMLCell { HTMLCell(text) }
  /// A number cell from formatted text and the value behind it (for its sign).
  public static func number(_ text: String, value: Double) -> HTMLCell {
    HTMLCell(text, numeric: true, negative: value < 0)
  }
}

/// A table with a caption, a header row, body rows and an optional total row.
public struct HTMLTable: Sendable {
  /// The caption above the table, or nil.
  public var caption: String?
  /// Column headings; a heading is right-aligned when its column's first body cell is numeric.
  public var columns: [String]
  /// Body rows.
  public var rows: [[HTMLCell]]
  /// A last row set off as a total, or nil.
  public var total: [HTMLCell]?

  /// A table.
  public init(caption: String? = nil, columns: [String], rows: [[HTMLCell]], total: [HTMLCell]? = nil) {
    self.caption = caption
    self.columns = columns
    self.rows = rows
    self.total = total
  }

  /// The table as HTML, wrapped so a wide table scrolls sideways on a narrow screen.
  public func render() -> String {
    let numericColumns = columns.indices.map { index in
      rows.first.map { $0.indices.contains(index) && $0[index].numeric } ?? false
    }
    var parts = ["<div class=\"table-scroll\">", "<table>"]
    if let caption { parts.append("<caption>\(HTML.escape(caption))</caption>") }
    let headings = columns.enumerated().map { index, title in
      "<th scope=\"col\"\(numericColumns[index] ? " class=\"num\"" : "")>\(HTML.escape(title))</th>"
    }
    parts.append("<thead><tr>\(headings.joined())</tr></thead>")
    parts.append("<tbody>")
    parts += rows.map { "<tr>\(Self.cells($0))</tr>" }
    if let total { parts.append("<tr class=\"total\">\(Self.cells(total))</tr>") }
    parts += ["</tbody>", "</table>", "</div>"]
    return parts.joined(separator: "\n")
  }

  /// A row's cells; the first is a row header.
  static func cells(_ row: [HTMLCell]) -> String {
    row.enumerated().map { index, cell in
      var classes: [String] = []
      if cell.numeric { classes.append("num") }
      if cell.negative { classes.append("negative") }
      let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
      let tag = index == 0 ? "th scope=\"row\"" : "td"
      let close = index == 0 ? "th" : "td"
      return "<\(tag)\(attribute)>\(HTML.escape(cell.text))</\(close)>"
    }.joined()
  }
}
