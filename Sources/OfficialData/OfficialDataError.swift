/// Where in a release a problem was found: `ZIP:member:line`, and the column when one is to blame.
public struct ReleaseLocation: Sendable, Hashable, CustomStringConvertible {
  /// The ZIP file as the caller named it.
  public let archive: String
  /// The member inside the ZIP (`data/caseload.csv`), or nil for the archive as a whole.
  public let member: String?
  /// The 1-based line in the member (the header is line 1), or nil.
  public let line: Int?
  /// The column (CSV header name) to blame, or nil.
  public let column: String?

  /// Creates a location.
  public init(archive: String, member: String? = nil, line: Int? = nil, column: String? = nil) {
    self.archive = archive
    self.member = member
    self.line = line
    self.column = column
  }

  /// `ZIP:member:line: column 'x'`, as much of it as is known.
  public var description: String {
    var text = archive
    if let member { text += ":\(member)" }
    if let line { text += ":\(line)" }
    if let column { text += ": column '\(column)'" }
    return text
  }
}

/// Errors from reading DfE releases and from the official-data store. Each says where and what
/// was expected; the command-line tool maps `unreadable` to exit 66 and the rest to 65.
public enum OfficialDataError: Error, Sendable, CustomStringConvertible {
  /// The file could not be opened or read at all (missing, a folder, no permission).
  case unreadable(path: String, reason: String)
  /// The archive, a member or a value in it is not what a DfE SEN2 release contains.
  case invalidRelease(ReleaseLocation, String)
  /// The store could not be opened, created or written.
  case store(path: String, reason: String)
  /// No authority in the store matches; `known` lists every name and code the store has, so a
  /// caller can offer "did you mean" (the command-line tool uses HighNeeds' `Suggestion`).
  case unknownAuthority(query: String, known: [String])
  /// The name matches several authorities (an old and a new Dorset): give a code instead.
  case ambiguousAuthority(query: String, candidates: [String])
  /// The store holds no release yet.
  case emptyStore(path: String)

  /// A one-line message naming the place and what was expected.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
    case .invalidRelease(let location, let problem): return "\(location): \(problem)"
    case .store(let path, let reason): return "store \(path): \(reason)"
    case .unknownAuthority(let query, _):
      return "no authority '\(query)' in the store; `highneeds data authorities` lists them"
    case .ambiguousAuthority(let query, let candidates):
      return "'\(query)' names more than one authority: \(candidates.joined(separator: "; ")); give its code"
    case .emptyStore(let path):
      return "store \(path) holds no release yet: run `highneeds data import RELEASE.zip` first"
    }
  }
}
