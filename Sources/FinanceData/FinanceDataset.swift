import Foundation
import HighNeeds
import Spreadsheet

/// Every figure read from a set of DfE finance files, one per authority, period and measure,
/// with the edition choices made where files overlap.
///
/// ```swift
/// let dataset = try FinanceDataset.load(directory: URL(fileURLWithPath: "../shared/data/finance"))
/// let hnb = dataset.series(.highNeedsBlock, for: "Kent")    // [2019-20: record, ...]
/// for choice in dataset.editionChoices where choice.differing > 0 { print(choice) }
/// ```
///
/// All files are read before anything is returned: a bad file throws and nothing is kept.
public struct FinanceDataset: Sendable {
  /// The winning record for each (area, period, measure), in file order.
  public let records: [FinanceRecord]
  /// Records that a greater edition replaced (kept for the report and for checks).
  public let superseded: [FinanceRecord]
  /// For each (period, measure) that more than one edition gives, what won and what differed.
  public let editionChoices: [EditionChoice]
  /// The files read, with their kinds.
  public let files: [(file: String, kind: FinanceFileKind)]

  let index: [Key: Int]
  /// The positions in ``records`` of each area's records (by ``areaKey(_:)``), in file order.
  let byArea: [String: [Int]]
  /// The last naming of each authority in ``records``, by LA code and by name key.
  let namedByCode: [Int: Authority]
  let namedByKey: [String: Authority]

  struct Key: Hashable {
    let area: String
    let period: FinancePeriod
    let measure: FinanceMeasure
  }

  /// Reads every `.ods` and `.xlsx` file in `directory` (sorted by name).
  ///
  /// - Throws: ``FinanceDataError`` from the first file that fails, or `.unrecognisedFile`
  ///   when the directory cannot be listed.
  public static func load(directory: URL) throws -> FinanceDataset {
    let names: [String]
    do { names = try FileManager.default.contentsOfDirectory(atPath: directory.path) } catch {
      throw FinanceDataError(
        .spreadsheet(SpreadsheetError(file: directory.path, kind: .unreadable("cannot list the directory"))),
        file: directory.path, expected: "a directory of finance files")
    }
    let files = names.filter { $0.hasSuffix(".ods") || $0.hasSuffix(".xlsx") }.sorted()
    return try load(files: files.map { directory.appendingPathComponent($0) })
  }

  /// Reads `files`, each told apart by its content.
  public static func load(files: [URL]) throws -> FinanceDataset {
    var read: [(String, FinanceFileKind, [FinanceRecord])] = []
    for url in files {
      let (kind, records) = try FinanceFile.read(url: url)
      read.append((url.lastPathComponent, kind, records))
    }
    return FinanceDataset(read.map { ($0.0, $0.1) }, records: read.flatMap(\.2))
  }

  /// Assembles a dataset from records already read (for tests and for a store that reloads them).
  public init(_ files: [(file: String, kind: FinanceFileKind)], records all: [FinanceRecord]) {
    let named = FinanceDataset.attachCodes(all)
    let resolution = EditionResolution(named)
    self.files = files
    self.records = resolution.winners
    self.superseded = resolution.losers
    self.editionChoices = resolution.choices
    var index: [Key: Int] = [:]
    var byArea: [String: [Int]] = [:]
    var namedByCode: [Int: Authority] = [:]
    var namedByKey: [String: Authority] = [:]
    for (position, record) in records.enumerated() {
      let key = FinanceDataset.key(record)
      index[key] = position
      byArea[key.area, default: []].append(position)
      if let authority = record.area.authority {
        if let code = authority.code { namedByCode[code] = authority }
        namedByKey[authority.nameKey] = authority
      }
    }
    self.namedByCode = namedByCode
    self.namedByKey = namedByKey
    self.index = index
    self.byArea = byArea
  }

  static func key(_ record: FinanceRecord) -> Key {
    Key(area: areaKey(record.area), period: record.period, measure: record.measure)
  }

  /// Authorities are keyed by LA code where known, else by name key; England by `england`.
  static func areaKey(_ area: FinanceArea) -> String {
    guard let authority = area.authority else { return "england" }
    return authority.code.map { "code:\($0)" } ?? "name:\(authority.nameKey)"
  }

  /// Gives name-only records (the DSG balance file) the LA code that another file pairs with
  /// the same name key, so that all of an authority's figures share one key. Where one name has
  /// had two codes (`Dorset`: the county, 835, to March 2019, the new council, 838, after; the
  /// benchmarking extract still has a row for each), the code the DSG allocation tables give
  /// that name in the record's year is used, else the last code seen.
  static func attachCodes(_ records: [FinanceRecord]) -> [FinanceRecord] {
    var codes: [String: Int] = [:]
    var allocated: [String: [FinancePeriod: Int]] = [:]
    for record in records {
      guard let authority = record.area.authority, let code = authority.code else { continue }
      codes[authority.nameKey] = code
      if case .block = record.measure { allocated[authority.nameKey, default: [:]][record.period] = code }
    }
    return records.map { record in
      guard let authority = record.area.authority, authority.code == nil,
        let code = allocated[authority.nameKey]?[record.period] ?? codes[authority.nameKey]
      else {
        return record
      }
      return FinanceRecord(
        area: .authority(Authority(name: authority.name, code: code, onsCode: authority.onsCode)),
        period: record.period, measure: record.measure, value: record.value, missing: record.missing,
        source: record.source)
    }
  }
}
