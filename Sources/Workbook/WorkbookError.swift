/// Why a workbook could not be written, and where.
///
/// The codes name libxlsxwriter's `lxw_error` values (mapped one to one in `XLSXWriter.swift`)
/// plus the checks made before libxlsxwriter is called. The command-line tool maps
/// ``Code/cannotCreateFile`` and ``Code/cannotRename`` to exit code 73 (cannot write output).
public struct WorkbookError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Code: Hashable, Sendable {
    /// Memory could not be allocated (`LXW_ERROR_MEMORY_MALLOC_FAILED`).
    case outOfMemory
    /// The output or a temporary file could not be created (`LXW_ERROR_CREATING_XLSX_FILE`,
    /// `LXW_ERROR_CREATING_TMPFILE`, `LXW_ERROR_READING_TMPFILE`).
    case cannotCreateFile
    /// The ZIP container failed (`LXW_ERROR_ZIP_*`).
    case zipFailed
    /// A sheet name is empty, too long (over 31 characters), has one of `[ ] : * ? / \`,
    /// starts or ends with an apostrophe, or repeats another (`LXW_ERROR_SHEETNAME_*`).
    case invalidSheetName
    /// A string is longer than Excel allows (`LXW_ERROR_*_STRING_LENGTH_EXCEEDED`) or holds a NUL.
    case stringTooLong
    /// A row or column is beyond Excel's 1,048,576 × 16,384 grid (`LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE`).
    case cellOutOfRange
    /// A number is NaN or infinite, which a spreadsheet cannot hold.
    case nonFiniteNumber
    /// A chart has no series, or a range that is empty or on a sheet the workbook lacks.
    case invalidChart
    /// libxlsxwriter rejected a parameter (`LXW_ERROR_PARAMETER_VALIDATION`, `..._NULL_PARAMETER_IGNORED`,
    /// `LXW_ERROR_FEATURE_NOT_SUPPORTED`, and any code this version does not know).
    case rejected
    /// The finished temporary file could not be renamed onto the output path.
    case cannotRename
  }

  /// What went wrong.
  public let code: Code
  /// The output path.
  public let path: String
  /// The sheet at fault, if one is.
  public let sheet: String?
  /// The zero-based cell at fault, if one is.
  public let cell: (row: Int, column: Int)?
  /// What was found and what was expected, in words.
  public let detail: String

  /// An error of `code` for `path`.
  public init(_ code: Code, path: String, sheet: String? = nil, cell: (row: Int, column: Int)? = nil, detail: String) {
    self.code = code
    self.path = path
    self.sheet = sheet
    self.cell = cell
    self.detail = detail
  }

  /// `plan.xlsx: sheet 'Summary', cell B3: ...`, with the cell in A1 notation.
  public var description: String {
    var location = path
    if let sheet { location += ": sheet '\(sheet)'" }
    if let cell { location += ", cell \(Self.a1(row: cell.row, column: cell.column))" }
    return "\(location): \(detail)"
  }

  /// A1 notation of a zero-based cell: (0, 0) → `A1`, (2, 27) → `AB3`.
  public static func a1(row: Int, column: Int) -> String {
    var letters = ""
    var number = column + 1
    while number > 0 {
      let remainder = (number - 1) % 26
      letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
      number = (number - 1) / 26
    }
    return "\(letters)\(row + 1)"
  }

  /// Errors are equal when code, path, sheet, cell and detail are.
  public static func == (lhs: WorkbookError, rhs: WorkbookError) -> Bool {
    lhs.code == rhs.code && lhs.path == rhs.path && lhs.sheet == rhs.sheet && lhs.detail == rhs.detail
      && lhs.cell?.row == rhs.cell?.row && lhs.cell?.column == rhs.cell?.column
  }

  /// Hashes code, path, sheet and detail.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(code)
    hasher.combine(path)
    hasher.combine(sheet)
    hasher.combine(detail)
  }
}
