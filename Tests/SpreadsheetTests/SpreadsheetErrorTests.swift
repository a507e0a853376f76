import Foundation
import SpreadsheetFixtures
import Testing

@testable import Spreadsheet

/// Broken and hostile files: each is a located ``SpreadsheetError``, never a trap.
@Suite("Spreadsheet reader errors")
struct SpreadsheetErrorTests {
  private func error(reading data: Data, name: String = "bad.ods") -> SpreadsheetError? {
    do {
      _ = try SpreadsheetReader.read(data: data, name: name)
      return nil
    } catch let error as SpreadsheetError {
      return error
    } catch {
      Issue.record("unexpected error type \(type(of: error)): \(error)")
      return nil
    }
  }

  @Test("a truncated file is not an archive")
  func truncated() throws {
    let whole = try FixtureWorkbook.ods([("A", FixtureWorkbook.odsRow(["t:x", "n:1"]))])
    for length in [0, 10, whole.count / 2, whole.count - 10] {
      let failure = try #require(error(reading: whole.prefix(length)))
      #expect(failure.kind == .notAnArchive)
      #expect(failure.description.hasPrefix("bad.ods: is not a ZIP archive"))
    }
  }

  @Test("a file that does not exist is unreadable (exit 66, not 65)")
  func missingFile() {
    do {
      _ = try SpreadsheetReader.read(url: URL(fileURLWithPath: "/nonexistent/dsg.ods"))
      Issue.record("read a file that does not exist")
    } catch let error as SpreadsheetError {
      #expect(error.isUnreadable)
      #expect(error.file == "dsg.ods")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test("a ZIP that is neither ODS nor XLSX says what it holds")
  func unknownFormat() throws {
    let failure = try #require(error(reading: try FixtureWorkbook.zip([("readme.txt", "hello")])))
    #expect(failure.kind == .unknownFormat(members: ["readme.txt"]))
  }

  @Test("malformed XML is located by member, line and column")
  func malformedXML() throws {
    let data = try FixtureWorkbook.zip([("content.xml", "<?xml version=\"1.0\"?>\n<a>\n<b></a>")])
    let failure = try #require(error(reading: data))
    guard case .malformedXML = failure.kind else {
      Issue.record("expected malformed XML, got \(failure)")
      return
    }
    #expect(failure.member == "content.xml")
    #expect(failure.line == 3)
  }

  @Test("an ODS value that is not a number is located")
  func badODSValue() throws {
    let rows =
      "<table:table-row><table:table-cell/><table:table-cell office:value-type=\"float\" office:value=\"abc\"/></table:table-row>"
    let failure = try #require(error(reading: try FixtureWorkbook.ods([("A", rows)])))
    #expect(failure.kind == .invalidContent("row 1, column B: office:value \"abc\" is not a number"))
    #expect(failure.member == "content.xml")
  }

  @Test("a repeated non-empty row past the cell limit is refused, not expanded")
  func hugeRepeat() throws {
    let rows =
      "<table:table-row table:number-rows-repeated=\"1000000\"><table:table-cell office:value-type=\"float\" office:value=\"1\" table:number-columns-repeated=\"100\"/></table:table-row>"
    let failure = try #require(error(reading: try FixtureWorkbook.ods([("A", rows)])))
    guard case .tooLarge = failure.kind else {
      Issue.record("expected tooLarge, got \(failure)")
      return
    }
  }

  @Test("absurd repeat counts (past Int64) neither trap nor allocate")
  func absurdRepeats() throws {
    let huge = "99999999999999999999999"
    let rows = """
      <table:table-row table:number-rows-repeated="\(huge)"><table:table-cell table:number-columns-repeated="\(huge)"/>\
      <table:table-cell table:number-columns-repeated="9223372036854775807"/></table:table-row>\
      <table:table-row table:number-rows-repeated="9223372036854775807"/>\
      <table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>
      """
    let workbook = try SpreadsheetReader.read(data: try FixtureWorkbook.ods([("A", rows)]), name: "huge.ods")
    let sheet = try workbook.sheet(named: "A")
    #expect(sheet.rows.count == 1)
    #expect(sheet.rows.first?.cells == [.number(1)])
  }

  @Test("XLSX: a shared string index past the table, a missing sheet part, a missing sheet name")
  func xlsxProblems() throws {
    let badIndex = try FixtureWorkbook.xlsx([("S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>", "")])
    let failure = try #require(error(reading: badIndex, name: "bad.xlsx"))
    #expect(failure.kind == .invalidContent("A1: shared string \"5\" does not exist"))
    #expect(failure.member == "xl/worksheets/sheet1.xml")

    let noWorkbookRels = try FixtureWorkbook.zip([("xl/workbook.xml", "<workbook/>")])
    #expect(error(reading: noWorkbookRels, name: "bad.xlsx")?.kind == .missingMember("xl/_rels/workbook.xml.rels"))

    let workbook = try SpreadsheetReader.read(data: try FixtureWorkbook.xlsx([("Sheet1", "", "")]), name: "ok.xlsx")
    #expect(throws: SpreadsheetError(file: "ok.xlsx", kind: .missingSheet("Sheet 1", available: ["Sheet1"]))) {
      try workbook.sheet(named: "Sheet 1")
    }
  }

  @Test("XLSX row numbers past the limit are refused, not wrapped")
  func xlsxHugeRow() throws {
    let data = try FixtureWorkbook.xlsx([("S", "<row r=\"9223372036854775807\"><c><v>1</v></c></row><row/>", "")])
    let failure = try #require(error(reading: data, name: "bad.xlsx"))
    #expect(failure.kind == .invalidContent("row r=\"9223372036854775807\" is not a row number after 0"))
  }

  @Test("XLSX cells out of order are refused")
  func xlsxOutOfOrder() throws {
    let data = try FixtureWorkbook.xlsx([
      ("S", "<row r=\"2\"><c r=\"C2\"><v>1</v></c><c r=\"A2\"><v>2</v></c></row>", "")
    ])
    let failure = try #require(error(reading: data, name: "bad.xlsx"))
    #expect(failure.kind == .invalidContent("cell A2 is out of order or past column XFD"))
  }
}
