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
  static func percentiles(_ values: UnsafeBufferPointer<Double>) -> DemandSimulation.Percentiles<Double> {
    let sorted = values.sorted()
    func at(_ p: Double) -> Double {
      guard sorted.count > 1 else { return sorted.first ?? .nan }
      let position = p * Double(sorted.count - 1)
      let below = Int(position.rounded(.down))
      let above = min(below + 1, sorted.count - 1)
      return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }
    return DemandSimulation.Percentiles<Double>(p5: at(0.05), p10: at(0.10), p50: at(0.50), p90: at(0.90), p95: at(0.95))
  }

  /// Type 7 percentiles of an array.
  static func percentiles(_ values: [Double]) -> DemandSimulation.Percentiles<Double> {
    values.withUnsafeBufferPointer { percentiles($0) }
  }
}
