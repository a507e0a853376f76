import Forecasting
import Foundation
import HighNeeds
import Synchronization

extension Ledger {
  /// Simulates `draws` paths from `seed` and summarises the ledgers evaluated on them (see
  /// ``DemandSimulation`` for the method).
  ///
  /// - Parameters:
  ///   - threads: how many threads share the work (default: every core). The results do not
  ///     depend on it.
  ///   - progress: called now and then, from any thread, with the fraction of the work done
  ///     (0 to 1); the library never prints.
  /// - Throws: ``SimulationUnavailable`` when demand has no distribution (a constant
  ///   `demand.growth`, or no projected year forecast) or `draws` is outside
  ///   2...``DemandSimulation/maximumDraws``; ``ScenarioError`` at `demand.model` when drawn plans
  ///   or money go beyond double precision (an exploding exponential tail).
  public func simulate(
    draws: Int, seed: UInt64, threads: Int? = nil, progress: (@Sendable (Double) -> Void)? = nil
  ) throws -> DemandSimulation {
    guard (2...DemandSimulation.maximumDraws).contains(draws) else {
      throw SimulationUnavailable(
        description: "--simulate \(draws): expected a number of draws from 2 to \(DemandSimulation.maximumDraws)")
    }
    let threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
    let forecastYears = try yearsToDraw()
    guard let sampler = DemandSampler.make(ledger: self, years: forecastYears, threads: threads) else {
      throw SimulationUnavailable(description: "the demand forecast has no predictive distribution to draw from")
    }
    let compiled = CompiledLedger(ledger: self, drawn: forecastYears, seed: seed)
    let uncertainty = scenario.uncertainty
    var inputs: [DemandSimulation.Input] = [.demand]
    if uncertainty.drawsInflation { inputs.append(.unitCostInflation) }
    if uncertainty.drawsGrowth { inputs.append(.highNeedsBlockGrowth) }
    let alone = inputs.count > 1 ? inputs : []

    let blocks = (draws + DemandSampler.blockSize - 1) / DemandSampler.blockSize
    let meter = ProgressMeter(total: blocks * (2 + alone.count), report: progress)
    let plans = SharedBuffer(count: forecastYears.count * draws)
    let scratchSize = sampler.scratchSize(count: DemandSampler.blockSize)
    parallelStripes(count: blocks, threads: threads) { block in
      let range = Self.block(block, of: draws)
      withUnsafeTemporaryAllocation(of: Double.self, capacity: scratchSize) { scratch in
        sampler.sample(block: range, total: draws, seed: seed, out: plans.base, scratch: scratch.baseAddress!)
      }
      meter.advance()
    }
    let yearCount = years.count
    let reserve = SharedBuffer(count: yearCount * draws)
    let balance = SharedBuffer(count: yearCount * draws)
    let plansOut = SharedBuffer(count: yearCount * draws)
    parallelStripes(count: blocks, threads: threads) { block in
      compiled.evaluate(
        draws: Self.block(block, of: draws), total: draws, plans: plans.base, inputs: .all, reserve: reserve.base,
        balance: balance.base, plansOut: plansOut.base)
      meter.advance()
    }
    // Each input alone, on the same draws (common random numbers), for the spread's decomposition.
    let aloneReserves = alone.map { input -> SharedBuffer in
      let only = SharedBuffer(count: yearCount * draws)
      let set: CompiledLedger.Inputs =
        input == .demand ? .demand : input == .unitCostInflation ? .inflation : .growth
      parallelStripes(count: blocks, threads: threads) { block in
        compiled.evaluate(
          draws: Self.block(block, of: draws), total: draws, plans: plans.base, inputs: set, reserve: only.base,
          balance: nil, plansOut: nil)
        meter.advance()
      }
      return only
    }
    guard reserve.allSatisfy({ $0.isFinite && abs($0) < 0x1p53 }) else { throw explodingTail }
    return summarise(
      draws: draws, seed: seed, inputs: inputs, reserve: reserve, balance: balance, plans: plansOut,
      alone: alone.isEmpty ? [reserve] : aloneReserves, compiled: compiled, threads: threads)
  }

  /// The draws of block `index`.
  static func block(_ index: Int, of draws: Int) -> Range<Int> {
    (index * DemandSampler.blockSize)..<min(draws, (index + 1) * DemandSampler.blockSize)
  }

  /// The forecast census years to draw: projected years' forecasts, not outturn years' (their
  /// figures, and so the calibration, are actual).
  func yearsToDraw() throws -> [CensusYear] {
    let fixed = outturnCensusYears
    let forecastYears = demand.points.values.filter { $0.source == .forecast && !fixed.contains($0.census) }
      .map(\.census).sorted()
    guard demand.canDraw, demand.forecast?.quantile != nil, !forecastYears.isEmpty else {
      if scenario.demand.growth != nil {
        let issue = ScenarioIssue(
          location: scenario.location(of: "demand.growth"), field: "demand.growth",
          problem: "nothing to simulate: demand grows at a fixed rate, which has no distribution to draw from",
          expected: "a fitted model (demand.model: auto, linear, ...) instead of demand.growth")
        throw SimulationUnavailable(description: issue.description)
      }
      throw SimulationUnavailable(
        description:
          "\(scenario.location(of: "years")): years: nothing to simulate: no projected year's plans are forecast (they are counted, interpolated or outturn years)"
      )
    }
    return forecastYears
  }

  /// The error for money beyond double precision in some draw.
  var explodingTail: ScenarioError {
    ScenarioError(issues: [
      ScenarioIssue(
        location: scenario.location(of: "demand.model"), field: "demand.model",
        problem:
          "in some drawn demand paths the plans grow beyond any meaningful figure: the model's upper tail explodes on this history",
        expected: "another model (linear, damped or auto), or fewer years")
    ])
  }
}

/// A buffer of doubles that parallel blocks fill, each its own disjoint part. Not cleared:
/// every element is written (by the sampler or the ledger's evaluation) before any is read, and
/// the pages are first touched by the threads that fill them.
final class SharedBuffer: @unchecked Sendable {
  /// The first element.
  let base: UnsafeMutablePointer<Double>
  /// Number of elements.
  let count: Int

  init(count: Int) {
    self.count = count
    base = .allocate(capacity: max(1, count))
  }

  deinit { base.deallocate() }

  /// Elements `range` as a buffer (read after the parallel work has finished).
  func slice(_ range: Range<Int>) -> UnsafeBufferPointer<Double> {
    UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
  }

  /// True when every element satisfies `test`.
  func allSatisfy(_ test: (Double) -> Bool) -> Bool { slice(0..<count).allSatisfy(test) }
}

/// Counts finished units of work and reports the fraction done.
final class ProgressMeter: Sendable {
  private let done = Atomic<Int>(0)
  private let total: Int
  private let report: (@Sendable (Double) -> Void)?

  init(total: Int, report: (@Sendable (Double) -> Void)?) {
    self.total = max(1, total)
    self.report = report
  }

  /// One more unit done.
  func advance() {
    let now = done.add(1, ordering: .relaxed).newValue
    report?(min(1, Double(now) / Double(total)))
  }
}
