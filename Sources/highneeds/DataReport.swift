import Foundation
import HighNeeds
import OfficialData

/// Renders the official-data store's contents: the authority list and one authority's figures.
enum DataReport {
  /// A count as shown in tables: the number, or the code published instead (`x`, `z`, `blank`).
  static func cell(_ count: OfficialCount?) -> String {
    guard let count else { return "" }
    if let value = count.value { return String(value) }
    let code = count.missingCode ?? ""
    return code.isEmpty ? "blank" : code
  }

  /// Columns padded to their widest cell: counts (and the codes shown in their place)
  /// right-aligned, text left-aligned.
  static func aligned(_ header: [String], _ rows: [[String]]) -> String {
    let widths = header.indices.map { j in ([header] + rows).map { j < $0.count ? $0[j].count : 0 }.max() ?? 0 }
    let counts = header.indices.map { j in
      j > 0
        && rows.allSatisfy { row in
          let cell = j < row.count ? row[j] : ""
          return cell.allSatisfy(\.isNumber) || cell == "blank" || SuppressionCode.isSuppression(cell)
        }
    }
    func line(_ cells: [String]) -> String {
      var text = header.indices.map { j in
        let cell = j < cells.count ? cells[j] : ""
        let pad = String(repeating: " ", count: max(0, widths[j] - cell.count))
        return counts[j] ? pad + cell : cell + pad
      }.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
  }

  /// A CSV field, quoted when it must be.
  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The authority list: `level, code, old code, name, region, first and last census`.
  static func authorities(_ all: [Authority], format: DataFormat) -> String {
    let header = ["level", "code", "la_code", "name", "region", "first_census", "last_census"]
    let rows = all.map { a in
      [
        a.level.rawValue, a.code, a.oldCode ?? "", a.name, a.region ?? "", a.firstCensus.map(String.init) ?? "",
        a.lastCensus.map(String.init) ?? "",
      ]
    }
    switch format {
    case .csv:
      return ([header] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    case .json:
      let items = all.map { a -> JSONValue in
        .object([
          ("level", .string(a.level.rawValue)), ("code", .string(a.code)),
          ("laCode", a.oldCode.map(JSONValue.string) ?? .null), ("name", .string(a.name)),
          ("region", a.region.map(JSONValue.string) ?? .null),
          ("firstCensus", a.firstCensus.map { .integer(Int64($0)) } ?? .null),
          ("lastCensus", a.lastCensus.map { .integer(Int64($0)) } ?? .null),
        ])
      }
      return JSONValue.object([("authorities", .array(items))]).serialized() + "\n"
    case .table:
      let table = aligned(
        ["name", "code", "LA code", "level", "region", "censuses"],
        rows.map { r in
          [r[3], r[1], r[2], r[0], r[4], r[5].isEmpty ? "" : "\(r[5])-\(r[6])"]
        })
      return table + "\n\(all.count) areas; a name, GSS code or LA code can be given to --authority\n"
    }
  }

  /// Every figure as long CSV: `measure, year, breakdown, value, missing, release, file, lines`.
  static func csv(_ f: AuthorityFigures) -> String {
    var rows = [["measure", "year", "breakdown", "value", "missing", "release", "file", "lines", "supersedes"]]
    func add(_ measure: String, _ year: Int, _ breakdown: String, _ count: OfficialCount) {
      rows.append([
        measure, String(year), breakdown, count.value.map(String.init) ?? "", count.value == nil ? cell(count) : "",
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
    return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }
}
