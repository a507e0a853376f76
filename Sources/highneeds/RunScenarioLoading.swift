import Reports
import Projection
import ScenarioFiles
import ArgumentParser
import Foundation
import HighNeeds

/// The scenario and report options that `run` and `places` share.
struct ScenarioReportOptions: ParsableArguments {
  @Argument(help: "The scenario file (YAML). `run` without one takes --authority NAME and runs the scenario `init --authority NAME` would write.")
  var scenario: String?

  /// The scenario file, or a usage error for the commands that need one.
  func requiredScenario() throws -> String {
    guard let scenario else { throw ValidationError("give the scenario file (YAML)") }
    return scenario
  }

  @Option(help: "Output format: table, csv, json, markdown, html, or xlsx (run only; needs --output).")
  var format: ReportFormat = .table

  @Option(help: "Write the report to this file instead of standard output.")
  var output: String?
}

/// Reads and validates a scenario file: exit 66 when it cannot be read, 65 when it is invalid
/// (every issue listed, one per line, as `file:line:column: field: problem; expected ...`).
///
/// With `demand.model: cohort` the cohort model is fitted from the store (`store`, for the
/// authority `authority` when given) and attached (``attachingCohort(_:store:authority:)``).
func loadScenario(_ path: String, store: StoreOptions = StoreOptions(), authority: String? = nil) throws -> Scenario {
  let text = try readTextFile(path)
  let loaded: Scenario
  do {
    loaded = try ScenarioLoader.load(contentsOf: text, file: path, readFile: readBaseScenario)
  } catch let error as ScenarioError {
    throw Failure.dataInvalid(error.description)
  }
  return try attachingCohort(loaded, store: store, authority: authority)
}

/// The texts of the files a scenario was read from (the file and any it extends), by path, for
/// reports that quote the comments written beside the inputs; a file that cannot be read again
/// is left out.
func scenarioSources(_ scenario: Scenario) -> [String: String] {
  var sources: [String: String] = [:]
  for file in Set(scenario.locations.values.map(\.file)) {
    if let text = try? readTextFile(file) { sources[file] = text }
  }
  return sources
}

/// Builds the ledger for a scenario; problems found while projecting (a forecast that cannot be
/// fitted, an impossible calibration) are invalid data, exit 65. Implausible figures (growth
/// above 15% a year, a reserve beyond 100% of DSG) are warned of on standard error, naming the
/// scenario file; the report carries the same warnings.
func buildLedger(_ scenario: Scenario) throws -> Ledger {
  let ledger: Ledger
  do {
    ledger = try Ledger(scenario: scenario)
  } catch let error as ScenarioError {
    throw Failure.dataInvalid(error.description)
  }
  for warning in ledger.plausibilityWarnings {
    warn("\(scenario.location(of: "demand.model").file): \(warning)")
  }
  return ledger
}

/// Reads a base scenario named by `extends:`; the loader reports a failure against that line.
func readBaseScenario(_ path: String) throws -> String {
  guard let data = FileManager.default.contents(atPath: path) else {
    throw BaseUnreadable(reason: "no such file or not readable")
  }
  guard let text = String(data: data, encoding: .utf8) else { throw BaseUnreadable(reason: "not UTF-8 text") }
  return text
}

/// Why a base scenario could not be read.
struct BaseUnreadable: Error, CustomStringConvertible {
  let reason: String
  var description: String { reason }
}
