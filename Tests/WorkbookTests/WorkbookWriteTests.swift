import Foundation
import TestSupport
import Testing
import Workbook

/// Writing a workbook: errors are typed, nothing partial is left, nothing is overwritten.
@Suite struct WorkbookWriteTests {
  @Test func writesAFileAndLeavesNoTemporaryBeside() throws {
    let folder = try makeTemporaryFolder("workbook")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("plan.xlsx").path
    try DSGPlanWorkbook.build(SamplePlan.input()).write(to: path)
    let data = try #require(FileManager.default.contents(atPath: path))
    #expect(data.prefix(2) == Data("PK".utf8), "an .xlsx file is a ZIP archive")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.xlsx"])
  }

  @Test func badSheetNameIsTypedAndWritesNothing() throws {
    let folder = try makeTemporaryFolder("workbook")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("plan.xlsx").path
    for name in ["", "Plans/Places", String(repeating: "x", count: 32), "'quoted'"] {
      var error: WorkbookError?
      do { try Workbook(sheets: [Worksheet(name: name)]).write(to: path) } catch let caught { error = caught }
      #expect(error?.code == .invalidSheetName, "sheet name '\(name)'")
    }
    var twice: WorkbookError?
    do { try Workbook(sheets: [Worksheet(name: "A"), Worksheet(name: "a")]).write(to: path) } catch { twice = error }
    #expect(twice?.code == .invalidSheetName)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func nonFiniteNumberNamesTheCellAndKeepsTheOldFile() throws {
    let folder = try makeTemporaryFolder("workbook")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("plan.xlsx").path
    try Data("previous report".utf8).write(to: URL(fileURLWithPath: path))
    var sheet = Worksheet(name: "Summary")
    sheet.append([.text("Year"), .text("Reserve")])
    sheet.append([.text("2019-20"), .pounds(.nan)])
    var error: WorkbookError?
    do { try Workbook(sheets: [sheet]).write(to: path) } catch let caught { error = caught }
    #expect(error?.code == .nonFiniteNumber)
    #expect(error?.description.contains("sheet 'Summary', cell B2") == true, "\(String(describing: error))")
    #expect(FileManager.default.contents(atPath: path) == Data("previous report".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.xlsx"])
  }

  @Test func missingFolderIsCannotCreateFile() {
    var error: WorkbookError?
    do {
      try Workbook(sheets: [Worksheet(name: "Summary")]).write(to: "/nonexistent-folder-highneeds/plan.xlsx")
    } catch let caught { error = caught }
    #expect(error?.code == .cannotCreateFile, "\(String(describing: error))")
  }

  @Test func outputThatIsAFolderIsCannotRenameAndLeavesNoTemporary() throws {
    let folder = try makeTemporaryFolder("workbook")
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("plan.xlsx")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
    try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))
    var error: WorkbookError?
    do { try Workbook(sheets: [Worksheet(name: "Summary")]).write(to: target.path) } catch let caught { error = caught }
    #expect(error?.code == .cannotRename, "\(String(describing: error))")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.xlsx"])
    #expect(FileManager.default.contents(atPath: target.appendingPathComponent("inside").path) == Data("keep".utf8))
  }

  @Test func chartOnAMissingSheetIsInvalidChart() {
    var sheet = Worksheet(name: "Summary")
    sheet.append([.text("2019-20"), .pounds(1)])
    sheet.charts.append(
      WorksheetChart(
        kind: .line, title: "Reserve", categories: .column(0, rows: 0...0, on: "Summary"),
        series: [WorksheetSeries(name: "Reserve", values: .column(1, rows: 0...0, on: "Elsewhere"))],
        anchorRow: 3, anchorColumn: 0))
    var error: WorkbookError?
    do { try Workbook(sheets: [sheet]).write(to: "/tmp/never-written-\(UUID().uuidString).xlsx") } catch let caught {
      error = caught
    }
    #expect(error?.code == .invalidChart)
  }

  @Test func a1Notation() {
    #expect(WorkbookError.a1(row: 0, column: 0) == "A1")
    #expect(WorkbookError.a1(row: 2, column: 25) == "Z3")
    #expect(WorkbookError.a1(row: 9, column: 26) == "AA10")
    #expect(WorkbookError.a1(row: 0, column: 16_383) == "XFD1")
  }

  @Test func aNaNInThePlanIsReportedWithItsCellNotPrintedBlank() throws {
    var input = SamplePlan.input()
    input.years[1].reserve = .nan
    let folder = try makeTemporaryFolder("workbook")
    defer { try? FileManager.default.removeItem(at: folder) }
    var error: WorkbookError?
    do { try DSGPlanWorkbook.build(input).write(to: folder.appendingPathComponent("plan.xlsx").path) } catch let caught
    {
      error = caught
    }
    #expect(error?.code == .nonFiniteNumber)
    // The Summary's 2019-20 row (header on row 4, so row 6), column I: reserve after mitigations
    // (A year, B status, C DSG, D funding, E spend, F-G in-year before and after, H-I reserve).
    #expect(error?.description.contains("sheet 'Summary', cell I6") == true, "\(String(describing: error))")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }
}
