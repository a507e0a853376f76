import Foundation
import OfficialData

/// The report of `highneeds data show --authority NAME`: the authority's SEN2 figures from the
/// store with each value's release, file and lines; suppressed values shown as their code,
/// never as 0.
public struct AuthorityFiguresReport: Report {
  /// The figures.
  public let figures: AuthorityFigures

  /// The DfE finance figures beside the plans, when the store has them.
  public var money: AuthorityMoney?

  /// The report of `figures` (and `money`).
  public init(_ figures: AuthorityFigures, money: AuthorityMoney? = nil) {
    self.figures = figures
    self.money = money
  }

  public var title: String { "\(figures.authority.name): official SEN2 figures" }

  /// A count as shown in tables: the number, or the code published instead (`x`, `z`, `blank`).
  static func cell(_ count: OfficialCount?) -> String {
    guard let count else { return "" }
    if let value = count.value { return String(value) }
    let code = count.missingCode ?? ""
    return code.isEmpty ? "blank" : code
  }

  /// Every figure as long CSV: `measure, year, breakdown, value, missing, release, file, lines`.
  public func csv() -> CSVDocument {
    let f = figures
    var rows: [[String]] = []
    func add(_ measure: String, _ year: Int, _ breakdown: String, _ count: OfficialCount) {
      rows.append([
        measure, String(year), breakdown, count.value.map(String.init) ?? "", count.value == nil ? Self.cell(count) : "",
        String(count.source.release), count.source.member, count.source.lines.map(String.init).joined(separator: " "),
        count.supersedes.map(String.init).joined(separator: " "),
      ])
    }
    for (year, count) in f.caseload.sorted(by: { $0.key < $1.key }) { add("plans", year, "total", count) }
    for (year, groups) in f.placements.sorted(by: { $0.key < $1.key }) {
      for (group, count) in groups.sorted(by: { $0.key < $1.key }) {
        add("plans", year, "placement:\(group.rawValue)", count)
      }
    }
    for (year, bands) in f.ageBands.sorted(by: { $0.key < $1.key }) {
      for (band, count) in bands.sorted(by: { $0.key < $1.key }) { add("plans", year, "age:\(band.rawValue)", count) }
    }
    for (year, needs) in f.needs.sorted(by: { $0.key < $1.key }) {
      for (need, count) in needs.sorted(by: { $0.key < $1.key }) { add("plans", year, "need:\(need.rawValue)", count) }
    }
    for (year, count) in f.newPlans.sorted(by: { $0.key < $1.key }) { add("new_plans", year, "total", count) }
    for (year, bands) in f.newPlansByAge.sorted(by: { $0.key < $1.key }) {
      for (band, count) in bands.sorted(by: { $0.key < $1.key }) {
        add("new_plans", year, "age:\(band.rawValue)", count)
      }
    }
    for (year, count) in f.ceased.sorted(by: { $0.key < $1.key }) { add("ceased", year, "total", count) }
    for (year, reasons) in f.ceasedByReason.sorted(by: { $0.key < $1.key }) {
      for (reason, count) in reasons.sorted(by: { $0.key < $1.key }) {
        add("ceased", year, "reason:\(reason.rawValue)", count)
      }
    }
    for (year, bands) in f.ceasedByAge.sorted(by: { $0.key < $1.key }) {
      for (band, count) in bands.sorted(by: { $0.key < $1.key }) { add("ceased", year, "age:\(band.rawValue)", count) }
    }
    for (year, count) in (f.lineage?.caseload ?? [:]).sorted(by: { $0.key < $1.key }) {
      add("plans_lineage", year, "total", count)
    }
    return CSVDocument(
      header: ["measure", "year", "breakdown", "value", "missing", "release", "file", "lines", "supersedes"], rows: rows)
  }

  /// `data show --format json`.
  public func json() -> JSONValue {
    let f = figures
    let a = f.authority
    func count(_ c: OfficialCount?) -> JSONValue { c?.value.map { .integer(Int64($0)) } ?? .null }
    func source(_ c: OfficialCount) -> JSONValue {
      .object([
        ("release", .integer(Int64(c.source.release))), ("file", .string(c.source.member)),
        ("lines", .array(c.source.lines.map { .integer(Int64($0)) })),
      ])
    }
    func series(_ values: [Int: OfficialCount], _ name: String) -> JSONValue {
      .array(
        values.sorted { $0.key < $1.key }.map { year, c in
          var fields: [(String, JSONValue)] = [("year", .integer(Int64(year))), (name, count(c))]
          if c.value == nil { fields.append(("missing", .string(c.missingCode ?? ""))) }
          fields.append(("source", source(c)))
          if !c.supersedes.isEmpty { fields.append(("supersedes", .array(c.supersedes.map { .integer(Int64($0)) }))) }
          return .object(fields)
        })
    }
    func table<Key: Hashable>(_ byYear: [Int: [Key: OfficialCount]], _ keys: [(Key, String)]) -> JSONValue {
      .array(
        byYear.sorted { $0.key < $1.key }.map { year, values in
          .object(
            [("year", .integer(Int64(year)))] + keys.compactMap { key, name in values[key].map { (name, count($0)) } })
        })
    }
    var fields: [(String, JSONValue)] = [
      (
        "authority",
        .object([
          ("name", .string(a.name)), ("code", .string(a.code)), ("laCode", a.oldCode.map(JSONValue.string) ?? .null),
          ("level", .string(a.level.rawValue)), ("region", a.region.map(JSONValue.string) ?? .null),
        ])
      ),
      (
        "releases",
        .array(
          f.releases.map {
            .object([
              ("year", .integer(Int64($0.reportingYear))), ("schema", .string($0.schema)),
              ("archive", .string($0.archive)),
            ])
          })
      ),
      ("caseload", series(f.caseload, "plans")),
      ("placements", table(f.placements, PlacementGroup.allCases.map { ($0, $0.rawValue) })),
      ("ageBands", table(f.ageBands, AgeBand.allCases.map { ($0, $0.rawValue) })),
      ("needs", table(f.needs, PrimaryNeed.allCases.map { ($0, $0.rawValue) })),
      ("newPlans", series(f.newPlans, "plans")),
      ("newPlansByAge", table(f.newPlansByAge, AgeBand.allCases.map { ($0, $0.rawValue) })),
      ("ceased", series(f.ceased, "plans")),
      ("ceasedByReason", table(f.ceasedByReason, CeasedReason.allCases.map { ($0, $0.rawValue) })),
      ("ceasedByAge", table(f.ceasedByAge, AgeBand.allCases.map { ($0, $0.rawValue) })),
      (
        "breaks",
        .array(
          f.breaks.sorted { $0.key < $1.key }.map {
            .object([("year", .integer(Int64($0.key))), ("note", .string($0.value))])
          })
      ),
    ]
    if let lineage = f.lineage {
      fields.append(
        (
          "lineage",
          .object([
            ("name", .string(lineage.name)), ("method", .string(lineage.method)),
            ("codes", .array(lineage.codes.map(JSONValue.string))), ("caseload", series(lineage.caseload, "plans")),
          ])
        ))
    }
    if let money { fields.append(("money", Self.moneyJSON(money))) }
    return .object(fields)
  }

  /// Headline series with sources, then the breakdowns.
  public func blocks() -> [ReportBlock] {
    let f = figures
    let a = f.authority
    var head = "\(a.name) (\([a.code, a.oldCode.map { "LA \($0)" }].compactMap { $0 }.joined(separator: ", ")))"
    head += a.region.map { ", \($0)" } ?? ""
    var blocks: [ReportBlock] = [
      .heading(head),
      .paragraph("Releases in the store: " + f.releases.map { "\($0.name) (\($0.archive))" }.joined(separator: ", ") + "."),
      .heading("Plans at the January census (statements and EHC plans)"),
    ]
    let combined = f.lineage?.caseload ?? [:]
    var header = ["year", "plans"]
    if !combined.isEmpty { header.append("lineage") }
    header.append("source")
    var table = TextTable(header: header, rightAligned: Set(1..<(combined.isEmpty ? 2 : 3)))
    for year in Set(f.caseload.keys).union(combined.keys).sorted() {
      var row = [String(year), Self.cell(f.caseload[year])]
      if !combined.isEmpty { row.append(Self.cell(combined[year])) }
      row.append(
        f.caseload[year].map { count in
          count.source.description
            + (count.supersedes.isEmpty
              ? "" : " (supersedes \(count.supersedes.map(String.init).joined(separator: ", ")))")
        } ?? "")
      table.rows.append(row)
    }
    blocks.append(.table(table))
    var notes: [String] = []
    if let lineage = f.lineage { notes.append("lineage: \(lineage.name): \(lineage.method)") }
    for (year, note) in f.breaks.sorted(by: { $0.key < $1.key }) { notes.append("break \(year): \(note)") }
    blocks.append(.bullets(notes))
    blocks += Self.breakdown("Plans by placement group", f.placements, PlacementGroup.allCases.map { ($0, $0.label) })
    blocks += Self.breakdown("Plans by age band", f.ageBands, AgeBand.allCases.map { ($0, $0.rawValue) })
    blocks += Self.breakdown("Plans by primary need", f.needs, PrimaryNeed.allCases.map { ($0, $0.rawValue) })
    blocks += Self.breakdown(
      "New plans in the calendar year, by age band", f.newPlansByAge, AgeBand.allCases.map { ($0, $0.rawValue) },
      totals: f.newPlans)
    blocks += Self.breakdown(
      "Plans ceased in the calendar year, by reason", f.ceasedByReason, CeasedReason.allCases.map { ($0, $0.rawValue) },
      totals: f.ceased)
    if let money { blocks += Self.moneyBlocks(money) }
    blocks.append(.paragraph("x: unavailable, z: not applicable, blank: an empty cell (never counted as 0)."))
    return blocks
  }

  /// One breakdown as a table, a row per year and a column per key present in any year.
  private static func breakdown<Key: Hashable>(
    _ title: String, _ byYear: [Int: [Key: OfficialCount]], _ keys: [(Key, String)], totals: [Int: OfficialCount]? = nil
  ) -> [ReportBlock] {
    let years = Set(byYear.keys).union(totals?.keys.map { $0 } ?? []).sorted()
    guard !years.isEmpty else { return [] }
    let present = keys.filter { key in byYear.values.contains { $0[key.0] != nil } }
    var header = ["year"]
    if totals != nil { header.append("total") }
    header += present.map(\.1)
    var table = TextTable(header: header, rightAligned: Set(1..<header.count))
    table.rows = years.map { year -> [String] in
      var row = [String(year)]
      if let totals { row.append(cell(totals[year])) }
      return row + present.map { cell(byYear[year]?[$0.0]) }
    }
    return [.heading(title), .table(table)]
  }
}

/// The report of `highneeds data authorities`: every area in the store and its censuses.
public struct AuthorityListReport: Report {
  /// The areas.
  public let authorities: [Authority]

  /// The report of `authorities`.
  public init(_ authorities: [Authority]) { self.authorities = authorities }

  public var title: String { "Areas in the official-data store" }

  private var rows: [[String]] {
    authorities.map { a in
      [
        a.level.rawValue, a.code, a.oldCode ?? "", a.name, a.region ?? "", a.firstCensus.map(String.init) ?? "",
        a.lastCensus.map(String.init) ?? "",
      ]
    }
  }

  /// `level, code, la_code, name, region, first_census, last_census`.
  public func csv() -> CSVDocument {
    CSVDocument(header: ["level", "code", "la_code", "name", "region", "first_census", "last_census"], rows: rows)
  }

  /// `{"authorities": [{"level", "code", "laCode", "name", "region", "firstCensus", "lastCensus"}]}`.
  public func json() -> JSONValue {
    let items = authorities.map { a -> JSONValue in
      .object([
        ("level", .string(a.level.rawValue)), ("code", .string(a.code)),
        ("laCode", a.oldCode.map(JSONValue.string) ?? .null), ("name", .string(a.name)),
        ("region", a.region.map(JSONValue.string) ?? .null),
        ("firstCensus", a.firstCensus.map { .integer(Int64($0)) } ?? .null),
        ("lastCensus", a.lastCensus.map { .integer(Int64($0)) } ?? .null),
      ])
    }
    return .object([("authorities", .array(items))])
  }

  /// Name, codes, level, region and the census years, then how to name one.
  public func blocks() -> [ReportBlock] {
    var table = TextTable(header: ["name", "code", "LA code", "level", "region", "censuses"], rightAligned: [])
    table.rows = rows.map { r in [r[3], r[1], r[2], r[0], r[4], r[5].isEmpty ? "" : "\(r[5])-\(r[6])"] }
    return [
      .table(table),
      .paragraph("\(authorities.count) areas; a name, GSS code or LA code can be given to --authority."),
    ]
  }
}
