import Forecasting
import OfficialData

/// Everything the store holds for the cohort model of one authority, read once, from which
/// `inputs(origin:fitFrom:)` gives the inputs as they were known at a January census: what a
/// rolling-origin backtest fits at each origin.
///
/// SEN2 does not publish everything every year: stocks by age band 2010-2022 (2022 release)
/// and 2024-2025 (single years, 2025 release) but not 2023; new plans by age every calendar year
/// 2009-2024; ceased plans by age only 2023-2024 (in total from 2010); plans by age and
/// placement together only at the 2024 and 2025 censuses (new plans 2022-2024). Where a
/// census lacks a table, `inputs` builds it from what was known then (see there).
public struct CohortArchive: Sendable {
  /// The authority.
  public let authority: Authority
  /// Plans by band at each census with the age breakdown.
  public let stock: [Int: [Double]]
  /// Plans at each census in all (the headline figure, unknown ages included).
  public let total: [Int: Double]
  /// New plans by band in each calendar year.
  public let newPlans: [Int: [Double]]
  /// Ceased plans by band where published by age.
  public let ceased: [Int: [Double]]
  /// Ceased plans in all.
  public let ceasedTotal: [Int: Double]
  /// Plans by placement group (`PlacementGroup.allCases` order) at each census.
  public let stockByPlacement: [Int: [Double]]
  /// New plans by placement group in each calendar year.
  public let newByPlacement: [Int: [Double]]
  /// Plans by band × placement at the censuses publishing both.
  public let stockCross: [Int: [[Double]]]
  /// New plans by band × placement in the calendar years publishing both.
  public let newCross: [Int: [[Double]]]
  /// Plans by single year of age (0-25) at the censuses publishing them.
  public let singleYears: [Int: [Int: Double]]

  /// Reads `authority`'s tables from `store`.
  public init(store: OfficialStore, authority: Authority) throws {
    self.authority = authority
    let row = CohortInputs.bandRow
    func groups(_ counts: [PlacementGroup: OfficialCount]) -> [Double] {
      PlacementGroup.allCases.map { Double(counts[$0]?.value ?? 0) }
    }
    stock = try store.caseloadByAgeBand(of: authority).compactMapValues(row)
    total = try store.caseload(of: authority).compactMapValues { $0.value.map(Double.init) }
    newPlans = try store.newPlansByAgeBand(of: authority).compactMapValues(row)
    ceased = try store.ceasedByAgeBand(of: authority).compactMapValues(row)
    ceasedTotal = try store.ceased(of: authority).compactMapValues { $0.value.map(Double.init) }
    stockByPlacement = try store.caseloadByPlacement(of: authority).mapValues(groups)
    newByPlacement = try store.newPlansByPlacement(of: authority).mapValues(groups)
    let caseloadCells = try store.cells(of: authority, .caseload)
    stockCross = CohortInputs.crossTab(caseloadCells, PlacementGroup.allCases)
    newCross = CohortInputs.crossTab(try store.cells(of: authority, .newPlans), PlacementGroup.allCases)
    var single: [Int: [Int: Double]] = [:]
    for cell in caseloadCells where cell.category.isEmpty {
      let label = cell.age.lowercased()
      guard label.hasPrefix("age "), let age = Int(label.dropFirst(4)), let value = cell.count.value else { continue }
      single[cell.year, default: [:]][age, default: 0] += Double(value)
    }
    singleYears = single
  }

  /// The share of each band at its oldest single year of age (4, 10, 15, 19; the top band 0)
  /// at the latest census with single years up to `origin`, or, when there is none, at the
  /// earliest one after it (later data: say so where it is used); nil when no census has them.
  public func singleYearAgeing(origin: Int) -> (shares: [Double], census: Int)? {
    let years = singleYears.keys.sorted()
    guard let census = years.last(where: { $0 <= origin }) ?? years.first, let ages = singleYears[census] else {
      return nil
    }
    let ranges = [0...4, 5...10, 11...15, 16...19]
    var shares = ranges.map { range -> Double in
      let all = range.map { ages[$0] ?? 0 }.reduce(0, +)
      return all > 0 ? (ages[range.upperBound] ?? 0) / all : 1 / Double(range.count)
    }
    shares.append(0)
    return (shares, census)
  }

  /// How each census's band × placement table was obtained.
  public enum StartSource: String, Sendable, CaseIterable {
    /// Published by age and placement together.
    case published
    /// Bands and placements published apart, joined by iterative proportional fitting.
    case fitted
    /// Bands not published (2023): the previous census moved on by the year's flows and
    /// scaled to the published total, then joined to the placements.
    case nowcast
  }

  /// The inputs as known at the January census `origin`: stocks to `origin`, flows of the
  /// calendar years before it, rates and trends from `fitFrom`; the start table at `origin`
  /// as published, or (before 2024) the published band totals and placement totals joined by
  /// iterative proportional fitting from a seed that says which settings serve which ages (no
  /// FE college before 16, little school after 19); where `origin` has no bands (2023) they
  /// are the previous census's moved on by its year's flows (ageing by 1/width, no residual)
  /// and scaled to the published total. The new-plan mix is from the three calendar years
  /// before `origin`, published by age and placement or joined the same way.
  ///
  /// - Throws: `CohortError.noHistory` when `origin` has neither bands nor a way to nowcast
  ///   them, or no placements.
  public func inputs(origin: Int, fitFrom: Int) throws -> (inputs: CohortInputs, source: StartSource) {
    let bands = CohortBand.allCases
    let history = CohortHistory(
      stock: stock.filter { $0.key <= origin }, newPlans: newPlans.filter { $0.key < origin },
      ceased: ceased.filter { $0.key < origin }, ceasedTotal: ceasedTotal.filter { $0.key < origin })
    let placements = PlacementGroup.allCases
    let start: [[Double]]
    let source: StartSource
    if let published = stockCross[origin] {
      (start, source) = (published, .published)
    } else {
      guard let margin = stockByPlacement[origin], margin.reduce(0, +) > 0 else { throw CohortError.noHistory(origin) }
      let bandTotals: [Double]
      if let known = stock[origin] {
        (bandTotals, source) = (known, .fitted)
      } else if let previous = stock[origin - 1], let made = newPlans[origin - 1], let all = total[origin] {
        let ended: [Double]
        if let byBand = ceased[origin - 1] {
          ended = byBand
        } else {
          let opening = previous.reduce(0, +)
          let gone = ceasedTotal[origin - 1] ?? 0
          ended = previous.map { opening > 0 ? gone * $0 / opening : 0 }
        }
        let out = bands.map { previous[$0.rawValue] * $0.ageingShare }
        let moved = bands.map { b in
          max(0, previous[b.rawValue] - ended[b.rawValue] - out[b.rawValue] + (b.rawValue == 0 ? 0 : out[b.rawValue - 1])
            + made[b.rawValue])
        }
        let sum = moved.reduce(0, +)
        guard sum > 0 else { throw CohortError.noHistory(origin) }
        (bandTotals, source) = (moved.map { $0 * all / sum }, .nowcast)
      } else {
        throw CohortError.noHistory(origin)
      }
      start = Self.fit(rows: bandTotals, columns: margin)
    }
    let mixYears = (origin - 3)..<origin
    var mix = [[Double]](repeating: [Double](repeating: 0, count: placements.count), count: bands.count)
    for year in mixYears {
      let table: [[Double]]
      if let published = newCross[year] {
        table = published
      } else if let byBand = newPlans[year], let byPlacement = newByPlacement[year], byPlacement.reduce(0, +) > 0 {
        table = Self.fit(rows: byBand, columns: byPlacement)
      } else {
        continue
      }
      for b in bands.indices { for p in placements.indices { mix[b][p] += table[b][p] } }
    }
    let inputs = CohortInputs(
      authority: authority, history: history, placements: placements, startYear: origin, start: start, newPlanMix: mix)
    return (inputs, source)
  }

  /// How plausible each placement group is for each band before the margins are fitted:
  /// 1 for the settings of the band's phase, 0.05 for the unusual, 0.01 for the unlikely.
  static let seed: [[Double]] = {
    // mainstream, resourced, maintained special, independent special, AP, post-16, elsewhere, NEET/other, unknown
    [
      [1, 1, 1, 1, 0.05, 0.01, 1, 1, 1],
      [1, 1, 1, 1, 1, 0.01, 1, 1, 1],
      [1, 1, 1, 1, 1, 0.01, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1, 1, 1],
      [0.05, 0.05, 0.05, 0.05, 0.05, 1, 1, 1, 1],
    ]
  }()

  /// Iterative proportional fitting of `seed` to band totals `rows` and placement totals
  /// `columns` (scaled to the rows' sum): 100 sweeps, ending on the rows so that the band
  /// totals are exact.
  static func fit(rows: [Double], columns: [Double]) -> [[Double]] {
    let rowSum = rows.reduce(0, +)
    let colSum = columns.reduce(0, +)
    let target = columns.map { colSum > 0 ? $0 * rowSum / colSum : 0 }
    var table = seed
    for _ in 0..<100 {
      for p in target.indices {
        let sum = table.map { $0[p] }.reduce(0, +)
        for b in table.indices { table[b][p] = sum > 0 ? table[b][p] * target[p] / sum : 0 }
      }
      for b in table.indices {
        let sum = table[b].reduce(0, +)
        for p in table[b].indices { table[b][p] = sum > 0 ? table[b][p] * rows[b] / sum : 0 }
      }
    }
    return table
  }
}
