@testable import CSVReading
import Foundation
import Testing

@Test func recordsKnowTheirLinesAfterQuotedBreaksAndBlankLines() throws {
  let records = try CSVRecords.parse("x,y\r\n1,\"a\nb\"\n\n2,\"say \"\"hi\"\"\"\r3,4")
  #expect(records == [
    CSVRecord(fields: ["x", "y"], line: 1),
    CSVRecord(fields: ["1", "a\nb"], line: 2),
    CSVRecord(fields: [""], line: 4),
    CSVRecord(fields: ["2", "say \"hi\""], line: 5),
    CSVRecord(fields: ["3", "4"], line: 6),
  ])
}

@Test func aByteOrderMarkIsIgnoredAndSpacesBeforeAQuoteAreDropped() throws {
  let records = try CSVRecords.parse("\u{FEFF}a, \"b,c\"\n")
  #expect(records == [CSVRecord(fields: ["a", "b,c"], line: 1)])
}

@Test func anUnclosedQuoteNamesTheLineItOpensOn() {
  #expect(throws: CSVSyntaxError(line: 2)) { try CSVRecords.parse("x,y\n1,\"open\n\n") }
}

/// The blank test before an opening quote must match Foundation's `.whitespaces` (what the
/// CLI's parser used before it moved here), scalar by scalar over the whole BMP.
@Test func blankMeansWhatFoundationTrimsAsWhitespace() {
  var mismatches: [UInt32] = []
  for value in UInt32(0)...0xFFFF {
    guard let scalar = Unicode.Scalar(value) else { continue }
    let text = String(Character(scalar))
    let foundation = text.trimmingCharacters(in: .whitespaces).isEmpty
    let ours = CSVRecords.isBlank(text)
    if foundation != ours { mismatches.append(value) }
  }
  #expect(mismatches.isEmpty, "differs from Foundation at \(mismatches.prefix(10).map { String($0, radix: 16) })")
}
