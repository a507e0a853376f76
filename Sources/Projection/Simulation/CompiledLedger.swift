import Forecasting
import HighNeeds

/// The ledger's arithmetic compiled for many draws: each year's ``YearCostModel`` (the one
/// ``Costing`` evaluates for the central ledger), its funding and outturn, and the standard
/// deviations of the inputs the scenario's `uncertainty:` section draws.
///
/// A draw is evaluated as the central ledger is built: plans × the year's demand multiplier,
/// the cost model's spend with the inflation index multiplied by the draw's inflation factor,
/// funding = ((allocation × growth factor + transfer) + income) + lever funding, balance =
/// funding − spend, reserve += balance; an outturn year's balance is minus its overspend. With
/// every factor 1 and the central plans, a draw is the central ledger bit for bit (a test
/// checks it).
struct CompiledLedger: Sendable {
  /// One financial year.
  struct Year: Sendable {
    /// The year's cost model.
    let cost: YearCostModel
    /// The outturn's overspend; nil for a projected year.
    let overspend: Double?
    /// The High Needs Block allocation (nil before the first one given).
    let allocation: Double?
    /// True when the allocation is grown from an earlier one (not given for this year).
    let grown: Bool
    /// Block transfer + other income, and lever funding (added in that order).
    let transfer: Double
    let income: Double
    let leverFunding: Double
    /// Total DSG for the 1% rule.
    let dsg: Double?
    /// The central plans at the year's census (before levers).
    let centralPlans: Double
    /// The row of the drawn plans for this year's census, when it is drawn.
    let drawn: Int?
    /// Standard deviation of the year's common unit-cost inflation (0 in outturn years).
    let inflationSD: Double
    /// Standard deviation of each separately inflating setting's inflation, by setting.
    let settingSD: [Double]
    /// For each placement of `cost`: 0 to follow the common inflation, s + 1 for setting s.
    let inflationSeries: [Int]
    /// Standard deviation of the year's High Needs Block growth (0 unless grown and projected).
    let growthSD: Double
  }

  /// The inputs a draw can vary.
  struct Inputs: OptionSet, Sendable {
    let rawValue: Int
    static let demand = Inputs(rawValue: 1)
    static let inflation = Inputs(rawValue: 2)
    static let growth = Inputs(rawValue: 4)
    static let all: Inputs = [.demand, .inflation, .growth]
  }

  /// The opening reserve.
  let opening: Double
  /// The calibration factor.
  let factor: Double
  /// `costs.inflation` and `funding.growth`.
  let inflation: Double
  let growth: Double
  /// The years in order.
  let years: [Year]
  /// Settings inflating on their own, in order.
  let settings: [Placement]
  /// Seeds of the inflation and growth streams (draw d uses stream d of each).
  let inflationSeed: UInt64
  let growthSeed: UInt64

  /// Placements in the largest year (scratch size).
  var width: Int { years.map(\.cost.count).max() ?? 0 }

  /// Evaluates draws `range` of `total`: `plans` holds the drawn plans, row h (a drawn
  /// census) at `h * total`; outputs are written row y (a ledger year) at `y * total`.
  ///
  /// Years run in the outer loop and draws in the inner one, so each year's model is read
  /// once per block; each draw's running state (reserve, price and funding factors, its
  /// inflation and growth generators) is kept in arrays across years. Within a year the draws'
  /// deviates and factors are taken draw by draw, then the cost model runs on the whole block
  /// (``YearCostModel/place(_:draws:demand:costed:overflowed:received:)``): the same operations
  /// in the same order for every draw as one at a time, so the same bits.
  func evaluate(
    draws range: Range<Int>, total: Int, plans: UnsafePointer<Double>, inputs: Inputs,
    reserve: UnsafeMutablePointer<Double>, balance: UnsafeMutablePointer<Double>?,
    plansOut: UnsafeMutablePointer<Double>?
  ) {
    let n = range.count
    let width = max(1, self.width)
    let settingCount = settings.count
    var inflationRandom = range.map { SplitMix64(seed: inflationSeed, stream: UInt64($0)) }
    var growthRandom = range.map { SplitMix64(seed: growthSeed, stream: UInt64($0)) }
    // An input whose standard deviations are all zero multiplies every draw's factor by
    // (1 + r + 0·e)/(1 + r) = 1 exactly: its deviates are skipped, with the same bits.
    let drawInflation = inputs.contains(.inflation) && varies(\.inflationSD, \.settingSD)
    let drawGrowth = inputs.contains(.growth) && varies(\.growthSD, nil)
    let levelCount = n * max(1, settingCount)
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * width * n + 7 * n + levelCount) { scratch in
      let demand = scratch.baseAddress!
      let costed = demand + width * n
      let factors = costed + width * n
      let totals = factors + width * n
      let indices = totals + n
      let scales = indices + n
      let sums = scales + n
      let running = sums + n
      let common = running + n
      let funding = common + n
      let levels = funding + n
      running.initialize(repeating: opening, count: n)
      common.initialize(repeating: 1, count: n)
      funding.initialize(repeating: 1, count: n)
      levels.initialize(repeating: 1, count: levelCount)
      for (y, year) in years.enumerated() {
        let cost = year.cost
        let output = y * total + range.lowerBound
        let row = year.drawn.flatMap { inputs.contains(.demand) ? plans + $0 * total + range.lowerBound : nil }
        if let overspend = year.overspend {
          // An outturn year: the same balance in every draw.
          for j in 0..<n {
            running[j] += -overspend
            reserve[output + j] = running[j]
            balance?[output + j] = -overspend
            plansOut?[output + j] = (row?[j] ?? year.centralPlans) * cost.demandMultiplier
          }
          continue
        }
        for j in 0..<n {
          totals[j] = (row?[j] ?? year.centralPlans) * cost.demandMultiplier
          if drawInflation {
            // One deviate a year for the common series and one for each setting, always
            // taken, so a draw's stream does not depend on which years have a deviation.
            let e = ZigguratNormal.next(&inflationRandom[j])
            common[j] *= (1 + inflation + year.inflationSD * e) / (1 + inflation)
            for s in 0..<settingCount {
              let es = ZigguratNormal.next(&inflationRandom[j])
              levels[s * n + j] *= (1 + inflation + year.settingSD[s] * es) / (1 + inflation)
            }
          }
          if !year.grown {
            funding[j] = 1
          } else if drawGrowth {
            let e = ZigguratNormal.next(&growthRandom[j])
            funding[j] *= (1 + growth + year.growthSD * e) / (1 + growth)
          }
          indices[j] = cost.inflationIndex * common[j]
          scales[j] = indices[j] * factor
        }
        let bySetting = settingCount > 0 && drawInflation
        if bySetting {
          for (p, series) in year.inflationSeries.enumerated() {
            let row = factors + p * n
            if series == 0 {
              for j in 0..<n { row[j] = 1 }
            } else {
              let level = levels + (series - 1) * n
              for j in 0..<n { row[j] = level[j] / common[j] }
            }
          }
        }
        cost.place(totals, draws: n, demand: demand, costed: costed)
        cost.placementSpend(costed, draws: n, scales: scales, settingFactors: bySetting ? factors : nil, into: sums)
        let allocation = year.allocation
        for j in 0..<n {
          let spend = (sums[j] + cost.other * indices[j]) - cost.oneOff
          let income = allocation.map { (($0 * funding[j] + year.transfer) + year.income) + year.leverFunding }
          let value = (income ?? 0) - spend
          running[j] += value
          reserve[output + j] = running[j]
          balance?[output + j] = value
          plansOut?[output + j] = totals[j]
        }
      }
    }
  }
}

extension CompiledLedger {
  /// True when some year's standard deviation `sd` (or one of `bySetting`) is not zero.
  func varies(_ sd: KeyPath<Year, Double>, _ bySetting: KeyPath<Year, [Double]>?) -> Bool {
    years.contains { year in year[keyPath: sd] != 0 || (bySetting.map { year[keyPath: $0].contains { $0 != 0 } } ?? false) }
  }
}

extension ZigguratNormal {
  /// One deviate, with the tables looked up on each call (for the few per-draw deviates of
  /// the cost and funding inputs).
  @inline(__always)
  static func next(_ random: inout SplitMix64) -> Double {
    edges.withUnsafeBufferPointer { e in ratios.withUnsafeBufferPointer { next(&random, edges: e.baseAddress!, ratios: $0.baseAddress!) } }
  }
}
