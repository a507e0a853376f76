import Foundation
import ZIPFoundation

/// Builds small ODS and XLSX files in memory, so that tests state the exact XML they feed the
/// reader and need no binary fixtures.
public enum FixtureWorkbook {
  /// A ZIP holding `members` (path → text), stored uncompressed or deflated.
  public static func zip(_ members: [(String, String)], compress: Bool = true) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, text) in members {
      let bytes = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(bytes.count),
        compressionMethod: compress ? .deflate : .none
      ) { position, size in
        bytes.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let data = archive.data else { throw FixtureError.noData }
    return data
  }

  /// An ODS whose `content.xml` holds `tables` (table name → the XML of its rows).
  public static func ods(_ tables: [(name: String, rows: String)], meta: String? = nil) throws -> Data {
    let body = tables.map { "<table:table table:name=\"\($0.name)\">\($0.rows)</table:table>" }.joined()
    let content = """
      <?xml version="1.0" encoding="UTF-8"?>
      <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
      xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
      xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
      xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
      xmlns:dc="http://purl.org/dc/elements/1.1/"><office:body><office:spreadsheet>\(body)\
      </office:spreadsheet></office:body></office:document-content>
      """
    var members = [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", content)]
    if let meta {
      members.append(
        (
          "meta.xml",
          """
          <?xml version="1.0" encoding="UTF-8"?><office:document-meta \
          xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
          xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
          xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>\(meta)</office:meta></office:document-meta>
          """
        ))
    }
    return try zip(members)
  }

  /// One ODS row of cells written as `t:TEXT` (string), `n:NUMBER` (float), or `` (empty).
  public static func odsRow(_ cells: [String]) -> String {
    "<table:table-row>" + cells.map(odsCell).joined() + "</table:table-row>"
  }

  private static func odsCell(_ spec: String) -> String {
    if spec.hasPrefix("n:") {
      let number = spec.dropFirst(2)
      return
        "<table:table-cell office:value-type=\"float\" office:value=\"\(number)\"><text:p>\(number)</text:p></table:table-cell>"
    }
    if spec.hasPrefix("t:") {
      return
        "<table:table-cell office:value-type=\"string\"><text:p>\(escape(String(spec.dropFirst(2))))</text:p></table:table-cell>"
    }
    return "<table:table-cell/>"
  }

  /// An XLSX with `sheets` (name → the XML inside `sheetData`), `sharedStrings` as the `si`
  /// list, and `styles` as the `cellXfs` `xf` number formats (with optional custom formats).
  public static func xlsx(
    _ sheets: [(name: String, sheetData: String, extra: String)], sharedStrings: [String] = [],
    cellFormats: [Int] = [0], customFormats: [Int: String] = [:], date1904: Bool = false
  ) throws -> Data {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let sheetList = sheets.enumerated().map { index, sheet in
      "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }.joined()
    let workbook = """
      <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(main)" xmlns:r="\(relNS)">\
      <workbookPr date1904="\(date1904 ? "1" : "0")"/><sheets>\(sheetList)</sheets></workbook>
      """
    let rels = sheets.indices.map {
      "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
    }.joined()
    let strings = sharedStrings.map { $0.hasPrefix("<") ? "<si>\($0)</si>" : "<si><t>\(escape($0))</t></si>" }.joined()
    let custom = customFormats.map { "<numFmt numFmtId=\"\($0.key)\" formatCode=\"\(escape($0.value))\"/>" }.joined()
    let xfs = cellFormats.map { "<xf numFmtId=\"\($0)\"/>" }.joined()
    var members: [(String, String)] = [
      ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"),
      ("xl/workbook.xml", workbook),
      (
        "xl/_rels/workbook.xml.rels",
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>"
      ),
      ("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\">\(strings)</sst>"),
      (
        "xl/styles.xml",
        "<?xml version=\"1.0\"?><styleSheet xmlns=\"\(main)\"><numFmts>\(custom)</numFmts><cellXfs>\(xfs)</cellXfs></styleSheet>"
      ),
    ]
    for (index, sheet) in sheets.enumerated() {
      members.append(
        (
          "xl/worksheets/sheet\(index + 1).xml",
          "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData>\(sheet.sheetData)</sheetData>\(sheet.extra)</worksheet>"
        ))
    }
    return try zip(members)
  }

  /// Escapes `&`, `<`, `>` and `"` for XML text and attributes.
  public static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}

/// A fixture could not be assembled.
public enum FixtureError: Error {
  /// ZIPFoundation returned no archive data.
  case noData
}
