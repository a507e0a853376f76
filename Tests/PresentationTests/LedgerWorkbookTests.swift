import Foundation
import HighNeeds
@testable import Reports
import Projection
import ScenarioFiles
import TestSupport
import Testing
import Workbook

/// The DSG plan workbook of a real scenario, opened in LibreOffice, against the JSON report of
/// the same ledger: every year's spend, funding, balance and reserve, and every lever's saving
/// by year, equal to the pound. FAILS when LibreOffice is missing.
@Suite struct LedgerWorkbookTests {
  static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios")

  /// The scenario `name` loaded (with the files it extends), its ledger, and the files' texts.
  static func ledger(_ name: String) throws -> (Ledger, [String: String]) {
    var texts: [String: String] = [:]
    let read = { (path: String) throws -> String in
      let text = try String(contentsOfFile: path, encoding: .utf8)
      texts[path] = text
      return text
    }
    let path = scenarios.appendingPathComponent(name).path
    let scenario = try ScenarioLoader.load(contentsOf: try read(path), file: path, readFile: read)
    return (try Ledger(scenario: scenario), texts)
  }

  /// The JSON report's `years` and `levers`, parsed by Foundation.
  static func json(_ ledger: Ledger) throws -> (years: [[String: Any]], levers: [[String: Any]]) {
    let object = try JSONSerialization.jsonObject(with: Data(LedgerReport(ledger).json().serialized().utf8)) as? [String: Any]
    return (object?["years"] as? [[String: Any]] ?? [], object?["levers"] as? [[String: Any]] ?? [])
  }

  /// A JSON number as whole pounds.
  static func pounds(_ value: Any?) -> Int64? { (value as? NSNumber).map { $0.int64Value } }

  @Test func workbookEqualsTheJSONReportToThePound() throws {
    let (ledger, texts) = try Self.ledger("medway-2020-all-options.yaml")
    let input = DSGPlanInput(ledger: ledger, sources: texts)
    let folder = try makeTemporaryFolder("ledger-workbook")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("medway.xlsx")
    let workbook = DSGPlanWorkbook.build(input)
    try workbook.write(to: path.path)
    let sheets = try libreOfficeSheets(path, sheets: workbook.sheets.map(\.name))
    let plan = try #require(sheets[DSGPlanWorkbook.financialPlanSheet])
    let (years, levers) = try Self.json(ledger)
    #expect(years.count == ledger.years.count && !years.isEmpty)
    let lines = [
      ("spend", "Total expenditure"), ("funding", "Total funding"),
      ("inYearBalance", "In-year balance (funding less expenditure)"), ("reserve", "DSG reserve at end of year"),
    ]
    for year in years {
      let label = try #require(year["year"] as? String)
      for (field, line) in lines {
        let workbookValue = csvCell(plan, row: line, column: label).flatMap { Int64($0) }
        #expect(workbookValue == Self.pounds(year[field]), "\(line), \(label)")
      }
    }
    // Medway's seed figures (DESIGN.md, seed 10.4): the 2019-20 reserve is -£9.604m.
    #expect(csvCell(plan, row: "DSG reserve at end of year", column: "2019-20") == "-9604000")
    let mitigations = try #require(sheets[DSGPlanWorkbook.mitigationsSheet])
    #expect(levers.count == ledger.scenario.levers.count && levers.count >= 2)
    for lever in levers {
      let name = try #require(lever["name"] as? String)
      for saving in lever["savings"] as? [[String: Any]] ?? [] {
        let year = try #require(saving["year"] as? String)
        let cell = csvCell(mitigations, row: name, column: year).flatMap { Int64($0) }
        #expect(cell == Self.pounds(saving["saving"]), "\(name), \(year)")
      }
    }
  }

  @Test func assumptionsCarryTheScenarioComments() throws {
    let (ledger, texts) = try Self.ledger("medway-2020.yaml")
    let input = DSGPlanInput(ledger: ledger, sources: texts)
    let allocation = try #require(input.assumptions.first { $0.input == "High Needs Block allocation 2019-20" })
    guard case .pounds(let amount) = allocation.value else {
      Issue.record("not money")
      return
    }
    #expect(amount == 38_226_000)
    #expect(
      allocation.source.hasPrefix("seed 10.2: \"the total allocation for Medway for 2019/20 is £38.226m\""),
      "\(allocation.source)")
    #expect(
      allocation.source.hasSuffix("medway-2020.yaml:\(try Self.line(of: "2019-20: £38.226m", in: "medway-2020.yaml")))")
    )
    let census = try #require(input.assumptions.first { $0.input == "Plans at the January 2020 census" })
    // The comment runs on over the continuation lines below it.
    #expect(census.source.contains("over 2,500") && census.source.contains("SEN2 says 2,296"), "\(census.source)")
  }

  /// The 1-based line of the first line of scenario `file` that contains `text`.
  static func line(of text: String, in file: String) throws -> Int {
    let lines = try String(contentsOf: scenarios.appendingPathComponent(file), encoding: .utf8).components(
      separatedBy: "\n")
    return (try #require(lines.firstIndex { $0.contains(text) })) + 1
  }

  @Test func noLeversMeansNoUnmitigatedColumns() throws {
    let (ledger, _) = try Self.ledger("medway-2020.yaml")
    let input = DSGPlanInput(ledger: ledger)
    #expect(!input.hasMitigations && input.years.allSatisfy { $0.unmitigated == nil })
    #expect(input.years.map(\.year) == ledger.years.map(\.year.description))
  }
}
