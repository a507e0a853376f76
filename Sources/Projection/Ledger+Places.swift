import Forecasting
import HighNeeds
extension Ledger {
  /// Demand against capacity for every year and setting, from the ledger's years.
  ///
  /// A row for one phase takes that phase's share of the setting's demand: the cohort model's
  /// share for the setting and census, else `demand.phases` (the same in every setting).
  static func placeRows(scenario: Scenario, years: [LedgerYear], demand projection: DemandProjection) -> [PlaceRow] {
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
            row(
              phase: phase,
              fraction: projection.cohort.map { $0.phaseShares(of: setting, at: year.census)?[phase] ?? 0 }
                ?? scenario.demand.phases[phase] ?? 0, capacity: phaseCapacity, overflowed: 0))
        }
      }
    }
    return rows
  }
}
