import Foundation
import TestSupport
import Testing
import Workbook

/// The DSG plan workbook opened in a real spreadsheet: LibreOffice (Debian's
/// libreoffice-calc-nogui, installed by `.ci/install-deps`) converts every sheet to CSV with raw
/// values (not as shown), and each money value must equal the input to the pound. This test
/// FAILS when LibreOffice is missing: it is never skipped.
@Suite struct WorkbookInLibreOfficeTests {
  /// Every sheet as CSV rows, keyed by sheet name, through LibreOffice.
  static func sheetsThroughLibreOffice(_ input: DSGPlanInput) throws -> [String: [[String]]] {
    let folder = try makeTemporaryFolder("workbook-lo")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("plan.xlsx")
    let workbook = DSGPlanWorkbook.build(input)
    try workbook.write(to: path.path)
    return try libreOfficeSheets(path, sheets: workbook.sheets.map(\.name))
  }

  /// The cell under `column` in the row labelled `label`.
  static func cell(_ rows: [[String]], row label: String, column: String) -> String? {
    csvCell(rows, row: label, column: column)
  }

  /// Whole pounds as LibreOffice writes raw values (`-9604000`).
  static func pounds(_ text: String?) -> Int64? { text.flatMap { Int64($0) } }

  @Test func financialPlanEqualsTheInputsToThePound() throws {
    let input = SamplePlan.input()
    let sheets = try Self.sheetsThroughLibreOffice(input)
    let plan = try #require(sheets[DSGPlanWorkbook.financialPlanSheet])
    // Hand-computed from SamplePlan (halves round away from zero, as the JSON report does).
    let expected: [(String, String, Int64)] = [
      ("Maintained special", "2019-20", 21_697_201), ("Mainstream", "2020-21", 6_692_040),
      ("Outturn above (below) the model", "2018-19", 368_000),
      ("Outturn above (below) the model", "2019-20", 3_464_639),
      ("Total expenditure", "2020-21", 44_507_622), ("High Needs Block allocation", "2019-20", 38_226_000),
      ("In-year balance (funding less expenditure)", "2019-20", -5_916_000),
      ("DSG reserve at end of year", "2019-20", -9_604_000), ("DSG reserve at end of year", "2021-22", -12_747_262),
      ("In-year balance before mitigations", "2020-21", -2_517_623),
      ("Reserve at year end before mitigations", "2021-22", -15_497_263),
      ("One-off savings", "2020-21", -250_000), ("Funding from mitigations", "2020-21", 500_000),
    ]
    for (line, year, pounds) in expected {
      #expect(Self.pounds(Self.cell(plan, row: line, column: year)) == pounds, "\(line), \(year)")
    }
    // Every input year, every ledger line, to the pound.
    for year in input.years {
      let checks: [(String, Double?)] = [
        ("Total funding", year.totalFunding), ("Total expenditure", year.totalSpend),
        ("DSG reserve at start of year", year.openingReserve), ("Total DSG", year.dsgTotal),
      ]
      for (line, value) in checks {
        let wanted = value.map { Int64($0.rounded(.toNearestOrAwayFromZero)) }
        #expect(Self.pounds(Self.cell(plan, row: line, column: year.year)) == wanted, "\(line), \(year.year)")
      }
      let income = ["High Needs Block allocation", "Block transfers", "Other income", "Funding from mitigations"]
      let funding = income.compactMap { Self.pounds(Self.cell(plan, row: $0, column: year.year)) }.reduce(0, +)
      #expect(
        funding == Self.pounds(Self.cell(plan, row: "Total funding", column: year.year)), "\(year.year) funding adds up"
      )
      // The expenditure lines add up to the total, as the printed column must.
      let lines =
        input.placements.map { key in key.split(separator: "_").joined(separator: " ") }
        .map { String($0.prefix(1).uppercased() + $0.dropFirst()) }
        + ["Other high needs spend", "One-off savings", "Outturn above (below) the model"]
      let sum = lines.compactMap { Self.pounds(Self.cell(plan, row: $0, column: year.year)) }.reduce(0, +)
      #expect(sum == Self.pounds(Self.cell(plan, row: "Total expenditure", column: year.year)), "\(year.year) adds up")
    }
  }

  @Test func otherSheetsEqualTheInputs() throws {
    let sheets = try Self.sheetsThroughLibreOffice(SamplePlan.input())
    let summary = try #require(sheets[DSGPlanWorkbook.summarySheet])
    #expect(
      Self.pounds(Self.cell(summary, row: "2019-20", column: "Reserve at year end after mitigations")) == -9_604_000)
    #expect(Self.pounds(Self.cell(summary, row: "2020-21", column: "In-year balance before mitigations")) == -2_517_623)
    #expect(Self.cell(summary, row: "2019-20", column: "Status") == "Outturn")
    #expect(Self.cell(summary, row: "2019-20", column: "Recovery plan required (1% rule)") == "Yes")
    #expect(Self.cell(summary, row: "2019-20", column: "Reserve as % of total DSG") == "-3.693846%")

    let mitigations = try #require(sheets[DSGPlanWorkbook.mitigationsSheet])
    #expect(Self.pounds(Self.cell(mitigations, row: "New special free school", column: "2021-22")) == 1_000_001)
    #expect(Self.pounds(Self.cell(mitigations, row: "New special free school", column: "Total")) == 1_750_002)
    #expect(Self.cell(mitigations, row: "Schools Block transfer", column: "Type") == "Block transfer")
    #expect(Self.pounds(Self.cell(mitigations, row: "Total savings", column: "2020-21")) == 1_250_001)

    let children = try #require(sheets[DSGPlanWorkbook.childrenSheet])
    // Plans are not money: kept unrounded; LibreOffice's raw export prints them exactly here.
    #expect(Self.cell(children, row: "2020-21", column: "Maintained special") == "1120.5")
    #expect(Self.cell(children, row: "2020-21", column: "Total plans") == "2140.5")
    #expect(children.contains { $0.first == "Plans by age band" })

    let places = try #require(sheets[DSGPlanWorkbook.placesSheet])
    let shortfall = try #require(places.first { $0.count > 5 && $0[2] == "2020-21" })
    #expect(shortfall[0] == "Maintained special" && shortfall[5] == "-20.5")

    let assumptions = try #require(sheets[DSGPlanWorkbook.assumptionsSheet])
    #expect(Self.cell(assumptions, row: "Cost per plan: independent special", column: "Value") == "54000")
    #expect(Self.cell(assumptions, row: "Funding growth after 2020-21", column: "Value") == "8%")
    #expect(
      Self.cell(assumptions, row: "Plans at January 2020 census", column: "Source") == "seed 10.5: \"over 2,500\"")
  }
}
