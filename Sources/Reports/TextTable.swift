import Forecasting
import Projection
import HighNeeds
import Foundation

/// A plain table rendered with aligned columns (terminal, print), as Markdown or as HTML: the
/// only table renderer in the product.
public struct TextTable: Sendable {
  /// Column headings.
  public let header: [String]
  /// Rows of cells; each row as long as `header`.
  public var rows: [[String]] = []
  /// Which columns are right-aligned (numbers).
  public let rightAligned: Set<Int>
  /// Whether the aligned form draws a rule of dashes under the header (and a blank line after).
  public let rule: Bool

  /// An empty table with these headings.
  public init(header: [String], rightAligned: Set<Int>, rule: Bool = true) {
    self.header = header
    self.rightAligned = rightAligned
    self.rule = rule
  }

  /// Columns padded to their widest cell, separated by two spaces, with a rule under the
  /// header when ``rule`` is set.
  func aligned() -> String {
    let widths = header.indices.map { column in
      ([header] + rows).map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      header.indices.map { column in
        let cell = column < cells.count ? cells[column] : ""
        let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
        return rightAligned.contains(column) ? padding + cell : cell + padding
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }
    let ruleLine = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    let lines = rule ? [line(header), ruleLine] + rows.map(line) : [line(header)] + rows.map(line)
    return lines.joined(separator: "\n") + "\n"
  }

  /// A GitHub-flavoured Markdown table.
  func markdown() -> String {
    let escape = { (cell: String) in cell.replacingOccurrences(of: "|", with: "\\|") }
    let head = "| " + header.map(escape).joined(separator: " | ") + " |"
    let rule = "|" + header.indices.map { rightAligned.contains($0) ? "---:|" : "---|" }.joined()
    let body = rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
    return ([head, rule] + body).joined(separator: "\n") + "\n"
  }
}

extension String {
  /// The string without trailing spaces.
  func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.hasSuffix(" ") { copy.removeLast() }
    return copy
  }
}
