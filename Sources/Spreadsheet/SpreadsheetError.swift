/// Why a workbook could not be read, and where: file, ZIP member, sheet, row and column as far
/// as they are known.
///
/// `description` is a one-line message for a person:
/// `dsg.ods: content.xml line 12, column 40: XML is malformed (...)`.
public struct SpreadsheetError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Hashable, Sendable {
    /// The file could not be opened or read at all.
    case unreadable(String)
    /// The file is not a ZIP archive, or its ZIP directory is damaged (a truncated download).
    case notAnArchive
    /// The archive holds neither an ODS `content.xml` nor an XLSX `xl/workbook.xml`.
    case unknownFormat(members: [String])
    /// A part the format requires is missing from the archive.
    case missingMember(String)
    /// A member could not be decompressed (damaged data or a failed checksum).
    case damagedMember(String)
    /// A member's XML is not well formed.
    case malformedXML(String)
    /// The XML is well formed but a value in it is not what the format allows.
    case invalidContent(String)
    /// The sheet would be larger than the reader's limits (rows × columns).
    case tooLarge(String)
    /// The workbook has no sheet of this name.
    case missingSheet(String, available: [String])
  }

  /// The file, as named to the reader.
  public let file: String
  /// The ZIP member (`content.xml`, `xl/worksheets/sheet1.xml`) when the problem is inside one.
  public let member: String?
  /// The line in the member's XML, when the XML parser reported one.
  public let line: Int?
  /// The column in that line, when the XML parser reported one.
  public let column: Int?
  /// What went wrong.
  public let kind: Kind

  /// Creates an error for `file` (and `member`, `line`, `column` when known).
  public init(file: String, member: String? = nil, line: Int? = nil, column: Int? = nil, kind: Kind) {
    self.file = file
    self.member = member
    self.line = line
    self.column = column
    self.kind = kind
  }

  /// True when the input could not be read at all (sysexits 66) rather than read and found
  /// wrong (65).
  public var isUnreadable: Bool {
    if case .unreadable = kind { return true }
    return false
  }

  /// `file: member line L, column C: message`.
  public var description: String {
    var place = file
    if let member {
      place += ": \(member)"
      if let line { place += " line \(line)" + (column.map { ", column \($0)" } ?? "") }
    }
    return "\(place): \(message)"
  }

  private var message: String {
    switch kind {
    case .unreadable(let reason): return "cannot be read (\(reason))"
    case .notAnArchive:
      return "is not a ZIP archive (ODS and XLSX files are); it may be truncated or another kind of file"
    case .unknownFormat(let members):
      return "is a ZIP archive but neither ODS (content.xml) nor XLSX (xl/workbook.xml); it holds "
        + members.prefix(5).joined(separator: ", ")
    case .missingMember(let name): return "expected the archive member \(name), which is missing"
    case .damagedMember(let reason): return "member cannot be decompressed (\(reason))"
    case .malformedXML(let reason): return "XML is malformed (\(reason))"
    case .invalidContent(let reason): return reason
    case .tooLarge(let reason): return "too large: \(reason)"
    case .missingSheet(let name, let available):
      return "expected a sheet named \"\(name)\"; the sheets are "
        + available.map { "\"\($0)\"" }.joined(separator: ", ")
    }
  }
}
