import Forecasting

/// A validated scenario: everything the ledger needs, with units in the types.
///
/// Built by ``ScenarioLoader`` from a YAML file; every field has been checked (ranges,
/// shares summing to 100%, years inside the ledger, a cost for every placement).
public struct Scenario: Sendable {
  /// The scenario's title (`scenario:` in the file).
  public var name: String
  /// The local authority (`authority:`).
  public var authority: String
  /// The financial years of the ledger, first to last (`years: 2018-19 to 2025-26`).
  public var years: ClosedRange<FinancialYear>
  /// Demand: census counts, the forecasting model, the placement mix.
  public var demand: DemandSpec
  /// Unit costs per plan by placement, inflation and other high needs spend.
  public var costs: CostSpec
  /// High Needs Block allocations, growth, block transfers, other income and total DSG.
  public var funding: FundingSpec
  /// The reserve's opening balance and actual outturns.
  public var reserve: ReserveSpec
  /// The financial year whose outturn spend the unit costs are scaled to match, if any.
  public var calibrate: FinancialYear?
  /// Specialist places by setting and the overflow placement, if the scenario plans places.
  public var places: PlacesSpec?
  /// Recovery-plan levers, in the order they are attributed.
  public var levers: [Lever] = []
  /// Uncertainty beyond demand for the Monte Carlo (`uncertainty:`); none by default.
  public var uncertainty: UncertaintySpec = .none
  /// Where fields were written in the file (dotted path → location), so that problems found
  /// after loading (a forecast that cannot be fitted, a calibration that makes no sense) can
  /// still point at the line to change.
  public var locations: [String: SourceLocation] = [:]

  /// The location of `field`, or of the closest enclosing field that has one, or line 1.
  public func location(of field: String) -> SourceLocation {
    var path = field
    while !path.isEmpty {
      if let found = locations[path] { return found }
      guard let dot = path.lastIndex(of: ".") else { break }
      path = String(path[..<dot])
    }
    return locations[""] ?? SourceLocation(file: "scenario", line: 1, column: 1)
  }

  /// Every financial year of the ledger in order.
  public var financialYears: [FinancialYear] { Array(years.lowerBound...years.upperBound) }

  /// Creates the value from its parts (the loader and tests build them; nothing is checked here).
  public init(name: String, authority: String, years: ClosedRange<FinancialYear>, demand: DemandSpec, costs: CostSpec, funding: FundingSpec, reserve: ReserveSpec, calibrate: FinancialYear? = nil, places: PlacesSpec? = nil, levers: [Lever] = [], locations: [String: SourceLocation] = [:]) {
    self.name = name
    self.authority = authority
    self.years = years
    self.demand = demand
    self.costs = costs
    self.funding = funding
    self.reserve = reserve
    self.calibrate = calibrate
    self.places = places
    self.levers = levers
    self.locations = locations
  }
}

/// Demand for plans: counts at the January census and how to project them.
public struct DemandSpec: Sendable {
  /// Plans (statements before 2014) counted at each January census, as given.
  public var census: [CensusYear: Double]
  /// The forecasting model (`auto`, `linear`, ...).
  public var model: ForecastModel
  /// A constant annual growth rate of plans after the last census, used instead of a fitted
  /// model when given (0.089 is 8.9% a year): for histories too short to fit.
  public var growth: Double?
  /// Share of plans in each placement at the base census (fractions summing to 1).
  public var placements: [Placement: Double]
  /// Change in each placement's share per year after the base census, in fractions (0.01 is one
  /// percentage point). Shares are floored at zero and rescaled to sum to 1 each year.
  public var placementTrend: [Placement: Double]
  /// Share of plans by primary need group (`ASD`, `SEMH`, ...), summing to 1; empty when not
  /// given. Used for place sufficiency by need, assuming the need mix is the same in every setting.
  public var needs: [String: Double] = [:]
  /// Share of plans by phase (`primary`, `secondary`, `post16`, ...), summing to 1; empty when
  /// not given. Used for place sufficiency by phase, assuming the same phase mix in every setting.
  public var phases: [String: Double] = [:]
  /// Each authority's own census counts, in file order, when the scenario covers several
  /// authorities (`demand.authorities`); empty for one authority. Each series is forecast on
  /// its own and the forecasts are added up; `census` then holds the counts summed by year.
  public var authorities: [AuthorityCensus] = []
  /// True when the scenario asks for the cohort-flow model (`demand.model: cohort`); `model`
  /// is then unused, and the fitted model is attached as ``cohort`` before the ledger is built.
  public var usesCohort = false
  /// The authority whose SEN2 flows the cohort model is fitted to (`demand.authority`, else
  /// the scenario's `authority:`); nil without the cohort model.
  public var cohortAuthority: String?
  /// The fitted cohort model, once attached (``Scenario/attachingCohort(_:)``).
  public var cohort: CohortDemand?
  /// The population projection CSV (`demand.population`, resolved against the file that names
  /// it) whose people by age scale the cohort model's new plans; nil without one.
  public var populationFile: String?

  /// The shares for a grouping dimension.
  public func shares(_ dimension: GroupDimension) -> [String: Double] {
    dimension == .need ? needs : phases
  }
  /// The census year the placement mix describes: the latest census given.
  public var mixCensus: CensusYear { census.keys.max() ?? CensusYear(0) }
  /// Placements in a fixed order (by name) for stable reports.
  public var placementOrder: [Placement] { placements.keys.sorted() }

  /// Creates the value from its parts (the loader and tests build them; nothing is checked here).
  public init(census: [CensusYear: Double], model: ForecastModel, growth: Double? = nil, placements: [Placement: Double], placementTrend: [Placement: Double], needs: [String: Double] = [:], phases: [String: Double] = [:], authorities: [AuthorityCensus] = []) {
    self.census = census
    self.model = model
    self.growth = growth
    self.placements = placements
    self.placementTrend = placementTrend
    self.needs = needs
    self.phases = phases
    self.authorities = authorities
  }
}

/// One authority's census counts in a scenario that covers several (`demand.authorities`).
public struct AuthorityCensus: Sendable {
  /// The authority's name as written in the scenario.
  public var name: String
  /// Plans at each January census.
  public var census: [CensusYear: Double]

  /// Creates an authority's series.
  public init(name: String, census: [CensusYear: Double]) {
    self.name = name
    self.census = census
  }
}

/// Unit costs and the spend not tied to a plan.
public struct CostSpec: Sendable {
  /// Average annual cost to the High Needs Block per plan in each placement, at `priceYear` prices.
  public var perPlan: [Placement: Pounds]
  /// The financial year whose prices `perPlan` and `other` are given in.
  public var priceYear: FinancialYear
  /// Annual cost inflation applied from `priceYear` (0.02 is 2% a year).
  public var inflation: Double
  /// High needs spend not tied to a plan (central services, hospital education...), at `priceYear`
  /// prices; inflated like unit costs but not calibrated.
  public var other: Pounds
  /// Cost per plan by phase for some placements (`costs.per_plan_by_phase`), at `priceYear`
  /// prices: a placement's cost in a year is then the average over its phases weighted by its
  /// plans in each phase that year (phases without a cost of their own take `perPlan`). Empty by
  /// default: costs by setting only.
  public var perPlanByPhase: [Placement: [String: Pounds]] = [:]

  /// Creates the value from its parts (the loader and tests build them; nothing is checked here).
  public init(perPlan: [Placement: Pounds], priceYear: FinancialYear, inflation: Double, other: Pounds) {
    self.perPlan = perPlan
    self.priceYear = priceYear
    self.inflation = inflation
    self.other = other
  }
}

/// Money coming into the High Needs Block.
public struct FundingSpec: Sendable {
  /// High Needs Block allocations by financial year, as announced.
  public var highNeedsBlock: [FinancialYear: Pounds]
  /// Annual growth of the allocation after the last one given (0.08 is 8% a year).
  public var growth: Double
  /// Transfers from the Schools Block (or other blocks) into high needs, by year.
  public var blockTransfers: [FinancialYear: Pounds]
  /// Other income counted as high needs funding (grants, contributions), by year.
  public var otherIncome: [FinancialYear: Pounds]
  /// Total DSG by year for the 1% test; a year without a figure uses the latest earlier one.
  public var dsgTotal: [FinancialYear: Pounds]

  /// Creates the value from its parts (the loader and tests build them; nothing is checked here).
  public init(highNeedsBlock: [FinancialYear: Pounds], growth: Double, blockTransfers: [FinancialYear: Pounds], otherIncome: [FinancialYear: Pounds], dsgTotal: [FinancialYear: Pounds]) {
    self.highNeedsBlock = highNeedsBlock
    self.growth = growth
    self.blockTransfers = blockTransfers
    self.otherIncome = otherIncome
    self.dsgTotal = dsgTotal
  }
}

/// The DSG high needs reserve.
public struct ReserveSpec: Sendable {
  /// The reserve at the start of the first ledger year (negative for a deficit brought forward).
  public var opening: Pounds
  /// Actual overspend (positive) or underspend (negative) by year; these years are outturns.
  public var outturn: [FinancialYear: Pounds]

  /// Creates the value from its parts (the loader and tests build them; nothing is checked here).
  public init(opening: Pounds, outturn: [FinancialYear: Pounds]) {
    self.opening = opening
    self.outturn = outturn
  }
}

/// A way of splitting plans and places within a setting: by primary need or by phase.
public enum GroupDimension: String, Sendable, CaseIterable {
  /// Primary need group (ASD, SEMH, ...).
  case need
  /// Phase of education (primary, secondary, post-16, ...).
  case phase

  /// The scenario key for the shares and for capacity within a setting: `needs` or `phases`.
  public var key: String { self == .need ? "needs" : "phases" }
  /// The word used in messages.
  public var noun: String { self == .need ? "need group" : "phase" }
  /// An example share.
  public var example: String { self == .need ? "ASD: 30%" : "primary: 40%" }
}
