import Forecasting
import HighNeeds
import Projection

extension Ledger {
  /// The cohort model's part of `run --format json` (under `demand.cohort`), or nil when the
  /// scenario's demand is a trend model.
  ///
  /// `rates`: per band, the ageing share (1/width), the mean ceasing and residual rates and the
  /// new-plan trend's mean by calendar year of flows, as the projection uses them (full
  /// precision, so that a reader can redo the recursion). `flowChanges`: what the flow levers
  /// do to each calendar year's flows. `years`: plans by band and, per placement, by phase, at
  /// the start census and every projected one (central path).
  var cohortJSON: JSONValue? {
    guard let path = demand.cohort else { return nil }
    let model = path.model
    let rates = CohortBand.allCases.map { band -> JSONValue in
      let b = band.rawValue
      return .object([
        ("band", .string(band.scenarioName)), ("phase", .string(band.phase.rawValue)),
        ("ageingShare", .double(band.ageingShare)), ("ceasingRate", .double(model.ceasing[b].mean)),
        ("residualRate", .double(model.residual[b].mean)),
        (
          "newPlans",
          .array(
            model.newPlans[b].points.enumerated().map { k, point in
              .compact(
                .object([("flowYear", .integer(Int64(model.startYear + k))), ("mean", .double(max(0, point.mean)))]))
            })
        ),
      ])
    }
    let changes = path.changes.enumerated().map { k, change -> JSONValue in
      .compact(
        .object([
          ("flowYear", .integer(Int64(model.startYear + k))), ("newPlans", .double(change.newPlans)),
          ("newPlansByBand", .array(change.newPlansByBand.map { .double($0) })),
          ("ceasing", .array(change.ceasing.map { .double($0) })),
          (
            "newPlanShare",
            .object(
              change.newPlanShare.sorted { $0.key < $1.key }.map { (path.placements[$0.key].name, .double($0.value)) })
          ),
        ]))
    }
    let years = path.tables.keys.sorted().map { census -> JSONValue in
      let table = path.tables[census]!
      let byBand = CohortBand.allCases.map { band in
        (band.scenarioName, JSONValue.double(table[band.rawValue].reduce(0, +)))
      }
      let byPhase = path.placements.compactMap { placement -> (String, JSONValue)? in
        guard let plans = path.plansByPhase(of: placement, at: census), plans.values.contains(where: { $0 > 0 }) else {
          return nil
        }
        return (placement.name, .compact(.object(CohortPhase.allCases.map { ($0.rawValue, .double(plans[$0] ?? 0)) })))
      }
      return .object([
        ("census", .integer(Int64(census.year))), ("plansByBand", .compact(.object(byBand))),
        ("plansByPhase", .object(byPhase)),
      ])
    }
    return .object([
      ("startCensus", .integer(Int64(model.startYear))), ("rates", .array(rates)), ("flowChanges", .array(changes)),
      ("years", .array(years)),
    ])
  }
}
