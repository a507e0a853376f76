import Foundation
import Testing
import TestSupport

/// Every shipped scenario × every format, and fit, forecast, backtest and validate: standard
/// output byte for byte against `Fixtures/golden/out/`, written by `make_golden.sh` before the
/// report code moved (issue 11). A change to any report shows here; a deliberate one regenerates
/// the file it changes, in the same commit, and says why.
@Suite("Golden outputs")
struct GoldenOutputTests {
  static let folder = repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/golden")

  /// The cases of `cases.txt`: a name and the arguments (double quotes group words).
  static func cases() throws -> [(name: String, arguments: [String])] {
    let text = try String(contentsOf: folder.appendingPathComponent("cases.txt"), encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
      let colon = line.firstIndex(of: ":")!
      return (String(line[..<colon]), words(line[line.index(after: colon)...]))
    }
  }

  /// Splits on spaces, keeping "quoted words" together (the quotes removed).
  static func words(_ text: Substring) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    var started = false
    for character in text {
      if character == "\"" {
        quoted.toggle()
        started = true
      } else if character == " " && !quoted {
        if started { words.append(current) }
        current = ""
        started = false
      } else {
        current.append(character)
        started = true
      }
    }
    if started { words.append(current) }
    return words
  }

  @Test("there are cases, and every case has its golden file")
  func casesHaveGoldenFiles() throws {
    let cases = try Self.cases()
    #expect(cases.count >= 60)
    for item in cases {
      let url = Self.folder.appendingPathComponent("out/\(item.name).txt")
      #expect(FileManager.default.fileExists(atPath: url.path), "missing \(url.path)")
    }
  }

  @Test("standard output equals the golden file", arguments: try GoldenOutputTests.cases().map(\.name))
  func matchesGolden(name: String) throws {
    let item = try #require(try Self.cases().first { $0.name == name })
    let expected = try String(
      contentsOf: Self.folder.appendingPathComponent("out/\(name).txt"), encoding: .utf8)
    let run = runHighneeds(item.arguments, in: repositoryRoot)
    #expect(run.status == 0, "\(name): exit \(run.status): \(run.stderr)")
    #expect(!expected.isEmpty, "\(name): the golden file is empty")
    if run.stdout != expected {
      let got = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
      Issue.record(
        "\(name): differs from line \(line + 1): got \(line < got.count ? String(got[line]) : "<end>"), expected \(line < want.count ? String(want[line]) : "<end>")"
      )
    }
  }
}
