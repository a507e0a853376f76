import Forecasting
import HighNeeds
import Projection

extension DemandSimulation {
  /// JSON for the `simulation` key of `run --format json`: money in whole pounds,
  /// probabilities as fractions, the seed as a string (a 64-bit seed can exceed the integers
  /// JSON readers hold exactly).
  var json: JSONValue {
    .object([
      ("draws", .integer(Int64(draws))),
      ("seed", .string(String(seed))),
      ("method", .string(method)),
      ("probabilityStandardErrorAtMost", .number(probabilityStandardErrorAtMost, places: 6)),
      (
        "years",
        .array(
          years.map { year in
            func pounds(_ value: Pounds) -> JSONValue { .pounds(value) }
            return .object([
              ("year", .string(year.year.description)),
              ("actual", .bool(year.actual)),
              ("plansP5", .number(year.plans.p5, places: 1)),
              ("plansP10", .number(year.plans.p10, places: 1)),
              ("plansP50", .number(year.plans.p50, places: 1)),
              ("plansP90", .number(year.plans.p90, places: 1)),
              ("plansP95", .number(year.plans.p95, places: 1)),
              ("reserveMean", pounds(year.reserveMean)),
              ("reserveP5", pounds(year.reserve.p5)),
              ("reserveP10", pounds(year.reserve.p10)),
              ("reserveP50", pounds(year.reserve.p50)),
              ("reserveP90", pounds(year.reserve.p90)),
              ("reserveP95", pounds(year.reserve.p95)),
              ("probabilityDeficit", .number(year.probabilityDeficit, places: 6)),
              ("probabilityOverspend", .number(year.probabilityOverspend, places: 6)),
              ("probabilityRecoveryPlan", .number(year.probabilityRecoveryPlan, places: 6)),
            ])
          })
      ),
    ])
  }

  /// A table of the reserve's spread (£m) and the probabilities, by year.
  func blocks() -> [ReportBlock] {
    var table = TextTable(
      header: [
        "Year", "Plans P50", "Reserve P10", "P50", "P90", "P(deficit)", "P(overspend)", "P(1% rule)",
      ],
      rightAligned: Set(1...7))
    func millions(_ value: Pounds) -> String { FixedPoint.format(value.millions, places: 3) }
    func percent(_ value: Double) -> String { FixedPoint.format(value * 100, places: 1) + "%" }
    for year in years {
      table.rows.append([
        year.year.description + (year.actual ? " A" : ""), FixedPoint.format(year.plans.p50, places: 0),
        millions(year.reserve.p10), millions(year.reserve.p50), millions(year.reserve.p90),
        percent(year.probabilityDeficit), percent(year.probabilityOverspend), percent(year.probabilityRecoveryPlan),
      ])
    }
    let error = FixedPoint.format(probabilityStandardErrorAtMost * 100, places: 1)
    return [
      .heading("Monte Carlo: \(draws) demand paths, seed \(seed); reserve in £m"), .table(table),
      .bullets([
        "Method: \(method).",
        "Probabilities are shares of the draws: Monte Carlo standard error at most \(error) points.",
      ]),
    ]
  }
}
