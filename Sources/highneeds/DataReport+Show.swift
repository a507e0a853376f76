import Foundation
import HighNeeds
import OfficialData

extension DataReport {
  /// `data show --format table`: headline series with sources, then the breakdowns.
  static func table(_ f: AuthorityFigures) -> String {
    let a = f.authority
    var out = "\(a.name) (\([a.code, a.oldCode.map { "LA \($0)" }].compactMap { $0 }.joined(separator: ", ")))"
    out += a.region.map { ", \($0)" } ?? ""
    out += "\nreleases in the store: " + f.releases.map { "\($0.name) (\($0.archive))" }.joined(separator: ", ") + "\n"
    out += "\nPlans at the January census (statements and EHC plans)\n"
    let combined = f.lineage?.caseload ?? [:]
    let showCombined = !combined.isEmpty
    var header = ["year", "plans"]
    if showCombined { header.append("lineage") }
    header.append("source")
    let years = Set(f.caseload.keys).union(combined.keys).sorted()
    out += aligned(
      header,
      years.map { year in
        var row = [String(year), cell(f.caseload[year])]
        if showCombined { row.append(cell(combined[year])) }
        let source = f.caseload[year].map { count in
          count.source.description
            + (count.supersedes.isEmpty
              ? "" : " (supersedes \(count.supersedes.map(String.init).joined(separator: ", ")))")
        }
        row.append(source ?? "")
        return row
      })
    if let lineage = f.lineage { out += "lineage: \(lineage.name): \(lineage.method)\n" }
    for (year, note) in f.breaks.sorted(by: { $0.key < $1.key }) { out += "break \(year): \(note)\n" }
    out += breakdown("Plans by placement group", f.placements, PlacementGroup.allCases.map { ($0, $0.label) })
    out += breakdown("Plans by age band", f.ageBands, AgeBand.allCases.map { ($0, $0.rawValue) })
    out += breakdown("Plans by primary need", f.needs, PrimaryNeed.allCases.map { ($0, $0.rawValue) })
    out += breakdown(
      "New plans in the calendar year, by age band", f.newPlansByAge, AgeBand.allCases.map { ($0, $0.rawValue) },
      totals: f.newPlans)
    out += breakdown(
      "Plans ceased in the calendar year, by reason", f.ceasedByReason, CeasedReason.allCases.map { ($0, $0.rawValue) },
      totals: f.ceased)
    out += "\nx: unavailable, z: not applicable, blank: an empty cell (never counted as 0)\n"
    return out
  }

  /// One breakdown as a table, a row per year and a column per key present in any year.
  private static func breakdown<Key: Hashable>(
    _ title: String, _ byYear: [Int: [Key: OfficialCount]], _ keys: [(Key, String)], totals: [Int: OfficialCount]? = nil
  ) -> String {
    let years = Set(byYear.keys).union(totals?.keys.map { $0 } ?? []).sorted()
    guard !years.isEmpty else { return "" }
    let present = keys.filter { key in byYear.values.contains { $0[key.0] != nil } }
    var header = ["year"]
    if totals != nil { header.append("total") }
    header += present.map(\.1)
    let rows = years.map { year -> [String] in
      var row = [String(year)]
      if let totals { row.append(cell(totals[year])) }
      return row + present.map { cell(byYear[year]?[$0.0]) }
    }
    return "\n\(title)\n" + aligned(header, rows)
  }

  /// `data show --format json`.
  static func json(_ f: AuthorityFigures) -> JSONValue {
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
    return .object(fields)
  }
}
