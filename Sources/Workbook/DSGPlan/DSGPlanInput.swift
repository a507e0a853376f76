/// Everything the DSG management plan workbook shows, as plain values (no ledger types), so
/// the workbook can be built and tested apart from the projection.
///
/// Money is in pounds (signed: a negative balance or reserve is a deficit), years are the
/// labels reports print (`2024-25`), placements and settings are the scenario's keys
/// (`independent_special`), shown through ``DisplayName``. The workbook rounds money to whole
/// pounds, half away from zero, as the JSON report does.
public struct DSGPlanInput: Sendable {
  /// The authority's name, as in the scenario.
  public var authority: String
  /// The scenario's title.
  public var scenario: String
  /// Placement keys in report order: the columns of the plans table and the spend lines.
  public var placements: [String]
  /// One entry per financial year, in order.
  public var years: [DSGPlanYear]
  /// Plans by another grouping (age band, when the cohort model runs), or nil.
  public var plansByGroup: GroupedPlans?
  /// The recovery-plan levers, one row each.
  public var mitigations: [Mitigation]
  /// How the mitigations' savings were attributed, shown under their table (nil for none).
  public var mitigationNote: String?
  /// Places available against demand, by setting and year (empty when the scenario has none).
  public var places: [PlacesLine]
  /// Every input with its value and where it came from.
  public var assumptions: [Assumption]

  /// An input; mitigations, places, assumptions and groups empty unless given.
  public init(
    authority: String, scenario: String, placements: [String], years: [DSGPlanYear],
    plansByGroup: GroupedPlans? = nil, mitigations: [Mitigation] = [], mitigationNote: String? = nil,
    places: [PlacesLine] = [], assumptions: [Assumption] = []
  ) {
    self.authority = authority
    self.scenario = scenario
    self.placements = placements
    self.years = years
    self.plansByGroup = plansByGroup
    self.mitigations = mitigations
    self.mitigationNote = mitigationNote
    self.places = places
    self.assumptions = assumptions
  }

  /// True when there are levers, so the workbook shows unmitigated and mitigated side by side.
  public var hasMitigations: Bool { !mitigations.isEmpty }
}

/// One financial year of the high needs plan.
///
/// The lines add up as the DSG management plan's do: `totalSpend = Σ placementSpend +
/// otherSpend − oneOffSavings` in projected years (in outturn years the workbook shows the
/// difference from the outturn on its own line), `totalFunding = highNeedsBlock +
/// blockTransfers + otherIncome + mitigationFunding`, `inYearBalance = totalFunding −
/// totalSpend`, `reserve = openingReserve + inYearBalance`.
public struct DSGPlanYear: Sendable {
  /// The year's label, `2024-25`.
  public var year: String
  /// True when the year's figures are an outturn, not a projection.
  public var actual: Bool
  /// The January census label inside the year (`January 2025`), or nil.
  public var census: String?
  /// Plans by placement key.
  public var plans: [String: Double]
  /// Spend by placement key, in pounds.
  public var placementSpend: [String: Double]
  /// High needs spend not tied to a plan.
  public var otherSpend: Double
  /// One-off savings taken off spend (positive is a saving).
  public var oneOffSavings: Double
  /// Spend counted in the ledger (the outturn in actual years); nil when unknown.
  public var totalSpend: Double?
  /// The High Needs Block allocation; nil before the first one the scenario gives.
  public var highNeedsBlock: Double?
  /// Transfers in from other DSG blocks.
  public var blockTransfers: Double
  /// Other high needs income.
  public var otherIncome: Double
  /// Funding added by mitigations (a block transfer lever, extra grant).
  public var mitigationFunding: Double
  /// Total high needs funding; nil when the allocation is.
  public var totalFunding: Double?
  /// Funding minus spend: negative is an overspend.
  public var inYearBalance: Double
  /// The reserve at the start of the year.
  public var openingReserve: Double
  /// The reserve at the end of the year: negative is a deficit.
  public var reserve: Double
  /// The total DSG the 1% rule is measured against, or nil.
  public var dsgTotal: Double?
  /// `reserve / dsgTotal × 100`, in percent (−3.7 is a deficit of 3.7% of DSG), or nil.
  public var reservePercentOfDSG: Double?
  /// True when the deficit is 1% or more of total DSG at year end.
  public var recoveryPlanRequired: Bool
  /// The position before mitigations, when there are levers.
  public var unmitigated: UnmitigatedPosition?

  /// A year; every optional line nil and every other line zero unless given.
  public init(
    year: String, actual: Bool = false, census: String? = nil, plans: [String: Double] = [:],
    placementSpend: [String: Double] = [:], otherSpend: Double = 0, oneOffSavings: Double = 0,
    totalSpend: Double?, highNeedsBlock: Double?, blockTransfers: Double = 0, otherIncome: Double = 0,
    mitigationFunding: Double = 0, totalFunding: Double?, inYearBalance: Double, openingReserve: Double,
    reserve: Double, dsgTotal: Double? = nil, reservePercentOfDSG: Double? = nil,
    recoveryPlanRequired: Bool = false, unmitigated: UnmitigatedPosition? = nil
  ) {
    self.year = year
    self.actual = actual
    self.census = census
    self.plans = plans
    self.placementSpend = placementSpend
    self.otherSpend = otherSpend
    self.oneOffSavings = oneOffSavings
    self.totalSpend = totalSpend
    self.highNeedsBlock = highNeedsBlock
    self.blockTransfers = blockTransfers
    self.otherIncome = otherIncome
    self.mitigationFunding = mitigationFunding
    self.totalFunding = totalFunding
    self.inYearBalance = inYearBalance
    self.openingReserve = openingReserve
    self.reserve = reserve
    self.dsgTotal = dsgTotal
    self.reservePercentOfDSG = reservePercentOfDSG
    self.recoveryPlanRequired = recoveryPlanRequired
    self.unmitigated = unmitigated
  }

  /// Total plans: the sum over placements.
  public var totalPlans: Double { plans.values.reduce(0, +) }
}

/// The in-year balance and reserve a year would have with no levers.
public struct UnmitigatedPosition: Sendable {
  /// In-year balance without levers.
  public var inYearBalance: Double
  /// Reserve at year end without levers.
  public var reserve: Double

  /// A position of `inYearBalance` and `reserve`.
  public init(inYearBalance: Double, reserve: Double) {
    self.inYearBalance = inYearBalance
    self.reserve = reserve
  }
}

/// Plans by a second grouping (age band, need), year by year.
public struct GroupedPlans: Sendable {
  /// What the groups are ("Age band").
  public var dimension: String
  /// Group keys in column order.
  public var groups: [String]
  /// Plans by year label, then group key.
  public var byYear: [String: [String: Double]]

  /// Plans grouped by `dimension`.
  public init(dimension: String, groups: [String], byYear: [String: [String: Double]]) {
    self.dimension = dimension
    self.groups = groups
    self.byYear = byYear
  }
}

/// One recovery-plan lever: a row of the mitigations (workstream) log.
public struct Mitigation: Sendable {
  /// The lever's name, as the scenario gives it.
  public var name: String
  /// Its type key (`move_placements`, `block_transfer`, ...).
  public var type: String
  /// The first year it acts.
  public var start: String
  /// The last year it acts, or nil for open-ended.
  public var end: String?
  /// Improvement in the in-year balance by year label (positive is a saving).
  public var savings: [String: Double]

  /// A lever row.
  public init(name: String, type: String, start: String, end: String? = nil, savings: [String: Double]) {
    self.name = name
    self.type = type
    self.start = start
    self.end = end
    self.savings = savings
  }
}

/// Places available against demand for one setting in one year.
public struct PlacesLine: Sendable {
  /// The setting's key (`maintained_special`).
  public var setting: String
  /// A need or phase within the setting, or nil for the whole setting.
  public var group: String?
  /// The year label.
  public var year: String
  /// Places available.
  public var capacity: Double
  /// Plans that want a place there.
  public var demand: Double

  /// A places line.
  public init(setting: String, group: String? = nil, year: String, capacity: Double, demand: Double) {
    self.setting = setting
    self.group = group
    self.year = year
    self.capacity = capacity
    self.demand = demand
  }
}

/// One input of the scenario, its value, and where it came from.
public struct Assumption: Sendable {
  /// What the input is ("Cost per plan: independent special").
  public var input: String
  /// Its value.
  public var value: AssumptionValue
  /// Its source: the scenario's comment, a document, or "assumption".
  public var source: String

  /// An assumption row.
  public init(input: String, value: AssumptionValue, source: String) {
    self.input = input
    self.value = value
    self.source = source
  }
}

/// The value of an assumption, typed so the cell gets the right format.
public enum AssumptionValue: Sendable {
  /// Money, in pounds.
  case pounds(Double)
  /// A fraction shown as a percentage (0.08 is 8%).
  case percent(Double)
  /// A count (plans, places).
  case count(Double)
  /// Anything else, as text.
  case text(String)
}
