/// A workbook read from an ODS or XLSX file: its sheets in order and its document properties.
public struct Workbook: Sendable {
  /// The two container formats the reader understands.
  public enum Format: String, Sendable {
    /// OpenDocument spreadsheet (`.ods`): `content.xml` in a ZIP.
    case ods
    /// Office Open XML workbook (`.xlsx`): `xl/workbook.xml` and one XML part per sheet in a ZIP.
    case xlsx
  }

  /// The file name given to the reader, used in every location.
  public let file: String
  /// The container format.
  public let format: Format
  /// The sheets, in the workbook's order.
  public let sheets: [Sheet]
  /// When the document says it was created (ODS `meta:creation-date`, XLSX `dcterms:created`).
  public let created: SpreadsheetDate?
  /// When the document says it was last modified (ODS `dc:date`, XLSX `dcterms:modified`).
  public let modified: SpreadsheetDate?

  /// Creates a workbook from its parts.
  public init(
    file: String, format: Format, sheets: [Sheet], created: SpreadsheetDate? = nil, modified: SpreadsheetDate? = nil
  ) {
    self.file = file
    self.format = format
    self.sheets = sheets
    self.created = created
    self.modified = modified
  }

  /// The names of the sheets, in order.
  public var sheetNames: [String] { sheets.map(\.name) }

  /// The sheet called `name`.
  ///
  /// - Throws: ``SpreadsheetError`` with kind ``SpreadsheetError/Kind/missingSheet(_:available:)``
  ///   naming the sheets that are there.
  public func sheet(named name: String) throws -> Sheet {
    if let sheet = sheets.first(where: { $0.name == name }) { return sheet }
    throw SpreadsheetError(file: file, kind: .missingSheet(name, available: sheetNames))
  }
}
