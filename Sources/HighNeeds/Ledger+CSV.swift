import Foundation

extension Ledger {
  /// The ledger as CSV, one row per financial year, money in whole pounds (opens in Excel).
  ///
  /// Columns: year, actual, census, plans, plans_source, then per placement `plans_<p>`,
  /// `unit_cost_<p>`, `spend_<p>`, then other_spend, modelled_spend, spend, high_needs_block,
  /// block_transfer, other_income, funding, in_year_balance, opening_reserve, reserve,
  /// dsg_total, reserve_percent_of_dsg, recovery_plan_required. Unknown values are empty cells.
  public var csv: String { csv(simulation: nil) }

  /// The CSV, with the Monte Carlo summary's columns at the end of each row when `simulation`
  /// is given: sim_plans_p50, sim_reserve_p10, sim_reserve_p50, sim_reserve_p90 (pounds),
  /// sim_probability_deficit, sim_probability_overspend, sim_probability_recovery_plan.
  public func csv(simulation: DemandSimulation?) -> String {
    var header = ["year", "actual", "census", "plans", "plans_source"]
    header += placements.map { "plans_\($0.name)" }
    header += placements.map { "unit_cost_\($0.name)" }
    header += placements.map { "spend_\($0.name)" }
    header += [
      "other_spend", "modelled_spend", "spend", "high_needs_block", "block_transfer", "other_income", "funding",
      "in_year_balance", "opening_reserve", "reserve", "dsg_total", "reserve_percent_of_dsg",
      "recovery_plan_required",
    ]
    if simulation != nil {
      header += [
        "sim_plans_p50", "sim_reserve_p10", "sim_reserve_p50", "sim_reserve_p90", "sim_probability_deficit",
        "sim_probability_overspend", "sim_probability_recovery_plan",
      ]
    }
    var lines = [header.joined(separator: ",")]
    for year in years {
      func money(_ amount: Pounds?) -> String { amount.map { String($0.wholePounds) } ?? "" }
      var row = [
        year.year.description, String(year.actual), String(year.census.year),
        FixedPoint.format(year.demand.plans, places: 1), year.demand.source.rawValue,
      ]
      row += placements.map { FixedPoint.format(year.plansByPlacement[$0] ?? 0, places: 1) }
      row += placements.map { money(year.unitCost[$0]) }
      row += placements.map { money(year.spendByPlacement[$0]) }
      row += [
        money(year.otherSpend), money(year.modelledSpend), money(year.spend), money(year.highNeedsBlock),
        money(year.blockTransfer), money(year.otherIncome), money(year.funding), money(year.inYearBalance),
        money(year.openingReserve), money(year.reserve), money(year.dsgTotal),
        year.reservePercentOfDSG.map { FixedPoint.format($0, places: 3) } ?? "", String(year.recoveryPlanRequired),
      ]
      if let simulated = simulation?.years.first(where: { $0.year == year.year }) {
        row += [
          FixedPoint.format(simulated.plans.p50, places: 1), money(Pounds(simulated.reserve.p10)),
          money(Pounds(simulated.reserve.p50)), money(Pounds(simulated.reserve.p90)),
          FixedPoint.format(simulated.probabilityDeficit, places: 6),
          FixedPoint.format(simulated.probabilityOverspend, places: 6),
          FixedPoint.format(simulated.probabilityRecoveryPlan, places: 6),
        ]
      }
      lines.append(row.map(CSV.field).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// CSV quoting as RFC 4180 and Excel expect.
enum CSV {
  /// Quotes a field when it holds a comma, quote or line break; doubles inner quotes.
  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
