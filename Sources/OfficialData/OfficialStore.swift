import Foundation
import GRDB

/// The embedded database of official statistics (SQLite through GRDB): imported DfE SEN2
/// releases, readable per authority. Created on first use at the path given; the caller chooses
/// the path (the library reads no environment).
///
/// ```swift
/// let store = try OfficialStore(path: "/tmp/highneeds.sqlite")
/// _ = try store.importReleases(["education-health-and-care-plans_2025.zip"])
/// let medway = try store.authority(matching: "Medway")
/// let plans = try store.caseload(of: medway)   // [census year: CensusValue]
/// ```
public final class OfficialStore: Sendable {
  /// The database file.
  public let path: String
  let database: DatabaseQueue

  /// Opens the store at `path`, creating it (and its folder) when `create` is true and it does
  /// not exist. Throws `.emptyStore` when it does not exist and `create` is false, and `.store`
  /// when it cannot be opened, created or migrated.
  public init(path: String, create: Bool = true) throws {
    self.path = path
    let exists = FileManager.default.fileExists(atPath: path)
    guard exists || create else { throw OfficialDataError.emptyStore(path: path) }
    do {
      if !exists {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      var configuration = Configuration()
      configuration.foreignKeysEnabled = true
      configuration.label = "highneeds"
      // A reader that meets an import's commit (or a writer that meets a reader) waits for it
      // rather than failing with "database is locked"; imports themselves are serialised by the
      // command-line tool's lock on the store's folder.
      configuration.busyMode = .timeout(30)
      database = try DatabaseQueue(path: path, configuration: configuration)
      // An up-to-date store is only read (no write transaction); a new or older one is migrated.
      let migrator = StoreSchema.migrator
      if try !database.read({ try migrator.hasCompletedMigrations($0) }) { try migrator.migrate(database) }
    } catch let error as DatabaseError {
      throw OfficialDataError.store(path: path, reason: error.message ?? "\(error)")
    } catch {
      throw OfficialDataError.store(path: path, reason: "\(error)")
    }
  }

  /// The releases in the store, oldest first.
  public func releases() throws -> [StoredRelease] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM release ORDER BY reporting_year").map { row in
        StoredRelease(
          id: row["id"], reportingYear: row["reporting_year"], schema: row["schema"], archive: row["archive"],
          importedAt: row["imported_at"])
      }
    }
  }

  /// Runs `body` in a read transaction, converting database errors to `.store`.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try database.read(body)
    } catch let error as DatabaseError {
      throw OfficialDataError.store(path: path, reason: error.message ?? "\(error)")
    }
  }
}

/// A release as the store holds it.
public struct StoredRelease: Sendable, Hashable {
  /// The store's id for it.
  public let id: Int64
  /// The reporting year (`2025`: the release of June 2025, latest census January 2025).
  public let reportingYear: Int
  /// Which layout it uses (`SEN2 person-level (2025 layout)`).
  public let schema: String
  /// The ZIP it was imported from, as named then.
  public let archive: String
  /// When it was imported (ISO 8601, UTC).
  public let importedAt: String

  /// `2025 release`.
  public var name: String { "\(reportingYear) release" }
}
