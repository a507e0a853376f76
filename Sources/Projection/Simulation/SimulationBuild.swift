import Forecasting
import Foundation
import HighNeeds

extension DemandSampler {
  /// The sampler for `ledger`'s forecast census years `years`: tables built on `threads` threads.
  ///
  /// - Returns: nil when a forecast has no predictive quantile.
  static func make(ledger: Ledger, years: [CensusYear], threads: Int) -> DemandSampler? {
    guard let total = ledger.demand.forecast?.quantile else { return nil }
    let commonFactor = factor(links: DemandSimulation.links(widths: widths(total, years: years)))
    let share = ledger.scenario.uncertainty.nationalShock
    let authorities = ledger.demand.authorities
    guard let share, share < 1, authorities.count > 1 else {
      let tables = buildTables(count: years.count, threads: threads) { index in
        QuantileTable { p in total(p, years[index]) }
      }
      let component = Component(
        tables: tables, fixed: [Double](repeating: 0, count: years.count), factor: commonFactor)
      return DemandSampler(years: years, commonFactor: commonFactor, components: [component], commonShare: nil)
    }
    // One component per authority: its own tables and links; fixed plans where it is not forecast.
    var found: [(@Sendable (Double, CensusYear) -> Double?)?] = []
    for authority in authorities {
      guard let quantile = authority.projection.forecast?.quantile else { return nil }
      found.append(quantile)
    }
    let quantiles = found
    let h = years.count
    let tables = buildTables(count: authorities.count * h, threads: threads) { index -> QuantileTable? in
      let (a, year) = (index / h, years[index % h])
      guard authorities[a].projection.points[year]?.source == .forecast, let quantile = quantiles[a] else { return nil }
      return QuantileTable { p in quantile(p, year) }
    }
    let components = authorities.enumerated().map { a, authority -> Component in
      let own = quantiles[a].map { quantile in widths(quantile, years: years) } ?? []
      return Component(
        tables: Array(tables[(a * h)..<((a + 1) * h)]),
        fixed: years.map { authority.projection.points[$0]?.plans ?? 0 },
        factor: factor(links: DemandSimulation.links(widths: own)))
    }
    return DemandSampler(years: years, commonFactor: commonFactor, components: components, commonShare: share)
  }

  /// Width of each year's 80% interval on the log scale (+1 keeps zero counts finite).
  static func widths(_ quantile: @Sendable (Double, CensusYear) -> Double?, years: [CensusYear]) -> [Double] {
    years.map { year -> Double in
      let low = quantile(0.1, year) ?? 0
      let high = quantile(0.9, year) ?? 0
      let width = Foundation.log((max(0, high) + 1) / (max(0, low) + 1))
      return width.isFinite ? max(0, width) : 0
    }
  }

  /// `count` tables made by `make`, spread over `threads` threads.
  static func buildTables(
    count: Int, threads: Int, _ make: @Sendable (Int) -> QuantileTable?
  ) -> [QuantileTable?] {
    let slots = ParallelSlots<QuantileTable?>(count: count)
    parallelStripes(count: count, threads: threads) { index in slots[index] = .some(make(index)) }
    return slots.values.map { $0 }
  }
}

/// Runs `body(i)` for i in 0..<count on `threads` threads, thread w taking w, w + threads, ...
func parallelStripes(count: Int, threads: Int, _ body: @Sendable (Int) -> Void) {
  let workers = max(1, min(threads, count))
  DispatchQueue.concurrentPerform(iterations: workers) { worker in
    var index = worker
    while index < count {
      body(index)
      index += workers
    }
  }
}

extension CompiledLedger {
  /// The compiled ledger of `ledger`; `drawn` lists the census years whose plans are drawn, in
  /// the sampler's row order.
  init(ledger: Ledger, drawn: [CensusYear], seed: UInt64) {
    let scenario = ledger.scenario
    let costing = Costing(scenario: scenario, demand: ledger.demand)
    let uncertainty = scenario.uncertainty
    let settings = uncertainty.unitCostInflationBySetting.keys.sorted()
    let rows = Dictionary(uniqueKeysWithValues: drawn.enumerated().map { ($1, $0) })
    self.opening = scenario.reserve.opening.value
    self.factor = ledger.calibration?.factor ?? 1
    self.inflation = scenario.costs.inflation
    self.growth = scenario.funding.growth
    self.settings = settings
    // Streams for the other inputs: seeds of their own, so adding one never moves another's draws.
    self.inflationSeed = seed ^ 0x6A09_E667_F3BC_C908
    self.growthSeed = seed ^ 0xBB67_AE85_84CA_A73B
    self.years = ledger.years.map { entry in
      let year = entry.year
      let overspend = scenario.reserve.outturn[year]
      let projected = overspend == nil
      let cost = costing.compile(year, projected: projected)
      let series = cost.placements.map { placement in settings.firstIndex(of: placement).map { $0 + 1 } ?? 0 }
      return Year(
        cost: cost, overspend: overspend?.value, allocation: costing.allocation(year)?.value,
        grown: scenario.funding.highNeedsBlock[year] == nil,
        transfer: (scenario.funding.blockTransfers[year] ?? .zero).value,
        income: (scenario.funding.otherIncome[year] ?? .zero).value,
        leverFunding: projected ? costing.leverFunding(year).value : 0, dsg: entry.dsgTotal?.value,
        centralPlans: ledger.demand.points[year.census]?.plans ?? 0, drawn: rows[year.census],
        inflationSD: projected ? uncertainty.unitCostInflation[year] ?? 0 : 0,
        settingSD: settings.map { projected ? uncertainty.unitCostInflationBySetting[$0]?[year] ?? 0 : 0 },
        inflationSeries: series,
        growthSD: projected ? uncertainty.highNeedsBlockGrowth[year] ?? 0 : 0)
    }
  }
}
