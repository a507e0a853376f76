import HighNeeds
import Foundation
import Yams

/// Reads and validates scenario files.
///
/// The YAML is composed to Yams' node tree (not decoded straight to `Codable`) so that every
/// value keeps its line and column. Reading carries on past problems and reports all of them
/// together in one ``ScenarioError``.
///
/// ```swift
/// let scenario = try ScenarioLoader.load(contentsOf: text, file: "medway-2020.yaml")
/// ```
public enum ScenarioLoader {
  /// The top-level keys a scenario may have.
  static let topLevelKeys = [
    "extends", "scenario", "authority", "years", "demand", "costs", "funding", "reserve", "calibrate", "places",
    "levers", "uncertainty",
  ]

  /// How deep a chain of `extends:` may go.
  static let maximumExtendsDepth = 8

  /// Parses and validates a scenario from YAML text.
  ///
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - file: the path to name in messages, and against which `extends:` paths are resolved.
  ///   - readFile: reads a base scenario named by `extends:` (a path already resolved against the
  ///     extending file's folder). Without it, a scenario that extends another is an issue.
  /// - Throws: ``ScenarioError`` listing every problem found, each with file, line, column,
  ///   field, what was wrong and what was expected.
  public static func load(
    contentsOf text: String, file: String, readFile: ((String) throws -> String)? = nil
  ) throws -> Scenario {
    let reader = NodeReader(file: file)
    let root = try resolvedTree(text: text, file: file, readFile: readFile, chain: [file], reader: reader)
    let scenario = read(root: Located(node: root, path: ""), reader: reader)
    guard reader.issues.isEmpty, let scenario else {
      throw ScenarioError(issues: reader.issues)
    }
    return scenario
  }

  /// Composes `text` and, when it `extends:` another file, lays it over that file's tree.
  ///
  /// Syntax errors in any file of the chain are thrown at once (nothing else can be read);
  /// problems with the `extends:` value itself are recorded in `reader`.
  static func resolvedTree(
    text: String, file: String, readFile: ((String) throws -> String)?, chain: [String], reader: NodeReader
  ) throws -> SourceNode {
    // Before Yams composes: its duplicate-key check would hash every expanded value of a key.
    if let (line, column) = AliasExpansion.firstPositionBeyond(SourceNode.maximumValues, in: text) {
      throw ScenarioError(issues: [
        SourceNode.expansionIssue(at: SourceLocation(file: file, line: line, column: column))
      ])
    }
    let composed: Node
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw ScenarioError(issues: [
          ScenarioIssue(
            location: SourceLocation(file: file, line: 1, column: 1), field: "",
            problem: "the file is empty",
            expected: "a scenario with scenario, authority, years, demand, costs and funding")
        ])
      }
      composed = node
    } catch let error as ScenarioError {
      throw error
    } catch {
      throw ScenarioError(issues: [syntaxIssue(error, text: text, file: file)])
    }
    var conversionIssues: [ScenarioIssue] = []
    let tree = SourceNode.from(composed, file: file, issues: &conversionIssues)
    reader.append(conversionIssues)
    guard case .mapping(let entries, let at) = tree, let extends = entries.first(where: { $0.key == "extends" }) else {
      return tree
    }
    let own = SourceNode.mapping(entries.filter { $0.key != "extends" }, at: at)
    let value = Located(node: extends.value, path: "extends")
    guard let name = reader.text(value, expected: "the path of the scenario this one builds on") else {
      reader.baseMissing = true
      return own
    }
    let path = resolve(name, against: file)
    guard chain.count < maximumExtendsDepth else {
      reader.baseMissing = true
      reader.report(
        value, "scenarios extend each other more than \(maximumExtendsDepth) deep", expected: "a shorter chain")
      return own
    }
    guard !chain.contains(path) else {
      reader.baseMissing = true
      reader.report(
        value,
        "'\(name)' is already in the chain \((chain + [path]).joined(separator: " → ")): a scenario cannot extend itself",
        expected: "a base scenario that does not extend this one")
      return own
    }
    guard let readFile else {
      reader.baseMissing = true
      reader.report(
        value, "this scenario extends '\(name)', but no base file can be read here",
        expected: "a scenario without extends:")
      return own
    }
    let baseText: String
    do {
      baseText = try readFile(path)
    } catch {
      reader.baseMissing = true
      reader.report(
        value, "cannot read the base scenario '\(path)': \(error)",
        expected: "the path of a readable scenario file, relative to this one")
      return own
    }
    let base = try resolvedTree(text: baseText, file: path, readFile: readFile, chain: chain + [path], reader: reader)
    return base.merged(with: own)
  }

  /// `name` relative to the folder of `file`, unless it is absolute. Pure string arithmetic.
  static func resolve(_ name: String, against file: String) -> String {
    guard !name.hasPrefix("/"), let slash = file.lastIndex(of: "/") else { return name }
    return String(file[...slash]) + name
  }

  /// Turns a Yams error into an issue at the line and column libyaml reported.
  static func syntaxIssue(_ error: Error, text: String, file: String) -> ScenarioIssue {
    func issue(_ mark: SourceLocation, _ problem: String) -> ScenarioIssue {
      ScenarioIssue(
        location: mark, field: "",
        problem: "YAML syntax: \(problem)", expected: "well-formed YAML (check indentation, colons and quotes)")
    }
    guard let yaml = error as? YamlError else {
      return issue(SourceLocation(file: file, line: 1, column: 1), String(describing: error))
    }
    switch yaml {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let during = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
      return issue(SourceLocation(file: file, line: mark.line, column: mark.column), problem + during)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return ScenarioIssue(
        location: SourceLocation(file: file, line: context.mark.line, column: context.mark.column), field: "",
        problem:
          "duplicate key \(names) in one mapping\(duplicates.map(Suggestion.flowCommaHint).first { !$0.isEmpty } ?? "")",
        expected: "each key once; merge the two entries")
    case .reader(let problem, let offset, _, _):
      var line = 1
      var column = 1
      if let offset {
        for character in text.prefix(max(0, offset)) {
          if character == "\n" {
            line += 1
            column = 1
          } else {
            column += 1
          }
        }
      }
      return issue(SourceLocation(file: file, line: line, column: column), problem)
    default:
      return issue(SourceLocation(file: file, line: 1, column: 1), String(describing: yaml))
    }
  }

  /// Reads the whole tree; returns nil when a required part could not be read.
  static func read(root: Located, reader: NodeReader) -> Scenario? {
    guard let top = reader.mapping(root, expected: "a scenario mapping (scenario:, authority:, years:, ...)") else {
      return nil
    }
    top.rejectUnknownKeys(allowed: topLevelKeys)
    var locations: [String: SourceLocation] = ["": reader.location(root.mark)]
    for entry in top.entries { locations[entry.value.path] = reader.location(entry.value.mark) }

    let name = top.value("scenario", required: true, expected: "a title").flatMap {
      reader.text($0, expected: "a title")
    }
    let authority = top.value("authority", required: true, expected: "the local authority's name").flatMap {
      reader.text($0, expected: "the local authority's name")
    }
    let years = top.value("years", required: true, expected: "a range such as 2018-19 to 2025-26").flatMap {
      readYears($0, reader: reader)
    }
    var sections = SectionReader(reader: reader, years: years)
    let demand = top.value("demand", required: true, expected: "census counts, model and placements").flatMap {
      sections.demand($0, locations: &locations)
    }
    sections.usesCohort = demand?.usesCohort ?? false
    let costs = top.value("costs", required: true, expected: "per_plan costs, inflation and other spend").flatMap {
      sections.costs(
        $0, placements: sections.usesCohort ? nil : demand?.placements, phases: phaseNames(demand),
        locations: &locations)
    }
    let funding = top.value("funding", required: true, expected: "high_needs_block allocations").flatMap {
      sections.funding($0, locations: &locations)
    }
    let reserve =
      top.value("reserve").map { sections.reserve($0, locations: &locations) }
      ?? ReserveSpec(opening: .zero, outturn: [:])
    let calibrate = top.value("calibrate").flatMap {
      reader.scalar($0, expected: FriendlyValues.yearForms, FriendlyValues.financialYear)
    }

    let costed = costs.map { $0.perPlan.keys.map(\.name).sorted() }
    let levers = top.value("levers").map { sections.levers($0, costed: costed) } ?? []
    let places = top.value("places").flatMap {
      sections.places(
        $0, placements: sections.usesCohort ? nil : demand?.placements,
        groups: [
          .need: demand?.needs ?? [:],
          .phase: sections.usesCohort
            ? Dictionary(uniqueKeysWithValues: CohortPhase.names.map { ($0, 0) }) : demand?.phases ?? [:],
        ],
        locations: &locations)
    }

    let uncertainty = top.value("uncertainty").map {
      sections.uncertainty(
        $0, costed: costed, authorities: !(demand?.authorities.isEmpty ?? true), locations: &locations)
    }

    guard let name, let authority, var demand, let years, let costs, let funding else { return nil }
    if demand.usesCohort, demand.cohortAuthority == nil { demand.cohortAuthority = authority }
    var scenario = Scenario(
      name: name, authority: authority, years: years, demand: demand, costs: costs, funding: funding,
      reserve: reserve, calibrate: calibrate, places: places, levers: levers, locations: locations)
    scenario.uncertainty = uncertainty ?? .none
    ScenarioChecks(reader: reader, scenario: scenario, top: top).run()
    return scenario
  }

  /// The phases `costs.per_plan_by_phase` may name: the cohort model's, else `demand.phases`'.
  static func phaseNames(_ demand: DemandSpec?) -> [String] {
    guard let demand else { return [] }
    return demand.usesCohort ? CohortPhase.names : demand.phases.keys.sorted()
  }

  /// Reads `years:` as `2018-19 to 2025-26`, or a mapping `{first: 2018-19, last: 2025-26}`.
  static func readYears(_ value: Located, reader: NodeReader) -> ClosedRange<FinancialYear>? {
    let expected = "a range such as 2018-19 to 2025-26"
    var bounds: (FinancialYear, FinancialYear)?
    if case .mapping = value.node, let map = reader.mapping(value, expected: expected) {
      map.rejectUnknownKeys(allowed: ["first", "last"])
      let first = map.value("first", required: true, expected: FriendlyValues.yearForms).flatMap {
        reader.scalar($0, expected: FriendlyValues.yearForms, FriendlyValues.financialYear)
      }
      let last = map.value("last", required: true, expected: FriendlyValues.yearForms).flatMap {
        reader.scalar($0, expected: FriendlyValues.yearForms, FriendlyValues.financialYear)
      }
      if let first, let last { bounds = (first, last) }
    } else {
      bounds = reader.scalar(value, expected: expected) { text in
        let parts = text.components(separatedBy: " to ")
        guard parts.count == 2 else {
          throw ValueProblem(problem: "'\(text)' is not a range of years", expected: expected)
        }
        return (try FriendlyValues.financialYear(parts[0]), try FriendlyValues.financialYear(parts[1]))
      }
    }
    guard let (first, last) = bounds else { return nil }
    guard first <= last else {
      reader.report(
        value, "the range ends (\(last)) before it starts (\(first))", expected: "the first year before the last")
      return nil
    }
    guard first.distance(to: last) < 100 else {
      reader.report(value, "the range spans \(first.distance(to: last) + 1) years", expected: "at most 100 years")
      return nil
    }
    return first...last
  }
}
