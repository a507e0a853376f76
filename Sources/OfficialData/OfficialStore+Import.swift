import Foundation
import GRDB

/// What importing one ZIP did.
public struct ImportOutcome: Sendable {
  /// What happened to the store.
  public enum Action: Sendable, Equatable {
    /// The release was new and is now stored.
    case imported
    /// The same release (same reporting year and contents) was already there: nothing changed.
    case alreadyPresent
    /// A release of the same reporting year with different contents (a revision) was replaced.
    case replaced
  }

  /// The ZIP as named.
  public let archive: String
  /// Its reporting year.
  public let reportingYear: Int
  /// Which layout it uses.
  public let schema: String
  /// What the import did.
  public let action: Action
  /// Values stored (zero when already present).
  public let values: Int
  /// Authorities (with England and regions) it covers.
  public let authorities: Int
  /// Where this release and another hold the same measure for the same years.
  public let overlaps: [ReleaseOverlap]
}

/// Two releases with the same measure for the same census (or calendar) years. Reads use the
/// newer release's figures; `differing` counts the all-ages totals that the two disagree on.
public struct ReleaseOverlap: Sendable, Hashable {
  /// The measure both hold.
  public let measure: Measure
  /// The years both hold it for.
  public let years: ClosedRange<Int>
  /// The release whose figures are read (the newer).
  public let winner: Int
  /// The release whose figures are kept but not read.
  public let superseded: Int
  /// All-ages totals the two releases both hold.
  public let compared: Int
  /// How many of those differ.
  public let differing: Int
}

extension OfficialStore {
  /// Imports the release ZIPs at `paths`. Every ZIP is read and checked before anything is
  /// written, then all are stored in one transaction: if any is truncated, not a DfE release,
  /// has a changed schema or a duplicated row, the store is left exactly as it was and the
  /// error (`invalidRelease`, naming `ZIP:member:line` and the column) is thrown. A release
  /// already stored with the same contents is left alone (`.alreadyPresent`).
  public func importReleases(_ paths: [String]) throws -> [ImportOutcome] {
    let parsed = try paths.map { try ParsedRelease(path: $0) }
    do {
      return try database.write { db in try storeReleases(parsed, db) }
    } catch let error as DatabaseError {
      throw OfficialDataError.store(path: path, reason: error.message ?? "\(error)")
    }
  }

  /// Stores releases already read, inside the caller's transaction.
  func storeReleases(_ parsed: [ParsedRelease], _ db: Database) throws -> [ImportOutcome] {
        var outcomes: [ImportOutcome] = []
        for release in parsed { outcomes.append(try store(release, db)) }
        try db.execute(
          sql: """
            UPDATE authority SET (first_census, last_census) = (
              SELECT MIN(year), MAX(year) FROM observation o
              WHERE o.authority_id = authority.id AND o.measure = 1 AND o.age_id = 1 AND o.category_id = 1
                AND o.value IS NOT NULL)
            """)
        return outcomes
  }

  private func store(_ release: ParsedRelease, _ db: Database) throws -> ImportOutcome {
    var action = ImportOutcome.Action.imported
    if let row = try Row.fetchOne(
      db, sql: "SELECT id, fingerprint FROM release WHERE reporting_year = ?", arguments: [release.reportingYear])
    {
      let fingerprint: String = row["fingerprint"]
      let id: Int64 = row["id"]
      if fingerprint == release.fingerprint {
        return ImportOutcome(
          archive: release.archiveName, reportingYear: release.reportingYear, schema: release.schema.rawValue,
          action: .alreadyPresent, values: 0, authorities: release.authorities.count, overlaps: [])
      }
      try db.execute(sql: "DELETE FROM observation WHERE release_id = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM release_file WHERE release_id = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM release WHERE id = ?", arguments: [id])
      action = .replaced
    }
    let stamp = ISO8601DateFormatter().string(from: Date())
    try db.execute(
      sql: """
        INSERT INTO release (publication, reporting_year, schema, archive, fingerprint, imported_at)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        ReleaseArchive.publication, release.reportingYear, release.schema.rawValue,
        URL(fileURLWithPath: release.archiveName).lastPathComponent, release.fingerprint, stamp,
      ])
    let releaseID = db.lastInsertedRowID
    var fileIDs: [Int64] = []
    for member in release.members {
      try db.execute(
        sql: "INSERT INTO release_file (release_id, member) VALUES (?, ?)", arguments: [releaseID, member])
      fileIDs.append(db.lastInsertedRowID)
    }
    let authorityIDs = try storeAuthorities(release, db)
    try storeObservations(release, releaseID: releaseID, fileIDs: fileIDs, authorityIDs: authorityIDs, db)
    return ImportOutcome(
      archive: release.archiveName, reportingYear: release.reportingYear, schema: release.schema.rawValue,
      action: action, values: release.observations.count, authorities: release.authorities.count,
      overlaps: try overlaps(of: releaseID, db))
  }

  /// Inserts or renames authorities: the newest release's name and old code win.
  private func storeAuthorities(_ release: ParsedRelease, _ db: Database) throws -> [String: Int64] {
    var ids: [String: Int64] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT id, code FROM authority") { ids[row["code"]] = row["id"] }
    for record in release.authorities.values.sorted(by: { $0.code < $1.code }) {
      if let id = ids[record.code] {
        try db.execute(
          sql: """
            UPDATE authority SET name = ?, old_code = COALESCE(?, old_code), region = COALESCE(?, region),
              named_by_release = ? WHERE id = ? AND named_by_release <= ?
            """,
          arguments: [record.name, record.oldCode, record.region, release.reportingYear, id, release.reportingYear])
      } else {
        try db.execute(
          sql: """
            INSERT INTO authority (code, old_code, name, level, region, named_by_release) VALUES (?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            record.code, record.oldCode, record.name, record.level.rawValue, record.region, release.reportingYear,
          ])
        ids[record.code] = db.lastInsertedRowID
      }
    }
    return ids
  }

  private func storeObservations(
    _ release: ParsedRelease, releaseID: Int64, fileIDs: [Int64], authorityIDs: [String: Int64], _ db: Database
  ) throws {
    var labels: [String: Int64] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT id, text FROM label") { labels[row["text"]] = row["id"] }
    let addLabel = try db.makeStatement(sql: "INSERT INTO label (text) VALUES (?)")
    func label(_ text: String) throws -> Int64 {
      if let id = labels[text] { return id }
      try addLabel.execute(arguments: [text])
      let id = db.lastInsertedRowID
      labels[text] = id
      return id
    }
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO observation (authority_id, measure, year, release_id, age_id, category_id, value, missing,
          file_id, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    var lastAuthority = ""
    var authorityID: Int64 = 0
    for observation in release.observations {
      if observation.authority != lastAuthority {
        lastAuthority = observation.authority
        authorityID = authorityIDs[observation.authority] ?? 0
      }
      insert.setUncheckedArguments([
        authorityID, observation.measure.rawValue, observation.year, releaseID, try label(observation.age),
        try label(observation.category), observation.value, observation.missingCode, fileIDs[observation.file],
        observation.line,
      ])
      try insert.execute()
    }
  }

  /// The measures and years this release shares with every other stored release, with how many
  /// all-ages totals differ.
  func overlaps(of releaseID: Int64, _ db: Database) throws -> [ReleaseOverlap] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT a.measure, MIN(a.year) AS first, MAX(a.year) AS last, ra.reporting_year AS mine,
          rb.reporting_year AS other, COUNT(*) AS compared,
          SUM(CASE WHEN a.value IS b.value THEN 0 ELSE 1 END) AS differing
        FROM observation a
        JOIN observation b ON b.authority_id = a.authority_id AND b.measure = a.measure AND b.year = a.year
          AND b.age_id = 1 AND b.category_id = 1 AND b.release_id <> a.release_id
        JOIN release ra ON ra.id = a.release_id JOIN release rb ON rb.id = b.release_id
        WHERE a.release_id = ? AND a.age_id = 1 AND a.category_id = 1
        GROUP BY a.measure, b.release_id ORDER BY a.measure
        """, arguments: [releaseID])
    return rows.compactMap { row in
      guard let measure = Measure(rawValue: row["measure"]) else { return nil }
      let mine: Int = row["mine"]
      let other: Int = row["other"]
      return ReleaseOverlap(
        measure: measure, years: (row["first"] as Int)...(row["last"] as Int), winner: max(mine, other),
        superseded: min(mine, other), compared: row["compared"], differing: row["differing"])
    }
  }
}
