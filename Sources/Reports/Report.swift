import Workbook

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
  /// A self-contained HTML page (inline CSS and SVG charts, nothing fetched; prints on A4).
  case html
  /// An Excel workbook laid out as the DfE's DSG management plan (written to a file, not text).
  case xlsx

  /// The formats written as text (every one but the workbook).
  public static let text: [ReportFormat] = [.table, .csv, .json, .markdown, .html]
}

/// One part of a report for people (the table, Markdown and HTML formats).
public enum ReportBlock: Sendable {
  /// A section heading.
  case heading(String)
  /// A chart (its SVG) with a caption: drawn in HTML, left out of the text forms.
  case figure(svg: String, caption: String)
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
  /// A whole HTML page of the report's own design (charts first), or nil to lay out ``blocks()``.
  func htmlPage() -> String?
  /// The workbook, for the reports that have one (`--format xlsx`).
  func workbook() -> Workbook?
}

extension Report {
  /// Every text format.
  public static var formats: [ReportFormat] { ReportFormat.text }
  /// The blocks laid out as a page.
  public func htmlPage() -> String? { nil }
  /// No workbook.
  public func workbook() -> Workbook? { nil }
}

/// The report as text in `format`: JSON (indented, with a final line break), CSV, aligned
/// text, Markdown, or a whole HTML page. `xlsx` is not text: write ``Report/workbook()`` to a file
/// (the command line refuses `--format xlsx` without `--output`); asked for here it gives the HTML.
public func render(_ report: some Report, as format: ReportFormat) -> String {
  switch format {
  case .xlsx, .html:
    return report.htmlPage()
      ?? BlockRenderer.document(title: report.title, body: BlockRenderer(style: .html).render(report.blocks()))
  case .json: return report.json().serialized() + "\n"
  case .csv: return report.csv().text
  case .table: return BlockRenderer(style: .aligned).render(report.blocks())
  case .markdown: return BlockRenderer(style: .markdown).render(report.blocks())
  }
}
