import Foundation

/// A plain table rendered either with aligned columns (terminal, print) or as Markdown.
struct TextTable {
  /// Column headings.
  let header: [String]
  /// Rows of cells; each row as long as `header`.
  var rows: [[String]] = []
  /// Which columns are right-aligned (numbers).
  let rightAligned: Set<Int>

  init(header: [String], rightAligned: Set<Int>) {
    self.header = header
    self.rightAligned = rightAligned
  }

  /// Columns padded to their widest cell, separated by two spaces, with a rule under the header.
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
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
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
