extension Ledger {
  /// Demand against capacity for every year and setting, from the ledger's years.
  static func placeRows(scenario: Scenario, years: [LedgerYear]) -> [PlaceRow] {
    guard let places = scenario.places else { return [] }
    var rows: [PlaceRow] = []
    for year in years {
      for setting in places.settingOrder {
        guard let capacity = places.settings[setting] else { continue }
        let demand = year.demandByPlacement[setting] ?? 0
        let share = year.demand.plans > 0 ? demand / year.demand.plans : 0
        func row(
          need: String? = nil, phase: String? = nil, fraction: Double, capacity: SettingCapacity, overflowed: Double
        ) -> PlaceRow {
          PlaceRow(
            year: year.year, setting: setting, need: need, phase: phase, demand: demand * fraction,
            demandIntervals: year.demand.intervals.map {
              PlanInterval(level: $0.level, lower: $0.lower * share * fraction, upper: $0.upper * share * fraction)
            },
            capacity: capacity.capacity(in: year.year), overflowed: overflowed)
        }
        rows.append(row(need: nil, fraction: 1, capacity: capacity, overflowed: year.overflowed[setting] ?? 0))
        for need in capacity.byNeed.keys.sorted() {
          guard let needCapacity = capacity.byNeed[need] else { continue }
          rows.append(
            row(need: need, fraction: scenario.demand.needs[need] ?? 0, capacity: needCapacity, overflowed: 0))
        }
        for phase in capacity.byPhase.keys.sorted() {
          guard let phaseCapacity = capacity.byPhase[phase] else { continue }
          rows.append(
            row(phase: phase, fraction: scenario.demand.phases[phase] ?? 0, capacity: phaseCapacity, overflowed: 0))
        }
      }
    }
    return rows
  }

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

  /// The places report as an HTML page (`highneeds places --format html`).
  public var placesHTMLDocument: String {
    ReportWriter.document(title: "Places: \(scenario.name)", body: placesTable(style: .html))
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
  public func placesTable(style: TableStyle) -> String {
    guard let spec = scenario.places else {
      return ReportWriter(style: style).paragraph("No places section in this scenario.")
    }
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
    let writer = ReportWriter(style: style)
    var out = writer.heading(
      "Places: demand against capacity (plans beyond capacity go to \(spec.overflow.name) in projected years)")
    if places.contains(where: { $0.need != nil }) {
      out += writer.paragraph(
        "Rows for a need group assume the need mix (demand.needs) is the same in every setting; overflow and costs follow each setting's total capacity."
      )
    }
    out += writer.table(table)
    out += writer.bullets(placeSummaries.map(\.explanation))
    return out
  }
}

extension Ledger {
  /// The JSON of `highneeds places`: the scenario, the rows and the per-setting summaries.
  public var placesReportJSON: JSONValue {
    .object([
      ("scenario", .string(scenario.name)),
      ("authority", .string(scenario.authority)),
      ("overflow", scenario.places.map { .string($0.overflow.name) } ?? .null),
      ("places", placesJSON),
      ("placesSummary", placeSummariesJSON),
    ])
  }

  /// The places rows as CSV (year, setting, demand, ranges, capacity, surplus, utilisation, overflow).
  public var placesCSV: String {
    let levels =
      places.first?.demandIntervals.map { FixedPoint.format($0.level, places: 0) }
      ?? places.last?.demandIntervals.map { FixedPoint.format($0.level, places: 0) } ?? []
    var header = ["year", "setting", "demand"]
    for level in levels { header += ["demand_lo\(level)", "demand_hi\(level)"] }
    header += ["capacity", "surplus", "utilisation", "overflow", "need", "phase"]
    var lines = [header.joined(separator: ",")]
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
        row.utilisation.map { FixedPoint.format($0, places: 4) } ?? "", FixedPoint.format(row.overflowed, places: 1),
        row.need ?? "", row.phase ?? "",
      ]
      lines.append(cells.map(CSV.field).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
