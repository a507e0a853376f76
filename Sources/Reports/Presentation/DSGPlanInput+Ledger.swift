import HighNeeds
import Forecasting
import Projection
import Workbook

extension DSGPlanInput {
  /// The plan input for `ledger`: every year's lines, plans by placement, the levers' savings,
  /// places, and the scenario's inputs as assumptions.
  ///
  /// Unmitigated figures (when the scenario has levers) are the ledger's less the levers'
  /// attributed savings: `in-year before = in-year − Σ savings that year`, and the reserve
  /// before mitigations rolls forward from the same opening reserve with those balances
  /// (the attribution's savings add up exactly to the difference with and without levers,
  /// see ``LeverSaving``).
  /// - Parameters:
  ///   - ledger: the projected ledger.
  ///   - sources: the scenario files' texts by path as the loader was given them, so each
  ///     assumption's source is the comment written beside it (see ``ScenarioComments``).
  public init(ledger: Ledger, sources: [String: String] = [:]) {
    let savings = ledger.leverSavings
    let unmitigated = Self.unmitigated(ledger)
    let years = ledger.years.indices.map { Self.planYear(ledger.years[$0], unmitigated: unmitigated?[$0]) }
    self.init(
      authority: ledger.scenario.authority, scenario: ledger.scenario.name,
      placements: ledger.placements.map(\.name), years: years,
      mitigations: zip(ledger.scenario.levers, savings).map { lever, saving in
        Mitigation(
          name: lever.name, type: saving.type.rawValue, start: lever.start.description, end: lever.end?.description,
          savings: Dictionary(saving.byYear.map { ($0.key.description, $0.value.value) }) { first, _ in first })
      },
      mitigationNote: savings.isEmpty
        ? nil
        : "Savings are improvements in the in-year balance. Each lever is credited with what it adds "
          + "after the levers listed above it, so the savings add up to the difference the levers make together.",
      places: ledger.places.map {
        PlacesLine(
          setting: $0.setting.name, group: $0.need ?? $0.phase, year: $0.year.description, capacity: $0.capacity,
          demand: $0.demand)
      },
      assumptions: ScenarioAssumptions.rows(ledger.scenario, calibration: ledger.calibration, sources: sources))
  }

  /// Each year's position without levers (nil when the scenario has none): the in-year
  /// balance less that year's attributed savings, rolled forward from the same opening reserve.
  static func unmitigated(_ ledger: Ledger) -> [UnmitigatedPosition]? {
    guard !ledger.leverSavings.isEmpty else { return nil }
    var reserve = ledger.years.first.map(\.openingReserve.value) ?? 0
    return ledger.years.map { year in
      let saved = ledger.leverSavings.map { $0.byYear[year.year]?.value ?? 0 }.reduce(0, +)
      let balance = year.inYearBalance.value - saved
      reserve += balance
      return UnmitigatedPosition(inYearBalance: balance, reserve: reserve)
    }
  }

  /// One ledger year as plan lines.
  static func planYear(_ year: LedgerYear, unmitigated: UnmitigatedPosition?) -> DSGPlanYear {
    DSGPlanYear(
      year: year.year.description, actual: year.actual, census: "January \(year.census.year)",
      plans: Dictionary(year.plansByPlacement.map { ($0.key.name, $0.value) }) { first, _ in first },
      placementSpend: Dictionary(year.spendByPlacement.map { ($0.key.name, $0.value.value) }) { first, _ in first },
      otherSpend: year.otherSpend.value, oneOffSavings: year.oneOffSavings.value, totalSpend: year.spend?.value,
      highNeedsBlock: year.highNeedsBlock?.value, blockTransfers: year.blockTransfer.value,
      otherIncome: year.otherIncome.value, mitigationFunding: year.leverFunding.value,
      totalFunding: year.funding?.value, inYearBalance: year.inYearBalance.value,
      openingReserve: year.openingReserve.value, reserve: year.reserve.value, dsgTotal: year.dsgTotal?.value,
      reservePercentOfDSG: year.reservePercentOfDSG, recoveryPlanRequired: year.recoveryPlanRequired,
      unmitigated: unmitigated)
  }
}
