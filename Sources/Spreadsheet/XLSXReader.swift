import Foundation

/// Reads an XLSX workbook: every worksheet's `sheetData` and `mergeCells`.
///
/// Cell types follow ECMA-376 part 1, 18.18.11: `s` (shared string index), `inlineStr`
/// (`is/t`), `str` (formula text), `b`, `e` (cached error such as `#REF!`), `d` (ISO date),
/// and `n` or none (a number, read as a date when its style's number format is a date).
enum XLSXReader {
  /// Reads every sheet of the XLSX in `zip`.
  static func read(_ zip: ZipContainer) throws -> Workbook {
    let parts = try XLSXParts.read(zip)
    var sheets: [Sheet] = []
    for entry in parts.sheets {
      let parser = XLSXSheetParser(file: zip.file, member: entry.member, sheet: entry.name, parts: parts)
      try parser.run(try zip.data(entry.member))
      sheets.append(parser.builder.sheet(file: zip.file, name: entry.name))
    }
    let dates = try zip.dataIfPresent("docProps/core.xml").map {
      try DocumentDates.read($0, file: zip.file, member: "docProps/core.xml")
    }
    return Workbook(file: zip.file, format: .xlsx, sheets: sheets, created: dates?.created, modified: dates?.modified)
  }
}

private final class XLSXSheetParser: XMLEvents {
  /// The last row number accepted (Excel's limit is 1,048,576).
  static let maximumRow = 1 << 31

  private let sheet: String
  private let parts: XLSXParts
  var builder = SheetBuilder()

  private var rowNumber = 0
  private var row: RowCells?
  private var cell: (column: Int, type: String, style: Int)?
  private var text = ""
  private var collecting = false
  private var inInline = false
  private var phoneticDepth = 0

  init(file: String, member: String, sheet: String, parts: XLSXParts) {
    self.sheet = sheet
    self.parts = parts
    super.init(file: file, member: member)
  }

  override func start(_ name: String, namespace: String, attributes: [String: String]) {
    switch name {
    case "row": startRow(attributes)
    case "c": startCell(attributes)
    case "v" where cell != nil:
      collecting = true
      text = ""
    case "is" where cell != nil:
      inInline = true
      text = ""
    case "rPh": phoneticDepth += 1
    case "t" where inInline: collecting = phoneticDepth == 0
    case "mergeCell":
      guard let reference = attributes["ref"], let range = CellRange(a1: reference) else {
        return fail(.invalidContent("mergeCell ref=\"\(attributes["ref"] ?? "")\" is not a cell range"))
      }
      builder.addMerge(range)
    default: break
    }
  }

  private func startRow(_ attributes: [String: String]) {
    if let raw = attributes["r"] {
      guard let number = Int(raw), number > rowNumber, number <= Self.maximumRow else {
        return fail(.invalidContent("row r=\"\(raw)\" is not a row number after \(rowNumber)"))
      }
      rowNumber = number
    } else {
      guard rowNumber < Self.maximumRow else { return fail(.tooLarge("more than \(Self.maximumRow) rows")) }
      rowNumber += 1
    }
    row = RowCells()
  }

  private func startCell(_ attributes: [String: String]) {
    guard let current = row else { return fail(.invalidContent("a cell outside a row")) }
    var column = current.nextColumn
    if let reference = attributes["r"] {
      guard let parsed = ColumnName.parseReference(reference), parsed.row == rowNumber else {
        return fail(.invalidContent("cell r=\"\(reference)\" is not a cell of row \(rowNumber)"))
      }
      column = parsed.column
    }
    cell = (column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0)
    text = ""
  }

  override func characters(_ string: String) {
    if collecting { text += string }
  }

  override func end(_ name: String, namespace: String) {
    switch name {
    case "v", "t": collecting = false
    case "is": inInline = false
    case "rPh": phoneticDepth -= 1
    case "c": finishCell()
    case "row":
      if let cells = row?.cells, let problem = builder.add(row: rowNumber, cells: cells) { fail(.tooLarge(problem)) }
      row = nil
    default: break
    }
  }

  private func finishCell() {
    guard let current = cell else { return }
    cell = nil
    let value: CellValue
    switch current.type {
    case "s":
      guard let index = Int(text), parts.sharedStrings.indices.contains(index) else {
        return fail(
          .invalidContent("\(ColumnName.letters(current.column))\(rowNumber): shared string \"\(text)\" does not exist")
        )
      }
      value = .text(parts.sharedStrings[index])
    case "inlineStr", "str": value = text.isEmpty ? .empty : .text(text)
    case "b": value = .boolean(text == "1" || text == "true")
    case "e": value = .error(text)
    case "d":
      guard let date = SpreadsheetDate(iso8601: text) else {
        return fail(.invalidContent("\(ColumnName.letters(current.column))\(rowNumber): \"\(text)\" is not a date"))
      }
      value = .date(date)
    default:
      value = numberValue(current)
      if hasFailed { return }
    }
    if row?.place(value, at: current.column) == false {
      fail(.invalidContent("cell \(ColumnName.letters(current.column))\(rowNumber) is out of order or past column XFD"))
    }
  }

  private func numberValue(_ current: (column: Int, type: String, style: Int)) -> CellValue {
    guard !text.isEmpty else { return .empty }
    guard let number = Double(text), number.isFinite else {
      fail(.invalidContent("\(ColumnName.letters(current.column))\(rowNumber): \"\(text)\" is not a number"))
      return .empty
    }
    if parts.dateStyles.indices.contains(current.style), parts.dateStyles[current.style],
      let date = SpreadsheetDate(excelSerial: number, uses1904System: parts.uses1904Dates)
    {
      return .date(date)
    }
    return .number(number)
  }
}
