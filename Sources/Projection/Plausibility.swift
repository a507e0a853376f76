import Foundation
import HighNeeds

/// Figures a careful reader would stop at, found before anyone presents them: plans forecast to
/// grow faster than ``Plausibility/growthLimit`` a year, or a reserve beyond
/// ``Plausibility/reserveLimit`` percent of total DSG. Each warning names what drives it.
public enum Plausibility {
  /// Compound growth a year of forecast plans above which a warning is given (15%).
  public static let growthLimit = 0.15
  /// The reserve, in percent of total DSG, beyond which a warning is given (100%).
  public static let reserveLimit = 100.0

  /// The warning for a forecast from `last` plans at census `from` to `forecast` plans at
  /// census `to`, or nil when the growth a year is within the limit. `who` names the series.
  public static func growthWarning(
    who: String, from: CensusYear, last: Double, to: CensusYear, forecast: Double, model: String,
    hint: String = "check the counts and the model"
  ) -> String? {
    let years = Double(from.distance(to: to))
    guard years > 0, last > 0, forecast.isFinite else { return nil }
    let rate = pow(forecast / last, 1 / years) - 1
    guard rate > growthLimit else { return nil }
    return
      "\(who): plans are forecast to grow \(FixedPoint.format(rate * 100, places: 1))% a year, from \(grouped(last)) in January \(from) to \(grouped(forecast)) in January \(to) (model '\(model)'): above \(FixedPoint.format(growthLimit * 100, places: 0))% a year; \(hint)"
  }

  /// Whole number with thousands separators (8,957).
  static func grouped(_ value: Double) -> String {
    let digits = FixedPoint.format(value, places: 0)
    let negative = digits.hasPrefix("-")
    var body = Array(negative ? digits.dropFirst() : Substring(digits))
    var out: [Character] = []
    while body.count > 3 {
      out = [","] + body.suffix(3) + out
      body.removeLast(3)
    }
    return (negative ? "-" : "") + String(body + out)
  }
}

extension Ledger {
  /// Warnings for figures beyond plausibility (see ``Plausibility``): forecast growth of the
  /// total and of each authority, and the first year the reserve passes 100% of total DSG.
  public var plausibilityWarnings: [String] {
    var warnings: [String] = []
    func check(_ who: String, _ projection: DemandProjection) {
      let counted = projection.points.values.filter { $0.source == .census }.max { $0.census < $1.census }
      let forecasts = projection.points.values.filter { $0.source == .forecast }
      guard let counted, let last = forecasts.max(by: { $0.census < $1.census }) else { return }
      if let warning = Plausibility.growthWarning(
        who: who, from: counted.census, last: counted.plans, to: last.census, forecast: last.plans,
        model: projection.forecast?.model ?? "forecast",
        hint: "check the census counts and demand.model, or give demand.growth")
      {
        warnings.append(warning)
      }
    }
    check(scenario.authority, demand)
    for authority in demand.authorities { check(authority.name, authority.projection) }
    if let year = years.first(where: { abs($0.reservePercentOfDSG ?? 0) > Plausibility.reserveLimit }) {
      let spend = year.spend.map { "spend \($0)" } ?? "spend unknown"
      let funding = year.funding.map { "funding \($0)" } ?? "funding unknown"
      warnings.append(
        "the reserve reaches \(FixedPoint.format(year.reservePercentOfDSG ?? 0, places: 0))% of total DSG at the end of \(year.year) (\(year.reserve); \(spend) against \(funding) that year, total DSG \(year.dsgTotal.map(\.description) ?? "unknown")): beyond \(FixedPoint.format(Plausibility.reserveLimit, places: 0))%; check funding.dsg_total, the costs and the demand forecast"
      )
    }
    return warnings
  }
}
