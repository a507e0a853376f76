import HighNeeds
import Spreadsheet

/// Reads `DSG_by_year_dr.xlsx`: one sheet per year, columns `la_code`, `la_name`,
/// `Total DSG allocation (£s)`, `time_period` (`201920`), giving total DSG before deductions.
///
/// An extract of the allocation tables (``Edition/Kind/extract``): where a table gives the same
/// year, the table wins, and ``FinanceDataset`` reports any difference.
public enum DSGTotalsExtract {
  static let totalHeading = "Total DSG allocation (£s)"

  /// True when a sheet has the `la_code` and `Total DSG allocation (£s)` headings in row 1.
  public static func recognises(_ workbook: Workbook) -> Bool {
    workbook.sheets.contains { sheet in
      let headings = (sheet.row(1)?.cells ?? []).map { CellReading.heading($0).lowercased() }
      return headings.contains("la_code") && headings.contains(totalHeading.lowercased())
    }
  }

  /// The records of every sheet.
  ///
  /// - Throws: ``FinanceDataError`` at the cell when a heading is missing, a `time_period` is
  ///   not a financial year, or a row's LA code is neither a code nor `ENGLAND`.
  public static func records(in workbook: Workbook) throws -> [FinanceRecord] {
    var records: [FinanceRecord] = []
    for sheet in workbook.sheets {
      guard let headingRow = sheet.row(1) else { continue }
      let headings = TableHeadings(sheet: sheet, row: headingRow)
      let code = try headings.column("la_code")
      let name = try headings.column("la_name")
      let total = try headings.column(totalHeading)
      let period = try headings.column("time_period")
      let edition = Edition(
        file: workbook.file, sheet: sheet.name, kind: .extract, date: sheetNameDate(sheet.name), dateBasis: .sheetName)
      for row in sheet.rows where row.number > 1 {
        let area: FinanceArea
        if CellReading.heading(row[code]).uppercased() == "ENGLAND" {
          area = .england
        } else if let laCode = CellReading.laCode(row[code]) {
          area = .authority(Authority(name: CellReading.heading(row[name]), code: laCode))
        } else {
          continue  // regions
        }
        let periodCell = row[period]
        guard let year = CellReading.financialYears(in: periodCell.text ?? periodCell.description).first else {
          throw FinanceDataError(
            .badValue, at: sheet.location(row: row.number, column: period),
            expected: "a time_period such as 201920", found: periodCell.description)
        }
        let (value, missing) = CellReading.value(row[total])
        records.append(
          FinanceRecord(
            area: area, period: .financialYear(year), measure: .totalDSG, value: value, missing: missing,
            source: FinanceSource(
              location: sheet.location(row: row.number, column: total), edition: edition, unitInFile: .pounds)))
      }
    }
    return records
  }

  /// `dsg_budget_2021_03_16` → 2021-03-16; nil when the name has no such date.
  static func sheetNameDate(_ name: String) -> SpreadsheetDate? {
    let parts = name.split(separator: "_").compactMap { Int($0) }
    guard parts.count >= 3 else { return nil }
    let date = SpreadsheetDate(year: parts[parts.count - 3], month: parts[parts.count - 2], day: parts[parts.count - 1])
    return SpreadsheetDate(iso8601: date.description)
  }
}
