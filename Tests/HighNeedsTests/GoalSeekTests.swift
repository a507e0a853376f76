import Testing

@testable import HighNeeds
@testable import ScenarioFiles
@testable import Projection
@testable import Reports

@Suite("Goal seeking")
struct GoalSeekTests {
  /// The lever scenario with one block transfer to size: spend is fixed, so the balance in a
  /// year rises one for one with the transfer, and the answer is known by hand.
  let text = leverScenario(
    levers: """
        - name: Transfer
          type: block_transfer
          amount: £1m
          start: 2021-22

      """)

  @Test("a transfer that balances 2022-23 equals that year's overspend, found by hand")
  func transferBalances() throws {
    let scenario = try ScenarioLoader.load(contentsOf: text, file: "solve.yaml")
    // 2022-23 spend by hand: 1,331 plans × (0.5 × £5,000 + 0.4 × £20,000 + 0.1 × £50,000); funding £20m.
    let overspend = 1331 * (0.5 * 5000 + 0.4 * 20000 + 0.1 * 50000) - 20_000_000
    let result = try GoalSeek.solve(scenario, lever: "Transfer", target: .inYearBalance(FinancialYear(startYear: 2022)))
    #expect(result.met)
    // Bisection stops at 1e-9 of the £1bn bound: about £1.
    #expect(abs(result.value - overspend) < 2)
    #expect(result.margin.value >= 0)
  }

  @Test("targets parse in both forms and refuse others")
  func targets() throws {
    if case .reserveAtLeast(let amount, let year) = try SolveTarget(parsing: "reserve-at-least:-£5m:2025-26") {
      #expect(amount == Pounds(-5_000_000))
      #expect(year == FinancialYear(startYear: 2025))
    } else {
      Issue.record("reserve-at-least did not parse")
    }
    #expect(throws: ValueProblem.self) { try SolveTarget(parsing: "balance:2024-25") }
    #expect(throws: ValueProblem.self) { try SolveTarget(parsing: "in-year-balance:2024") }
  }

  @Test("the rewriter replaces only the value and keeps the comment")
  func rewriter() {
    let text = "levers:\n  - change: -2%      # assumption\n"
    let rewritten = ScenarioRewriter.replacingScalar(in: text, line: 2, column: 13, with: "-5.25%")
    #expect(rewritten == "levers:\n  - change: -5.25%      # assumption\n")
    #expect(ScenarioRewriter.replacingScalar(in: text, line: 9, column: 1, with: "x") == nil)
  }
}
