import FinanceData
import Foundation
import Spreadsheet
import SpreadsheetFixtures
import Testing

/// Small files made to be wrong: each gives a located ``FinanceDataError``, never a trap and
/// never a zero where a value is missing.
@Suite("Broken finance files")
struct BrokenFileTests {
  static let headings = [
    "Schools block (£s)", "Central school services block (£s)", "High needs block (£s)", "Early years block (£s)",
    "Total DSG allocation (£s)",
  ]

  /// A one-authority DSG allocation table, with the headings and Medway's cells given.
  static func allocationTable(
    title: String = "Dedicated schools grant: 2020 to 2021 allocations local authority summary",
    headings: [String] = headings + headings, medway: [String] = Array(repeating: "n:1000", count: 10),
    sheet: String = "Allocations_summary"
  ) throws -> Data {
    let rows = [
      FixtureWorkbook.odsRow(
        [
          "t:\(title)", "", "t:2020 to 2021 DSG allocations, before recoupment", "", "", "", "",
          "t:2020 to 2021 DSG allocations, after deductions",
        ]),
      FixtureWorkbook.odsRow(["", ""] + headings.map { "t:\($0)" }),
      FixtureWorkbook.odsRow(["t:ENGLAND", ""] + Array(repeating: "n:1000", count: 10)),
      FixtureWorkbook.odsRow(["t:887", "t:Medway"] + medway),
    ].joined()
    return try FixtureWorkbook.ods([("Information", FixtureWorkbook.odsRow(["t:notes"])), (sheet, rows)])
  }

  private func failure(_ data: Data, name: String = "dsg.ods") -> FinanceDataError? {
    do {
      _ = try FinanceFile.read(data: data, name: name)
      Issue.record("read a broken file without error")
      return nil
    } catch let error as FinanceDataError {
      return error
    } catch {
      Issue.record("unexpected error type: \(error)")
      return nil
    }
  }

  @Test("the fixture itself reads: one authority and England, in pounds")
  func wellFormed() throws {
    let (kind, records) = try FinanceFile.read(data: try Self.allocationTable(), name: "dsg.ods")
    #expect(kind == .dsgAllocations)
    #expect(records.count == 20)
    let hnb = try #require(records.first { $0.measure == .highNeedsBlock && $0.area != .england })
    #expect(hnb.value == 1000)
    #expect(hnb.source.location.description == "dsg.ods:Allocations_summary:4:E")
    #expect(hnb.source.edition.kind == .compilation)
  }

  @Test("a truncated file is reported as not a workbook")
  func truncated() throws {
    let whole = try Data(contentsOf: RealFinanceData.directory.appendingPathComponent("DSG_by_year_dr.xlsx"))
    let error = try #require(failure(whole.prefix(whole.count / 3), name: "DSG_by_year_dr.xlsx"))
    #expect(error.kind == .spreadsheet(SpreadsheetError(file: "DSG_by_year_dr.xlsx", kind: .notAnArchive)))
    #expect(!error.isUnreadable)
  }

  @Test("a workbook with none of the expected sheets is unrecognised, naming its sheets")
  func missingSheet() throws {
    let data = try Self.allocationTable(sheet: "Summary")
    let error = try #require(failure(data))
    #expect(error.kind == .unrecognisedFile)
    #expect(error.found == "sheets \"Information\", \"Summary\"")
    let workbook = try SpreadsheetReader.read(data: data, name: "dsg.ods")
    #expect(throws: FinanceDataError.self) { try DSGAllocationTable.records(in: workbook) }
  }

  @Test("a renamed High Needs Block column is a missing column at the heading row")
  func renamedColumn() throws {
    var headings = Self.headings + Self.headings
    headings[7] = "High needs (£s)"
    let error = try #require(failure(try Self.allocationTable(headings: headings)))
    #expect(error.kind == .missingColumn)
    #expect(
      error.description == "dsg.ods:Allocations_summary:2: expected a \"High needs block\" column after deductions")
  }

  @Test("a heading without a unit cannot be put in pounds")
  func missingUnit() throws {
    var headings = Self.headings + Self.headings
    headings[2] = "High needs block"
    let error = try #require(failure(try Self.allocationTable(headings: headings)))
    #expect(error.kind == .missingUnit)
    #expect(error.description.hasPrefix("dsg.ods:Allocations_summary:2:E: expected a unit such as (£s) or (£ million)"))
  }

  @Test("a title without a year is located")
  func noYear() throws {
    let error = try #require(failure(try Self.allocationTable(title: "Dedicated schools grant allocations")))
    #expect(error.kind == .badValue)
    #expect(error.description.hasPrefix("dsg.ods:Allocations_summary:1:A: expected a title naming the financial year"))
  }

  @Test("suppressed, blank and error cells are missing, never zero; text numbers and £ million convert")
  func missingValues() throws {
    var medway = Array(repeating: "n:1000", count: 10)
    medway[2] = "t:x"
    medway[4] = ""
    medway[7] = "t: 1,234 "
    var headings = Self.headings + Self.headings
    headings[7] = "High needs block (£ million)"
    let (_, records) = try FinanceFile.read(
      data: try Self.allocationTable(headings: headings, medway: medway), name: "dsg.ods")
    let medwayRecords = records.filter { $0.area != .england }
    let hnb = try #require(medwayRecords.first { $0.measure == .highNeedsBlock })
    #expect(hnb.value == nil && hnb.missing == .suppressed("x"))
    let total = try #require(medwayRecords.first { $0.measure == .totalDSG })
    #expect(total.value == nil && total.missing == .blank)
    let after = try #require(medwayRecords.first { $0.measure == .block(.highNeeds, .afterDeductions) })
    #expect(after.value == 1_234_000_000)
    #expect(after.source.unitInFile == .millions)
  }

  @Test("a benchmarking sheet with a renamed line heading is located to the cell")
  func renamedBenchmarkingHeading() throws {
    var lines = Section251Line.allCases.map(\.heading)
    lines[2] = "Primary schools"
    let data = try BenchmarkingFixture.workbook(lineHeadings: lines)
    let error = try #require(failure(data, name: "bench.xlsx"))
    #expect(error.kind == .missingColumn)
    #expect(error.description == "bench.xlsx:Sheet1:4:R: expected the heading \"Primary\"; found \"Primary schools\"")
  }

  @Test("the benchmarking fixture reads when its headings are right")
  func benchmarkingFixture() throws {
    let (kind, records) = try FinanceFile.read(
      data: try BenchmarkingFixture.workbook(lineHeadings: Section251Line.allCases.map(\.heading)), name: "bench.xlsx")
    #expect(kind == .highNeedsBenchmarking)
    // One authority: population, all plans, 7 placements, 27 budget and 27 outturn lines.
    #expect(records.count == 1 + 1 + 7 + 27 + 27)
    let line = try #require(records.first { $0.measure == .section251Outturn(.therapies) })
    #expect(line.value == 126)  // the 27th outturn column holds 100 + 26
    #expect(line.source.location.description == "bench.xlsx:Sheet1:8:CI")
  }

  @Test("a balance row whose year is not a financial year is located")
  func badBalanceYear() throws {
    let heading =
      "<row r=\"1\">"
      + ["geographic_level", "la_name", "DSG cumulative balance as a % of the total income", "financial_year"]
      .enumerated().map {
        "<c r=\"\(ColumnName.letters($0.offset))1\" t=\"inlineStr\"><is><t>\($0.element)</t></is></c>"
      }.joined() + "</row>"
    let row =
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Local authority</t></is></c>"
      + "<c r=\"B2\" t=\"inlineStr\"><is><t>Medway</t></is></c><c r=\"C2\"><v>-3.96</v></c>"
      + "<c r=\"D2\" t=\"inlineStr\"><is><t>2019</t></is></c></row>"
    let error = try #require(failure(try FixtureWorkbook.xlsx([("Sheet 1", heading + row, "")]), name: "balance.xlsx"))
    #expect(error.description == "balance.xlsx:Sheet 1:2:D: expected a financial year (\"2019-20\"); found \"2019\"")
  }
}

/// A one-authority benchmarking sheet in the tool's layout, built cell by cell.
enum BenchmarkingFixture {
  static func cell(_ column: Int, _ row: Int, _ text: String) -> String {
    "<c r=\"\(ColumnName.letters(column))\(row)\" t=\"inlineStr\"><is><t>\(FixtureWorkbook.escape(text))</t></is></c>"
  }

  static func number(_ column: Int, _ row: Int, _ value: Double) -> String {
    "<c r=\"\(ColumnName.letters(column))\(row)\"><v>\(value)</v></c>"
  }

  static func workbook(lineHeadings: [String]) throws -> Data {
    let budget = 15  // P
    let outturn = 60  // BI
    var rows: [Int: [String]] = [:]
    rows[2] = [cell(1, 2, "Year"), cell(2, 2, "2021-22"), cell(outturn, 2, "values for 2019-20 and 2020-21")]
    rows[3] = [cell(budget, 3, "Section 251 budget"), cell(outturn, 3, "Section 251 outturn")]
    rows[4] = lineHeadings.enumerated().flatMap {
      [cell(budget + $0.offset, 4, $0.element), cell(outturn + $0.offset, 4, $0.element)]
    }
    rows[5] = [
      cell(1, 5, "Region"), cell(2, 5, "LA code"), cell(3, 5, "LA name"),
      cell(4, 5, "2-18 Population (ONS mid-2021 projection)"),
      cell(6, 5, "No. aged up to 25 with SEN statement or EHCP"),
      cell(7, 5, "of these, placements in:"),
    ]
    rows[6] = [
      "Mainstream schools\nor academies", "Resourced provision\nor SEN units",
      "Maintained special schools\nor special academies", "NMSS or\nindependent schools",
      "Hospital schools or\nalternative provision", "Post 16", "Other",
    ].enumerated().map { cell(7 + $0.offset, 6, $0.element) }
    var data = [
      cell(1, 8, "SOUTH EAST"), number(2, 8, 887), cell(3, 8, "Medway"), number(4, 8, 62_237), number(6, 8, 2507),
    ]
    data += (0..<7).map { number(7 + $0, 8, Double(100 + $0)) }
    data += (0..<27).map { number(budget + $0, 8, Double(1000 + $0)) }
    data += (0..<27).map { number(outturn + $0, 8, Double(100 + $0)) }
    rows[8] = data
    let sheetData = rows.keys.sorted().map {
      "<row r=\"\($0)\">" + (rows[$0] ?? []).sorted { columnOf($0) < columnOf($1) }.joined() + "</row>"
    }.joined()
    return try FixtureWorkbook.xlsx([("Sheet1", sheetData, "")])
  }

  /// Cells in a row must be in column order: sort by the reference in `r="..."`.
  private static func columnOf(_ cell: String) -> Int {
    guard let start = cell.range(of: "r=\"")?.upperBound else { return 0 }
    let letters = cell[start...].prefix { $0.isLetter }
    return ColumnName.index(letters) ?? 0
  }
}
