import Forecasting
import Projection
import HighNeeds
extension Ledger {
  /// The ledger as the JSON report of `highneeds run --format json`, with a `demandRange`
  /// section (see ``DemandRange``) when `range` is given, and a `simulation` section (see
  /// ``DemandSimulation``) when `simulation` is.
  ///
  /// The fields `scenario`, `authority`, `years[].year`, `plans`, `spend`, `funding`,
  /// `inYearBalance`, `reserve`, `reservePercentOfDSG`, `actual`, `levers` and `places` are the
  /// stable contract of DESIGN.md; the other fields add detail. Money is whole pounds.
  func reportJSON(range: DemandRange?, simulation: DemandSimulation?) -> JSONValue {
    var top: [(String, JSONValue)] = [
      ("scenario", .string(scenario.name)),
      ("authority", .string(scenario.authority)),
      ("years", .array(years.map(yearJSON))),
      ("levers", leversJSON),
      ("places", placesJSON),
    ]
    if scenario.places != nil { top.append(("placesSummary", placeSummariesJSON)) }
    if let calibration {
      top.append(
        (
          "calibration",
          .object([
            ("year", .string(calibration.year.description)),
            ("factor", .number(calibration.factor, places: 6)),
            ("targetSpend", .pounds(calibration.targetSpend)),
            ("modelledSpendBefore", .pounds(calibration.modelledSpendBefore)),
          ])
        ))
    }
    top.append(("firstDeficitYear", firstDeficitYear.map { .string($0.description) } ?? .null))
    top.append(("firstRecoveryPlanYear", firstRecoveryPlanYear.map { .string($0.description) } ?? .null))
    top.append(("firstInYearBalanceYear", firstInYearBalanceYear.map { .string($0.description) } ?? .null))
    var demandPairs: [(String, JSONValue)] = [
      (
        "model",
        .string(
          scenario.demand.usesCohort ? "cohort" : scenario.demand.growth == nil ? scenario.demand.model.rawValue : "growth")
      )
    ]
    if let forecast = demand.forecast {
      demandPairs.append(("fittedModel", .string(forecast.model)))
      demandPairs.append(("selection", .string(forecast.selection)))
      demandPairs.append(("notes", .array(forecast.notes.map { .string($0) })))
    }
    if !demand.authorities.isEmpty { demandPairs.append(("authorities", authoritiesJSON)) }
    if let cohort = cohortJSON { demandPairs.append(("cohort", cohort)) }
    top.append(("demand", .object(demandPairs)))
    top.append(("warnings", .array(plausibilityWarnings.map { .string($0) })))
    if let range { top.append(("demandRange", range.json(years: years))) }
    if let simulation { top.append(("simulation", simulation.json)) }
    return .object(top)
  }

  private func yearJSON(_ year: LedgerYear) -> JSONValue {
    func byPlacement<T>(_ values: [Placement: T], _ convert: (T) -> JSONValue) -> JSONValue {
      .object(placements.map { ($0.name, values[$0].map(convert) ?? .null) })
    }
    var pairs: [(String, JSONValue)] = [
      ("year", .string(year.year.description)),
      ("plans", .number(year.demand.plans, places: 1)),
      ("spend", .pounds(year.spend)),
      ("funding", .pounds(year.funding)),
      ("inYearBalance", .pounds(year.inYearBalance)),
      ("reserve", .pounds(year.reserve)),
      ("reservePercentOfDSG", year.reservePercentOfDSG.map { .number($0, places: 3) } ?? .null),
      ("actual", .bool(year.actual)),
      ("census", .integer(Int64(year.census.year))),
      ("plansSource", .string(year.demand.source.rawValue)),
    ]
    if !year.demand.intervals.isEmpty {
      pairs.append(
        (
          "plansInterval",
          .object(
            year.demand.intervals.flatMap { interval -> [(String, JSONValue)] in
              let level = FixedPoint.format(interval.level, places: 0)
              return [
                ("lo\(level)", .number(interval.lower, places: 1)), ("hi\(level)", .number(interval.upper, places: 1)),
              ]
            })
        ))
    }
    pairs += [
      ("plansByPlacement", byPlacement(year.plansByPlacement) { .number($0, places: 1) }),
      ("overflowPlans", .number(year.overflowed.sumInKeyOrder, places: 1)),
      ("unitCost", byPlacement(year.unitCost) { .pounds($0) }),
      ("spendByPlacement", byPlacement(year.spendByPlacement) { .pounds($0) }),
      ("otherSpend", .pounds(year.otherSpend)),
      ("modelledSpend", .pounds(year.modelledSpend)),
      ("highNeedsBlock", .pounds(year.highNeedsBlock)),
      ("blockTransfer", .pounds(year.blockTransfer)),
      ("otherIncome", .pounds(year.otherIncome)),
      ("leverFunding", .pounds(year.leverFunding)),
      ("oneOffSavings", .pounds(year.oneOffSavings)),
      ("openingReserve", .pounds(year.openingReserve)),
      ("dsgTotal", .pounds(year.dsgTotal)),
      ("recoveryPlanRequired", .bool(year.recoveryPlanRequired)),
    ]
    return .object(pairs)
  }
}
