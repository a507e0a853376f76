import HighNeeds
import Spreadsheet

/// Reads the extract of the DfE high needs benchmarking tool
/// (`high_needs_benchmarking_outturn_2021-22.xlsx`): per authority, the 2-18 population, plans
/// (EHCPs and statements) in seven placement categories, and section 251 high-needs lines for
/// the budget year and the outturn year.
///
/// Layout read (and checked, heading by heading): row 2 `Year` then the budget year; row 3
/// `Section 251 budget` and `Section 251 outturn` over their blocks, with the outturn block's
/// note above naming the years it holds (the latest is the outturn year); row 4 the 27 line
/// headings of ``Section251Line`` in order in each block; row 5 `LA code`, `LA name`, the
/// population heading (`2-18 Population (ONS mid-2021 projection)`), the plan count, and
/// `of these, placements in:` over row 6's seven placement headings. Values are pounds.
///
/// The tool does not say which census its plan counts are; for the 2021-22 tool they equal SEN2's
/// January 2021 figures (a test checks this for every authority), so plans are recorded for
/// January of the budget year's start.
public enum HighNeedsBenchmarking {
  static let placementHeadings: [(PlacementCategory, String)] = [
    (.mainstream, "Mainstream schools or academies"),
    (.resourcedProvision, "Resourced provision or SEN units"),
    (.maintainedSpecial, "Maintained special schools or special academies"),
    (.independentSpecial, "NMSS or independent schools"),
    (.alternativeProvision, "Hospital schools or alternative provision"),
    (.post16, "Post 16"),
    (.other, "Other"),
  ]

  /// True when a sheet has a `Section 251 budget` heading in its first rows.
  public static func recognises(_ workbook: Workbook) -> Bool {
    workbook.sheets.contains { find("Section 251 budget", in: $0) != nil }
  }

  /// The records of the first sheet that has the benchmarking layout.
  ///
  /// - Throws: ``FinanceDataError`` at the cell where a heading is missing or not the expected
  ///   one, or a year cannot be read.
  public static func records(in workbook: Workbook) throws -> [FinanceRecord] {
    guard let sheet = workbook.sheets.first(where: { find("Section 251 budget", in: $0) != nil }) else {
      throw FinanceDataError(
        .missingSheet, file: workbook.file, expected: "a sheet with a \"Section 251 budget\" heading",
        found: "sheets " + workbook.sheetNames.map { "\"\($0)\"" }.joined(separator: ", "))
    }
    let edition = Edition(
      file: workbook.file, sheet: sheet.name, kind: .extract, date: workbook.created,
      dateBasis: workbook.created == nil ? .none : .documentCreated)
    let layout = try Layout(sheet)
    var records: [FinanceRecord] = []
    for row in sheet.rows where row.number > layout.placementRow {
      guard let code = CellReading.laCode(row[layout.codeColumn]) else { continue }
      let area = FinanceArea.authority(Authority(name: CellReading.heading(row[layout.nameColumn]), code: code))
      func add(_ measure: FinanceMeasure, _ period: FinancePeriod, _ column: Int) {
        let (value, missing) = CellReading.value(row[column])
        let unit: MoneyUnit? = measure.unit == .pounds ? .pounds : nil
        records.append(
          FinanceRecord(
            area: area, period: period, measure: measure, value: value, missing: missing,
            source: FinanceSource(
              location: sheet.location(row: row.number, column: column), edition: edition, unitInFile: unit)))
      }
      add(.population2to18, .midYear(layout.populationYear), layout.populationColumn)
      let census = FinancePeriod.census(CensusYear(layout.budgetYear.startYear))
      add(.plans(nil), census, layout.plansColumn)
      for (offset, (placement, _)) in placementHeadings.enumerated() {
        add(.plans(placement), census, layout.placementColumn + offset)
      }
      for (offset, line) in Section251Line.allCases.enumerated() {
        add(.section251Budget(line), .financialYear(layout.budgetYear), layout.budgetColumn + offset)
        add(.section251Outturn(line), .financialYear(layout.outturnYear), layout.outturnColumn + offset)
      }
    }
    return records
  }

  /// The location of the first cell in the first rows whose heading is `heading`.
  static func find(_ heading: String, in sheet: Sheet, rows limit: Int = 8) -> CellLocation? {
    for row in sheet.rows.prefix(limit) {
      if let column = row.cells.firstIndex(where: { CellReading.heading($0) == heading }) {
        return sheet.location(row: row.number, column: column)
      }
    }
    return nil
  }
}
