import Testing

@testable import HighNeeds
@testable import ScenarioFiles
@testable import Projection
@testable import Reports

@Suite("extends: options over a baseline")
struct ExtendsTests {
  /// Files by name, for a loader that reads from memory.
  let files = [
    "base/baseline.yaml": handScenarioText,
    "base/option.yaml": """
    extends: baseline.yaml
    scenario: Option
    funding:
      growth: 10%
    """,
    "base/broken-option.yaml": """
    extends: broken-base.yaml
    scenario: Option on a broken base
    """,
    "base/broken-base.yaml": handScenarioText.replacingOccurrences(of: "inflation: 2%", with: "inflation: lots"),
    "base/model-option.yaml": """
    extends: baseline.yaml
    scenario: A fitted model instead of the baseline's growth, per authority
    demand:
      model: linear
      authorities:
        Northshire: {2018: 300, 2020: 400}
        Southshire: {2018: 700, 2020: 800}
    """,
  ]

  func load(_ name: String) throws -> Scenario {
    try ScenarioLoader.load(contentsOf: files[name] ?? "", file: name) { path in
      guard let text = files[path] else { throw ScenarioError(issues: []) }
      return text
    }
  }

  @Test("an option overrides only what it names; everything else comes from the base")
  func overrides() throws {
    let option = try load("base/option.yaml")
    let base = try load("base/baseline.yaml")
    #expect(option.name == "Option")
    #expect(option.funding.growth == 0.10)
    #expect(base.funding.growth == 0.03)
    #expect(option.funding.highNeedsBlock == base.funding.highNeedsBlock)
    #expect(option.authority == "Testshire")
    // Fields inherited from the base keep the base file's positions.
    #expect(option.location(of: "costs").file == "base/baseline.yaml")
    #expect(option.location(of: "funding.growth").file == "base/option.yaml")
  }

  @Test("an option that gives one of two alternatives (model/growth, census/authorities) replaces the other")
  func alternativesReplace() throws {
    let option = try load("base/model-option.yaml")
    #expect(option.demand.growth == nil)
    #expect(option.demand.model == .linear)
    #expect(option.demand.authorities.map(\.name) == ["Northshire", "Southshire"])
    #expect(option.demand.census == [CensusYear(2018): 1000, CensusYear(2020): 1200])
    // The rest of demand (the placement mix) still comes from the base.
    #expect(option.demand.placements == (try load("base/baseline.yaml")).demand.placements)
    #expect(option.location(of: "demand.placements").file == "base/baseline.yaml")
  }

  @Test("a problem in the base file is reported against the base file, not the option")
  func baseIssuesNameTheBase() throws {
    let error = try #require(throws: ScenarioError.self) { try load("base/broken-option.yaml") }
    let issue = try #require(error.issues.first { $0.field == "costs.inflation" })
    #expect(issue.location.file == "base/broken-base.yaml")
    #expect(issue.location.line == 20)  // `  inflation: lots` is line 20 of the hand scenario
  }

  @Test("a base that cannot be read is one issue, not one per missing field")
  func missingBase() throws {
    let error = try #require(throws: ScenarioError.self) {
      try ScenarioLoader.load(contentsOf: "extends: nowhere.yaml\nscenario: Option\n", file: "base/lost.yaml") { _ in
        throw ScenarioError(issues: [])
      }
    }
    #expect(error.issues.count == 1)
    #expect(error.issues.first?.field == "extends")
    #expect(error.issues.first?.location.line == 1)
  }

  @Test("paths resolve against the extending file's folder")
  func resolution() {
    #expect(ScenarioLoader.resolve("b.yaml", against: "scenarios/a.yaml") == "scenarios/b.yaml")
    #expect(ScenarioLoader.resolve("b.yaml", against: "a.yaml") == "b.yaml")
    #expect(ScenarioLoader.resolve("/abs/b.yaml", against: "scenarios/a.yaml") == "/abs/b.yaml")
  }
}
