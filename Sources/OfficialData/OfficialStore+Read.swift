import GRDB

/// Where a stored value comes from: the release, the member (file) and the CSV lines.
public struct Provenance: Sendable, Hashable, CustomStringConvertible {
  /// The release's reporting year (`2025`).
  public let release: Int
  /// The member inside the release ZIP (`data/caseload.csv`).
  public let member: String
  /// The lines the value was read from (several when settings or ages were added up).
  public let lines: [Int]

  /// `2025 release, data/caseload.csv line 1234`.
  public var description: String {
    let shown =
      lines.count <= 3 ? lines.map(String.init).joined(separator: ", ") : "\(lines[0]) and \(lines.count - 1) more"
    return "\(release) release, \(member) line\(lines.count == 1 ? "" : "s") \(shown)"
  }
}

/// A count read from the store: the value, or the code the release published instead.
public struct OfficialCount: Sendable, Hashable {
  /// The count, or nil when not published (never zero for a suppressed cell).
  public let value: Int?
  /// The suppression code (`x`, `z`, or empty for blank) when `value` is nil.
  public let missingCode: String?
  /// Where it comes from.
  public let source: Provenance
  /// Older releases that also hold this measure for this year, whose figures are not read.
  public let supersedes: [Int]
}

/// One value of a measure as published, after the newest release was chosen: raw age and
/// category labels, for readers (a cohort model) that need more than the grouped views.
public struct OfficialCell: Sendable, Hashable {
  /// Census year (stocks) or calendar year (flows).
  public let year: Int
  /// The age label as published, or empty for all ages.
  public let age: String
  /// The setting, need, reason or request column as published, or empty for the total.
  public let category: String
  /// The value and its provenance.
  public let count: OfficialCount
}

extension OfficialStore {
  /// Every value of `measure` for `authority`. Where releases overlap, the newer wins for each
  /// year and kind of breakdown (total, by age, by category, by age and category), so the 2022
  /// release still gives age bands for 2019-2022, which the 2025 release does not break down.
  public func cells(of authority: Authority, _ measure: Measure) throws -> [OfficialCell] {
    try cellsByMeasure(of: authority, only: measure)[measure] ?? []
  }

  /// Every value of every measure (or of `only`) for `authority`, in one read: `cells(of:_:)`
  /// for several measures at once. Without `ageByCategory`, the cells broken down by age and
  /// category at once are left out in the query (three in four of an authority's cells; the
  /// views of `AuthorityFigures` read totals, ages and categories only). The newest release is
  /// chosen per kind of breakdown, so leaving one kind out changes none of the others.
  func cellsByMeasure(
    of authority: Authority, only: Measure? = nil, ageByCategory: Bool = true
  ) throws -> [Measure: [OfficialCell]] {
    struct Raw {
      let measure: Int
      let year: Int
      let release: Int
      let age: Int64
      let category: Int64
      let value: Int?
      let missing: String?
      let file: Int64
      let line: Int
      /// The measure, year and kind of breakdown: 0 total, 1 by age, 2 by category, 3 by both.
      var slice: Int { (measure * 10_000 + year) * 4 + (age == 1 ? 0 : 1) + (category == 1 ? 0 : 2) }
    }
    // Labels and files are few: read them once and join in memory (a row then holds integers).
    let (raws, labels, files) = try read { db -> ([Raw], [Int64: String], [Int64: (Int, String)]) in
      var labels: [Int64: String] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT id, text FROM label") { labels[row[0]] = row[1] }
      var files: [Int64: (Int, String)] = [:]
      let fileSQL = "SELECT f.id, r.reporting_year, f.member FROM release_file f JOIN release r ON r.id = f.release_id"
      for row in try Row.fetchAll(db, sql: fileSQL) { files[row[0]] = (row[1], row[2]) }
      var raws: [Raw] = []
      let cursor = try Row.fetchCursor(
        db,
        sql: """
          SELECT measure, year, file_id, age_id, category_id, value, missing, line FROM observation
          WHERE authority_id = ? AND measure BETWEEN ? AND ?\(ageByCategory ? "" : " AND (age_id = 1 OR category_id = 1)")
          """, arguments: [authority.id, only?.rawValue ?? 0, only?.rawValue ?? Int.max])
      while let row = try cursor.next() {
        let file: Int64 = row[2]
        raws.append(
          Raw(
            measure: row[0], year: row[1], release: files[file]?.0 ?? 0, age: row[3], category: row[4], value: row[5],
            missing: row[6], file: file, line: row[7]))
      }
      return (raws, labels, files)
    }
    // The newest release of each year and kind of breakdown, and the older ones it supersedes
    // (worked out once per slice, shared by its cells).
    var releases: [Int: [Int]] = [:]
    for raw in raws where !(releases[raw.slice]?.contains(raw.release) ?? false) {
      releases[raw.slice, default: []].append(raw.release)
    }
    let winners = releases.mapValues { candidates -> (Int, [Int]) in
      let newest = candidates.max()!
      return (newest, candidates.filter { $0 != newest }.sorted())
    }
    var cells: [Measure: [OfficialCell]] = [:]
    for raw in raws {
      guard let (newest, older) = winners[raw.slice], raw.release == newest,
        let measure = Measure(rawValue: raw.measure)
      else { continue }
      let count = OfficialCount(
        value: raw.value, missingCode: raw.missing,
        source: Provenance(release: raw.release, member: files[raw.file]?.1 ?? "", lines: [raw.line]),
        supersedes: older)
      cells[measure, default: []].append(
        OfficialCell(year: raw.year, age: labels[raw.age] ?? "", category: labels[raw.category] ?? "", count: count))
    }
    return cells
  }

  /// Plans at each January census (statements and EHC plans together before 2018): the
  /// DfE's headline figure.
  public func caseload(of authority: Authority) throws -> [Int: OfficialCount] {
    Self.totals(try cells(of: authority, .caseload))
  }

  /// Plans by age band at each census: the 2022 layout's bands, or single years added up.
  public func caseloadByAgeBand(of authority: Authority) throws -> [Int: [AgeBand: OfficialCount]] {
    Self.ageBands(try cells(of: authority, .caseload))
  }

  /// Plans by placement group at each census (`PlacementGroup` says which settings are in which).
  public func caseloadByPlacement(of authority: Authority) throws -> [Int: [PlacementGroup: OfficialCount]] {
    Self.placements(try cells(of: authority, .caseload))
  }

  /// New plans by placement group in each calendar year (the setting of the new plan).
  public func newPlansByPlacement(of authority: Authority) throws -> [Int: [PlacementGroup: OfficialCount]] {
    Self.placements(try cells(of: authority, .newPlans))
  }

  /// Placement groups from caseload (or new-plan) cells.
  static func placements(_ cells: [OfficialCell]) -> [Int: [PlacementGroup: OfficialCount]] {
    var byYear: [Int: [OfficialCell]] = [:]
    for cell in cells where cell.age.isEmpty && !cell.category.isEmpty {
      byYear[cell.year, default: []].append(cell)
    }
    return byYear.mapValues { cells in
      let skip = PlacementGroup.withoutDoubleCounting(cells.map(\.category))
      return Self.sum(cells.filter { !skip.contains($0.category) }) { PlacementGroup.group(of: $0.category) }
    }
  }

  /// Plans by primary need at each census where published (`number_asd` ... as published).
  public func caseloadByNeed(of authority: Authority) throws -> [Int: [PrimaryNeed: OfficialCount]] {
    Self.needs(try cells(of: authority, .caseloadByNeed))
  }

  /// Primary needs from caseload-by-need cells.
  static func needs(_ cells: [OfficialCell]) -> [Int: [PrimaryNeed: OfficialCount]] {
    var byYear: [Int: [OfficialCell]] = [:]
    for cell in cells where cell.age.isEmpty && !cell.category.isEmpty {
      byYear[cell.year, default: []].append(cell)
    }
    return byYear.mapValues { sum($0) { PrimaryNeed(column: $0.category) } }
  }

  /// New plans made in each calendar year.
  public func newPlans(of authority: Authority) throws -> [Int: OfficialCount] {
    Self.totals(try cells(of: authority, .newPlans))
  }

  /// New plans by age band (age when the plan started) in each calendar year.
  public func newPlansByAgeBand(of authority: Authority) throws -> [Int: [AgeBand: OfficialCount]] {
    Self.ageBands(try cells(of: authority, .newPlans))
  }

  /// Plans ceased in each calendar year: the published total (2025 layout) or the sum of
  /// the reasons (2022 layout, EHC plans and statements discontinued).
  public func ceased(of authority: Authority) throws -> [Int: OfficialCount] {
    Self.ceased(try cells(of: authority, .ceased))
  }

  /// Ceased totals from ceased cells: the published total, or the reasons added up.
  static func ceased(_ all: [OfficialCell]) -> [Int: OfficialCount] {
    let cells = all.filter { $0.age.isEmpty }
    var result = totals(cells)
    var byYear: [Int: [OfficialCell]] = [:]
    for cell in cells where !cell.category.isEmpty && result[cell.year] == nil {
      byYear[cell.year, default: []].append(cell)
    }
    for (year, parts) in byYear { result[year] = sum(parts) { _ in 0 }[0] }
    return result
  }

  /// Plans ceased by reason in each calendar year (`CeasedReason` groups the two layouts' reasons).
  public func ceasedByReason(of authority: Authority) throws -> [Int: [CeasedReason: OfficialCount]] {
    Self.reasons(try cells(of: authority, .ceased))
  }

  /// Ceased plans by reason from ceased cells.
  static func reasons(_ cells: [OfficialCell]) -> [Int: [CeasedReason: OfficialCount]] {
    var byYear: [Int: [OfficialCell]] = [:]
    for cell in cells where cell.age.isEmpty && !cell.category.isEmpty {
      byYear[cell.year, default: []].append(cell)
    }
    return byYear.mapValues { sum($0) { CeasedReason(column: $0.category) } }
  }

  /// Plans ceased by age band (age when the plan ceased) in each calendar year.
  public func ceasedByAgeBand(of authority: Authority) throws -> [Int: [AgeBand: OfficialCount]] {
    Self.ageBands(try cells(of: authority, .ceased))
  }

  /// All-ages totals from cells.
  static func totals(_ cells: [OfficialCell]) -> [Int: OfficialCount] {
    var result: [Int: OfficialCount] = [:]
    for cell in cells where cell.age.isEmpty && cell.category.isEmpty { result[cell.year] = cell.count }
    return result
  }

  /// Age bands from cells.
  static func ageBands(_ cells: [OfficialCell]) -> [Int: [AgeBand: OfficialCount]] {
    var byYear: [Int: [OfficialCell]] = [:]
    for cell in cells where !cell.age.isEmpty && cell.category.isEmpty { byYear[cell.year, default: []].append(cell) }
    return byYear.mapValues { sum($0) { AgeBand.band(of: $0.age) } }
  }

  /// Adds up cells by the key `group` gives (cells it gives nil are left out). A group's value
  /// is the sum of its published parts, missing only when none is published: a part the
  /// collection did not have that year (`x`, `z`) adds nothing.
  static func sum<Key: Hashable>(_ cells: [OfficialCell], by group: (OfficialCell) -> Key?) -> [Key: OfficialCount] {
    var parts: [Key: [OfficialCell]] = [:]
    for cell in cells { if let key = group(cell) { parts[key, default: []].append(cell) } }
    return parts.mapValues { cells in
      let values = cells.compactMap(\.count.value)
      let first = cells[0].count
      let lines = Array(Set(cells.flatMap(\.count.source.lines))).sorted()
      return OfficialCount(
        value: values.isEmpty ? nil : values.reduce(0, +), missingCode: values.isEmpty ? first.missingCode : nil,
        source: Provenance(release: first.source.release, member: first.source.member, lines: lines),
        supersedes: first.supersedes)
    }
  }
}
