/// The formats a report can be written in (`--format`).
public enum ReportFormat: String, CaseIterable, Sendable {
  /// Columns aligned with spaces, for a terminal or a printout.
  case table
  /// Comma-separated values with one header row (opens in Excel).
  case csv
  /// The JSON contract of DESIGN.md.
  case json
  /// GitHub-flavoured Markdown.
  case markdown
  /// A self-contained HTML page.
  case html
}

/// One part of a report for people (the table, Markdown and HTML formats).
public enum ReportBlock: Sendable {
  /// A section heading.
  case heading(String)
  /// A paragraph.
  case paragraph(String)
  /// A bullet list (nothing when empty).
  case bullets([String])
  /// A table.
  case table(TextTable)
  /// Text laid out by the report itself (the R-style regression summary), kept as it is: verbatim
  /// in text, fenced in Markdown, `<pre>` in HTML.
  case preformatted(String)
  /// A blank line between sections.
  case gap
}

/// What every command prints: a value that can be written as JSON, CSV and text.
///
/// A report holds computed results and only arranges them; ``render(_:as:)`` is the single
/// entry point that turns any report into any format, so every command writes its output the
/// same way (one JSON writer, one CSV quoting, one table renderer).
public protocol Report {
  /// The formats this report has (a command offers only these).
  static var formats: [ReportFormat] { get }
  /// The title (HTML `<title>`).
  var title: String { get }
  /// The JSON document.
  func json() -> JSONValue
  /// The CSV table.
  func csv() -> CSVDocument
  /// The blocks of the text, Markdown and HTML forms.
  func blocks() -> [ReportBlock]
}

extension Report {
  /// Every format.
  public static var formats: [ReportFormat] { ReportFormat.allCases }
}

/// The report as text in `format`: JSON (indented, with a final line break), CSV, aligned
/// text, Markdown, or a whole HTML page.
public func render(_ report: some Report, as format: ReportFormat) -> String {
  switch format {
  case .json: return report.json().serialized() + "\n"
  case .csv: return report.csv().text
  case .table: return BlockRenderer(style: .aligned).render(report.blocks())
  case .markdown: return BlockRenderer(style: .markdown).render(report.blocks())
  case .html:
    return BlockRenderer.document(title: report.title, body: BlockRenderer(style: .html).render(report.blocks()))
  }
}
