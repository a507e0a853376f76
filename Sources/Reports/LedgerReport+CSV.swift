import HighNeeds
import Projection

extension Ledger {
  /// The ledger as CSV, one row per financial year, money in whole pounds (opens in Excel).
  ///
  /// Columns: year, actual, census, plans, plans_source, then per placement `plans_<p>`,
  /// `unit_cost_<p>`, `spend_<p>`, then other_spend, modelled_spend, spend, high_needs_block,
  /// block_transfer, other_income, funding, in_year_balance, opening_reserve, reserve,
  /// dsg_total, reserve_percent_of_dsg (a percentage: 2.5 is 2.5%), recovery_plan_required;
  /// then, when the forecast has intervals, `plans_lo<L>`, `plans_hi<L>` and
  /// `reserve_at_low_demand_<L>`, `reserve_at_high_demand_<L>` for each level L (the demand
  /// range); then `saving_<lever name>` for each lever (its attributed saving that year); then,
  /// when `simulation` is given, sim_plans_p50, sim_reserve_p10, sim_reserve_p50,
  /// sim_reserve_p90 (pounds), sim_probability_deficit, sim_probability_overspend,
  /// sim_probability_recovery_plan (fractions). Unknown values are empty cells.
  func reportCSV(range: DemandRange?, simulation: DemandSimulation?) -> CSVDocument {
    var header = ["year", "actual", "census", "plans", "plans_source"]
    header += placements.map { "plans_\($0.name)" }
    header += placements.map { "unit_cost_\($0.name)" }
    header += placements.map { "spend_\($0.name)" }
    header += [
      "other_spend", "modelled_spend", "spend", "high_needs_block", "block_transfer", "other_income", "funding",
      "in_year_balance", "opening_reserve", "reserve", "dsg_total", "reserve_percent_of_dsg",
      "recovery_plan_required",
    ]
    let bands = range?.bands ?? []
    for band in bands {
      let level = FixedPoint.format(band.level, places: 0)
      header += ["plans_lo\(level)", "plans_hi\(level)"]
    }
    for band in bands {
      let level = FixedPoint.format(band.level, places: 0)
      header += ["reserve_at_low_demand_\(level)", "reserve_at_high_demand_\(level)"]
    }
    header += leverSavings.map { "saving_\($0.name)" }
    if let simulation { header += simulation.csvHeader }
    var document = CSVDocument(header: header)
    func money(_ amount: Pounds?) -> String { amount.map { String($0.wholePounds) } ?? "" }
    for year in years {
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
      for band in bands {
        let interval = year.demand.intervals.first { $0.level == band.level }
        row += [
          interval.map { FixedPoint.format($0.lower, places: 1) } ?? "",
          interval.map { FixedPoint.format($0.upper, places: 1) } ?? "",
        ]
      }
      for band in bands {
        row += [money(band.lowDemand.entry(year.year)?.reserve), money(band.highDemand.entry(year.year)?.reserve)]
      }
      row += leverSavings.map { money($0.byYear[year.year]) }
      if let simulation, let simulated = simulation.years.first(where: { $0.year == year.year }) {
        row += simulation.csvCells(simulated)
      }
      document.rows.append(row)
    }
    return document
  }
}
