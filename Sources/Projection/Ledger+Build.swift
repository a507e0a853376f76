import Forecasting
import HighNeeds
import Foundation

extension Ledger {
  /// Builds the ledger for `scenario`.
  ///
  /// Steps, for each financial year F with census C (January inside F):
  /// 1. plans(F) = count at C, interpolated between counts, or forecast after the last count,
  ///    × any `demand_growth` levers;
  /// 2. shares(F) = base share + trend × (C − latest census), floored at 0 and rescaled to 1;
  ///    plans by placement = plans × share, then `move_placements` levers, then plans beyond a
  ///    setting's capacity go to the overflow placement (projected years only);
  /// 3. unitCost(F, p) = cost[p] (after `unit_cost` levers) × (1 + inflation)^(F − priceYear)
  ///    × calibration factor;
  /// 4. spend(F) = Σ plans(F, p) × unitCost(F, p) + other × (1 + inflation)^(F − priceYear)
  ///    − one-off savings;
  /// 5. funding(F) = allocation (as given, else the latest earlier one × (1 + growth)^(years
  ///    since)) + block transfers + other income + lever funding;
  /// 6. outturn years take the given overspend and no lever; reserve(F) = reserve(F − 1) +
  ///    funding − spend. Lever savings are attributed in list order (``LeverSaving``).
  ///
  /// - Parameter forecaster: extends the census history; the Forecasting module by default.
  /// - Throws: ``ScenarioError`` pointing at `demand.model` when the forecast cannot be made, or
  ///   at `calibrate` when calibration is impossible (nothing to scale, or other spend alone
  ///   exceeds the actual spend).
  public init(scenario: Scenario, forecaster: any TrendForecaster = ForecastingTrend()) throws {
    try self.init(scenario: scenario, forecaster: forecaster, projection: nil, attribute: true)
  }

  /// Builds the ledger, reusing `projection` when given (levers do not change the census or
  /// the forecast), and attributing lever savings when `attribute` is true.
  init(scenario: Scenario, forecaster: any TrendForecaster, projection: DemandProjection?, attribute: Bool) throws {
    let firstCensus = scenario.years.lowerBound.census
    let lastCensus = scenario.years.upperBound.census
    let demand: DemandProjection
    // A cohort projection depends on the flow levers, so each lever set projects its own.
    // Rebuilt for attribution or a goal seek (only balances are read), it needs no intervals.
    if let projection, !scenario.demand.usesCohort {
      demand = projection
    } else {
      demand = try Self.project(
        scenario, forecaster: forecaster, needed: firstCensus...lastCensus, intervals: projection == nil)
    }
    try self.init(scenario: scenario, demand: demand)
    if attribute, !scenario.levers.isEmpty {
      leverSavings = try Self.attribute(scenario, forecaster: forecaster, projection: demand, final: self)
    }
  }

  /// Plans for the census years `needed`, reporting a forecast failure against `demand.model`.
  ///
  /// With the cohort model, `intervals` false skips the simulated paths (no intervals and no
  /// predictive quantile: the central path only).
  static func project(
    _ scenario: Scenario, forecaster: any TrendForecaster, needed: ClosedRange<CensusYear>, intervals: Bool = true
  ) throws -> DemandProjection {
    if scenario.demand.usesCohort {
      guard let cohort = scenario.demand.cohort else {
        throw ScenarioError(issues: [
          ScenarioIssue(
            location: scenario.location(of: "demand.model"), field: "demand.model",
            problem: "model cohort is fitted from the official-data store, and no cohort model was attached",
            expected: "the store holding SEN2 flows for \(scenario.demand.cohortAuthority ?? scenario.authority) (highneeds data import), or another model")
        ])
      }
      return try DemandProjection(cohort: cohort, scenario: scenario, needed: needed, intervals: intervals)
    }
    let trend = scenario.demand.growth.map { ConstantGrowthTrend(rate: $0) } ?? forecaster
    do {
      if !scenario.demand.authorities.isEmpty {
        return try DemandProjection(
          authorities: scenario.demand.authorities, model: scenario.demand.model, needed: needed, forecaster: trend)
      }
      return try DemandProjection(
        census: scenario.demand.census, model: scenario.demand.model, needed: needed, forecaster: trend)
    } catch let failed as AuthorityForecastFailure {
      throw ScenarioError(
        issues: failed.failures.map { failure in
          let field = "demand.authorities.\(failure.authority)"
          return ScenarioIssue(
            location: scenario.location(of: field), field: field,
            problem: "the demand forecast for \(failure.authority) could not be made: \(failure.underlying)",
            expected: "enough census counts for model '\(scenario.demand.model)', or another model")
        })
    } catch {
      throw ScenarioError(issues: [
        ScenarioIssue(
          location: scenario.location(of: scenario.locations["demand.model"] == nil ? "demand.census" : "demand.model"),
          field: "demand.model", problem: "the demand forecast could not be made: \(error)",
          expected: "enough census counts for model '\(scenario.demand.model)', or another model")
      ])
    }
  }

  /// The ledger for `scenario` on a given demand projection.
  init(scenario: Scenario, demand: DemandProjection) throws {
    let costing = Costing(scenario: scenario, demand: demand)
    var calibration: Calibration?
    var factor = 1.0
    if let year = scenario.calibrate {
      let made = try costing.calibration(for: year)
      calibration = made
      factor = made.factor
    }

    var reserve = scenario.reserve.opening
    var years: [LedgerYear] = []
    for year in scenario.financialYears {
      let overspend = scenario.reserve.outturn[year]
      // Capacity limits move excess plans to the overflow placement in projected years only:
      // an outturn year's spend is given, and its mix is the observed one.
      let base = try costing.modelled(year, factor: factor, projected: overspend == nil)
      let allocation = costing.allocation(year)
      let transfer = scenario.funding.blockTransfers[year] ?? .zero
      let income = scenario.funding.otherIncome[year] ?? .zero
      let leverFunding = overspend == nil ? costing.leverFunding(year) : .zero
      let funding = allocation.map { $0 + transfer + income + leverFunding }
      let spend: Pounds?
      let balance: Pounds
      if let overspend {
        spend = funding.map { $0 + overspend }
        balance = -overspend
      } else {
        // Checked at load: a year without an allocation has an outturn.
        spend = base.total
        balance = (funding ?? .zero) - base.total
      }
      let opening = reserve
      reserve += balance
      let dsg = scenario.funding.dsgTotal.filter { $0.key <= year }.max { $0.key < $1.key }?.value
      let percent = dsg.map { reserve / $0 * 100 }
      let trigger = dsg.map { reserve.value < 0 && -reserve.value >= 0.01 * $0.value } ?? false
      years.append(
        LedgerYear(
          year: year, census: year.census, demand: base.demand, plansByPlacement: base.plans,
          demandByPlacement: base.demandByPlacement, overflowed: base.overflowed, shares: base.shares,
          unitCost: base.unitCost, spendByPlacement: base.spend, otherSpend: base.other, oneOffSavings: base.oneOff,
          modelledSpend: base.total, spend: spend, highNeedsBlock: allocation, blockTransfer: transfer,
          otherIncome: income, leverFunding: leverFunding, funding: funding,
          inYearBalance: balance, openingReserve: opening, reserve: reserve, dsgTotal: dsg,
          reservePercentOfDSG: percent, actual: overspend != nil, recoveryPlanRequired: trigger))
    }
    self.init(
      scenario: scenario, years: years, placements: scenario.demand.placementOrder, calibration: calibration,
      demand: demand, places: Self.placeRows(scenario: scenario, years: years, demand: demand))
  }
}

/// The cost model for one scenario: shares, unit costs and allocations by year.
struct Costing {
  let scenario: Scenario
  let demand: DemandProjection
  var levers: LeverEffects { LeverEffects(scenario: scenario) }

  /// Funding levers (block transfers, extra funding) in `year`.
  func leverFunding(_ year: FinancialYear) -> Pounds { levers.funding(year) }

  /// One year's modelled plans and spend by placement.
  struct Modelled {
    let demand: DemandPoint
    let shares: [Placement: Double]
    /// Plans by placement as the mix puts them, before capacity limits.
    let demandByPlacement: [Placement: Double]
    /// Plans moved out of each full setting (the overflow placement gains their sum).
    let overflowed: [Placement: Double]
    /// Plans by placement after capacity limits: what is costed.
    let plans: [Placement: Double]
    let unitCost: [Placement: Pounds]
    let spend: [Placement: Pounds]
    let other: Pounds
    /// One-off savings from levers this year (reduce spend).
    let oneOff: Pounds
    /// Σ spend by placement in key order, as ``YearCostModel/placementSpend(_:scale:)`` adds it.
    let placementTotal: Pounds
    var total: Pounds { placementTotal + other - oneOff }
  }

  /// The inflation index for `year` relative to the price year: (1 + inflation)^(years between).
  func inflationIndex(_ year: FinancialYear) -> Double {
    pow(1 + scenario.costs.inflation, Double(scenario.costs.priceYear.distance(to: year)))
  }

  /// Shares in `year`: base + trend × years since the latest census, floored at 0, rescaled to sum to 1.
  func shares(_ year: FinancialYear) -> [Placement: Double] {
    if let mix = demand.cohort?.mix(at: year.census, over: scenario.demand.placements) { return mix }
    let elapsed = Double(scenario.demand.mixCensus.distance(to: year.census))
    var shares: [Placement: Double] = [:]
    for (placement, share) in scenario.demand.placements {
      shares[placement] = max(0, share + (scenario.demand.placementTrend[placement] ?? 0) * elapsed)
    }
    let total = shares.sumInKeyOrder
    guard total > 0 else { return scenario.demand.placements }
    return shares.mapValues { $0 / total }
  }

  /// Share of `placement`'s plans in each phase in `year`: the cohort model's for that
  /// placement and census, else the scenario's `demand.phases` (the same in every setting),
  /// else nil.
  func phaseShares(of placement: Placement, in year: FinancialYear) -> [String: Double]? {
    if let cohort = demand.cohort { return cohort.phaseShares(of: placement, at: year.census) }
    return scenario.demand.phases.isEmpty ? nil : scenario.demand.phases
  }

  /// The cost per plan of `placement` in `year` at price-year prices, before levers: its
  /// `costs.per_plan`, or with `costs.per_plan_by_phase` the average of its phases' costs
  /// weighted by its plans in each phase (a phase without a cost of its own takes per_plan's).
  func costPerPlan(_ placement: Placement, in year: FinancialYear) -> Pounds {
    let given = scenario.costs.perPlan[placement] ?? .zero
    guard let byPhase = scenario.costs.perPlanByPhase[placement], !byPhase.isEmpty,
      let shares = phaseShares(of: placement, in: year)
    else { return given }
    var cost = 0.0
    for (phase, share) in shares.sorted(by: { $0.key < $1.key }) { cost += share * (byPhase[phase] ?? given).value }
    return Pounds(cost)
  }

  /// The compiled cost model of `year` (see ``YearCostModel``).
  func compile(_ year: FinancialYear, projected: Bool) -> YearCostModel {
    YearCostModel(scenario: scenario, costing: self, year: year, projected: projected)
  }

  /// Modelled plans and spend for `year` with unit costs scaled by `factor`: the compiled
  /// ``YearCostModel`` evaluated once, its arrays turned into the report's dictionaries.
  func modelled(_ year: FinancialYear, factor: Double, projected: Bool = false) throws -> Modelled {
    guard let counted = demand.points[year.census] else {
      throw ScenarioError(issues: [
        ScenarioIssue(
          location: scenario.location(of: "demand.census"), field: "demand.census",
          problem: "no plan count or forecast for the January \(year.census) census that \(year) needs",
          expected: "a census count for \(year.census) or a model that forecasts it")
      ])
    }
    let model = compile(year, projected: projected)
    let point = projected ? levers.adjustedDemand(counted, in: year) : counted
    let count = model.count
    var demand = [Double](repeating: 0, count: count)
    var costed = [Double](repeating: 0, count: count)
    var overflowedPlans = [Double](repeating: 0, count: count)
    var received = [UInt8](repeating: 0, count: count)
    demand.withUnsafeMutableBufferPointer { demand in
      costed.withUnsafeMutableBufferPointer { costed in
        overflowedPlans.withUnsafeMutableBufferPointer { overflowed in
          received.withUnsafeMutableBufferPointer { received in
            model.place(
              point.plans, demand: demand.baseAddress!, costed: costed.baseAddress!,
              overflowed: overflowed.baseAddress!, received: received.baseAddress!)
          }
        }
      }
    }
    let scale = model.inflationIndex * factor
    let placementTotal = costed.withUnsafeBufferPointer { model.placementSpend($0.baseAddress!, scale: scale) }
    var demandByPlacement: [Placement: Double] = [:]
    var plans: [Placement: Double] = [:]
    var overflowed: [Placement: Double] = [:]
    var unitCost: [Placement: Pounds] = [:]
    var spend: [Placement: Pounds] = [:]
    for (index, placement) in model.placements.enumerated() {
      if overflowedPlans[index] > 0 { overflowed[placement] = overflowedPlans[index] }
      // The placements the dictionary held: those with a share, and those that gained plans.
      guard model.hasShare[index] || received[index] != 0 else { continue }
      let cost = model.baseCost[index] * scale
      plans[placement] = costed[index]
      unitCost[placement] = Pounds(cost)
      spend[placement] = Pounds(cost * costed[index])
      // Demand before capacity: the mix and the placements moves reached (not the overflow's).
      if model.hasShare[index] || received[index] & YearCostModel.receivedByMove != 0 {
        demandByPlacement[placement] = demand[index]
      }
    }
    return Modelled(
      demand: point, shares: model.shareTable, demandByPlacement: demandByPlacement, overflowed: overflowed,
      plans: plans, unitCost: unitCost, spend: spend, other: Pounds(model.other * model.inflationIndex),
      oneOff: Pounds(model.oneOff), placementTotal: Pounds(placementTotal))
  }

  /// The allocation for `year`: as given, or the latest earlier one grown at `funding.growth`.
  func allocation(_ year: FinancialYear) -> Pounds? {
    if let given = scenario.funding.highNeedsBlock[year] { return given }
    guard let (from, amount) = scenario.funding.highNeedsBlock.filter({ $0.key < year }).max(by: { $0.key < $1.key })
    else { return nil }
    return amount * pow(1 + scenario.funding.growth, Double(from.distance(to: year)))
  }

  /// The calibration factor for `year` (see ``Calibration``).
  func calibration(for year: FinancialYear) throws -> Calibration {
    func failure(_ problem: String) -> ScenarioError {
      ScenarioError(issues: [
        ScenarioIssue(
          location: scenario.location(of: "calibrate"), field: "calibrate", problem: problem,
          expected: "a year whose actual spend exceeds other spend and whose placements have costs")
      ])
    }
    guard let overspend = scenario.reserve.outturn[year], let allocation = allocation(year) else {
      throw failure("\(year) has no outturn or no allocation, so its actual spend is unknown")
    }
    let target =
      allocation + (scenario.funding.blockTransfers[year] ?? .zero) + (scenario.funding.otherIncome[year] ?? .zero)
      + overspend
    let base = try modelled(year, factor: 1)
    guard base.placementTotal.value > 0 else {
      throw failure("modelled placement spend in \(year) is zero, so there is nothing to scale")
    }
    let factor = (target - base.other) / base.placementTotal
    guard factor > 0, factor.isFinite else {
      throw failure("actual spend in \(year) (\(target)) is less than other spend (\(base.other))")
    }
    return Calibration(year: year, factor: factor, targetSpend: target, modelledSpendBefore: base.total)
  }
}
