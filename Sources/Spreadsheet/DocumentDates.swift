import Foundation

/// The creation and modification dates in ODS `meta.xml` or XLSX `docProps/core.xml`.
struct DocumentDates {
  var created: SpreadsheetDate?
  var modified: SpreadsheetDate?

  /// Reads the dates; elements that are absent or not ISO 8601 leave the date nil.
  static func read(_ data: Data, file: String, member: String) throws -> DocumentDates {
    let parser = DocumentDatesParser(file: file, member: member)
    try parser.run(data)
    return parser.dates
  }
}

private final class DocumentDatesParser: XMLEvents {
  var dates = DocumentDates()
  private var current: String?
  private var text = ""

  override func start(_ name: String, namespace: String, attributes: [String: String]) {
    current = ["creation-date", "created", "date", "modified"].contains(name) ? name : nil
    text = ""
  }

  override func characters(_ string: String) {
    if current != nil { text += string }
  }

  override func end(_ name: String, namespace: String) {
    guard let current, current == name else { return }
    let date = SpreadsheetDate(iso8601: text.trimmingCharacters(in: .whitespacesAndNewlines))
    if name == "creation-date" || name == "created" { dates.created = date } else { dates.modified = date }
    self.current = nil
  }
}
