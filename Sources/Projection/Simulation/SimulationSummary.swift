import Forecasting
import HighNeeds

extension Ledger {
  /// Percentiles, means, probabilities and standard deviations by year, from the draws' arrays
  /// (row y at y × draws). Sums run in draw order, so the figures do not depend on threads.
  func summarise(
    draws: Int, seed: UInt64, inputs: [DemandSimulation.Input], reserve: SharedBuffer, balance: SharedBuffer,
    plans: SharedBuffer, alone: [SharedBuffer], compiled: CompiledLedger, threads: Int
  ) -> DemandSimulation {
    let yearCount = years.count
    // One job per year (its percentiles, counts, means and spreads), spread over the threads;
    // each year's sums run in draw order on one thread, so nothing depends on the threads.
    let slots = ParallelSlots<DemandSimulation.Year>(count: yearCount)
    let count = Double(draws)
    parallelStripes(count: yearCount, threads: threads) { y in
      let entry = years[y]
      let row = y * draws..<(y + 1) * draws
      let reserves = reserve.slice(row)
      let balances = balance.slice(row)
      var deficits = 0
      var overspends = 0
      var plansNeeded = 0
      let dsg = compiled.years[y].dsg
      for index in 0..<draws {
        let value = reserves[index]
        if value < 0 { deficits += 1 }
        if balances[index] < 0 { overspends += 1 }
        if let dsg, value < 0, -value >= 0.01 * dsg { plansNeeded += 1 }
      }
      slots[y] = DemandSimulation.Year(
        year: entry.year, actual: entry.actual, plans: Self.percentiles(plans.slice(row)),
        reserve: Self.percentiles(reserves).map(Pounds.init), reserveMean: Pounds(Self.mean(reserves)),
        probabilityDeficit: Double(deficits) / count, probabilityOverspend: Double(overspends) / count,
        probabilityRecoveryPlan: Double(plansNeeded) / count,
        reserveStandardDeviation: Pounds(Self.standardDeviation(reserves)),
        reserveStandardDeviationByInput: alone.map { Pounds(Self.standardDeviation($0.slice(row))) })
    }
    let summaries = slots.values
    let last = summaries[yearCount - 1]
    let total = last.reserveStandardDeviation.value
    let parts = zip(inputs, last.reserveStandardDeviationByInput).map { input, sd in
      DemandSimulation.SpreadDecomposition.Part(
        input: input, standardDeviation: sd,
        shareOfVariance: total > 0 ? (sd.value * sd.value) / (total * total) : 0)
    }
    let spread = DemandSimulation.SpreadDecomposition(
      year: last.year, standardDeviation: last.reserveStandardDeviation, parts: parts)
    let shock = scenario.demand.authorities.count > 1 ? scenario.uncertainty.nationalShock.flatMap { $0 < 1 ? $0 : nil } : nil
    return DemandSimulation(
      draws: draws, seed: seed, inputs: inputs, nationalShock: shock, years: summaries, spread: spread)
  }

  /// The mean, added in order.
  static func mean(_ values: UnsafeBufferPointer<Double>) -> Double {
    var sum = 0.0
    for value in values { sum += value }
    return sum / Double(values.count)
  }

  /// The sample standard deviation (n − 1), two passes in order.
  static func standardDeviation(_ values: UnsafeBufferPointer<Double>) -> Double {
    guard values.count > 1 else { return 0 }
    let centre = mean(values)
    var squares = 0.0
    for value in values { squares += (value - centre) * (value - centre) }
    return (squares / Double(values.count - 1)).squareRoot()
  }

  /// Type 7 percentiles (R's default `quantile`): linear interpolation between order statistics.
  ///
  /// The order statistics are found exactly without sorting: one pass for the least and
  /// greatest values, one counting the values in each of ``selectionBins`` equal-width bins
  /// between them (the bin of a value, ⌊(v − min)·bins/(max − min)⌋, never decreases as the
  /// value grows, so every value of a bin is ≤ every value of the next), and one copying out
  /// the values of the few bins that hold a wanted rank; within those, quickselect (`select`)
  /// finds the rank. Three passes over the draws instead of a sort's n log n, and the very
  /// values a sort would give (an order statistic does not depend on how it is found).
  static func percentiles(_ values: UnsafeBufferPointer<Double>) -> DemandSimulation.Percentiles<Double> {
    let n = values.count
    guard n > 1 else {
      let only = values.first ?? .nan
      return DemandSimulation.Percentiles<Double>(p5: only, p10: only, p50: only, p90: only, p95: only)
    }
    var low = values[0]
    var high = values[0]
    for value in values {
      low = min(low, value)
      high = max(high, value)
    }
    // A constant row (an outturn year) needs no selection.
    if low == high, !values.contains(where: { $0 != low }) {
      return DemandSimulation.Percentiles<Double>(p5: low, p10: low, p50: low, p90: low, p95: low)
    }
    let levels = [0.05, 0.10, 0.50, 0.90, 0.95]
    var ranks: [Int] = []
    for p in levels {
      let below = Int((p * Double(n - 1)).rounded(.down))
      ranks.append(below)
      ranks.append(min(below + 1, n - 1))
    }
    let order = orderStatistics(values, ranks: ranks, low: low, high: high)
    var results: [Double] = []
    for (k, p) in levels.enumerated() {
      let position = p * Double(n - 1)
      let below = ranks[2 * k]
      let value = order[2 * k]
      let next = below + 1 < n ? order[2 * k + 1] : value
      results.append(value + (position - Double(below)) * (next - value))
    }
    return DemandSimulation.Percentiles<Double>(
      p5: results[0], p10: results[1], p50: results[2], p90: results[3], p95: results[4])
  }

  /// Bins of the counting pass in ``percentiles(_:)-(UnsafeBufferPointer<Double>)``.
  static let selectionBins = 4096

  /// The order statistics `ranks` (0-based) of `values`, whose least and greatest are `low`
  /// and `high`, by counting into bins (see ``percentiles(_:)-(UnsafeBufferPointer<Double>)``).
  static func orderStatistics(
    _ values: UnsafeBufferPointer<Double>, ranks: [Int], low: Double, high: Double
  ) -> [Double] {
    let bins = selectionBins
    let scale = Double(bins) / (high - low)
    guard scale.isFinite, scale > 0, low.isFinite, high.isFinite else {
      // A span too narrow or too wide to divide: select on a copy of the whole.
      var work = Array(values)
      return work.withUnsafeMutableBufferPointer { a in
        ranks.map { rank -> Double in
          select(a, rank: rank, from: 0)
          return a[rank]
        }
      }
    }
    @inline(__always) func bin(_ value: Double) -> Int { min(bins - 1, Int((value - low) * scale)) }
    var counts = [Int](repeating: 0, count: bins)
    counts.withUnsafeMutableBufferPointer { counts in
      for value in values { counts[bin(value)] += 1 }
    }
    // The bin of each rank, and the number of values in lower bins.
    var slot = [Int](repeating: -1, count: bins)
    var wanted: [(bin: Int, before: Int)] = []
    var binOfRank: [(bin: Int, before: Int)] = []
    for rank in ranks {
      var before = 0
      var b = 0
      while before + counts[b] <= rank {
        before += counts[b]
        b += 1
      }
      binOfRank.append((b, before))
      if slot[b] < 0 {
        slot[b] = wanted.count
        wanted.append((b, before))
      }
    }
    var members = wanted.map { item -> [Double] in
      var list: [Double] = []
      list.reserveCapacity(counts[item.bin])
      return list
    }
    slot.withUnsafeBufferPointer { slot in
      for value in values {
        let s = slot[bin(value)]
        if s >= 0 { members[s].append(value) }
      }
    }
    return zip(ranks, binOfRank).map { rank, place -> Double in
      let s = slot[place.bin]
      return members[s].withUnsafeMutableBufferPointer { a in
        select(a, rank: rank - place.before, from: 0)
        return a[rank - place.before]
      }
    }
  }

  /// Rearranges `a[from...]` so that `a[rank]` holds the value a sort would put there, every
  /// value left of it no greater and every value right of it no smaller (`a[..<from]` already
  /// holds values no greater than any in `a[from...]`).
  static func select(_ a: UnsafeMutableBufferPointer<Double>, rank: Int, from: Int) {
    var low = from
    var high = a.count - 1
    while low < high {
      let middle = low + (high - low) / 2
      // Median of three as the pivot value.
      var x = a[low], y = a[middle], z = a[high]
      if x > y { swap(&x, &y) }
      if y > z { swap(&y, &z) }
      if x > y { swap(&x, &y) }
      let pivot = y
      var i = low
      var j = high
      while i <= j {
        while a[i] < pivot { i += 1 }
        while a[j] > pivot { j -= 1 }
        if i <= j {
          a.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if rank <= j {
        high = j
      } else if rank >= i {
        low = i
      } else {
        return
      }
    }
  }

  /// Type 7 percentiles of an array.
  static func percentiles(_ values: [Double]) -> DemandSimulation.Percentiles<Double> {
    values.withUnsafeBufferPointer { percentiles($0) }
  }
}
