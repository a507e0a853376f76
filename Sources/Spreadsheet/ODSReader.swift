import Foundation

/// Reads an OpenDocument spreadsheet's `content.xml` into sheets.
///
/// Follows ODF 1.2 part 1, section 9.1: rows and cells may repeat (`number-rows-repeated`,
/// `number-columns-repeated`), merged cells are a spanning cell (`number-columns-spanned`,
/// `number-rows-spanned`) followed by `covered-table-cell`s, and a cell's value is in
/// `office:value` (float, percentage, currency), `office:date-value`, `office:boolean-value`,
/// or its `text:p` paragraphs (string). Comments (`office:annotation`) and shapes are skipped.
enum ODSReader {
  static let tableNamespace = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  static let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  static let officeNamespace = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

  /// Reads every sheet of the ODS in `zip`.
  static func read(_ zip: ZipContainer) throws -> Workbook {
    let data = try zip.data("content.xml")
    let parser = ODSContentParser(file: zip.file, member: "content.xml")
    try parser.run(data)
    let meta = try zip.dataIfPresent("meta.xml").map { try DocumentDates.read($0, file: zip.file, member: "meta.xml") }
    return Workbook(
      file: zip.file, format: .ods, sheets: parser.sheets, created: meta?.created, modified: meta?.modified)
  }
}

/// The SAX pass over `content.xml`.
final class ODSContentParser: XMLEvents {
  private(set) var sheets: [Sheet] = []

  private var tableName: String?
  private var builder = SheetBuilder()
  private var nextRow = 1
  private var rowRepeat = 1
  private var row: RowCells?

  private var cellAttributes: [String: String]?
  private var cellText = ""
  private var paragraphs = 0
  private var paragraphDepth = 0
  private var skippedDepth = 0

  override func start(_ name: String, namespace: String, attributes: [String: String]) {
    if skippedDepth > 0 {
      skippedDepth += 1
      return
    }
    switch (namespace, name) {
    case (ODSReader.tableNamespace, "table"):
      guard tableName == nil else { return fail(.invalidContent("a table inside a table cell is not supported")) }
      tableName = attributes["name"] ?? "Sheet\(sheets.count + 1)"
      builder = SheetBuilder()
      nextRow = 1
    case (ODSReader.tableNamespace, "table-row") where tableName != nil:
      guard let count = Self.count(attributes["number-rows-repeated"]) else {
        return fail(
          .invalidContent("number-rows-repeated=\"\(attributes["number-rows-repeated"] ?? "")\" is not a count"))
      }
      rowRepeat = count
      row = RowCells()
    case (ODSReader.tableNamespace, "table-cell"), (ODSReader.tableNamespace, "covered-table-cell"):
      guard row != nil else { return }
      cellAttributes = attributes
      cellText = ""
      paragraphs = 0
    case (ODSReader.textNamespace, _) where cellAttributes != nil:
      startText(name, attributes: attributes)
    case (ODSReader.officeNamespace, "annotation"), ("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", _):
      if cellAttributes != nil { skippedDepth = 1 }
    default:
      break
    }
  }

  private func startText(_ name: String, attributes: [String: String]) {
    switch name {
    case "p", "h":
      if paragraphDepth == 0 {
        if paragraphs > 0 { cellText += "\n" }
        paragraphs += 1
      }
      paragraphDepth += 1
    case "s": cellText += String(repeating: " ", count: min(Self.count(attributes["c"]) ?? 1, 1000))
    case "tab": cellText += "\t"
    case "line-break": cellText += "\n"
    default: break
    }
  }

  override func end(_ name: String, namespace: String) {
    if skippedDepth > 0 {
      skippedDepth -= 1
      return
    }
    switch (namespace, name) {
    case (ODSReader.textNamespace, "p"), (ODSReader.textNamespace, "h"):
      paragraphDepth = max(0, paragraphDepth - 1)
    case (ODSReader.tableNamespace, "table-cell"), (ODSReader.tableNamespace, "covered-table-cell"):
      finishCell()
    case (ODSReader.tableNamespace, "table-row"):
      finishRow()
    case (ODSReader.tableNamespace, "table"):
      if let tableName { sheets.append(builder.sheet(file: file, name: tableName)) }
      tableName = nil
    default:
      break
    }
  }

  override func characters(_ text: String) {
    if cellAttributes != nil, paragraphDepth > 0, skippedDepth == 0 { cellText += text }
  }

  private func finishCell() {
    guard let attributes = cellAttributes, row != nil else { return }
    cellAttributes = nil
    guard let repeated = Self.count(attributes["number-columns-repeated"]) else {
      return fail(
        .invalidContent("number-columns-repeated=\"\(attributes["number-columns-repeated"] ?? "")\" is not a count"))
    }
    let value: CellValue
    do { value = try Self.value(attributes: attributes, text: cellText, paragraphs: paragraphs) } catch {
      return fail(
        .invalidContent("row \(nextRow), column \(ColumnName.letters(row?.nextColumn ?? 0)): \(error.reason)"))
    }
    let column = row?.nextColumn ?? 0
    let columnsSpanned = Self.count(attributes["number-columns-spanned"]) ?? 1
    let rowsSpanned = Self.count(attributes["number-rows-spanned"]) ?? 1
    if columnsSpanned > 1 || rowsSpanned > 1 {
      builder.addMerge(
        CellRange(
          firstRow: nextRow, firstColumn: column, lastRow: nextRow + rowsSpanned - 1,
          lastColumn: column + columnsSpanned - 1))
    }
    if row?.append(value, count: repeated) == false {
      fail(.tooLarge("row \(nextRow) has more than \(SheetBuilder.maximumColumns) columns"))
    }
  }

  private func finishRow() {
    guard let cells = row?.cells else { return }
    row = nil
    if let problem = builder.add(row: nextRow, cells: cells, repeated: rowRepeat) { return fail(.tooLarge(problem)) }
    nextRow += rowRepeat
  }

  /// The cell's value from its `office:value-type` and value attributes or its text.
  static func value(attributes: [String: String], text: String, paragraphs: Int) throws(ODSValueError) -> CellValue {
    switch attributes["value-type"] {
    case "float", "percentage", "currency":
      let raw = attributes["value"] ?? ""
      guard let number = Double(raw), number.isFinite else {
        throw ODSValueError(reason: "office:value \"\(raw)\" is not a number")
      }
      return .number(number)
    case "date":
      let raw = attributes["date-value"] ?? ""
      guard let date = SpreadsheetDate(iso8601: raw) else {
        throw ODSValueError(reason: "office:date-value \"\(raw)\" is not a date")
      }
      return .date(date)
    case "boolean":
      return .boolean(attributes["boolean-value"] == "true")
    case "string":
      return .text(attributes["string-value"] ?? text)
    default:
      return paragraphs > 0 && !text.isEmpty ? .text(text) : .empty
    }
  }

  /// The largest repeat or span count taken as given; larger ones are read as this, which
  /// still passes every size limit, so that sums of counts cannot overflow.
  static let maximumCount = 1 << 31

  /// A repeat or span count: absent means 1; otherwise a positive integer (capped at
  /// ``maximumCount``).
  static func count(_ raw: String?) -> Int? {
    guard let raw else { return 1 }
    guard let value = Int(raw), value >= 1 else {
      return raw.allSatisfy(\.isNumber) && !raw.isEmpty ? maximumCount : nil
    }
    return min(value, maximumCount)
  }
}

/// Why a cell's declared value could not be read.
struct ODSValueError: Error {
  let reason: String
}
