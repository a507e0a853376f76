/// One CSV member of a release, read on its own exactly as an import reads it: the values it
/// holds, or an `invalidRelease` error at `archive:member:line`. The fuzzer in `fuzz/`
/// (`fuzz-release`) feeds members through this; an import reads them through the same
/// ``ParsedRelease`` code.
public struct ReleaseMember: Sendable {
  /// One value read: where it was, and what.
  public struct Value: Sendable {
    /// The 1-based line of its row (the header is line 1).
    public let line: Int
    /// The authority's GSS code (England and regions have their own).
    public let authority: String
    /// Census year for stocks, calendar year for flows.
    public let year: Int
    /// What it counts.
    public let measure: Measure
    /// The count, or nil when suppressed (`missingCode` says how).
    public let count: Int?
    /// The suppression code when `count` is nil.
    public let missingCode: String?
  }

  /// Every member an import reads, for either layout, as `data/NAME.csv`.
  public static let members = ReleaseSchema2022.members + ReleaseSchema2025.members

  /// The member read.
  public let member: String
  /// Every value, in file order.
  public let values: [Value]

  /// Reads `bytes` as the member `member` (one of ``members``) of a release called `archive`.
  ///
  /// - Throws: `OfficialDataError.invalidRelease` naming `archive`, `member`, the line and the
  ///   column when the bytes are not that table (not CSV, a column missing, a row too short, a
  ///   value that is not a count or code, a duplicated row, no rows at all).
  public init(member: String, bytes: [UInt8], archive: String) throws {
    let schema: ParsedRelease.Schema
    if ReleaseSchema2025.members.contains(member) {
      schema = .personLevel2025
    } else if ReleaseSchema2022.members.contains(member) {
      schema = .aggregate2022
    } else {
      throw OfficialDataError.invalidRelease(
        ReleaseLocation(archive: archive, member: member), "not a table an import reads")
    }
    let reader = try ParsedRelease.read(
      member, schema: schema, archive: archive, path: member, fileIndex: 0, bytes: bytes)
    self.member = member
    values = reader.observations.map {
      Value(
        line: $0.line, authority: $0.authority, year: $0.year, measure: $0.measure, count: $0.value,
        missingCode: $0.missingCode)
    }
  }
}
