import FinanceData
import Foundation
import HighNeeds
import OfficialData
import SpreadsheetFixtures
import Testing

/// A one-authority DSG allocation table (the layout of the 2020-21 summary sheet), Medway's cells given.
private func allocationTable(medway: [String], highNeedsHeading: String = "High needs block (£s)") throws -> Data {
  let headings = [
    "Schools block (£s)", "Central school services block (£s)", highNeedsHeading, "Early years block (£s)",
    "Total DSG allocation (£s)",
  ]
  let rows = [
    FixtureWorkbook.odsRow([
      "t:Dedicated schools grant: 2020 to 2021 allocations local authority summary", "",
      "t:2020 to 2021 DSG allocations, before recoupment", "", "", "", "",
      "t:2020 to 2021 DSG allocations, after deductions",
    ]),
    FixtureWorkbook.odsRow(["", ""] + (headings + headings).map { "t:\($0)" }),
    FixtureWorkbook.odsRow(["t:ENGLAND", ""] + Array(repeating: "n:1000", count: 10)),
    FixtureWorkbook.odsRow(["t:887", "t:Medway"] + medway),
  ].joined()
  return try FixtureWorkbook.ods([("Information", FixtureWorkbook.odsRow(["t:notes"])), ("Allocations_summary", rows)])
}

private func write(_ data: Data, _ name: String, in given: URL? = nil) throws -> String {
  let folder = given ?? URL(fileURLWithPath: scratchStorePath()).deletingLastPathComponent()
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let url = folder.appendingPathComponent(name)
  try data.write(to: url)
  return url.path
}

private func values(_ store: OfficialStore) throws -> [FinanceRecord] { try store.financeDataset().records }

@Suite("Finance files in the store")
struct FinanceImportTests {
  @Test func valuesKeepTheirCellsAndASecondImportIsANoOp() throws {
    let store = try OfficialStore(path: scratchStorePath())
    let file = try write(try allocationTable(medway: (1...10).map { "n:\($0 * 1000)" }), "dsg-a.ods")
    let first = try store.importFiles([file])
    #expect(first.finance.map(\.action) == [.imported])
    #expect(first.finance[0].values == 20)
    let hnb = try #require(
      try store.financeDataset().record(.highNeedsBlock, for: "887", in: FinancialYear(startYear: 2020)))
    // Medway's third cell (column E) is the HNB before deductions: 3 × 1000.
    #expect(hnb.value == 3000)
    #expect(hnb.source.location.description == "dsg-a.ods:Allocations_summary:4:E")
    let again = try store.importFiles([file])
    #expect(again.finance.map(\.action) == [.alreadyPresent])
    #expect(try values(store).count == 20)
  }

  @Test func aSuppressedCellIsMissingNotZero() throws {
    let store = try OfficialStore(path: scratchStorePath())
    var cells = (1...10).map { "n:\($0 * 1000)" }
    cells[2] = "t:x"
    let file = try write(try allocationTable(medway: cells), "dsg-x.ods")
    _ = try store.importFiles([file])
    let hnb = try #require(
      try store.financeDataset().record(.highNeedsBlock, for: "887", in: FinancialYear(startYear: 2020)))
    #expect(hnb.value == nil)
    #expect(hnb.missing != nil)
  }

  @Test func aBadCellChangesNothingAndNamesFileSheetRowAndColumn() throws {
    let store = try OfficialStore(path: scratchStorePath())
    let good = try write(try allocationTable(medway: (1...10).map { "n:\($0 * 1000)" }), "dsg-good.ods")
    _ = try store.importFiles([good])
    // A High Needs Block heading without its unit: the reader cannot put the column in pounds.
    let bad = try write(
      try allocationTable(medway: (1...10).map { "n:\($0 * 1000)" }, highNeedsHeading: "High needs block"),
      "dsg-bad.ods")
    let other = try write(try allocationTable(medway: (1...10).map { "n:\($0 * 7)" }), "dsg-other.ods")
    do {
      _ = try store.importFiles([other, bad])
      Issue.record("imported a file with a bad cell")
    } catch let error as OfficialDataError {
      #expect(error.description.hasPrefix("\(bad):Allocations_summary:2: column 'E'"), "\(error)")
    }
    #expect(try values(store).count == 20)
    #expect(try values(store).allSatisfy { $0.source.location.file == "dsg-good.ods" })
  }

  @Test func aChangedFileOfTheSameNameReplacesItsEarlierImport() throws {
    let store = try OfficialStore(path: scratchStorePath())
    let file = try write(try allocationTable(medway: (1...10).map { "n:\($0 * 1000)" }), "dsg-r.ods")
    _ = try store.importFiles([file])
    _ = try write(
      try allocationTable(medway: (1...10).map { "n:\($0 * 2000)" }), "dsg-r.ods",
      in: URL(fileURLWithPath: file).deletingLastPathComponent())
    let second = try store.importFiles([file])
    #expect(second.finance.map(\.action) == [.replaced])
    let hnb = try store.financeDataset().record(.highNeedsBlock, for: "887", in: FinancialYear(startYear: 2020))
    #expect(hnb?.value == 6000)
    #expect(try values(store).count == 20)
  }
}
