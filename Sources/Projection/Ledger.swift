import Forecasting
import HighNeeds
/// One financial year of the DSG high needs ledger.
///
/// For a projected year: `spend = Σ plans[p] × unitCost[p] + otherSpend`, `funding =
/// highNeedsBlock + blockTransfer + otherIncome`, `inYearBalance = funding − spend`,
/// `reserve = previous reserve + inYearBalance`. For an outturn year (`actual`), the in-year
/// balance is minus the given overspend and `spend = funding + overspend`.
public struct LedgerYear: Sendable {
  /// The financial year.
  public let year: FinancialYear
  /// The January census whose count the year uses (January inside the financial year).
  public let census: CensusYear
  /// Plans at that census, with their source and forecast intervals.
  public let demand: DemandPoint
  /// Plans by placement as costed: `plans × share`, less any excess over a setting's capacity,
  /// which the overflow placement takes (projected years only).
  public let plansByPlacement: [Placement: Double]
  /// Plans by placement as the mix puts them (`plans × share`), before capacity limits.
  public let demandByPlacement: [Placement: Double]
  /// Plans moved from each full setting to the overflow placement this year.
  public let overflowed: [Placement: Double]
  /// Share of plans by placement this year (after any trend).
  public let shares: [Placement: Double]
  /// Cost per plan by placement this year: base cost × inflation index × calibration factor.
  public let unitCost: [Placement: Pounds]
  /// Modelled spend by placement: plans × unit cost.
  public let spendByPlacement: [Placement: Pounds]
  /// Spend not tied to a plan: `costs.other` × inflation index (not calibrated).
  public let otherSpend: Pounds
  /// One-off savings from levers this year (taken off modelled spend).
  public let oneOffSavings: Pounds
  /// What the model says was spent: placements plus other, less one-off savings. Equal to
  /// `spend` in projected years.
  public let modelledSpend: Pounds
  /// Spend counted in the ledger: the outturn (funding + overspend) in actual years, else modelled.
  /// Nil only in an outturn year whose allocation the scenario does not give.
  public let spend: Pounds?
  /// The High Needs Block allocation: as given, or grown from the last one given; nil before the first.
  public let highNeedsBlock: Pounds?
  /// Transfers into high needs from other blocks this year.
  public let blockTransfer: Pounds
  /// Other high needs income this year.
  public let otherIncome: Pounds
  /// Funding added by levers this year (block transfers, extra funding).
  public let leverFunding: Pounds
  /// Total high needs funding: allocation + transfers + other income (nil when the allocation is).
  public let funding: Pounds?
  /// Funding minus spend: negative is an overspend.
  public let inYearBalance: Pounds
  /// The reserve at the start of the year.
  public let openingReserve: Pounds
  /// The reserve at the end of the year; negative is a deficit.
  public let reserve: Pounds
  /// The total DSG used for the 1% test this year, if the scenario gives one.
  public let dsgTotal: Pounds?
  /// `reserve / dsgTotal × 100`, signed like the reserve; nil without a total DSG.
  public let reservePercentOfDSG: Double?
  /// True when the year's balance is an outturn from the scenario, not a projection.
  public let actual: Bool
  /// True when the cumulative deficit is 1% or more of total DSG at year end (recovery plan needed).
  public let recoveryPlanRequired: Bool
}

/// The factor that makes modelled spend equal actual spend in the calibration year.
///
/// `factor = (actualSpend − otherSpend) / uncalibratedPlacementSpend`, all in that year: it
/// scales every unit cost (not `costs.other`) in every year.
public struct Calibration: Sendable {
  /// The calibration year.
  public let year: FinancialYear
  /// The multiplier applied to every per-plan cost.
  public let factor: Double
  /// Actual spend that year: funding + outturn.
  public let targetSpend: Pounds
  /// Modelled spend that year before calibration (placements at given costs, plus other).
  public let modelledSpendBefore: Pounds
}

/// The DSG high needs ledger for every year of a scenario.
public struct Ledger: Sendable {
  /// The scenario the ledger was built from.
  public let scenario: Scenario
  /// One entry per financial year, in order.
  public let years: [LedgerYear]
  /// Placements in report order.
  public let placements: [Placement]
  /// The calibration applied, if the scenario asks for one.
  public let calibration: Calibration?
  /// Plans by census year and the forecast behind them.
  public let demand: DemandProjection
  /// Demand against capacity by year and setting (empty when the scenario has no places).
  public let places: [PlaceRow]
  /// Each lever's saving by year, attributed in the order the levers are listed (see
  /// ``LeverSaving``); empty when the scenario has no levers.
  public internal(set) var leverSavings: [LeverSaving] = []
  /// One summary per setting: first shortfall, peak shortfall, an explanation.
  public var placeSummaries: [PlaceSummary] {
    guard let spec = scenario.places else { return [] }
    return spec.settingOrder.flatMap { setting -> [PlaceSummary] in
      let whole = PlaceSummary(
        setting: setting, rows: places.filter { $0.setting == setting && $0.need == nil && $0.phase == nil })
      let needs = (spec.settings[setting]?.byNeed.keys.sorted() ?? []).map { need in
        PlaceSummary(setting: setting, need: need, rows: places.filter { $0.setting == setting && $0.need == need })
      }
      let phases = (spec.settings[setting]?.byPhase.keys.sorted() ?? []).map { phase in
        PlaceSummary(setting: setting, phase: phase, rows: places.filter { $0.setting == setting && $0.phase == phase })
      }
      return [whole] + needs + phases
    }
  }
  /// The first year whose closing reserve is negative.
  public var firstDeficitYear: FinancialYear? { years.first { $0.reserve.value < 0 }?.year }
  /// The first year in which the 1% recovery-plan trigger is met.
  public var firstRecoveryPlanYear: FinancialYear? { years.first { $0.recoveryPlanRequired }?.year }
  /// The first projected (not actual) year with an in-year balance of zero or more.
  public var firstInYearBalanceYear: FinancialYear? {
    years.first { !$0.actual && $0.inYearBalance.value >= 0 }?.year
  }
}
