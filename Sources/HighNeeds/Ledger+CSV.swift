import Foundation

extension Ledger {
  /// The ledger as CSV, one row per financial year, money in whole pounds (opens in Excel).
  ///
  /// Columns: year, actual, census, plans, plans_source, then per placement `plans_<p>`,
  /// `unit_cost_<p>`, `spend_<p>`, then other_spend, modelled_spend, spend, high_needs_block,
  /// block_transfer, other_income, funding, in_year_balance, opening_reserve, reserve,
  /// dsg_total, reserve_percent_of_dsg, recovery_plan_required. Unknown values are empty cells.
  public var csv: String {
    var header = ["year", "actual", "census", "plans", "plans_source"]
    header += placements.map { "plans_\($0.name)" }
    header += placements.map { "unit_cost_\($0.name)" }
    header += placements.map { "spend_\($0.name)" }
    header += [
      "other_spend", "modelled_spend", "spend", "high_needs_block", "block_transfer", "other_income", "funding",
      "in_year_balance", "opening_reserve", "reserve", "dsg_total", "reserve_percent_of_dsg",
      "recovery_plan_required",
    ]
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
