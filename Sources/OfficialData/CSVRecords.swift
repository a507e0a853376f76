/// A CSV file held as bytes, split into records whose fields are read only when asked for.
///
/// RFC 4180: fields separated by commas, records by LF or CRLF, a field in double quotes may
/// hold commas, newlines and doubled quotes (`""`). A UTF-8 byte-order mark before the header is
/// skipped (the 2025 release has one). Lines are counted from 1 (the header) as a text editor
/// shows them, so a quoted field that spans lines moves the next record's line on.
/// O(n) in the size of the file; a record is a list of byte ranges, not strings.
struct CSVRecords {
  /// One record: where its fields are in the buffer, and the line it starts on.
  struct Record {
    /// The 1-based line on which the record starts.
    let line: Int
    fileprivate let fields: [Field]
    /// The number of fields.
    var count: Int { fields.count }
  }

  fileprivate struct Field {
    let start: Int
    let end: Int
    let quoted: Bool
  }

  /// Why the bytes are not CSV.
  enum Problem: Error {
    /// A quoted field is still open at the end of the file.
    case unterminatedQuote(line: Int)
    /// Bytes that are not UTF-8.
    case notUTF8(line: Int)
  }

  private let bytes: [UInt8]
  /// The header's names, in order.
  let header: [String]
  /// Every record after the header, in order.
  let records: [Record]

  /// Splits `bytes` into the header and records; an empty file has an empty header.
  init(bytes: [UInt8]) throws {
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    self.bytes = bytes
    var all = try Self.split(bytes, from: start)
    guard !all.isEmpty else {
      header = []
      records = []
      return
    }
    let first = all.removeFirst()
    var names: [String] = []
    for field in first.fields {
      guard let name = Self.decode(bytes, field) else { throw Problem.notUTF8(line: 1) }
      names.append(name)
    }
    header = names
    records = all
  }

  /// The text of field `index` of `record`, or nil when the record is shorter or not UTF-8.
  func string(_ record: Record, _ index: Int) -> String? {
    guard index < record.fields.count else { return nil }
    return Self.decode(bytes, record.fields[index])
  }

  /// True when field `index` of `record` is exactly `text` (compares bytes, no string made).
  func field(_ record: Record, _ index: Int, equals text: StaticString) -> Bool {
    guard index < record.fields.count else { return false }
    let field = record.fields[index]
    guard !field.quoted || !containsQuote(field) else { return string(record, index) == "\(text)" }
    guard field.end - field.start == text.utf8CodeUnitCount else { return false }
    let pointer = text.utf8Start
    for offset in 0..<text.utf8CodeUnitCount where bytes[field.start + offset] != pointer[offset] {
      return false
    }
    return true
  }

  /// An unsigned integer in field `index` (digits only), or nil when it is anything else.
  func integer(_ record: Record, _ index: Int) -> Int? {
    guard index < record.fields.count else { return nil }
    let field = record.fields[index]
    guard field.end > field.start, field.end - field.start <= 15 else { return nil }
    var value = 0
    for position in field.start..<field.end {
      let byte = bytes[position]
      guard byte >= 0x30, byte <= 0x39 else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  private func containsQuote(_ field: Field) -> Bool {
    (field.start..<field.end).contains { bytes[$0] == 0x22 }
  }

  private static func decode(_ bytes: [UInt8], _ field: Field) -> String? {
    let slice = bytes[field.start..<field.end]
    guard let text = String(validating: slice, as: UTF8.self) else { return nil }
    return field.quoted ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
  }

  private static func split(_ bytes: [UInt8], from start: Int) throws -> [Record] {
    var records: [Record] = []
    var fields: [Field] = []
    var line = 1
    var recordLine = 1
    var position = start
    let count = bytes.count
    while position < count {
      var fieldStart = position
      var fieldEnd = position
      var quoted = false
      if bytes[position] == 0x22 {
        quoted = true
        position += 1
        fieldStart = position
        while true {
          guard position < count else { throw Problem.unterminatedQuote(line: recordLine) }
          let byte = bytes[position]
          if byte == 0x22 {
            if position + 1 < count, bytes[position + 1] == 0x22 {
              position += 2
              continue
            }
            break
          }
          if byte == 0x0A { line += 1 }
          position += 1
        }
        fieldEnd = position
        position += 1
        while position < count, bytes[position] != 0x2C, bytes[position] != 0x0A { position += 1 }
      } else {
        while position < count, bytes[position] != 0x2C, bytes[position] != 0x0A { position += 1 }
        fieldEnd = position
        if fieldEnd > fieldStart, bytes[fieldEnd - 1] == 0x0D { fieldEnd -= 1 }
      }
      fields.append(Field(start: fieldStart, end: fieldEnd, quoted: quoted))
      if position < count, bytes[position] == 0x2C {
        position += 1
        if position == count { fields.append(Field(start: count, end: count, quoted: false)) }
        continue
      }
      // End of record: a newline or the end of the file.
      position += 1
      if !(fields.count == 1 && fields[0].start == fields[0].end && !quoted) {
        records.append(Record(line: recordLine, fields: fields))
      }
      fields = []
      line += 1
      recordLine = line
    }
    return records
  }
}
