import Forecasting
import HighNeeds
import Projection

extension Ledger {
  /// The places rows as JSON: `[{"year", "setting", "demand", "capacity", "surplus", "utilisation"}]`
  /// (the DESIGN.md contract) plus `overflow` and the demand ranges where forecast.
  var placesJSON: JSONValue {
    .array(
      places.map { row in
        var pairs: [(String, JSONValue)] = [
          ("year", .string(row.year.description)),
          ("setting", .string(row.setting.name)),
          ("need", row.need.map { .string($0) } ?? .null),
          ("phase", row.phase.map { .string($0) } ?? .null),
          ("demand", .number(row.demand, places: 1)),
          ("capacity", .number(row.capacity, places: 1)),
          ("surplus", .number(row.surplus, places: 1)),
          ("utilisation", row.utilisation.map { .number($0, places: 4) } ?? .null),
          ("overflow", .number(row.overflowed, places: 1)),
        ]
        for interval in row.demandIntervals {
          let level = FixedPoint.format(interval.level, places: 0)
          pairs.append(("demandLo\(level)", .number(interval.lower, places: 1)))
          pairs.append(("demandHi\(level)", .number(interval.upper, places: 1)))
        }
        return .object(pairs)
      })
  }

  /// Per-setting summaries as JSON.
  var placeSummariesJSON: JSONValue {
    .array(
      placeSummaries.map { summary in
        .object([
          ("setting", .string(summary.setting.name)),
          ("need", summary.need.map { .string($0) } ?? .null),
          ("phase", summary.phase.map { .string($0) } ?? .null),
          ("firstShortfallYear", summary.firstShortfallYear.map { .string($0.description) } ?? .null),
          ("peakShortfall", summary.peakShortfall.map { .number($0.places, places: 1) } ?? .null),
          ("peakShortfallYear", summary.peakShortfall.map { .string($0.year.description) } ?? .null),
          ("explanation", .string(summary.explanation)),
        ])
      })
  }

  /// The places report as a table: demand (with its 80% range where forecast), capacity,
  /// surplus (negative = shortfall), utilisation and plans sent to the overflow placement.
  func placesBlocks() -> [ReportBlock] {
    guard let spec = scenario.places else { return [.paragraph("No places section in this scenario.")] }
    var table = TextTable(
      header: ["Year", "Setting", "Demand", "80% range", "Capacity", "Surplus", "Use", "Overflow"],
      rightAligned: [2, 3, 4, 5, 6, 7])
    for row in places {
      let range =
        row.demandIntervals.first { $0.level == 80 }.map {
          "\(FixedPoint.format($0.lower, places: 0))-\(FixedPoint.format($0.upper, places: 0))"
        } ?? ""
      table.rows.append([
        row.year.description, row.setting.name + ((row.need ?? row.phase).map { " / \($0)" } ?? ""),
        FixedPoint.format(row.demand, places: 0), range,
        FixedPoint.format(row.capacity, places: 0), FixedPoint.format(row.surplus, places: 0),
        row.utilisation.map { FixedPoint.format($0 * 100, places: 0) + "%" } ?? "n/a",
        row.overflowed > 0 ? FixedPoint.format(row.overflowed, places: 0) : "",
      ])
    }
    var blocks: [ReportBlock] = [
      .heading("Places: demand against capacity (plans beyond capacity go to \(spec.overflow.name) in projected years)")
    ]
    if places.contains(where: { $0.need != nil }) {
      blocks.append(
        .paragraph(
          "Rows for a need group assume the need mix (demand.needs) is the same in every setting; overflow and costs follow each setting's total capacity."
        ))
    }
    return blocks + [.table(table), .bullets(placeSummaries.map(\.explanation))] + cohortPhaseBlocks()
  }

  /// With the cohort model: plans by phase in the special settings (and any setting with
  /// places) at the start census and each projected one, as the model projects them (before
  /// `move_placements` levers and overflow).
  func cohortPhaseBlocks() -> [ReportBlock] {
    guard let path = demand.cohort else { return [] }
    var settings = [Placement("maintained_special"), Placement("independent_special")]
    for setting in scenario.places?.settingOrder ?? [] where !settings.contains(setting) { settings.append(setting) }
    var table = TextTable(
      header: ["Year", "Setting"] + CohortPhase.allCases.map(\.rawValue) + ["all"], rightAligned: [2, 3, 4, 5])
    for year in years where year.census >= path.startCensus {
      for setting in settings {
        guard let plans = path.plansByPhase(of: setting, at: year.census) else { continue }
        let cells = CohortPhase.allCases.map { plans[$0] ?? 0 }
        table.rows.append(
          [year.year.description, setting.name]
            + (cells + [cells.reduce(0, +)]).map { FixedPoint.format($0, places: 0) })
      }
    }
    guard !table.rows.isEmpty else { return [] }
    return [
      .heading(
        "Plans by phase (cohort model: primary = under 5 and 5-10, secondary = 11-15, post16 = 16-25; as projected, before plans with no recorded placement are spread over the others, moves and overflow)"
      ),
      .table(table),
    ]
  }
}

/// The report of `highneeds places`: demand against capacity by setting and year, and when
/// and by how much each setting first falls short.
public struct PlacesReport: Report {
  /// The ledger whose places are reported.
  public let ledger: Ledger

  /// The places report of `ledger` (a scenario with a places section).
  public init(_ ledger: Ledger) { self.ledger = ledger }

  public var title: String { "Places: \(ledger.scenario.name)" }

  /// The scenario, the rows and the per-setting summaries.
  public func json() -> JSONValue {
    .object([
      ("scenario", .string(ledger.scenario.name)),
      ("authority", .string(ledger.scenario.authority)),
      ("overflow", ledger.scenario.places.map { .string($0.overflow.name) } ?? .null),
      ("places", ledger.placesJSON),
      ("placesSummary", ledger.placeSummariesJSON),
    ])
  }

  /// The places chart (HTML only), then the rows and the summaries.
  public func blocks() -> [ReportBlock] {
    let chart = LedgerCharts.places(ledger).map {
      ReportBlock.figure(svg: $0.svg(), caption: "Places available against plans wanting a place, by setting.")
    }
    return (chart.map { [$0] } ?? []) + ledger.placesBlocks()
  }

  /// The places rows (year, setting, demand, ranges, capacity, surplus, utilisation as a
  /// percentage, overflow, need, phase).
  public func csv() -> CSVDocument {
    let places = ledger.places
    let levels =
      places.first?.demandIntervals.map { FixedPoint.format($0.level, places: 0) }
      ?? places.last?.demandIntervals.map { FixedPoint.format($0.level, places: 0) } ?? []
    var header = ["year", "setting", "demand"]
    for level in levels { header += ["demand_lo\(level)", "demand_hi\(level)"] }
    header += ["capacity", "surplus", "utilisation_percent", "overflow", "need", "phase"]
    var document = CSVDocument(header: header)
    for row in places {
      var cells = [row.year.description, row.setting.name, FixedPoint.format(row.demand, places: 1)]
      for level in levels {
        let interval = row.demandIntervals.first { FixedPoint.format($0.level, places: 0) == level }
        cells += [
          interval.map { FixedPoint.format($0.lower, places: 1) } ?? "",
          interval.map { FixedPoint.format($0.upper, places: 1) } ?? "",
        ]
      }
      cells += [
        FixedPoint.format(row.capacity, places: 1), FixedPoint.format(row.surplus, places: 1),
        row.utilisation.map { FixedPoint.format($0 * 100, places: 2) } ?? "",
        FixedPoint.format(row.overflowed, places: 1),
        row.need ?? "", row.phase ?? "",
      ]
      document.rows.append(cells)
    }
    return document
  }
}
