import Testing

@testable import OfficialData

@Suite struct CSVRecordsTests {
  private func parse(_ text: String) throws -> CSVRecords { try CSVRecords(bytes: Array(text.utf8)) }

  @Test func quotedFieldsBOMAndCRLF() throws {
    let csv = try parse("\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",\r\n\"multi\nline\",2,3\n")
    #expect(csv.header == ["a", "b", "c"])
    #expect(csv.records.count == 2)
    let first = csv.records[0]
    #expect(csv.string(first, 1) == "x, \"y\"")
    #expect(csv.string(first, 2) == "")
    #expect(csv.integer(first, 0) == 1)
    #expect(first.line == 2)
    let second = csv.records[1]
    #expect(csv.string(second, 0) == "multi\nline")
    #expect(second.line == 3)
    #expect(csv.field(second, 1, equals: "2"))
    #expect(!csv.field(second, 1, equals: "3"))
  }

  @Test func lineNumbersCountAQuotedNewline() throws {
    let csv = try parse("a,b\n\"1\n2\",x\n3,y\n")
    #expect(csv.records.map(\.line) == [2, 4])
  }

  @Test func integersAreDigitsOnly() throws {
    let csv = try parse("a,b,c,d\n12,-3,1.5,x\n")
    let row = csv.records[0]
    #expect(csv.integer(row, 0) == 12)
    #expect(csv.integer(row, 1) == nil)
    #expect(csv.integer(row, 2) == nil)
    #expect(csv.integer(row, 3) == nil)
    #expect(csv.integer(row, 9) == nil)
  }

  @Test func anUnterminatedQuoteIsAnError() {
    #expect(throws: CSVRecords.Problem.self) { try parse("a,b\n\"open,1\n") }
  }

  @Test func emptyInputHasNoHeader() throws {
    let csv = try parse("")
    #expect(csv.header.isEmpty && csv.records.isEmpty)
  }

  @Test func suppressionCodes() {
    for code in ["x", "c", "z", ":", "", " ", "~", "u", "low", "X"] {
      #expect(SuppressionCode.isSuppression(code), "\(code)")
    }
    for text in ["0", "12", "n/a", "-"] { #expect(!SuppressionCode.isSuppression(text), "\(text)") }
  }
}
