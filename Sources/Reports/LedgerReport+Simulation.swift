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
      ("inputs", .array(inputs.map { .string($0.rawValue) })),
      ("nationalShock", nationalShock.map { .number($0, places: 6) } ?? .null),
      ("spread", spreadJSON),
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
              ("reserveStandardDeviation", pounds(year.reserveStandardDeviation)),
            ])
          })
      ),
    ])
  }

  /// The decomposition of the last year's spread: `{"year", "reserveStandardDeviation",
  /// "inputs": [{"input", "reserveStandardDeviation", "shareOfVariance"}], "interactionShare"}`.
  var spreadJSON: JSONValue {
    .object([
      ("year", .string(spread.year.description)),
      ("reserveStandardDeviation", .pounds(spread.standardDeviation)),
      (
        "inputs",
        .array(
          spread.parts.map { part in
            .object([
              ("input", .string(part.input.rawValue)),
              ("reserveStandardDeviation", .pounds(part.standardDeviation)),
              ("shareOfVariance", .number(part.shareOfVariance, places: 6)),
            ])
          })
      ),
      ("interactionShare", .number(spread.interactionShare, places: 6)),
    ])
  }

  /// CSV columns: sim_plans_p50, sim_reserve_p10/p50/p90 and the three probabilities; when
  /// more than demand is drawn, then the reserve's standard deviation (sim_reserve_sd) and its
  /// standard deviation with each input alone (sim_reserve_sd_demand,
  /// sim_reserve_sd_unit_cost_inflation, sim_reserve_sd_high_needs_block_growth).
  var csvHeader: [String] {
    [
      "sim_plans_p50", "sim_reserve_p10", "sim_reserve_p50", "sim_reserve_p90", "sim_probability_deficit",
      "sim_probability_overspend", "sim_probability_recovery_plan",
    ] + (inputs.count > 1 ? ["sim_reserve_sd"] + inputs.map { "sim_reserve_sd_\($0.snakeName)" } : [])
  }

  /// The cells of ``csvHeader`` for `year` (money in whole pounds, probabilities as fractions).
  func csvCells(_ year: Year) -> [String] {
    func money(_ amount: Pounds) -> String { String(amount.wholePounds) }
    return [
      FixedPoint.format(year.plans.p50, places: 1), money(year.reserve.p10), money(year.reserve.p50),
      money(year.reserve.p90), FixedPoint.format(year.probabilityDeficit, places: 6),
      FixedPoint.format(year.probabilityOverspend, places: 6),
      FixedPoint.format(year.probabilityRecoveryPlan, places: 6),
    ]
      + (inputs.count > 1
        ? [money(year.reserveStandardDeviation)] + year.reserveStandardDeviationByInput.map(money) : [])
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
      .gap, .heading("What drives the spread of the \(spread.year) reserve (£m): each input drawn alone, then all"),
      .table(spreadTable()),
    ]
  }

  /// One row per input drawn alone (standard deviation, share of the variance), then all together.
  func spreadTable() -> TextTable {
    var table = TextTable(header: ["Input", "Reserve SD", "Share of variance"], rightAligned: [1, 2])
    func millions(_ value: Pounds) -> String { FixedPoint.format(value.millions, places: 3) }
    func percent(_ value: Double) -> String { FixedPoint.format(value * 100, places: 1) + "%" }
    for part in spread.parts {
      table.rows.append([part.input.words + " alone", millions(part.standardDeviation), percent(part.shareOfVariance)])
    }
    if spread.parts.count > 1 {
      table.rows.append(["interaction", "", percent(spread.interactionShare)])
    }
    table.rows.append(["all together", millions(spread.standardDeviation), "100.0%"])
    return table
  }
}

extension DemandSimulation.Input {
  /// The input's name in CSV columns (`unit_cost_inflation`).
  var snakeName: String {
    switch self {
    case .demand: "demand"
    case .unitCostInflation: "unit_cost_inflation"
    case .highNeedsBlockGrowth: "high_needs_block_growth"
    }
  }
}
