import Forecasting
import HighNeeds
/// One lever's effect on the in-year balance, year by year.
///
/// Attribution is sequential, in the order the levers are listed: lever i's saving in a year
/// is the in-year balance with levers 1...i minus the balance with levers 1...i−1. The savings
/// therefore add up exactly to the difference between the scenario with all its levers and
/// without any; when levers interact (a growth cut shrinks the plans a move can take), the
/// interaction is credited to the later lever.
public struct LeverSaving: Sendable {
  /// The lever's name.
  public let name: String
  /// The lever's type.
  public let type: LeverType
  /// Improvement in the in-year balance by year (positive is a saving or extra funding).
  public let byYear: [FinancialYear: Pounds]
  /// The sum over all years.
  public var total: Pounds { byYear.sumInKeyOrder }
}

extension Ledger {
  /// Sequential attribution of `scenario`'s levers (see ``LeverSaving``).
  static func attribute(
    _ scenario: Scenario, forecaster: any TrendForecaster, projection: DemandProjection, final: Ledger
  ) throws -> [LeverSaving] {
    var without = scenario
    without.levers = []
    var previous = try Ledger(scenario: without, forecaster: forecaster, projection: projection, attribute: false)
    var savings: [LeverSaving] = []
    for index in scenario.levers.indices {
      var partial = scenario
      partial.levers = Array(scenario.levers[...index])
      let current =
        index == scenario.levers.count - 1
        ? final : try Ledger(scenario: partial, forecaster: forecaster, projection: projection, attribute: false)
      var byYear: [FinancialYear: Pounds] = [:]
      for (now, before) in zip(current.years, previous.years) {
        byYear[now.year] = now.inYearBalance - before.inYearBalance
      }
      let lever = scenario.levers[index]
      savings.append(LeverSaving(name: lever.name, type: lever.kind.type, byYear: byYear))
      previous = current
    }
    return savings
  }
}
