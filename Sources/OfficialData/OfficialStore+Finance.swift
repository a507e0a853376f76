import FinanceData
import Foundation
import GRDB

/// What importing one DfE finance file (ODS or XLSX) did.
public struct FinanceImportOutcome: Sendable {
  /// The file as named.
  public let file: String
  /// What kind of finance file it is.
  public let kind: FinanceFileKind
  /// What happened to the store (``ImportOutcome/Action``: imported, already present, replaced).
  public let action: ImportOutcome.Action
  /// Values stored, published or not (zero when already present).
  public let values: Int
  /// Of those, values the file leaves blank or suppresses (stored as missing, never as zero).
  public let missing: Int
  /// Authorities the file names that were joined to a SEN2 authority (by LA code, else name).
  public let joined: Int
  /// Authorities the file names that no SEN2 authority in the store matches, as `name (code)`.
  public let unjoined: [String]
}

/// The outcome of `data import`: the SEN2 releases and the finance files, stored in one
/// transaction, and what reading them together gives.
public struct StoreImport: Sendable {
  /// One per release ZIP, in the order given.
  public let releases: [ImportOutcome]
  /// One per finance file, in the order given.
  public let finance: [FinanceImportOutcome]
  /// Where the files in the store give the same year and measure: the greater edition is read.
  /// Only choices that involve a file of this import (other than a no-op) are listed.
  public let editionChoices: [EditionChoice]
  /// England's High Needs Block (before deductions) against the sum of its authorities, for
  /// every edition and year in the store (see ``NationalTotalCheck`` for the tolerance).
  public let nationalChecks: [NationalTotalCheck]
}

/// A finance file read and checked, not yet stored.
struct ParsedFinanceFile {
  let path: String
  let name: String
  let kind: FinanceFileKind
  let fingerprint: String
  let records: [FinanceRecord]

  /// Reads `path`; a file that cannot be opened throws `.unreadable`, one that is not a known
  /// DfE finance file or holds a bad cell throws `.invalidRelease` naming `file:sheet:row` and the
  /// column.
  init(path: String) throws {
    self.path = path
    name = URL(fileURLWithPath: path).lastPathComponent
    let bytes: Data
    do { bytes = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw OfficialDataError.unreadable(path: path, reason: "cannot read the file")
    }
    fingerprint = "\(bytes.count):" + String(Self.fnv1a(bytes), radix: 16) + ":reader\(Self.readerVersion)"
    do {
      (kind, records) = try FinanceFile.read(data: bytes, name: name)
    } catch let error as FinanceDataError {
      if error.isUnreadable { throw OfficialDataError.unreadable(path: path, reason: error.description) }
      let place = ReleaseLocation(archive: path, member: error.sheet, line: error.row, column: error.column)
      let found = error.found.map { "; found \($0)" } ?? ""
      throw OfficialDataError.invalidRelease(place, "expected \(error.expected)\(found)")
    }
  }

  /// Raised when the finance readers learn to read more of the same files (2: the DSG tables'
  /// `High_needs_deductions` sheets), so that a file imported by an older reader is read again
  /// (its fingerprint differs: the earlier import is replaced) rather than taken as present.
  static let readerVersion = 2

  /// FNV-1a (64-bit) of the bytes: with the size, equal fingerprints mean the same file.
  static func fnv1a(_ data: Data) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }
}

extension OfficialStore {
  /// The extensions read as DfE finance files; every other file is read as a SEN2 release ZIP.
  public static let financeExtensions: Set<String> = ["ods", "xlsx"]

  /// Imports SEN2 release ZIPs and DfE finance files (`.ods`, `.xlsx`) in one transaction.
  /// Every file is read and checked before anything is written: if any is bad, the store is left
  /// exactly as it was and the located error is thrown (`ZIP:member:line` or `file:sheet:row`,
  /// with the column). A file already stored with the same contents is left alone
  /// (`.alreadyPresent`); a finance file of the same name with other contents replaces the earlier
  /// import. Finance authorities are joined to SEN2 authorities by LA code, else by name.
  public func importFiles(_ paths: [String]) throws -> StoreImport {
    let isFinance = { (path: String) in
      OfficialStore.financeExtensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }
    let releases = try paths.filter { !isFinance($0) }.map { try ParsedRelease(path: $0) }
    let finance = try paths.filter(isFinance).map { try ParsedFinanceFile(path: $0) }
    do {
      return try database.write { db in
        let releaseOutcomes = try storeReleases(releases, db)
        var outcomes: [FinanceImportOutcome] = []
        for file in finance { outcomes.append(try storeFinance(file, db)) }
        let joins = try joinFinanceAuthorities(db)
        outcomes = outcomes.map { outcome in
          let names = joins[outcome.file] ?? (joined: 0, unjoined: [])
          return FinanceImportOutcome(
            file: outcome.file, kind: outcome.kind, action: outcome.action, values: outcome.values,
            missing: outcome.missing, joined: names.joined, unjoined: names.unjoined)
        }
        let dataset = try financeDataset(db)
        let changed = Set(outcomes.filter { $0.action != .alreadyPresent }.map(\.file))
        let choices = dataset.editionChoices.filter {
          changed.contains($0.winner.file) || changed.contains($0.superseded.file)
        }
        return StoreImport(
          releases: releaseOutcomes, finance: outcomes, editionChoices: choices,
          nationalChecks: dataset.nationalChecks(.highNeedsBlock))
      }
    } catch let error as DatabaseError {
      throw OfficialDataError.store(path: path, reason: error.message ?? "\(error)")
    }
  }

  private func storeFinance(_ file: ParsedFinanceFile, _ db: Database) throws -> FinanceImportOutcome {
    var action = ImportOutcome.Action.imported
    let same = try Row.fetchOne(
      db, sql: "SELECT name FROM finance_file WHERE fingerprint = ?", arguments: [file.fingerprint])
    if same != nil {
      return FinanceImportOutcome(
        file: file.name, kind: file.kind, action: .alreadyPresent, values: 0, missing: 0, joined: 0, unjoined: [])
    }
    if let id = try Int64.fetchOne(db, sql: "SELECT id FROM finance_file WHERE name = ?", arguments: [file.name]) {
      try db.execute(sql: "DELETE FROM finance_value WHERE file_id = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM finance_file WHERE id = ?", arguments: [id])
      action = .replaced
    }
    try db.execute(
      sql: "INSERT INTO finance_file (name, kind, fingerprint, imported_at) VALUES (?, ?, ?, ?)",
      arguments: [file.name, file.kind.rawValue, file.fingerprint, ISO8601DateFormatter().string(from: Date())])
    let fileID = db.lastInsertedRowID
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO finance_value (file_id, area_kind, authority_name, la_code, ons_code, period_kind, period_year,
          measure, unit, value, missing, sheet, row, column_letters, unit_in_file, edition_kind, edition_date,
          edition_date_basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    var missing = 0
    for record in file.records {
      let row = record.row
      if row.value == nil { missing += 1 }
      insert.setUncheckedArguments([
        fileID, row.areaKind, row.authorityName, row.laCode, row.onsCode, row.periodKind, row.periodYear, row.measure,
        row.unit, row.value, row.missing, row.sheet, row.row, row.column, row.unitInFile, row.editionKind,
        row.editionDate, row.editionDateBasis,
      ])
      try insert.execute()
    }
    return FinanceImportOutcome(
      file: file.name, kind: file.kind, action: action, values: file.records.count, missing: missing, joined: 0,
      unjoined: [])
  }

  /// Sets every finance value's `authority_id` to the SEN2 local authority with its LA code
  /// (`old_code`, three digits), else the one whose name has the same key; returns, per file, how
  /// many authorities were joined and the names of those that were not.
  private func joinFinanceAuthorities(_ db: Database) throws -> [String: (joined: Int, unjoined: [String])] {
    var byCode: [Int: Int64] = [:]
    var byName: [String: Int64] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT id, old_code, name FROM authority WHERE level = 'Local authority' ORDER BY COALESCE(last_census, 0), id
        """)
    {
      let id: Int64 = row["id"]
      if let code = (row["old_code"] as String?).flatMap({ Int($0) }) { byCode[code] = id }
      byName[AuthorityName.key(row["name"])] = id
    }
    let update = try db.makeStatement(
      sql:
        "UPDATE finance_value SET authority_id = ? WHERE authority_name IS ? AND la_code IS ? AND area_kind = 'authority'"
    )
    var result: [String: (joined: Int, unjoined: [String])] = [:]
    let areas = try Row.fetchAll(
      db,
      sql: """
        SELECT DISTINCT f.name AS file, v.authority_name AS name, v.la_code AS code FROM finance_value v
        JOIN finance_file f ON f.id = v.file_id WHERE v.area_kind = 'authority'
        """)
    var done: Set<String> = []
    for row in areas {
      let file: String = row["file"]
      let name: String? = row["name"]
      let code: Int? = row["code"]
      let id = code.flatMap { byCode[$0] } ?? name.flatMap { byName[AuthorityName.key($0)] }
      var entry = result[file] ?? (0, [])
      if id != nil { entry.joined += 1 } else { entry.unjoined.append((name ?? "") + (code.map { " (\($0))" } ?? "")) }
      result[file] = entry
      let key = "\(name ?? "")|\(code.map(String.init) ?? "")"
      if done.insert(key).inserted { try update.execute(arguments: [id, name, code]) }
    }
    return result
  }

  /// Every finance figure in the store, with the edition choices made where files overlap.
  ///
  /// - Throws: `.store` when the store cannot be read or holds a row no import could have written.
  public func financeDataset() throws -> FinanceDataset {
    try read { try financeDataset($0) }
  }

  /// The finance records in the store: every area's, or with `authorityIDs` only the rows the
  /// import joined to those SEN2 authorities (`data show --authority` reads a hundredth of them).
  func financeDataset(_ db: Database, authorityIDs: [Int64]? = nil) throws -> FinanceDataset {
    var files: [(file: String, kind: FinanceFileKind)] = []
    for row in try Row.fetchAll(db, sql: "SELECT name, kind FROM finance_file ORDER BY name") {
      guard let kind = FinanceFileKind(rawValue: row["kind"]) else {
        throw OfficialDataError.store(path: path, reason: "finance_file \(row["name"] as String): unknown kind")
      }
      files.append((row["name"], kind))
    }
    // Columns read by position (a name lookup per column and row was most of the read).
    let cursor = try Row.fetchCursor(
      db,
      sql: """
        SELECT v.area_kind, v.authority_name, v.la_code, v.ons_code, v.period_kind, v.period_year, v.measure, v.unit,
          v.value, v.missing, f.name, v.sheet, v.row, v.column_letters, v.unit_in_file, v.edition_kind,
          v.edition_date, v.edition_date_basis
        FROM finance_value v JOIN finance_file f ON f.id = v.file_id
        \(authorityIDs.map { "WHERE v.authority_id IN (\($0.map(String.init).joined(separator: ",")))" } ?? "")
        ORDER BY f.name, v.id
        """)
    var records: [FinanceRecord] = []
    while let row = try cursor.next() {
      let columns = FinanceRow.columns(
        areaKind: row[0], authorityName: row[1], laCode: row[2], onsCode: row[3], periodKind: row[4],
        periodYear: row[5], measure: row[6], unit: row[7], value: row[8], missing: row[9], file: row[10],
        sheet: row[11], row: row[12], column: row[13], unitInFile: row[14], editionKind: row[15],
        editionDate: row[16], editionDateBasis: row[17])
      do { records.append(try FinanceRecord(row: columns)) } catch {
        throw OfficialDataError.store(path: path, reason: "\(error)")
      }
    }
    return FinanceDataset(files, records: records)
  }

  /// The SEN2 authorities whose finance rows can be `authority`'s: those with its LA code or a
  /// name with the same key (a reorganised county and its successor share a code, and the
  /// import joins each row to one of them), so a lookup among them finds what a lookup among
  /// every row would.
  func financeNamesakes(of authority: Authority, _ db: Database) throws -> [Int64] {
    let key = AuthorityName.key(authority.name)
    return try Row.fetchAll(db, sql: "SELECT id, old_code, name FROM authority").compactMap { row in
      let code: String? = row[1]
      let sameCode = code != nil && code == authority.oldCode
      return sameCode || AuthorityName.key(row[2]) == key ? row[0] : nil
    }
  }
}
