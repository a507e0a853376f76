import Forecasting

/// A recovery-plan lever: a change to demand, placements, costs or funding from a start year.
///
/// Every lever has a start year, an optional end year and a ramp: the fraction of its full
/// size in its first, second, ... active year (the last fraction holds after that; default
/// full size at once). Levers act on projected years only: an outturn year is history.
public struct Lever: Sendable {
  /// The lever's name, unique in the scenario (`solve --lever` uses it).
  public var name: String
  /// What the lever does.
  public var kind: LeverKind
  /// The first financial year it acts in.
  public var start: FinancialYear
  /// The last financial year it acts in, if it stops.
  public var end: FinancialYear?
  /// Fractions of full size in successive active years.
  public var ramp: [Double]
  /// Where the lever's single size value is written (for `solve --output`), if it has one.
  public var sizeLocation: SourceLocation?

  /// The fraction of full size in `year` (the ramp): 0 outside start...end, else the ramp's
  /// entry for the year's place in the active years, the last entry after the ramp ends.
  public func rampFraction(in year: FinancialYear) -> Double {
    guard year >= start, end.map({ year <= $0 }) ?? true else { return 0 }
    let index = start.distance(to: year)
    guard let last = ramp.last else { return 1 }
    return index < ramp.count ? ramp[index] : last
  }

  /// The lever's size (for goal seeking): plans a year, a change in growth or cost, a transfer.
  /// Nil for levers given as amounts by year.
  public var size: Double? {
    switch kind {
    case .movePlacements(_, _, let plans, _): return plans
    case .demandGrowth(let change): return change
    case .unitCost(_, let change, _): return change
    case .blockTransfer(let transfer): return transfer.size
    case .newPlans(let change): return change
    case .newPlacementShare(_, let change): return change
    case .ceasingRate(_, let change): return change
    case .extraFunding, .oneOffSaving: return nil
    }
  }

  /// This lever with its size replaced (for goal seeking); levers without a size are unchanged.
  public func withSize(_ value: Double) -> Lever {
    var copy = self
    switch kind {
    case .movePlacements(let from, let to, _, let capped):
      copy.kind = .movePlacements(from: from, to: to, plansPerYear: value, cappedByPlaces: capped)
    case .demandGrowth: copy.kind = .demandGrowth(change: value)
    case .unitCost(let placement, _, let isPercent):
      copy.kind = .unitCost(placement: placement, change: value, isPercent: isPercent)
    case .blockTransfer(var transfer):
      transfer.size = value
      copy.kind = .blockTransfer(transfer)
    case .newPlans: copy.kind = .newPlans(change: value)
    case .newPlacementShare(let placement, _): copy.kind = .newPlacementShare(placement: placement, change: value)
    case .ceasingRate(let band, _): copy.kind = .ceasingRate(band: band, change: value)
    case .extraFunding, .oneOffSaving: break
    }
    return copy
  }

  /// Creates the value from its parts (the loader and tests build them; nothing is checked here).
  public init(name: String, kind: LeverKind, start: FinancialYear, end: FinancialYear? = nil, ramp: [Double], sizeLocation: SourceLocation? = nil) {
    self.name = name
    self.kind = kind
    self.start = start
    self.end = end
    self.ramp = ramp
    self.sizeLocation = sizeLocation
  }
}

/// What a lever does.
public enum LeverKind: Sendable {
  /// Move `plansPerYear` plans a year (cumulatively) from one placement to another, never more
  /// than `from` holds and, when `cappedByPlaces`, never more than the spare places in `to`.
  case movePlacements(from: Placement, to: Placement, plansPerYear: Double, cappedByPlaces: Bool)
  /// Change the growth of plans by `change` a year (−0.02 is two points slower): projected plans
  /// are multiplied by Π(1 + change × ramp fraction) over the lever's active years so far.
  case demandGrowth(change: Double)
  /// Change the cost per plan of a placement by a fraction (`isPercent`) or by pounds at
  /// price-year prices (inflated and calibrated like the cost itself).
  case unitCost(placement: Placement, change: Double, isPercent: Bool)
  /// Move money from the Schools Block into high needs.
  case blockTransfer(BlockTransfer)
  /// Extra high needs funding by year.
  case extraFunding([FinancialYear: Pounds])
  /// One-off savings on spend by year.
  case oneOffSaving([FinancialYear: Pounds])
  /// Cohort model only: new plans in every band × (1 + change × ramp) in the flows of the
  /// lever's years (−0.5 halves them: the Delivering Better Value "fewer new EHCPs").
  case newPlans(change: Double)
  /// Cohort model only: the share of new plans going to `placement` × (1 + change × ramp) in
  /// every band, the other placements' shares scaled to keep 100% (−0.2 is "20% fewer new
  /// placements into independent special schools").
  case newPlacementShare(placement: Placement, change: Double)
  /// Cohort model only: the band's ceasing rate × (1 + change × ramp) (the 16-19 band holds
  /// plans ending at 16 and at 19).
  case ceasingRate(band: CohortBand, change: Double)

  /// True for the levers that change the cohort model's flows.
  public var isFlowLever: Bool {
    switch self {
    case .newPlans, .newPlacementShare, .ceasingRate: return true
    default: return false
    }
  }

  /// The lever's type.
  public var type: LeverType {
    switch self {
    case .movePlacements: return .movePlacements
    case .demandGrowth: return .demandGrowth
    case .unitCost: return .unitCost
    case .blockTransfer: return .blockTransfer
    case .extraFunding: return .extraFunding
    case .oneOffSaving: return .oneOffSaving
    case .newPlans: return .newPlans
    case .newPlacementShare: return .newPlacementShare
    case .ceasingRate: return .ceasingRate
    }
  }
}

/// The kinds of lever, by the name a scenario writes in `type:` (the one place those names live).
public enum LeverType: String, CaseIterable, Sendable {
  /// Move plans between placements.
  case movePlacements = "move_placements"
  /// Change the growth of plans.
  case demandGrowth = "demand_growth"
  /// Change a placement's cost per plan.
  case unitCost = "unit_cost"
  /// Transfer from the Schools Block.
  case blockTransfer = "block_transfer"
  /// Extra funding by year.
  case extraFunding = "extra_funding"
  /// One-off savings by year.
  case oneOffSaving = "one_off_saving"
  /// Change new plans (cohort model).
  case newPlans = "new_plans"
  /// Change a placement's share of new plans (cohort model).
  case newPlacementShare = "new_placement_share"
  /// Change a band's ceasing rate (cohort model).
  case ceasingRate = "ceasing_rate"

  /// Every type's name, for messages.
  public static var names: [String] { allCases.map(\.rawValue) }
}

/// A transfer from the Schools Block: a fixed amount, or a fraction of the block.
public struct BlockTransfer: Sendable {
  /// The amount a year in pounds, or the fraction of the Schools Block (0.005 is 0.5%).
  public var size: Double
  /// True when `size` is a fraction of `schoolsBlock`.
  public var isPercent: Bool
  /// The Schools Block a percentage applies to.
  public var schoolsBlock: Pounds?

  /// The transfer at full size.
  public var amount: Pounds { isPercent ? (schoolsBlock ?? .zero) * size : Pounds(size) }

  /// Creates the value from its parts (the loader and tests build them; nothing is checked here).
  public init(size: Double, isPercent: Bool, schoolsBlock: Pounds? = nil) {
    self.size = size
    self.isPercent = isPercent
    self.schoolsBlock = schoolsBlock
  }
}
