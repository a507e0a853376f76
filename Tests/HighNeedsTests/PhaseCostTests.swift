import Foundation
import TestSupport
import Testing

@testable import HighNeeds
@testable import Projection
@testable import ScenarioFiles

/// `costs.per_plan_by_phase` on a trend model with `demand.phases`: a placement's unit cost is
/// its phase costs weighted by the phase mix (the same in every setting), a phase without a
/// cost of its own taking `per_plan`'s.
@Suite("Unit costs by phase")
struct PhaseCostTests {
  @Test("special's cost is 40% × £18,000 + 40% × £24,000 + 20% × £20,000 = £20,800; the others keep per_plan")
  func weightedByPhase() throws {
    let text = smallScenario(title: "Phase costs")
      .replacingOccurrences(
        of: "    independent: 10%\n",
        with: "    independent: 10%\n  phases: {primary: 40%, secondary: 40%, post16: 20%}\n"
      )
      .replacingOccurrences(
        of: "    independent: £50,000\n",
        with: "    independent: £50,000\n  per_plan_by_phase:\n    special: {primary: £18k, secondary: £24k}\n")
    let ledger = try Ledger(scenario: try ScenarioLoader.load(contentsOf: text, file: "phases.yaml"))
    #expect(ledger.years.count == 4)
    for (k, year) in ledger.years.enumerated() {
      // Exact decimals but for the growth power: a penny is ample.
      #expect(abs(year.unitCost[Placement("special")]!.value - 20_800) < 0.01)
      #expect(abs(year.unitCost[Placement("mainstream")]!.value - 5_000) < 0.01)
      let special = 1000 * pow(1.1, Double(k)) * 0.4 * 20_800
      #expect(abs(year.spendByPlacement[Placement("special")]!.value - special) < 0.01)
    }
  }
}
