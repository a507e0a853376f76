import CSVReading

/// One input: the bytes as a CSV file. Parsing must give records or a CSVSyntaxError; the
/// records must start on lines that exist (from 1, increasing, at most one more than the
/// line breaks) and hold at least one field; the error's line must exist too. A trap, leak
/// or hang is a defect.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let lines = 1 + text.reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" || $1 == "\r" ? 1 : 0) }
  do {
    let records = try CSVRecords.parse(text)
    var previous = 0
    for record in records {
      guard record.line > previous, record.line <= lines, !record.fields.isEmpty else {
        fatalError("record \(record) after line \(previous) in a text of \(lines) lines")
      }
      previous = record.line
    }
  } catch {
    guard error.line >= 1, error.line <= lines else { fatalError("unclosed quote on line \(error.line) of \(lines)") }
  }
  return 0
}
