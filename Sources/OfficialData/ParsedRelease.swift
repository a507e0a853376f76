/// A whole release read into memory and checked: every value of every table the store keeps.
/// Nothing is written anywhere until the store imports it, in one transaction.
struct ParsedRelease {
  /// Which of the two published layouts the release uses.
  enum Schema: String {
    /// LA-aggregate tables (reporting years to 2022).
    case aggregate2022 = "SEN2 aggregate (2022 layout)"
    /// Tables from the person-level return (reporting years from 2023).
    case personLevel2025 = "SEN2 person-level (2025 layout)"
  }

  let archiveName: String
  let reportingYear: Int
  let fingerprint: String
  let schema: Schema
  /// The members read, in order; `Observation.file` indexes this.
  let members: [String]
  let observations: [Observation]
  let authorities: [String: AuthorityRecord]

  /// Opens and reads `path`. Throws `unreadable` (the file cannot be opened) or
  /// `invalidRelease` naming `ZIP:member:line` and the column.
  init(path: String) throws {
    let archive = try ReleaseArchive(path: path)
    archiveName = path
    reportingYear = archive.reportingYear
    fingerprint = archive.fingerprint
    let paths = archive.memberPaths
    let has = { (suffix: String) in paths.contains { $0 == suffix || $0.hasSuffix("/" + suffix) } }
    let wanted: [String]
    if has(ReleaseSchema2025.members[0]) {
      schema = .personLevel2025
      wanted = ReleaseSchema2025.members
    } else if has(ReleaseSchema2022.members[0]) {
      schema = .aggregate2022
      wanted = ReleaseSchema2022.members
    } else {
      throw OfficialDataError.invalidRelease(
        ReleaseLocation(archive: path),
        "no SEN2 caseload table: expected \(ReleaseSchema2025.members[0]) (2023 layout on) or "
          + "\(ReleaseSchema2022.members[0]) (2022 layout)")
    }
    var members: [String] = []
    var observations: [Observation] = []
    var authorities: [String: AuthorityRecord] = [:]
    for suffix in wanted {
      guard let (memberPath, bytes) = try archive.member(endingWith: suffix) else {
        throw OfficialDataError.invalidRelease(
          ReleaseLocation(archive: path, member: suffix), "missing from the ZIP (\(schema.rawValue) has it)")
      }
      let reader = try Self.read(
        suffix, schema: schema, archive: path, path: memberPath, fileIndex: members.count, bytes: bytes)
      members.append(memberPath)
      observations.append(contentsOf: reader.observations)
      authorities.merge(reader.authorities) { first, _ in first }
    }
    self.members = members
    self.observations = observations
    self.authorities = authorities
  }

  /// Reads the member `suffix` of `schema` (found in the ZIP at `path`) from its `bytes`;
  /// throws `invalidRelease` at `archive:path:line` when it is not that table or has no rows.
  static func read(
    _ suffix: String, schema: Schema, archive: String, path: String, fileIndex: Int, bytes: [UInt8]
  ) throws -> TableReader {
    var reader = try TableReader(archive: archive, member: path, fileIndex: fileIndex, bytes: bytes)
    switch schema {
    case .aggregate2022: try ReleaseSchema2022.read(suffix, into: &reader)
    case .personLevel2025: try ReleaseSchema2025.read(suffix, into: &reader)
    }
    guard !reader.observations.isEmpty else {
      // At the first row when there is one (none of the rows is one the import reads), else at
      // the header: a file that is a header alone has no line 2 (found by fuzz-release).
      throw OfficialDataError.invalidRelease(
        ReleaseLocation(archive: archive, member: path, line: reader.csv.records.first?.line ?? 1),
        "no rows: expected one per authority and year")
    }
    return reader
  }
}
