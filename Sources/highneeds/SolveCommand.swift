import Reports
import Projection
import ScenarioFiles
import ArgumentParser
import Foundation
import HighNeeds

/// `highneeds solve SCENARIO --lever NAME --target ...`: the lever size that meets a target.
struct SolveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "solve",
    abstract: "Find the size of one lever that meets a target, and show the resulting ledger.",
    discussion: """
      Targets: in-year-balance:YEAR (in-year balance of zero or better) or \
      reserve-at-least:AMOUNT:YEAR (for example reserve-at-least:-£20m:2025-26). \
      With --output the scenario is written again with the size filled in (comments kept). \
      Exit 1 when no size within the lever's bounds meets the target (the best is shown).
      """)

  @Argument(help: "The scenario file (YAML) with the lever in its levers: list.")
  var scenario: String

  @OptionGroup(title: "With demand.model: cohort (fitted from the official-data store)") var store: StoreOptions

  @Option(help: "The name of the lever to size.")
  var lever: String

  @Option(help: "in-year-balance:YEAR or reserve-at-least:AMOUNT:YEAR.")
  var target: String

  @Option(help: "Output format for the report: table, csv, json, markdown or html.")
  var format: ReportFormat = .table

  @Option(help: "Write the scenario with the solved size to this file.")
  var output: String?

  func validate() throws {
    try requireFormat(format, for: SolveReport.self)
  }

  func run() throws {
    try runReportingFailures {
      let goal: SolveTarget
      do {
        goal = try SolveTarget(parsing: target)
      } catch {
        throw Failure(kind: .usage, message: "--target: \(error)")
      }
      let loaded = try loadScenario(scenario, store: store)
      let result: SolveResult
      do {
        result = try GoalSeek.solve(loaded, lever: lever, target: goal)
      } catch let error as SolveError {
        throw Failure.dataInvalid("\(scenario): \(error.description)")
      } catch let error as ScenarioError {
        throw Failure.dataInvalid(error.description)
      }
      let size = ScenarioRewriter.text(forSize: result.value, of: result.lever)
      let report = SolveReport(result, target: goal, targetText: target, written: size)
      try emit(report, as: format, to: nil)
      guard result.met else {
        FileHandle.standardError.write(Data("highneeds: \(report.verdict)\(output == nil ? "" : " Nothing written.")\n".utf8))
        throw ExitCode(1)
      }
      if let output { try writeSolvedScenario(result, size: size, to: output) }
    }
  }

  /// Writes the scenario file again with the lever's size replaced, or fails with 65 when the
  /// lever is written in another file (a base the scenario extends).
  func writeSolvedScenario(_ result: SolveResult, size: String, to path: String) throws {
    guard let location = result.lever.sizeLocation else {
      throw Failure.dataInvalid("\(scenario): lever '\(lever)' has no single size to write")
    }
    guard location.file == scenario else {
      throw Failure.dataInvalid(
        "\(scenario): lever '\(lever)' is written in \(location.file); solve that file, or repeat the lever in this one"
      )
    }
    let text = try readTextFile(scenario)
    guard
      let rewritten = ScenarioRewriter.replacingScalar(
        in: text, line: location.line, column: location.column, with: size)
    else {
      throw Failure.dataInvalid("\(scenario): cannot find the lever's size at \(location)")
    }
    try writeOutput(try rebasingExtends(rewritten, from: scenario, to: path), to: path)
  }

  /// When the solved scenario is written to another folder, its relative `extends:` path would
  /// point elsewhere: rewrite it as an absolute path to the same base file.
  func rebasingExtends(_ text: String, from source: String, to destination: String) throws -> String {
    let sourceFolder = URL(fileURLWithPath: source).deletingLastPathComponent().standardizedFileURL
    let destinationFolder = URL(fileURLWithPath: destination).deletingLastPathComponent().standardizedFileURL
    guard sourceFolder != destinationFolder else { return text }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let row = lines.firstIndex(where: { $0.hasPrefix("extends:") }) else { return text }
    let rest = lines[row].dropFirst("extends:".count)
    let leading = rest.prefix { $0 == " " }.count
    let value = rest.dropFirst(leading).prefix { $0 != " " && $0 != "#" }
    let base = String(value).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    guard !base.isEmpty, !base.hasPrefix("/") else { return text }
    let absolute = sourceFolder.appendingPathComponent(base).standardizedFileURL.path
    return ScenarioRewriter.replacingScalar(
      in: text, line: row + 1, column: "extends:".count + leading + 1, with: absolute) ?? text
  }
}
