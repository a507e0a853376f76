import Foundation
import Testing

@testable import Forecasting

/// The flow changes the scenario levers make: new plans, the placement share of new plans and
/// ceasing rates, on the central path and on the simulated totals.
struct CohortFlowChangeTests {
  static func model(horizon: Int = 4) throws -> CohortModel {
    let h = CohortModelTests.history()
    let start: [[Double]] = h.stock[2024]!.map { [$0 * 0.6, $0 * 0.3, $0 * 0.1] }
    let mix: [[Double]] = Array(repeating: [5, 3, 2], count: 5)
    return try CohortModel(
      history: h, placements: ["a", "b", "c"], startYear: 2024, start: start, newPlanMix: mix, fitFrom: 2020,
      horizon: horizon)
  }

  /// No change is the model's own path and simulation, value for value: the central path
  /// equals `centralPath(years:)` and the simulated totals, sorted, give `simulate`'s bounds
  /// (same generator, same draws in the same order; type-7 quantiles here by hand).
  @Test func noChangeIsTheModelsOwnPathAndSimulation() throws {
    let model = try Self.model()
    #expect(model.centralPath(years: 3, changes: []) == model.centralPath(years: 3))
    let simulated = model.simulate(years: 3, paths: 101, seed: 11)
    let totals = model.simulatedTotals(years: 3, paths: 101, seed: 11, changes: [.none, .none])
    for (k, year) in simulated.years.enumerated() {
      // 101 paths: the 10% and 90% quantiles are the 11th and 91st values (h = 100p exactly).
      #expect(totals[k][10] == year.total.bounds[0].0)
      #expect(totals[k][90] == year.total.bounds[0].1)
      #expect(abs(totals[k].reduce(0, +) / 101 - year.total.mean) < 1e-9 * year.total.mean)
    }
  }

  /// A share change moves new plans between placements and keeps each band's total: placement
  /// c's share of new plans (20%) × 0.5 is 10%, a and b scaled by 0.9 / 0.8 (50% → 56.25%,
  /// 30% → 33.75%); one step's band totals are the unchanged path's, and c gets exactly half
  /// its new plans (the stock and movers part is the same in both).
  @Test func shareChangeMovesNewPlansWithinABand() throws {
    let model = try Self.model()
    let change = CohortFlowChange(newPlanShare: [2: 0.5])
    let mix = model.newPlanMix(with: change)
    for row in mix {
      #expect(abs(row[0] - 0.5625) < 1e-12 && abs(row[1] - 0.3375) < 1e-12 && abs(row[2] - 0.1) < 1e-12)
    }
    let base = model.centralPath(years: 1)[0]
    let moved = model.centralPath(years: 1, changes: [change])[0]
    for b in 0..<5 {
      #expect(abs(base[b].reduce(0, +) - moved[b].reduce(0, +)) < 1e-9)
      let newPlans = model.newPlans[b].points[0].mean
      #expect(abs((base[b][2] - moved[b][2]) - newPlans * 0.1) < 1e-9)
    }
  }

  /// A ceasing change multiplies one band's ceasing rate: one step of the 16-19 band with its
  /// rate × 1.5 keeps 0.5 × c × S fewer plans (S its opening stock), and no other band moves.
  @Test func ceasingChangeActsOnItsBand() throws {
    let model = try Self.model()
    var factors = [Double](repeating: 1, count: 5)
    factors[3] = 1.5
    let base = model.centralPath(years: 1)[0]
    let changed = model.centralPath(years: 1, changes: [CohortFlowChange(ceasing: factors)])[0]
    let opening = model.start[3].reduce(0, +)
    let expected = 0.5 * model.ceasing[3].mean * opening
    #expect(abs((base[3].reduce(0, +) - changed[3].reduce(0, +)) - expected) < 1e-9 * expected)
    for b in [0, 1, 2, 4] { #expect(base[b] == changed[b]) }
  }

  /// Halving new plans lowers every path's totals (common random numbers), so every order
  /// statistic of the sorted totals falls, from the first changed year on, and not before.
  @Test func halvingLowersSimulatedTotals() throws {
    let model = try Self.model()
    let half = CohortFlowChange(newPlans: 0.5)
    let base = model.simulatedTotals(years: 3, paths: 50, seed: 3, changes: [])
    let cut = model.simulatedTotals(years: 3, paths: 50, seed: 3, changes: [.none, half, half])
    #expect(base[0] == cut[0])
    for k in 1..<3 { for i in 0..<50 { #expect(cut[k][i] < base[k][i]) } }
  }
}
