import Forecasting
import Projection
import HighNeeds
import Foundation

/// Reports of each authority's plans when a scenario covers several (`demand.authorities`).
///
/// The figures are each authority's own projection, counted or forecast from its own series,
/// before any `demand_growth` lever (levers act on the total). Their sum in each year is the
/// ledger's `plans`.
extension Ledger {
  /// The census years of the ledger, first to last.
  private var ledgerCensusYears: [CensusYear] { years.map(\.census) }

  /// Plans by authority: the last census count, the projection for the ledger's last census
  /// with its widest interval, and the growth a year between the two. Empty when the scenario
  /// covers one authority.
  func authoritiesBlocks() -> [ReportBlock] {
    guard !demand.authorities.isEmpty, let lastCount = scenario.demand.census.keys.max(),
      let lastLedger = ledgerCensusYears.last
    else { return [] }
    let models = Set(demand.authorities.compactMap { $0.projection.forecast?.model })
    let showModel = models.count > 1
    let level = demand.intervalLevels.max()
    let levelText = level.map { FixedPoint.format($0, places: 0) }
    var header = ["Authority"] + (showModel ? ["Model"] : []) + ["Jan \(lastCount)", "Jan \(lastLedger)"]
    if let levelText { header += ["lo\(levelText)", "hi\(levelText)"] }
    header.append("a year")
    let numeric = Set((showModel ? 2 : 1)..<header.count)
    var table = TextTable(header: header, rightAligned: numeric)
    for authority in demand.authorities {
      let counted = authority.projection.points[lastCount]?.plans
      let projected = authority.projection.points[lastLedger]
      var row = [authority.name]
      if showModel { row.append(authority.projection.forecast?.model ?? "counted") }
      row += [counted.map { FixedPoint.format($0, places: 0) } ?? "n/a"]
      row += [projected.map { FixedPoint.format($0.plans, places: 0) } ?? "n/a"]
      if let level {
        let interval = projected?.intervals.first { $0.level == level }
        row += [
          interval.map { FixedPoint.format($0.lower, places: 0) } ?? "n/a",
          interval.map { FixedPoint.format($0.upper, places: 0) } ?? "n/a",
        ]
      }
      let span = Double(lastCount.distance(to: lastLedger))
      if let counted, let projected, counted > 0, span > 0 {
        row.append(FixedPoint.format((pow(projected.plans / counted, 1 / span) - 1) * 100, places: 1) + "%")
      } else {
        row.append("n/a")
      }
      table.rows.append(row)
    }
    let heading =
      "Plans by authority: each series forecast on its own (\(demand.authorities.count) authorities; their sum is the ledger's plans, before levers)"
    return [.heading(heading), .table(table)]
  }

  /// JSON for `demand.authorities`: each authority's fitted model, its forecaster's notes and
  /// its plans in every census year of the ledger (with source and interval bounds).
  var authoritiesJSON: JSONValue {
    .array(
      demand.authorities.map { authority in
        var pairs: [(String, JSONValue)] = [("authority", .string(authority.name))]
        if let forecast = authority.projection.forecast {
          pairs += [
            ("fittedModel", .string(forecast.model)),
            ("selection", .string(forecast.selection)),
            ("notes", .array(forecast.notes.map { .string($0) })),
          ]
        }
        pairs.append(
          (
            "plans",
            .array(
              ledgerCensusYears.compactMap { census -> JSONValue? in
                guard let point = authority.projection.points[census] else { return nil }
                var fields: [(String, JSONValue)] = [
                  ("census", .integer(Int64(census.year))), ("plans", .number(point.plans, places: 1)),
                  ("source", .string(point.source.rawValue)),
                ]
                for interval in point.intervals {
                  let level = FixedPoint.format(interval.level, places: 0)
                  fields += [
                    ("lo\(level)", .number(interval.lower, places: 1)),
                    ("hi\(level)", .number(interval.upper, places: 1)),
                  ]
                }
                return .object(fields)
              })
          ))
        return .object(pairs)
      })
  }
}
