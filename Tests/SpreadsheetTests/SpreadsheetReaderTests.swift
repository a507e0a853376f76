import Foundation
import SpreadsheetFixtures
import Testing

@testable import Spreadsheet

/// The reader on small ODS and XLSX files whose XML the tests spell out.
@Suite("Spreadsheet reader")
struct SpreadsheetReaderTests {
  @Test("ODS: repeated columns and rows, spans, covered cells, comments, spaces, dates, text numbers")
  func odsFeatures() throws {
    let rows = """
      <table:table-row><table:table-cell table:number-columns-spanned="3" office:value-type="string">\
      <text:p>Before deductions</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/>\
      <table:table-cell office:value-type="string"><text:p>After</text:p>\
      <office:annotation><text:p>a comment that is not the value</text:p></office:annotation></table:table-cell>\
      <table:table-cell table:number-columns-repeated="16380"/></table:table-row>\
      <table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>\
      <table:table-row><table:table-cell office:value-type="string"><text:p> 887 </text:p></table:table-cell>\
      <table:table-cell office:value-type="float" office:value="38.2200676" table:number-columns-repeated="2">\
      <text:p>38.220</text:p></table:table-cell>\
      <table:table-cell office:value-type="date" office:date-value="2021-11-18"><text:p>18/11/21</text:p></table:table-cell>\
      <table:table-cell office:value-type="percentage" office:value="0.0396"/>\
      <table:table-cell office:value-type="string"><text:p>two<text:s text:c="2"/>spaces</text:p><text:p>line</text:p></table:table-cell>\
      </table:table-row>\
      <table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="boolean" office:boolean-value="true"/></table:table-row>\
      <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
      """
    let data = try FixtureWorkbook.ods(
      [("Allocations", rows), ("Empty", "")], meta: "<meta:creation-date>2023-07-14T11:21:19Z</meta:creation-date>")
    let workbook = try SpreadsheetReader.read(data: data, name: "fixture.ods")
    #expect(workbook.format == .ods)
    #expect(workbook.sheetNames == ["Allocations", "Empty"])
    #expect(
      workbook.created == SpreadsheetDate(year: 2023, month: 7, day: 14, secondsIntoDay: 11 * 3600 + 21 * 60 + 19))
    let sheet = try workbook.sheet(named: "Allocations")
    #expect(sheet.rows.map(\.number) == [1, 5, 6, 7])
    #expect(sheet.row(1)?.cells == [.text("Before deductions"), .empty, .empty, .text("After")])
    #expect(sheet.merges == [CellRange(firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: 2)])
    #expect(sheet.cellFillingMerges(row: 1, column: 2) == .text("Before deductions"))
    #expect(sheet.cellFillingMerges(row: 1, column: 4) == .empty)
    #expect(sheet.cell(row: 5, column: 0).number == 887)
    #expect(sheet.cell(row: 5, column: 1) == .number(38.2200676))
    #expect(sheet.cell(row: 5, column: 2) == .number(38.2200676))
    #expect(sheet.cell(row: 5, column: 3) == .date(SpreadsheetDate(year: 2021, month: 11, day: 18)))
    #expect(sheet.cell(row: 5, column: 4) == .number(0.0396))
    #expect(sheet.cell(row: 5, column: 5) == .text("two  spaces\nline"))
    #expect(sheet.cell(row: 6, column: 0) == .boolean(true))
    #expect(sheet.cell(row: 7, column: 0) == .boolean(true))
    #expect(sheet.location(row: 5, column: 1).description == "fixture.ods:Allocations:5:B")
    #expect(try workbook.sheet(named: "Empty").rows.isEmpty)
  }

  @Test("XLSX: shared, rich and inline strings, text numbers, dates by style, errors, merges, missing r")
  func xlsxFeatures() throws {
    let sheetData = """
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>\
      <row r="3"><c r="A3" t="inlineStr"><is><t>inline</t></is></c><c r="B3" t="s"><v>2</v></c>\
      <c r="C3"><v>38.2200676</v></c><c r="D3" s="1"><v>44518</v></c><c r="E3" s="2"><v>60</v></c>\
      <c r="F3" t="e"><v>#REF!</v></c><c r="G3" t="b"><v>1</v></c><c r="H3" t="str"><v>formula text</v></c>\
      <c t="n"><v>7</v></c><c r="K3"/></row>\
      <row><c r="A4" s="3"><v>1</v></c></row>
      """
    let data = try FixtureWorkbook.xlsx(
      [("Sheet 1", sheetData, "<mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells>")],
      sharedStrings: ["Section 251 budget", "<r><t>rich </t></r><r><t>text</t></r><rPh><t>ignored</t></rPh>", " 887"],
      cellFormats: [0, 14, 164, 165], customFormats: [164: "dd/mm/yyyy", 165: "\"d\"0.00"])
    let workbook = try SpreadsheetReader.read(data: data, name: "fixture.xlsx")
    #expect(workbook.format == .xlsx)
    let sheet = try workbook.sheet(named: "Sheet 1")
    #expect(sheet.rows.map(\.number) == [1, 3, 4])
    #expect(sheet.cell(row: 1, column: 0) == .text("Section 251 budget"))
    #expect(sheet.cell(row: 1, column: 2) == .text("rich text"))
    #expect(sheet.cellFillingMerges(row: 1, column: 1) == .text("Section 251 budget"))
    #expect(sheet.cell(row: 3, column: 0) == .text("inline"))
    #expect(sheet.cell(row: 3, column: 1).number == 887)
    #expect(sheet.cell(row: 3, column: 2) == .number(38.2200676))
    #expect(sheet.cell(row: 3, column: 3) == .date(SpreadsheetDate(year: 2021, month: 11, day: 18)))
    // Serial 60 is Excel's phantom 29 February 1900, a day that never was: it reads as 1 March.
    #expect(sheet.cell(row: 3, column: 4) == .date(SpreadsheetDate(year: 1900, month: 3, day: 1)))
    #expect(sheet.cell(row: 3, column: 5) == .error("#REF!"))
    #expect(sheet.cell(row: 3, column: 6) == .boolean(true))
    #expect(sheet.cell(row: 3, column: 7) == .text("formula text"))
    #expect(sheet.cell(row: 3, column: 8) == .number(7))
    #expect(sheet.cell(row: 3, column: 10) == .empty)
    // A quoted "d" in a format code is a literal, not a day: the cell stays a number.
    #expect(sheet.cell(row: 4, column: 0) == .number(1))
  }

  @Test("Excel serials convert to the dates Excel shows, in both date systems")
  func excelSerials() {
    #expect(SpreadsheetDate(excelSerial: 1) == SpreadsheetDate(year: 1900, month: 1, day: 1))
    #expect(SpreadsheetDate(excelSerial: 59) == SpreadsheetDate(year: 1900, month: 2, day: 28))
    #expect(SpreadsheetDate(excelSerial: 61) == SpreadsheetDate(year: 1900, month: 3, day: 1))
    #expect(SpreadsheetDate(excelSerial: 43_922) == SpreadsheetDate(year: 2020, month: 4, day: 1))
    #expect(SpreadsheetDate(excelSerial: 0, uses1904System: true) == SpreadsheetDate(year: 1904, month: 1, day: 1))
    #expect(SpreadsheetDate(excelSerial: 44_518.5)?.description == "2021-11-18T12:00:00")
    #expect(SpreadsheetDate(excelSerial: -1) == nil)
    #expect(SpreadsheetDate(iso8601: "2021-02-29") == nil)
  }

  @Test("numbers stored as text are read; anything else is not a number")
  func textNumbers() {
    #expect(CellValue.text("1,234.5").number == 1234.5)
    #expect(CellValue.text(" -38.226 ").number == -38.226)
    #expect(CellValue.text("£38m").number == nil)
    #expect(CellValue.text("x").number == nil)
    #expect(CellValue.text("").number == nil)
    #expect(CellValue.error("#N/A").number == nil)
  }

  @Test("column letters and references round-trip")
  func columnNames() {
    #expect(ColumnName.letters(0) == "A")
    #expect(ColumnName.letters(25) == "Z")
    #expect(ColumnName.letters(26) == "AA")
    #expect(ColumnName.letters(86) == "CI")
    #expect(ColumnName.letters(16_383) == "XFD")
    for index in [0, 1, 25, 26, 51, 52, 701, 702, 16_383] {
      #expect(ColumnName.index(Substring(ColumnName.letters(index))) == index)
    }
    #expect(ColumnName.parseReference("CI104")! == (86, 104))
    #expect(ColumnName.parseReference("104") == nil)
    #expect(ColumnName.parseReference("A0") == nil)
  }
}
