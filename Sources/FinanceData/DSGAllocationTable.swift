import HighNeeds
import Spreadsheet

/// Reads the DfE "Dedicated schools grant (DSG)" allocation tables: each `Allocations_*`
/// summary sheet gives, per authority and for England, the schools, central school services,
/// high needs and early years blocks and the total, before and after deductions.
///
/// The year comes from the sheet's title (`2019-20 allocations`, `2020 to 2021 allocations`),
/// the before/after group from the heading above each column (merged or not), and the unit
/// from each column heading: `(£s)`, or `(£ million)` in the 2019-20 table, converted to pounds.
/// Rows whose first cell is an LA code are authorities; `ENGLAND` is the national row; region
/// and authority-type subtotal rows are skipped. A `High_needs_deductions` sheet, where there
/// is one, is read too (``HighNeedsDeductionsTable``).
public enum DSGAllocationTable {
  /// True when `workbook` has an `Allocations_*` sheet.
  public static func recognises(_ workbook: Workbook) -> Bool {
    workbook.sheetNames.contains { $0.hasPrefix("Allocations") }
  }

  /// The records of every allocation sheet in `workbook`.
  ///
  /// - Throws: ``FinanceDataError`` naming the sheet, row and column when a sheet has no year
  ///   in its title, lacks a block column before or after deductions, or a heading names no unit.
  public static func records(in workbook: Workbook) throws -> [FinanceRecord] {
    let sheets = workbook.sheets.filter { $0.name.hasPrefix("Allocations") }
    guard !sheets.isEmpty else {
      throw FinanceDataError(
        .missingSheet, file: workbook.file,
        expected: "a sheet named Allocations_summary or Allocations_YYZZ",
        found: "sheets " + workbook.sheetNames.map { "\"\($0)\"" }.joined(separator: ", "))
    }
    let (date, basis) = editionDate(workbook)
    var records: [FinanceRecord] = []
    for sheet in sheets {
      let kind: Edition.Kind = basis == .publicationDate ? .publishedTable : .compilation
      let edition = Edition(file: workbook.file, sheet: sheet.name, kind: kind, date: date, dateBasis: basis)
      records += try self.records(in: sheet, edition: edition)
    }
    records += try HighNeedsDeductionsTable.records(in: workbook) { sheet in
      Edition(
        file: workbook.file, sheet: sheet.name, kind: basis == .publicationDate ? .publishedTable : .compilation,
        date: date, dateBasis: basis)
    }
    return records
  }

  /// The publication date from the Information sheet (`Publication date:` then the date in a
  /// later cell of that row), or else the document's creation date.
  static func editionDate(_ workbook: Workbook) -> (SpreadsheetDate?, Edition.DateBasis) {
    for sheet in workbook.sheets where sheet.name.hasPrefix("Information") {
      for row in sheet.rows {
        guard
          let labelColumn = row.cells.firstIndex(where: { ($0.text ?? "").lowercased().hasPrefix("publication date") })
        else { continue }
        for cell in row.cells[(labelColumn + 1)...] {
          if case .date(let date) = cell { return (date, .publicationDate) }
          if let text = cell.text, let date = CellReading.writtenDate(text) { return (date, .publicationDate) }
        }
      }
    }
    if let created = workbook.created { return (created, .documentCreated) }
    return (nil, .none)
  }

  private struct Column {
    let index: Int
    let measure: FinanceMeasure
    let unit: MoneyUnit
  }

  static func records(in sheet: Sheet, edition: Edition) throws -> [FinanceRecord] {
    let year = try self.year(of: sheet)
    guard
      let headingRow = sheet.rows.prefix(12).first(where: { row in
        row.cells.contains { CellReading.heading($0).lowercased().contains("high needs block") }
      })
    else {
      throw FinanceDataError(
        .missingColumn, file: sheet.file, sheet: sheet.name,
        expected: "a heading row with a \"High needs block\" column")
    }
    let columns = try self.columns(sheet, headingRow: headingRow)
    var records: [FinanceRecord] = []
    for row in sheet.rows where row.number > headingRow.number {
      guard let area = try area(of: row, in: sheet) else { continue }
      for column in columns {
        let (value, missing) = CellReading.value(row[column.index], factor: column.unit.factor)
        let location = sheet.location(row: row.number, column: column.index)
        records.append(
          FinanceRecord(
            area: area, period: .financialYear(year), measure: column.measure, value: value, missing: missing,
            source: FinanceSource(location: location, edition: edition, unitInFile: column.unit)))
      }
    }
    return records
  }

  /// The financial year in the sheet's title (row 1, column A).
  static func year(of sheet: Sheet) throws -> FinancialYear {
    let title = sheet.cell(row: 1, column: 0)
    guard let year = CellReading.financialYears(in: CellReading.heading(title)).first else {
      throw FinanceDataError(
        .badValue, at: sheet.location(row: 1, column: 0),
        expected: "a title naming the financial year (\"2019-20 allocations\" or \"2020 to 2021 allocations\")",
        found: title.description)
    }
    return year
  }

  /// The block columns, grouped before/after deductions by the headings above them.
  private static func columns(_ sheet: Sheet, headingRow: SheetRow) throws -> [Column] {
    var columns: [Column] = []
    var group: DeductionBasis?
    for (index, cell) in headingRow.cells.enumerated() {
      if let groupText = groupHeading(sheet, above: headingRow.number, column: index) {
        let lower = groupText.lowercased()
        if lower.contains("after") {
          group = .afterDeductions
        } else if lower.contains("before") || lower.contains("prior") {
          group = .beforeDeductions
        }
      }
      let heading = CellReading.heading(cell)
      guard let block = block(named: heading) else { continue }
      let location = sheet.location(row: headingRow.number, column: index)
      guard let basis = group else {
        throw FinanceDataError(
          .missingColumn, at: location, expected: "a heading above saying before or after deductions", found: heading)
      }
      guard let unit = CellReading.moneyUnit(in: heading) else {
        throw FinanceDataError(
          .missingUnit, at: location, expected: "a unit such as (£s) or (£ million)", found: heading)
      }
      columns.append(Column(index: index, measure: .block(block, basis), unit: unit))
    }
    for basis in DeductionBasis.allCases {
      for block in [DSGBlock.highNeeds, .total] where !columns.contains(where: { $0.measure == .block(block, basis) }) {
        throw FinanceDataError(
          .missingColumn, file: sheet.file, sheet: sheet.name, row: headingRow.number,
          expected: "a \(block == .highNeeds ? "\"High needs block\"" : "\"Total DSG allocation\"") column "
            + basis.rawValue.replacingOccurrences(of: "_", with: " "))
      }
    }
    return columns
  }

  /// The nearest non-empty heading above `row` in `column` (merged ranges filled in).
  private static func groupHeading(_ sheet: Sheet, above row: Int, column: Int) -> String? {
    for candidate in stride(from: row - 1, through: 1, by: -1) {
      let text = CellReading.heading(sheet.cellFillingMerges(row: candidate, column: column))
      if !text.isEmpty { return text }
    }
    return nil
  }

  private static func block(named heading: String) -> DSGBlock? {
    let lower = heading.lowercased()
    if lower.contains("central school services") { return .centralSchoolServices }
    if lower.contains("high needs block") { return .highNeeds }
    if lower.contains("early years block") { return .earlyYears }
    if lower.contains("total dsg") { return .total }
    if lower.contains("schools block") { return .schools }
    return nil
  }

  /// England, an authority (LA code in column A, name in B), or nil for rows to skip.
  static func area(of row: SheetRow, in sheet: Sheet) throws -> FinanceArea? {
    let first = row[0]
    if CellReading.heading(first).uppercased() == "ENGLAND" { return .england }
    guard let code = CellReading.laCode(first) else { return nil }
    let name = CellReading.heading(row[1])
    guard !name.isEmpty else {
      throw FinanceDataError(
        .badValue, at: sheet.location(row: row.number, column: 1), expected: "the name of authority \(code)",
        found: row[1].description)
    }
    return .authority(Authority(name: name, code: code))
  }
}
