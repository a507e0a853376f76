import HighNeeds
import Spreadsheet

/// Reads `dsg_deficit_derived.xlsx`: the DSG cumulative balance as a percentage of total income
/// (section 251 outturn line 1.9.3) for England, regions and authorities, by financial year.
///
/// Columns by heading: `geographic_level` (`National`, `Regional`, `Local authority`),
/// `la_name`, `DSG cumulative balance as a % of the total income` (negative is a deficit) and
/// `financial_year` (`2019-20`). Authorities are named only, without codes; regions are skipped.
/// The balance is at 31 March, the end of the financial year.
public enum DSGBalanceTable {
  static let balanceHeading = "DSG cumulative balance as a % of the total income"

  /// True when a sheet has the balance heading in its first row.
  public static func recognises(_ workbook: Workbook) -> Bool {
    workbook.sheets.contains { TableHeadings.find(balanceHeading, in: $0, within: 1) != nil }
  }

  /// The records of the first sheet with the balance heading.
  ///
  /// - Throws: ``FinanceDataError`` at the cell when a heading is missing, a year is not a
  ///   financial year, or an authority row has no name.
  public static func records(in workbook: Workbook) throws -> [FinanceRecord] {
    guard let sheet = workbook.sheets.first(where: { TableHeadings.find(balanceHeading, in: $0, within: 1) != nil }),
      let headings = TableHeadings.find(balanceHeading, in: sheet, within: 1)
    else {
      throw FinanceDataError(
        .missingColumn, file: workbook.file, sheet: workbook.sheetNames.first,
        expected: "a column \"\(balanceHeading)\" in row 1")
    }
    let level = try headings.column("geographic_level")
    let name = try headings.column("la_name")
    let balance = try headings.column(balanceHeading)
    let yearColumn = try headings.column("financial_year")
    let edition = Edition(
      file: workbook.file, sheet: sheet.name, kind: .extract, date: workbook.created,
      dateBasis: workbook.created == nil ? .none : .documentCreated)
    var records: [FinanceRecord] = []
    for row in sheet.rows where row.number > headings.row.number {
      let area: FinanceArea
      switch CellReading.heading(row[level]).lowercased() {
      case "national": area = .england
      case "local authority":
        let authority = CellReading.heading(row[name])
        guard !authority.isEmpty else {
          throw FinanceDataError(
            .badValue, at: sheet.location(row: row.number, column: name), expected: "an authority name",
            found: row[name].description)
        }
        area = .authority(Authority(name: authority, code: nil))
      default: continue
      }
      let yearCell = row[yearColumn]
      guard let year = CellReading.financialYears(in: yearCell.text ?? "").first else {
        throw FinanceDataError(
          .badValue, at: sheet.location(row: row.number, column: yearColumn),
          expected: "a financial year (\"2019-20\")",
          found: yearCell.description)
      }
      let (value, missing) = CellReading.value(row[balance])
      records.append(
        FinanceRecord(
          area: area, period: .financialYear(year), measure: .dsgBalancePercentOfIncome, value: value, missing: missing,
          source: FinanceSource(
            location: sheet.location(row: row.number, column: balance), edition: edition, unitInFile: nil)))
    }
    return records
  }
}
