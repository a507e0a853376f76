import Testing
import TestSupport

@testable import HighNeeds
@testable import ScenarioFiles
@testable import Projection
@testable import Reports

/// 1,000 plans in January 2020 growing 10% a year; 50% mainstream (£5,000), 40% special
/// (£20,000, 600 places), 10% independent (£50,000); £20m a year; no inflation.
func leverScenario(levers: String, outturn: String = "") -> String {
  """
  scenario: Levers by hand
  \(smallScenarioBody)
  \(outturn)
  places:
    overflow: independent
    settings:
      special:
        capacity: 600
  levers:

  """ + levers
}

let allLevers = """
    - name: Move to special
      type: move_placements
      from: independent
      to: special
      plans_per_year: 10
      start: 2020-21
      ramp: [50%, 100%]
    - name: Special banding
      type: unit_cost
      placement: special
      change: -5%
      start: 2021-22
    - name: Transfer
      type: block_transfer
      amount: £1m
      start: 2022-23
    - name: One-off
      type: one_off_saving
      amounts:
        2020-21: £0.3m
    - name: Grant
      type: extra_funding
      amounts:
        2021-22: £0.2m
    - name: Early help
      type: demand_growth
      change: -1%
      start: 2022-23

  """

@Suite("Levers, recomputed by hand")
struct LeverTests {
  // Money to a penny: a few dozen double operations on amounts under £100m.
  let pennies = 0.01

  func ledger(_ text: String) throws -> Ledger {
    try Ledger(scenario: try ScenarioLoader.load(contentsOf: text, file: "levers.yaml"))
  }

  @Test("every lever type moves spend and funding as documented")
  func handChecked() throws {
    let ledger = try ledger(leverScenario(levers: allLevers))
    // Per year: plans, stock moved (10 × ramp, cumulative), special cost, one-off, extra funding.
    let plans = [1000.0, 1100, 1210, 1331 * 0.99]
    let moved = [0.0, 5, 15, 25]
    let specialCost = [20000.0, 20000, 19000, 19000]
    let oneOff = [0.0, 300_000, 0, 0]
    let funding = [20_000_000.0, 20_000_000, 20_200_000, 21_000_000]
    for index in 0..<4 {
      let mainstream = plans[index] * 0.5
      let special = plans[index] * 0.4 + moved[index]
      let independent = plans[index] * 0.1 - moved[index]
      let spend = mainstream * 5000 + special * specialCost[index] + independent * 50000 - oneOff[index]
      let year = ledger.years[index]
      #expect(abs((year.spend?.value ?? 0) - spend) < pennies, "\(year.year)")
      #expect(abs((year.funding?.value ?? 0) - funding[index]) < pennies, "\(year.year)")
      #expect(abs(year.demand.plans - plans[index]) < 1e-9)
    }
  }

  @Test("attributed savings add up exactly to the difference the levers make")
  func attributionAddsUp() throws {
    let with = try ledger(leverScenario(levers: allLevers))
    let without = try ledger(
      leverScenario(levers: "    []\n").replacingOccurrences(of: "  levers:\n\n    []", with: "  levers: []"))
    #expect(with.leverSavings.count == 6)
    for (index, year) in with.years.enumerated() {
      let attributed = with.leverSavings.map { $0.byYear[year.year]?.value ?? 0 }.reduce(0, +)
      let difference = year.inYearBalance.value - without.years[index].inYearBalance.value
      #expect(abs(attributed - difference) < pennies, "\(year.year)")
    }
    // The move saves (£50,000 − £20,000) a plan moved, before the banding cut applies.
    let move = try #require(with.leverSavings.first)
    #expect(abs((move.byYear[FinancialYear(startYear: 2020)]?.value ?? 0) - 5 * 30000) < pennies)
  }

  @Test("a move is capped by spare places in the setting it fills")
  func moveCappedByPlaces() throws {
    let text = leverScenario(levers: allLevers).replacingOccurrences(of: "capacity: 600", with: "capacity: 450")
    let ledger = try ledger(text)
    // 2021-22: special demand 484 > 450 places, so nothing can move in; 2020-21: 440, 10 spare.
    let year2020 = ledger.years[1]
    let year2021 = ledger.years[2]
    #expect(abs((year2020.demandByPlacement[Placement("special")] ?? 0) - (440 + 5)) < 1e-9)
    #expect(abs((year2021.demandByPlacement[Placement("special")] ?? 0) - 484) < 1e-9)
  }

  @Test("levers never change an outturn year")
  func outturnsUntouched() throws {
    let text = leverScenario(
      levers: allLevers.replacingOccurrences(of: "start: 2022-23\n\n", with: "start: 2019-20\n\n"),
      outturn: "reserve:\n  outturn:\n    2020-21: £2m")
    let ledger = try ledger(text)
    let year = ledger.years[1]
    #expect(year.actual)
    #expect(abs(year.inYearBalance.value - -2_000_000) < pennies)
    #expect(abs((year.spend?.value ?? 0) - 22_000_000) < pennies)
  }
}
