import Testing

@testable import HighNeeds
@testable import ScenarioFiles

@Suite("Scenario files: the uncertainty section")
struct UncertaintyLoaderTests {
  @Test("no section means no uncertainty beyond demand")
  func absent() throws {
    let scenario = try ScenarioLoader.load(contentsOf: modelScenarioText, file: "m.yaml")
    #expect(scenario.uncertainty == .none)
    #expect(!scenario.uncertainty.drawsInflation && !scenario.uncertainty.drawsGrowth)
  }

  @Test("one rate applies to every year; a mapping gives years of its own; settings inflate on their own")
  func read() throws {
    let text = uncertainScenarioText(
      """
        unit_cost_inflation: 1.5%
        unit_cost_inflation_by_setting:
          special: {2021-22: 2%, 2022-23: 0.03}
        high_needs_block_growth:
          2022-23: 1%

      """)
    let scenario = try ScenarioLoader.load(contentsOf: text, file: "u.yaml")
    let years = scenario.financialYears
    #expect(scenario.uncertainty.unitCostInflation == Dictionary(uniqueKeysWithValues: years.map { ($0, 0.015) }))
    #expect(
      scenario.uncertainty.unitCostInflationBySetting == [
        Placement("special"): [years[2]: 0.02, years[3]: 0.03]
      ])
    #expect(scenario.uncertainty.highNeedsBlockGrowth == [years[3]: 0.01])
    #expect(scenario.uncertainty.nationalShock == nil)
    #expect(scenario.uncertainty.drawsInflation && scenario.uncertainty.drawsGrowth)
  }

  @Test("a national shock is read for several authorities")
  func shock() throws {
    let text = authoritiesScenarioText + "\nuncertainty:\n  national_shock: 60%\n"
    let scenario = try ScenarioLoader.load(contentsOf: text, file: "a.yaml")
    #expect(scenario.uncertainty.nationalShock == 0.6)
  }
}
