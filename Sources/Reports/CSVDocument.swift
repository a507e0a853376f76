/// A CSV table: one header row and rows of cells, written with RFC 4180 quoting.
///
/// The only CSV writer in the product: every report's `--format csv` and every CSV file a
/// command writes go through ``text``.
public struct CSVDocument: Sendable, Equatable {
  /// Column names.
  public var header: [String]
  /// Rows of cells, each as long as `header`.
  public var rows: [[String]] = []

  /// A table with these columns and no rows yet.
  public init(header: [String], rows: [[String]] = []) {
    self.header = header
    self.rows = rows
  }

  /// The CSV text: lines ending in LF, fields quoted where they need it.
  public var text: String {
    ([header] + rows).map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  /// Quotes a field when it holds a comma, quote or line break (RFC 4180, as Excel expects);
  /// doubles inner quotes.
  public static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
