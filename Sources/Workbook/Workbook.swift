/// A spreadsheet as plain values: sheets of cells and charts, written to `.xlsx` in one call.
///
/// ```swift
/// var sheet = Worksheet(name: "Summary")
/// sheet.append([.header("Year"), .header("Reserve")])
/// sheet.append([.text("2019-20"), .pounds(-9_604_000)])
/// try Workbook(sheets: [sheet]).write(to: "plan.xlsx")
/// ```
public struct Workbook: Hashable, Sendable {
  /// The sheets in tab order.
  public var sheets: [Worksheet]

  /// A workbook of `sheets`.
  public init(sheets: [Worksheet]) {
    self.sheets = sheets
  }

  /// The sheet called `name`, if any.
  public func sheet(named name: String) -> Worksheet? { sheets.first { $0.name == name } }

  /// Writes the workbook to `path` as an Office Open XML spreadsheet.
  ///
  /// The workbook is first checked (``WorkbookError/Code``: sheet names, cell limits, finite
  /// numbers, chart ranges), then written with libxlsxwriter to a temporary file beside
  /// `path`, which is renamed onto `path` only once complete. On any error the temporary file
  /// is removed and `path` is left as it was: never a partial file, nothing overwritten.
  /// - Throws: ``WorkbookError`` naming the sheet and cell where one is at fault.
  public func write(to path: String) throws(WorkbookError) {
    try WorkbookValidation.check(self, path: path)
    try XLSXWriter.write(self, to: path)
  }
}
