import Forecasting
import OfficialData

/// What the cohort model is fitted to for one authority, read from the official-data store:
/// stocks and flows by age band, the start census by band and placement group, and the
/// placement mix of new plans by band.
///
/// Plans whose age is "unknown" in a release are left out of the bands (they fall into the
/// identity's residual); the age-by-placement table exists only where the release is
/// person-level (2024 and 2025 for most authorities).
public struct CohortInputs: Sendable {
  /// The authority.
  public let authority: Authority
  /// Stocks, new plans and ceased plans by band.
  public let history: CohortHistory
  /// The placement groups, in the order of the arrays (`PlacementGroup.allCases`).
  public let placements: [PlacementGroup]
  /// The last census with plans by age and placement together: where a projection starts.
  public let startYear: Int
  /// Plans by band and placement at `startYear`.
  public let start: [[Double]]
  /// New plans by band and placement, added up over the calendar years from `fitFrom` on.
  public let newPlanMix: [[Double]]

  /// Reads `authority`'s cohort inputs from `store`, the new-plan mix from `fitFrom` on.
  ///
  /// - Throws: the store's errors, or `CohortError.noHistory` when no census has plans by age
  ///   and placement together.
  public init(store: OfficialStore, authority: Authority, fitFrom: Int) throws {
    self.authority = authority
    let bands = CohortBand.allCases
    let row = Self.bandRow
    let stock = try store.caseloadByAgeBand(of: authority).compactMapValues(row)
    let made = try store.newPlansByAgeBand(of: authority).compactMapValues(row)
    let ended = try store.ceasedByAgeBand(of: authority).compactMapValues(row)
    let total = try store.ceased(of: authority).compactMapValues { $0.value.map(Double.init) }
    history = CohortHistory(stock: stock, newPlans: made, ceased: ended, ceasedTotal: total)
    placements = PlacementGroup.allCases
    let stockCells = try Self.crossTab(store.cells(of: authority, .caseload), placements)
    guard let last = stockCells.keys.max() else { throw CohortError.noHistory(fitFrom) }
    startYear = last
    start = stockCells[last]!
    let newCells = try Self.crossTab(store.cells(of: authority, .newPlans), placements)
    var mix = [[Double]](repeating: [Double](repeating: 0, count: placements.count), count: bands.count)
    for (year, cells) in newCells where year >= fitFrom {
      for b in bands.indices { for p in placements.indices { mix[b][p] += cells[b][p] } }
    }
    newPlanMix = mix
  }

  /// Inputs from their parts (`CohortArchive.inputs(origin:fitFrom:)`).
  init(
    authority: Authority, history: CohortHistory, placements: [PlacementGroup], startYear: Int, start: [[Double]],
    newPlanMix: [[Double]]
  ) {
    self.authority = authority
    self.history = history
    self.placements = placements
    self.startYear = startYear
    self.start = start
    self.newPlanMix = newPlanMix
  }

  /// A year's counts by model band, nil unless the four bands under 20 are published (the
  /// 2022 layout has no 20-25 band before 2015: a missing top band is no plans there).
  static func bandRow(_ counts: [AgeBand: OfficialCount]) -> [Double]? {
    let values = CohortBand.allCases.map { counts[ageBand($0)]?.value }
    guard values[0..<4].allSatisfy({ $0 != nil }) else { return nil }
    return values.map { Double($0 ?? 0) }
  }

  /// The store's band for a model band.
  static func ageBand(_ band: CohortBand) -> AgeBand {
    [AgeBand.under5, .age5to10, .age11to15, .age16to19, .age20to25][band.rawValue]
  }

  /// Cells published by age and setting together, added up into band × placement group per year.
  static func crossTab(_ cells: [OfficialCell], _ placements: [PlacementGroup]) -> [Int: [[Double]]] {
    let bands = CohortBand.allCases.map(ageBand)
    var result: [Int: [[Double]]] = [:]
    for cell in cells where !cell.age.isEmpty && !cell.category.isEmpty {
      guard let value = cell.count.value, let band = AgeBand.band(of: cell.age),
        let b = bands.firstIndex(of: band), let group = PlacementGroup.group(of: cell.category),
        let p = placements.firstIndex(of: group)
      else { continue }
      var table =
        result[cell.year] ?? [[Double]](repeating: [Double](repeating: 0, count: placements.count), count: bands.count)
      table[b][p] += Double(value)
      result[cell.year] = table
    }
    return result
  }
}
