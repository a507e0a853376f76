import Spreadsheet

/// A finance file that is not what it should be, located to the file, sheet, row and column
/// where that is known, saying what was expected and what was found.
///
/// `dsg.ods:Allocations_summary:2:E: expected a "High needs block" column before deductions; found "Early years"`
public struct FinanceDataError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What kind of problem it is.
  public enum Kind: Hashable, Sendable {
    /// The workbook could not be read as a spreadsheet.
    case spreadsheet(SpreadsheetError)
    /// The workbook is none of the DfE finance files this module reads.
    case unrecognisedFile
    /// A sheet the file must have is missing.
    case missingSheet
    /// A column the table must have is missing or its heading is not the expected one.
    case missingColumn
    /// A heading names no unit (`(£s)`, `(£ million)`), so values cannot be put in pounds.
    case missingUnit
    /// A cell that must name a year, code or authority does not.
    case badValue
  }

  /// What kind of problem it is.
  public let kind: Kind
  /// The file.
  public let file: String
  /// The sheet, when the problem is in one.
  public let sheet: String?
  /// The row (from 1), when known.
  public let row: Int?
  /// The column's letters, when known.
  public let column: String?
  /// What the file should have had there.
  public let expected: String
  /// What it had, when there was something.
  public let found: String?

  /// Creates an error at a cell.
  public init(_ kind: Kind, at location: CellLocation, expected: String, found: String? = nil) {
    self.init(
      kind, file: location.file, sheet: location.sheet, row: location.row, column: location.column,
      expected: expected, found: found)
  }

  /// Creates an error at whatever is known of the place.
  public init(
    _ kind: Kind, file: String, sheet: String? = nil, row: Int? = nil, column: String? = nil, expected: String,
    found: String? = nil
  ) {
    self.kind = kind
    self.file = file
    self.sheet = sheet
    self.row = row
    self.column = column
    self.expected = expected
    self.found = found
  }

  /// Wraps a reader error.
  public init(_ error: SpreadsheetError) {
    self.init(
      .spreadsheet(error), file: error.file, expected: "a readable ODS or XLSX workbook", found: error.description)
  }

  /// True when the file could not be read at all (sysexits 66), not read and found wrong (65).
  public var isUnreadable: Bool {
    if case .spreadsheet(let error) = kind { return error.isUnreadable }
    return false
  }

  /// `file:sheet:row:column: expected ...; found ...` (or the reader's own message).
  public var description: String {
    if case .spreadsheet(let error) = kind { return error.description }
    let place = [file, sheet, row.map(String.init), column].compactMap { $0 }.joined(separator: ":")
    return "\(place): expected \(expected)" + (found.map { "; found \($0)" } ?? "")
  }
}
