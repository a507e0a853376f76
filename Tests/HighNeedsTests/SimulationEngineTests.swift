import Forecasting
import Foundation
import Statistics
import Testing

@testable import HighNeeds
@testable import Projection
@testable import Reports
@testable import ScenarioFiles

/// The hand scenario with a fitted model and an `uncertainty:` section.
func uncertainScenarioText(_ section: String, base: String = modelScenarioText) -> String {
  base + "\nuncertainty:\n" + section
}

/// A scenario file of the repository, with its `extends:` chain.
func repositoryScenario(_ name: String) throws -> Scenario {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  let path = root.appendingPathComponent("scenarios/\(name)").path
  return try ScenarioLoader.load(
    contentsOf: try String(contentsOfFile: path, encoding: .utf8), file: path,
    readFile: { try String(contentsOfFile: $0, encoding: .utf8) })
}

@Suite("Simulation engine: deviates, the compiled ledger, threads, uncertainty beyond demand")
struct SimulationEngineTests {
  @Test("ziggurat deviates follow the standard normal law")
  func zigguratLaw() {
    var random = SplitMix64(seed: 5, stream: 1)
    let n = 1_000_000
    let points: [Double] = [-3.5, -3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 3.5]
    var below = [Int](repeating: 0, count: points.count)
    var sum = 0.0
    var squares = 0.0
    for _ in 0..<n {
      let x = ZigguratNormal.next(&random)
      sum += x
      squares += x * x
      for (i, point) in points.enumerated() where x <= point { below[i] += 1 }
    }
    // Each empirical CDF value is binomial: four standard errors √(Φ(1 − Φ)/n) allowed.
    for (i, point) in points.enumerated() {
      let p = Normal.cdf(point)
      let share = Double(below[i]) / Double(n)
      #expect(abs(share - p) <= 4 * (p * (1 - p) / Double(n)).squareRoot(), "at \(point)")
    }
    // Mean and variance: standard errors 1/√n and √(2/n).
    #expect(abs(sum / Double(n)) < 4 / Double(n).squareRoot())
    #expect(abs(squares / Double(n) - 1) < 4 * (2 / Double(n)).squareRoot())
  }

  @Test("with every input central, the compiled ledger is the central ledger bit for bit")
  func compiledEqualsCentral() throws {
    for name in ["medway-2020-all-options.yaml", "medway-2020-new-special-school.yaml", "medway-sen2.yaml"] {
      let ledger = try Ledger(scenario: try repositoryScenario(name))
      let drawn = (try? ledger.yearsToDraw()) ?? []
      let compiled = CompiledLedger(ledger: ledger, drawn: drawn, seed: 1)
      let count = ledger.years.count
      var reserve = [Double](repeating: .nan, count: count)
      var balance = [Double](repeating: .nan, count: count)
      let plans = [Double](repeating: 0, count: max(1, drawn.count))
      reserve.withUnsafeMutableBufferPointer { r in
        balance.withUnsafeMutableBufferPointer { b in
          compiled.evaluate(
            draws: 0..<1, total: 1, plans: plans, inputs: [], reserve: r.baseAddress!, balance: b.baseAddress!,
            plansOut: nil)
        }
      }
      for (y, year) in ledger.years.enumerated() {
        #expect(reserve[y].bitPattern == year.reserve.value.bitPattern, "\(name) \(year.year)")
        #expect(balance[y].bitPattern == year.inYearBalance.value.bitPattern, "\(name) \(year.year)")
      }
    }
  }

  @Test("the same seed and draws give the same bits on 1 and 2 threads, with every input drawn")
  func threadCountDoesNotMatter() throws {
    let text = uncertainScenarioText(
      "  unit_cost_inflation: 1%\n  unit_cost_inflation_by_setting: {special: 2%}\n  high_needs_block_growth: 2%\n  national_shock: 40%\n",
      base: authoritiesScenarioText.replacingOccurrences(
        of: "  growth: 5%\n  placements:", with: "  model: linear\n  placements:"))
    let ledger = try Ledger(scenario: try ScenarioLoader.load(contentsOf: text, file: "t.yaml"), forecaster: NormalTrend())
    // 1,300 draws: three blocks of 512, the last one short.
    let one = try ledger.simulate(draws: 1_300, seed: 99, threads: 1)
    let two = try ledger.simulate(draws: 1_300, seed: 99, threads: 2)
    #expect(one.json.serialized() == two.json.serialized())
    #expect(one.inputs == [.demand, .unitCostInflation, .highNeedsBlockGrowth])
    #expect(one.nationalShock == 0.4)
    for (a, b) in zip(one.years, two.years) {
      #expect(a.reserveMean.value.bitPattern == b.reserveMean.value.bitPattern)
      #expect(a.reserveStandardDeviation.value.bitPattern == b.reserveStandardDeviation.value.bitPattern)
    }
  }

  @Test("a national shock puts the total's spread between independent and perfectly correlated authorities")
  func nationalShock() throws {
    let base = authoritiesScenarioText.replacingOccurrences(
      of: "  growth: 5%\n  placements:", with: "  model: linear\n  placements:")
    // Three authorities, each normal with sd 20·h (NormalTrend); in January 2023 (h = 3) sd 60.
    // Deviates correlated c: Var(total) = 3·60² + c·6·60². c = 0.5: sd 147.0; c = 0: 103.9;
    // c = 1 (no shock): 180. The sd is read from the 10th and 90th percentiles, whose standard
    // error is about 0.7% of it at N = 20,000; tolerance 3%.
    for (share, expected) in [(0.5, (21_600.0).squareRoot()), (0.0, (10_800.0).squareRoot()), (1.0, 180.0)] {
      let text = uncertainScenarioText("  national_shock: \(share * 100)%\n", base: base)
      let ledger = try Ledger(
        scenario: try ScenarioLoader.load(contentsOf: text, file: "n.yaml"), forecaster: NormalTrend())
      let year = try ledger.simulate(draws: 20_000, seed: 4).years[3]
      let sd = (year.plans.p90 - year.plans.p10) / (2 * Normal.quantile(0.9))
      #expect(abs(sd / expected - 1) < 0.03, "share \(share): sd \(sd), expected \(expected)")
      #expect(abs(year.plans.p50 - 2_100) < 0.05 * expected)
    }
  }

  @Test("inflation alone and growth alone spread the reserve as their standard deviations say")
  func costAndFundingInputs() throws {
    let text = uncertainScenarioText("  unit_cost_inflation: 2%\n  high_needs_block_growth: 3%\n")
    let ledger = try Ledger(scenario: try ScenarioLoader.load(contentsOf: text, file: "u.yaml"), forecaster: NormalTrend())
    let simulation = try ledger.simulate(draws: 4_000, seed: 8)
    #expect(simulation.inputs == [.demand, .unitCostInflation, .highNeedsBlockGrowth])
    // 2020-21 (index 1) is the first projected year: with inflation alone, its reserve moves by
    // −spend × 2%·ε/1.02. 2021-22 (index 2) is the first grown allocation: with growth alone,
    // by allocation × 3%·η/1.03. The sample sd of 4,000 normals is within 4.5% of 1 (4 SE).
    let inflationAlone = simulation.years[1].reserveStandardDeviationByInput[1].value
    let expectedInflation = try #require(ledger.years[1].spend).value * 0.02 / 1.02
    #expect(abs(inflationAlone / expectedInflation - 1) < 0.045)
    let growthAlone = simulation.years[2].reserveStandardDeviationByInput[2].value
    let expectedGrowth = try #require(ledger.years[2].highNeedsBlock).value * 0.03 / 1.03
    #expect(abs(growthAlone / expectedGrowth - 1) < 0.045)
    // Before the first grown year growth moves nothing; outturn years never move (a constant's
    // sample sd is its mean's rounding, far below a penny).
    #expect(simulation.years[1].reserveStandardDeviationByInput[2].value < 0.01)
    #expect(simulation.years[0].reserveStandardDeviation.value < 0.01)
    // The decomposition's shares and interaction add up to the whole.
    let spread = simulation.spread
    #expect(spread.year == ledger.years[3].year)
    #expect(abs(spread.parts.map(\.shareOfVariance).reduce(0, +) + spread.interactionShare - 1) < 1e-12)
    #expect(spread.parts.allSatisfy { $0.shareOfVariance > 0 && $0.shareOfVariance < 1 })
  }

  @Test("progress is reported, ends at 1, and never goes backwards")
  func progress() throws {
    let ledger = try Ledger(
      scenario: try ScenarioLoader.load(contentsOf: modelScenarioText, file: "m.yaml"), forecaster: NormalTrend())
    let seen = ProgressLog()
    _ = try ledger.simulate(draws: 3_000, seed: 1, threads: 1) { seen.add($0) }
    #expect(seen.values.count >= 6)
    #expect(seen.values.last == 1)
    #expect(zip(seen.values, seen.values.dropFirst()).allSatisfy { $0 <= $1 })
  }
}

/// Fractions reported by a simulation, in order.
final class ProgressLog: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [Double] = []
  func add(_ value: Double) { lock.withLock { list.append(value) } }
  var values: [Double] { lock.withLock { list } }
}

@Suite("Simulation: percentiles by selection")
struct SimulationPercentileTests {
  @Test("selected percentiles equal those of a full sort, ties and all")
  func againstSort() {
    var random = SplitMix64(seed: 3, stream: 0)
    for n in [2, 3, 10, 101, 5_000] {
      for ties in [false, true] {
        let values = (0..<n).map { _ in ties ? Double(random.next() % 7) : random.uniform() * 1e6 - 5e5 }
        #expect(Ledger.percentiles(values) == Self.bySorting(values), "n \(n) ties \(ties)")
      }
    }
  }

  /// The counting pass puts values in equal-width bins between the least and the greatest; a
  /// heavy tail puts nearly every value in one bin, a span too wide for a double (−1e308 to
  /// 1e308) cannot be divided into bins at all: every case must still give a sort's figures.
  @Test("binned selection equals a full sort on heavy tails, clusters and extreme spans")
  func awkwardRows() {
    var random = SplitMix64(seed: 11, stream: 0)
    let n = 20_001
    let rows: [(String, [Double])] = [
      ("exploding tail", (0..<n).map { _ in Foundation.exp(40 * random.uniform() * random.uniform() * random.uniform()) }),
      ("one outlier", (0..<n).map { $0 == 7 ? 1e300 : 1e6 + random.uniform() }),
      ("two clusters", (0..<n).map { $0 % 2 == 0 ? 1 + 1e-12 * random.uniform() : -5e9 - random.uniform() }),
      ("widest span", (0..<n).map { $0 == 0 ? -1e308 : $0 == 1 ? 1e308 : random.uniform() }),
      ("narrowest span", (0..<n).map { $0 % 3 == 0 ? 1 : 1.nextUp }),
    ]
    for (name, values) in rows { #expect(Ledger.percentiles(values) == Self.bySorting(values), "\(name)") }
  }

  /// Type 7 percentiles from a full sort.
  static func bySorting(_ values: [Double]) -> DemandSimulation.Percentiles<Double> {
    let sorted = values.sorted()
    let n = sorted.count
    func at(_ p: Double) -> Double {
      let position = p * Double(n - 1)
      let below = Int(position.rounded(.down))
      let above = min(below + 1, n - 1)
      return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }
    return DemandSimulation.Percentiles(p5: at(0.05), p10: at(0.1), p50: at(0.5), p90: at(0.9), p95: at(0.95))
  }
}
