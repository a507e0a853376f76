import Foundation

/// The workbook-level parts of an XLSX file: sheet names and their XML parts, the shared
/// strings, and which cell styles are dates (ECMA-376 part 1, sections 18.2, 18.4, 18.8).
struct XLSXParts {
  struct SheetEntry {
    let name: String
    let member: String
  }

  var sheets: [SheetEntry] = []
  var sharedStrings: [String] = []
  /// For each cell style index (`s`), whether its number format shows a date.
  var dateStyles: [Bool] = []
  var uses1904Dates = false

  /// Reads `xl/workbook.xml`, its relationships, `xl/sharedStrings.xml` and `xl/styles.xml`.
  static func read(_ zip: ZipContainer) throws -> XLSXParts {
    var parts = XLSXParts()
    let workbook = XLSXWorkbookParser(file: zip.file, member: "xl/workbook.xml")
    try workbook.run(try zip.data("xl/workbook.xml"))
    let relationships = XLSXRelationshipsParser(file: zip.file, member: "xl/_rels/workbook.xml.rels")
    try relationships.run(try zip.data("xl/_rels/workbook.xml.rels"))
    parts.uses1904Dates = workbook.uses1904Dates
    for (name, id) in workbook.sheets {
      guard let target = relationships.targets[id] else {
        throw SpreadsheetError(
          file: zip.file, member: "xl/workbook.xml",
          kind: .invalidContent(
            "sheet \"\(name)\" refers to relationship \(id), which xl/_rels/workbook.xml.rels lacks"))
      }
      let member = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      parts.sheets.append(SheetEntry(name: name, member: member))
    }
    if let data = try zip.dataIfPresent("xl/sharedStrings.xml") {
      let strings = XLSXSharedStringsParser(file: zip.file, member: "xl/sharedStrings.xml")
      try strings.run(data)
      parts.sharedStrings = strings.strings
    }
    if let data = try zip.dataIfPresent("xl/styles.xml") {
      let styles = XLSXStylesParser(file: zip.file, member: "xl/styles.xml")
      try styles.run(data)
      parts.dateStyles = styles.cellFormats.map { XLSXStylesParser.isDateFormat(id: $0, custom: styles.customFormats) }
    }
    return parts
  }
}

private final class XLSXWorkbookParser: XMLEvents {
  var sheets: [(name: String, id: String)] = []
  var uses1904Dates = false

  override func start(_ name: String, namespace: String, attributes: [String: String]) {
    if name == "sheet", let sheetName = attributes["name"], let id = attributes["id"] {
      sheets.append((sheetName, id))
    } else if name == "workbookPr" {
      uses1904Dates = ["1", "true"].contains(attributes["date1904"] ?? "")
    }
  }
}

private final class XLSXRelationshipsParser: XMLEvents {
  var targets: [String: String] = [:]

  override func start(_ name: String, namespace: String, attributes: [String: String]) {
    if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
  }
}

/// Shared strings: each `si` is plain `t` or rich-text runs `r/t`; phonetic runs (`rPh`) are
/// not part of the text.
private final class XLSXSharedStringsParser: XMLEvents {
  var strings: [String] = []
  private var current: String?
  private var inText = false
  private var phoneticDepth = 0

  override func start(_ name: String, namespace: String, attributes: [String: String]) {
    switch name {
    case "si": current = ""
    case "rPh": phoneticDepth += 1
    case "t": inText = phoneticDepth == 0
    default: break
    }
  }

  override func characters(_ text: String) {
    if inText { current? += text }
  }

  override func end(_ name: String, namespace: String) {
    switch name {
    case "si":
      strings.append(current ?? "")
      current = nil
    case "rPh": phoneticDepth -= 1
    case "t": inText = false
    default: break
    }
  }
}

/// Number formats of the cell styles (`cellXfs/xf/@numFmtId`) and the custom format codes.
private final class XLSXStylesParser: XMLEvents {
  var cellFormats: [Int] = []
  var customFormats: [Int: String] = [:]
  private var inCellFormats = false

  override func start(_ name: String, namespace: String, attributes: [String: String]) {
    switch name {
    case "numFmt":
      if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
        customFormats[id] = code
      }
    case "cellXfs": inCellFormats = true
    case "xf" where inCellFormats: cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
    default: break
    }
  }

  override func end(_ name: String, namespace: String) {
    if name == "cellXfs" { inCellFormats = false }
  }

  /// True for the built-in date and time formats (ids 14-22, 27-36, 45-47, 50-58) and for
  /// custom codes with a day, month, year or hour part outside quotes and brackets.
  static func isDateFormat(id: Int, custom: [Int: String]) -> Bool {
    if let code = custom[id] {
      var quoted = false
      var bracketed = false
      var previous: Character = " "
      for character in code {
        defer { previous = character }
        if previous == "\\" { continue }
        switch character {
        case "\"": quoted.toggle()
        case "[" where !quoted: bracketed = true
        case "]" where !quoted: bracketed = false
        case "d", "D", "m", "M", "y", "Y", "h", "H":
          if !quoted && !bracketed { return true }
        default: continue
        }
      }
      return false
    }
    return (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
  }
}
