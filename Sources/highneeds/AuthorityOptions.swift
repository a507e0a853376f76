import ArgumentParser
import Foundation
import HighNeeds
import OfficialData

/// `--store PATH`: where the official-data store is. Without it, `HIGHNEEDS_STORE`, then
/// `~/.local/share/highneeds/highneeds.sqlite` (`$XDG_DATA_HOME/highneeds/` when that is set).
struct StoreOptions: ParsableArguments {
  @Option(
    name: .customLong("store"),
    help: ArgumentHelp(
      "The official-data store (SQLite); default $HIGHNEEDS_STORE, else ~/.local/share/highneeds/highneeds.sqlite.",
      valueName: "path"))
  var storePath: String?

  /// The store's path: the option, the environment, or the default.
  var resolvedPath: String {
    if let storePath { return storePath }
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["HIGHNEEDS_STORE"], !path.isEmpty { return path }
    if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/highneeds/highneeds.sqlite" }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.local/share/highneeds/highneeds.sqlite"
  }

  /// Opens the store; for reading (`create: false`) a store that does not exist is an
  /// unreadable input (66) that says to import first.
  func open(create: Bool) throws -> OfficialStore {
    do {
      return try OfficialStore(path: resolvedPath, create: create)
    } catch let error as OfficialDataError {
      throw failure(error, writing: create)
    }
  }
}

/// `--authority NAME` (with `--store` and `--combine-lineage`): read an authority's official
/// counts from the store instead of a file.
struct AuthorityOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Read this authority's SEN2 counts from the store: a name (Kent), GSS code (E10000016) or LA code (886).",
      valueName: "name"))
  var authority: String?

  @Flag(
    name: .customLong("combine-lineage"),
    help:
      "For a reorganised authority, read its whole group's series as one (predecessors summed before the change, successors after)."
  )
  var combineLineage = false

  @OptionGroup var store: StoreOptions

  /// The store and the authority named, or nil when `--authority` was not given.
  func resolve() throws -> (OfficialStore, Authority)? {
    guard let authority else { return nil }
    let opened = try store.open(create: false)
    return (opened, try resolveAuthority(authority, in: opened))
  }

  /// The January census series to use for `authority`: its own counts (a change of GSS code
  /// bridged: the same authority), or with `combine` (default `--combine-lineage`) its
  /// reorganisation group's. Unpublished years are left out. Also returns a label.
  func census(_ store: OfficialStore, _ authority: Authority, combine: Bool? = nil) throws -> (
    label: String, plans: [Int: Int]
  ) {
    do {
      let lineage = try store.lineageCaseload(of: authority)
      if combine ?? combineLineage {
        guard let lineage, Reorganisation.containing(authority.code) != nil else {
          throw Failure(kind: .usage, message: "--combine-lineage: \(authority.name) was not reorganised")
        }
        return ("\(lineage.name) (combined lineage)", lineage.caseload.compactMapValues(\.value))
      }
      if let lineage, Recoding.containing(authority.code) != nil {
        return (authority.name, lineage.caseload.compactMapValues(\.value))
      }
      return (authority.name, try store.caseload(of: authority).compactMapValues(\.value))
    } catch let error as OfficialDataError {
      throw failure(error, writing: false)
    }
  }
}

/// Finds the authority `query` names, turning a miss into a usage error with "did you mean".
func resolveAuthority(_ query: String, in store: OfficialStore) throws -> Authority {
  do {
    return try store.authority(matching: query)
  } catch let error as OfficialDataError {
    throw failure(error, writing: false)
  }
}

/// The failure (message and exit code) for an official-data error.
func failure(_ error: OfficialDataError, writing: Bool) -> Failure {
  switch error {
  case .unreadable, .emptyStore: return Failure(kind: .inputUnreadable, message: error.description)
  case .invalidRelease: return Failure(kind: .dataInvalid, message: error.description)
  case .store: return Failure(kind: writing ? .outputUnwritable : .inputUnreadable, message: error.description)
  case .unknownAuthority(let query, let known):
    let hint = Suggestion.closest(to: query, among: known).map { " (did you mean '\($0)'?)" } ?? ""
    return Failure(
      kind: .usage,
      message: "--authority: no authority '\(query)' in the store\(hint); `highneeds data authorities` lists them")
  case .ambiguousAuthority: return Failure(kind: .usage, message: "--authority: \(error.description)")
  }
}
