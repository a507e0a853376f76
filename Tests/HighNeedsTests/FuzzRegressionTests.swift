import Foundation
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

  /// fuzz-roundtrip (CI's 60 s smoke run at 748db20), kept as found in
  /// `Fixtures/fuzz/roundtrip-timeout-yams-duplicate-keys.yaml`: a malformed scenario in which
  /// a mapping key became a flow list of nested aliases (9⁸ values). Yams' duplicate-key check
  /// hashed that key value by value before the loader's 200,000-value limit was checked, about
  /// 30 s before the syntax error. Counted from libyaml's events first, the limit stops it at
  /// the alias that passes 200,000 values: line 24 (`f: &f [*e,*e,...`), the second `*e`,
  /// column 11 (the count recomputed independently from PyYAML's events gives the same place).
  @Test("a key of nested aliases is refused before Yams hashes it")
  func nestedAliasKey() throws {
    let url = try #require(
      Bundle.module.resourceURL?.appendingPathComponent("Fixtures/fuzz/roundtrip-timeout-yams-duplicate-keys.yaml"))
    let text = try String(contentsOf: url, encoding: .utf8)
    let error = try #require(throws: ScenarioError.self) {
      try ScenarioLoader.load(contentsOf: text, file: "finding.yaml")
    }
    #expect(error.issues.count == 1)
    let issue = try #require(error.issues.first)
    #expect(issue.problem.hasPrefix("the file expands to more than 200000 values"))
    #expect(issue.location == SourceLocation(file: "finding.yaml", line: 24, column: 11))
  }

  /// The same defect written on purpose: an explicit key (`? `) that is a list of nested
  /// aliases (2 × 9⁷ values) in an otherwise well-formed file. Without the count first, Yams
  /// hashed the key for seconds and the old limit then named line 1. Now it is refused at the
  /// alias that passes the limit, while the anchors are still being defined.
  @Test("an explicit key of nested aliases is refused at the alias that passes the limit")
  func explicitNestedAliasKey() throws {
    var lines = ["a: &a [x,x,x,x,x,x,x,x,x]"]
    for (name, previous) in zip("bcdefgh", "abcdefg") {
      lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
    }
    lines.append("? [*h, *h]")
    lines.append(": 1")
    let error = try #require(throws: ScenarioError.self) {
      try ScenarioLoader.load(contentsOf: lines.joined(separator: "\n") + "\n", file: "key.yaml")
    }
    #expect(error.issues.count == 1)
    #expect(error.issues.first?.problem.hasPrefix("the file expands to more than 200000 values") == true)
    // Line 6 (`f: &f [*e,*e,...`): the root mapping and a..e with their keys count
    // 1 + 11 + 92 + 821 + 7382 + 66431 = 74738, key f and f's list 74740, the first *e 141170,
    // the second (column 11) 207600 (PyYAML's events, counted the same way, agree).
    #expect(error.issues.first?.location == SourceLocation(file: "key.yaml", line: 6, column: 11))
  }
}
