/// One record of a CSV file: its fields and the line of the file (from 1) on which it starts.
public struct CSVRecord: Sendable, Equatable {
  /// The record's fields, unquoted (`""` inside quotes read as one `"`).
  public var fields: [String]
  /// The line of the file (from 1) on which the record starts.
  public var line: Int

  /// A record from its fields and first line.
  public init(fields: [String], line: Int) {
    self.fields = fields
    self.line = line
  }
}

/// Why a text is not CSV: a quoted field is opened and never closed.
public struct CSVSyntaxError: Error, Sendable, Equatable {
  /// The line (from 1) on which the unclosed quoted field opens.
  public let line: Int

  /// The error for a quoted field opened on `line` and never closed.
  public init(line: Int) { self.line = line }
}

/// RFC 4180 parsing with line numbers: no file access, no checks beyond the syntax.
///
/// Comma separated, fields optionally in double quotes, `""` for a quote inside one, quoted
/// fields may hold commas and line breaks; LF, CRLF or CR line ends; a UTF-8 byte order mark
/// is ignored. Every record knows the line of the file it starts on, even after a quoted line
/// break or a blank line.
///
/// ```swift
/// let records = try CSVRecords.parse("x,y\n1,\"a\nb\"\n")  // lines 1 and 2
/// ```
///
/// Complexity: O(n) in the characters of `text`.
public enum CSVRecords {
  /// Records of `text` with the line each starts on; a blank line is a record of one empty
  /// field.
  ///
  /// - Throws: ``CSVSyntaxError`` when a quoted field is not closed.
  public static func parse(_ text: String) throws(CSVSyntaxError) -> [CSVRecord] {
    var records: [CSVRecord] = []
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var fieldStarted = false  // the current field has content or quotes
    var line = 1
    var recordLine = 1
    var quoteLine = 1
    var characters = Substring(text)
    if characters.first == "\u{FEFF}" { characters = characters.dropFirst() }
    var index = characters.startIndex
    func isLineBreak(_ c: Character) -> Bool { c == "\n" || c == "\r\n" || c == "\r" }
    while index < characters.endIndex {
      let c = characters[index]
      characters.formIndex(after: &index)
      if inQuotes {
        if c == "\"" {
          if index < characters.endIndex, characters[index] == "\"" {
            field.append("\"")
            characters.formIndex(after: &index)
          } else {
            inQuotes = false
          }
        } else {
          if isLineBreak(c) { line += 1 }
          field.append(c)
        }
        continue
      }
      if c == "," {
        fields.append(field)
        field = ""
        fieldStarted = false
      } else if isLineBreak(c) {
        fields.append(field)
        records.append(CSVRecord(fields: fields, line: recordLine))
        fields = []
        field = ""
        fieldStarted = false
        line += 1
        recordLine = line
      } else if c == "\"" && !fieldStarted && isBlank(field) {
        field = ""
        inQuotes = true
        fieldStarted = true
        quoteLine = line
      } else {
        field.append(c)
        if c != " " && c != "\t" { fieldStarted = true }
      }
    }
    if inQuotes { throw CSVSyntaxError(line: quoteLine) }
    if !fields.isEmpty || !field.isEmpty {
      fields.append(field)
      records.append(CSVRecord(fields: fields, line: recordLine))
    }
    return records
  }

  /// Whether `text` is only spaces and tabs: Unicode category Zs, U+0009 and U+200B (zero
  /// width space), what Foundation's `CharacterSet.whitespaces` trims (this module does
  /// without Foundation). Only reached when the field so far is spaces and tabs.
  static func isBlank(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator }
  }
}
