import Foundation
import Testing

@testable import HighNeeds
@testable import ScenarioFiles
@testable import Projection
@testable import Reports

/// The catalogue of bad scenarios in `Fixtures/bad`: each file says, in `# expect:` lines at
/// its top (or in a `.expect` file beside it when the file must stay empty), the issues it must
/// produce, as `LINE:COLUMN | FIELD | TEXT`. The positions were worked out from the file text
/// when the catalogue was written, not copied from the program's output.
enum BadCatalogue {
  struct Expectation: CustomStringConvertible {
    let line: Int
    let column: Int?
    let field: String
    let text: String
    var description: String { "\(line):\(column.map(String.init) ?? "?") \(field): \(text)" }
  }

  static var folder: URL? {
    Bundle.module.resourceURL?.appendingPathComponent("Fixtures").appendingPathComponent("bad")
  }

  /// The catalogue's scenario files, by name.
  static func names() -> [String] {
    guard let folder, let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    return files.filter { $0.hasSuffix(".yaml") }.sorted()
  }

  static func expectations(for name: String) throws -> [Expectation] {
    let folder = try #require(folder)
    let sideFile = folder.appendingPathComponent(String(name.dropLast(5)) + ".expect")
    let source: String
    if let side = try? String(contentsOf: sideFile, encoding: .utf8) {
      source = side
    } else {
      source = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
    return source.split(separator: "\n").compactMap { line -> Expectation? in
      guard line.hasPrefix("# expect: ") else { return nil }
      let parts = line.dropFirst("# expect: ".count).components(separatedBy: " | ")
      guard parts.count == 3 else { return nil }
      let position = parts[0].split(separator: ":")
      guard let lineNumber = position.first.flatMap({ Int($0) }) else { return nil }
      return Expectation(
        line: lineNumber, column: position.count > 1 ? Int(position[1]) : nil, field: parts[1], text: parts[2])
    }
  }

  /// The `# expect-count: N` line, if the file has one.
  static func expectedCount(for name: String) throws -> Int? {
    let folder = try #require(folder)
    guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { return nil }
    let line = text.split(separator: "\n").first { $0.hasPrefix("# expect-count: ") }
    return line.flatMap { Int($0.dropFirst("# expect-count: ".count)) }
  }

  /// Loads a scenario and builds its ledger, returning the issues either step reports.
  static func issues(for name: String) throws -> [ScenarioIssue] {
    let folder = try #require(folder)
    let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    do {
      let scenario = try ScenarioLoader.load(contentsOf: text, file: name) { base in
        try String(contentsOf: folder.appendingPathComponent(base), encoding: .utf8)
      }
      _ = try Ledger(scenario: scenario)
      return []
    } catch let error as ScenarioError {
      return error.issues
    }
  }
}

@Suite("Bad scenario catalogue")
struct BadScenarioCatalogueTests {
  @Test("the catalogue holds at least 30 cases")
  func catalogueSize() {
    #expect(BadCatalogue.names().count >= 30)
  }

  @Test("each bad scenario reports the expected issues at the expected positions", arguments: BadCatalogue.names())
  func reportsExpectedIssues(name: String) throws {
    let expectations = try BadCatalogue.expectations(for: name)
    #expect(!expectations.isEmpty, "\(name) has no # expect: lines")
    let issues = try BadCatalogue.issues(for: name)
    #expect(!issues.isEmpty, "\(name) was accepted")
    for expectation in expectations {
      let matched = issues.contains { issue in
        issue.location.line == expectation.line
          && (expectation.column == nil || issue.location.column == expectation.column)
          && issue.field == expectation.field && issue.description.contains(expectation.text)
      }
      #expect(matched, "\(name): expected \(expectation); got:\n\(issues.map(\.description).joined(separator: "\n"))")
    }
    // Cases that guard against follow-on noise say how many issues there must be in all.
    if let count = try BadCatalogue.expectedCount(for: name) {
      #expect(issues.count == count, "\(name): \(issues.map(\.description).joined(separator: "\n"))")
    }
    for issue in issues {
      #expect(issue.location.file == name)
      #expect(issue.location.line >= 1 && issue.location.column >= 1)
    }
  }
}
