import Testing

@testable import HighNeeds
@testable import ScenarioFiles
@testable import Projection
@testable import Reports

@Suite("Demand range")
struct DemandRangeTests {
  @Test("the range's ledgers equal ledgers built on the interval edges as plain forecasts")
  func edgesAreLedgers() throws {
    let text = handScenarioText.replacingOccurrences(
      of: "  growth: 5%\n  placements:", with: "  model: linear\n  placements:"
    )
    .replacingOccurrences(of: "    growth: 5%\n", with: "    model: linear\n")
    let scenario = try ScenarioLoader.load(contentsOf: text, file: "t.yaml")
    let means = [2021: 1300.0, 2022: 1350, 2023: 1500]
    let ledger = try Ledger(scenario: scenario, forecaster: FixedTrend(plans: means))
    let range = try #require(try ledger.demandRange())
    #expect(range.bands.map(\.level) == [80, 95])
    // FixedTrend's 95% interval is the mean ± 20 plans.
    let high = try Ledger(scenario: scenario, forecaster: FixedTrend(plans: means.mapValues { $0 + 20 }))
    let low = try Ledger(scenario: scenario, forecaster: FixedTrend(plans: means.mapValues { $0 - 20 }))
    let band = range.bands[1]
    for index in ledger.years.indices {
      // Same arithmetic in a different order of construction: a penny is ample.
      #expect(abs(band.highDemand.years[index].reserve.value - high.years[index].reserve.value) < 0.01)
      #expect(abs(band.lowDemand.years[index].reserve.value - low.years[index].reserve.value) < 0.01)
    }
    #expect(band.highDemand.years[3].reserve < ledger.years[3].reserve)
    #expect(LedgerReport(ledger, range: range).json().serialized().contains("\"reserveAtHighDemand95\""))
  }

  @Test("a constant growth rate has no interval, so no range")
  func noIntervals() throws {
    let ledger = try Ledger(scenario: try ScenarioLoader.load(contentsOf: handScenarioText, file: "t.yaml"))
    #expect(try ledger.demandRange() == nil)
  }
}
