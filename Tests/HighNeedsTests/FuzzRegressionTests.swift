import HighNeeds
import ScenarioFiles
import Testing
import TestSupport

/// Inputs the fuzzers in `fuzz/` found, minimised, kept so each defect stays fixed.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
  /// Loads `text`, writes `size` for the lever called `name` the way `solve --output` does,
  /// and loads the result: it must load, with the lever at the new size.
  func rewrite(_ text: String, lever name: String, to size: Double) throws -> (text: String, size: Double?) {
    let scenario = try ScenarioLoader.load(contentsOf: text, file: "regression.yaml")
    let lever = try #require(scenario.levers.first { $0.name == name })
    let at = try #require(lever.sizeLocation)
    let written = ScenarioRewriter.text(forSize: size, of: lever)
    let rewritten = try #require(
      ScenarioRewriter.replacingScalar(in: text, line: at.line, column: at.column, with: written))
    let reloaded = try ScenarioLoader.load(contentsOf: rewritten, file: "regression.yaml")
    return (rewritten, reloaded.levers.first { $0.name == name }?.size)
  }

  /// fuzz-roundtrip (seed every-lever-kind.yaml): in a flow mapping the plain scalar ended
  /// at the line's end, so `{..., change: -5%, start: 2022-23}` became `{..., change: -2.5%`
  /// and the file no longer parsed. A plain scalar in a flow collection ends at `,`, `]`, `}`.
  @Test("a lever size in a flow mapping is replaced without what follows it")
  func flowMappingSize() throws {
    let text = smallScenario(
      title: "flow", extra: "levers:\n  - {name: cost, type: unit_cost, placement: mainstream, change: -5%, start: 2020-21}\n")
    let result = try rewrite(text, lever: "cost", to: -0.025)
    #expect(result.text.contains("{name: cost, type: unit_cost, placement: mainstream, change: -2.5%, start: 2020-21}"))
    // -2.5% read back: the rewriter writes percentages to 6 decimals, so within 5e-9.
    #expect(abs((result.size ?? .nan) - -0.025) < 5e-9)
  }

  /// The same in a flow sequence of flow mappings, and with the size last before `}`.
  @Test("a lever size last in a flow mapping keeps the closing brace")
  func flowMappingSizeLast() throws {
    let text = smallScenario(
      title: "flow", extra: "levers: [{name: g, type: demand_growth, start: 2020-21, change: -1%}]\n")
    let result = try rewrite(text, lever: "g", to: -0.005)
    #expect(result.text.contains("levers: [{name: g, type: demand_growth, start: 2020-21, change: -0.5%}]"))
    #expect(abs((result.size ?? .nan) - -0.005) < 5e-9)
  }
}
