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
    // Sorting is most of the work: one job per year and quantity, spread over the threads.
    let sorted = ParallelSlots<(plans: DemandSimulation.Percentiles<Double>, reserve: DemandSimulation.Percentiles<Double>)>(
      count: yearCount)
    parallelStripes(count: yearCount, threads: threads) { y in
      let row = y * draws..<(y + 1) * draws
      sorted[y] = (Self.percentiles(plans.slice(row)), Self.percentiles(reserve.slice(row)))
    }
    let percentiles = sorted.values
    var summaries: [DemandSimulation.Year] = []
    for (y, entry) in years.enumerated() {
      let row = y * draws..<(y + 1) * draws
      let reserves = reserve.slice(row)
      let balances = balance.slice(row)
      let count = Double(draws)
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
      summaries.append(
        DemandSimulation.Year(
          year: entry.year, actual: entry.actual, plans: percentiles[y].plans,
          reserve: percentiles[y].reserve.map(Pounds.init), reserveMean: Pounds(Self.mean(reserves)),
          probabilityDeficit: Double(deficits) / count, probabilityOverspend: Double(overspends) / count,
          probabilityRecoveryPlan: Double(plansNeeded) / count,
          reserveStandardDeviation: Pounds(Self.standardDeviation(reserves)),
          reserveStandardDeviationByInput: alone.map { Pounds(Self.standardDeviation($0.slice(row))) }))
    }
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
  /// The order statistics come from quickselect (Hoare's FIND, median-of-three pivots) on a
  /// copy, rank by rank in increasing order, each search confined to the part right of the last
  /// rank found: O(n) for the ten ranks instead of a full sort's O(n log n), and the same values
  /// a sort would give (an order statistic does not depend on how it is found).
  static func percentiles(_ values: UnsafeBufferPointer<Double>) -> DemandSimulation.Percentiles<Double> {
    let n = values.count
    guard n > 1 else {
      let only = values.first ?? .nan
      return DemandSimulation.Percentiles<Double>(p5: only, p10: only, p50: only, p90: only, p95: only)
    }
    // A constant row (an outturn year) needs no selection.
    let first = values[0]
    if !values.contains(where: { $0 != first }) {
      return DemandSimulation.Percentiles<Double>(p5: first, p10: first, p50: first, p90: first, p95: first)
    }
    var work = Array(values)
    let levels = [0.05, 0.10, 0.50, 0.90, 0.95]
    var results: [Double] = []
    work.withUnsafeMutableBufferPointer { a in
      var from = 0
      for p in levels {
        let position = p * Double(n - 1)
        let below = Int(position.rounded(.down))
        select(a, rank: below, from: from)
        from = below
        var next = a[below]
        if below + 1 < n {
          // The next order statistic is the least value right of `below`.
          next = a[below + 1]
          for index in (below + 1)..<n where a[index] < next { next = a[index] }
        }
        results.append(a[below] + (position - Double(below)) * (next - a[below]))
      }
    }
    return DemandSimulation.Percentiles<Double>(
      p5: results[0], p10: results[1], p50: results[2], p90: results[3], p95: results[4])
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
