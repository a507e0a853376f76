import Foundation

/// Reads one CSV member of a release: finds the columns by name (throwing on a missing one),
/// reads each row's geography and year, parses counts and suppression codes, and collects
/// observations, refusing a second value for the same authority, year, measure, age and
/// category (a duplicated row).
struct TableReader {
  /// How a table's `time_period` is written and what it means.
  enum YearKind {
    /// January census: `2022` (the 2022 release) or the academic year `202425` (January 2025).
    case census
    /// Calendar year of a flow: `2021`.
    case calendar
  }

  let archive: String
  let member: String
  let fileIndex: Int
  let csv: CSVRecords
  private var columns: [String: Int] = [:]
  private var geography: (level: Int, country: Int, region: Int, regionName: Int, old: Int, new: Int, name: Int)
  private var time: Int
  private(set) var observations: [Observation] = []
  private(set) var authorities: [String: AuthorityRecord] = [:]
  private var seen: [ObservationKey: Int] = [:]

  private struct ObservationKey: Hashable {
    let authority: String
    let year: Int
    let measure: Measure
    let age: String
    let category: String
  }

  /// Parses `bytes` as the member's CSV and checks the geography and time columns are there.
  init(archive: String, member: String, fileIndex: Int, bytes: [UInt8]) throws {
    self.archive = archive
    self.member = member
    self.fileIndex = fileIndex
    do {
      csv = try CSVRecords(bytes: bytes)
    } catch CSVRecords.Problem.unterminatedQuote(let line) {
      throw OfficialDataError.invalidRelease(
        ReleaseLocation(archive: archive, member: member, line: line), "a quoted field is never closed")
    } catch CSVRecords.Problem.notUTF8(let line) {
      throw OfficialDataError.invalidRelease(
        ReleaseLocation(archive: archive, member: member, line: line), "not UTF-8 text")
    }
    for (index, name) in csv.header.enumerated() where columns[name] == nil { columns[name] = index }
    geography = (0, 0, 0, 0, 0, 0, 0)
    time = 0
    time = try column("time_period")
    geography = (
      try column("geographic_level"), try column("country_code"), try column("region_code"),
      try column("region_name"), try column("old_la_code"), try column("new_la_code"), try column("la_name")
    )
  }

  /// The index of the column called `name`; throws naming the member, line 1 and the column.
  func column(_ name: String) throws -> Int {
    guard let index = columns[name] else {
      throw OfficialDataError.invalidRelease(
        ReleaseLocation(archive: archive, member: member, line: 1, column: name),
        "missing from the header (the table's schema has changed?)")
    }
    return index
  }

  /// The text of a field, or an error naming the row and column.
  func text(_ record: CSVRecords.Record, _ index: Int) throws -> String {
    guard let value = csv.string(record, index) else {
      throw error(record, index, "missing: the row has \(record.count) fields, the header \(csv.header.count)")
    }
    return value
  }

  /// An error at `record`'s line, blaming column `index`.
  func error(_ record: CSVRecords.Record, _ index: Int?, _ problem: String) -> OfficialDataError {
    let name = index.flatMap { $0 < csv.header.count ? csv.header[$0] : nil }
    return .invalidRelease(ReleaseLocation(archive: archive, member: member, line: record.line, column: name), problem)
  }

  /// Checks the row is as long as the header.
  func checkWidth(_ record: CSVRecords.Record) throws {
    guard record.count == csv.header.count else {
      throw error(record, nil, "has \(record.count) fields, the header has \(csv.header.count)")
    }
  }

  /// The row's authority code, registering its name; England and regions have their own codes.
  mutating func authority(_ record: CSVRecords.Record) throws -> String {
    let levelText = try text(record, geography.level)
    guard let level = AuthorityLevel(rawValue: levelText) else {
      throw error(
        record, geography.level, "'\(levelText)' is not a level; expected National, Regional or Local authority")
    }
    let codeColumn: Int
    let name: String
    switch level {
    case .national:
      codeColumn = geography.country
      name = try text(record, try column("country_name"))
    case .regional:
      codeColumn = geography.region
      name = try text(record, geography.regionName)
    case .localAuthority:
      codeColumn = geography.new
      name = try text(record, geography.name)
    }
    let code = try text(record, codeColumn)
    guard code.count == 9, code.first == "E" || code.first == "W" else {
      throw error(record, codeColumn, "'\(code)' is not a GSS code (E followed by 8 digits)")
    }
    if authorities[code] == nil {
      let old = level == .localAuthority ? try text(record, geography.old) : ""
      let region = level == .localAuthority ? try text(record, geography.regionName) : ""
      authorities[code] = AuthorityRecord(
        code: code, oldCode: old.isEmpty ? nil : old, name: name, level: level, region: region.isEmpty ? nil : region)
    }
    return code
  }

  /// The row's year: a census year or a calendar year, as `kind` says.
  func year(_ record: CSVRecords.Record, _ kind: YearKind) throws -> Int {
    let raw = try text(record, time)
    if raw.count == 4, let year = Int(raw), (1990...2100).contains(year) { return year }
    if kind == .census, raw.count == 6, let start = Int(raw.prefix(4)), let end = Int(raw.suffix(2)),
      (start + 1) % 100 == end
    {
      return start + 1
    }
    let expected = kind == .census ? "a year (2022) or an academic year (202425)" : "a calendar year (2021)"
    throw error(record, time, "'\(raw)' is not \(expected)")
  }

  /// Reads the count in column `index` and records it, or throws when it is neither a count
  /// nor a suppression code, or when the same key was already read.
  mutating func record(
    _ record: CSVRecords.Record, _ index: Int, authority: String, year: Int, measure: Measure, age: String,
    category: String
  ) throws {
    var value = csv.integer(record, index)
    var code: String? = nil
    if value == nil {
      let raw = try text(record, index).trimmingCharacters(in: .whitespaces)
      if SuppressionCode.isSuppression(raw) {
        code = raw.lowercased()
      } else if let number = Double(raw), number >= 0, number == number.rounded(), number < 1e12 {
        value = Int(number)
      } else {
        throw error(
          record, index, "'\(raw.prefix(40))' is not a count or a suppression code (x, c, z, :, ~, u, low, blank)")
      }
    }
    let key = ObservationKey(authority: authority, year: year, measure: measure, age: age, category: category)
    if let earlier = seen[key] {
      let what = [age, category].filter { !$0.isEmpty }.joined(separator: ", ")
      throw error(
        record, index,
        "duplicate: \(measure) for \(authority) in \(year)\(what.isEmpty ? "" : " (\(what))") already given on line \(earlier)"
      )
    }
    seen[key] = record.line
    observations.append(
      Observation(
        authority: authority, year: year, measure: measure, age: age, category: category, value: value,
        missingCode: code, file: fileIndex, line: record.line))
  }
}
