import ArgumentParser
import HighNeeds

/// Report formats shared by `run`, `places` and `compare`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json, markdown
}

/// Reads and validates a scenario file: exit 66 when it cannot be read, 65 when it is invalid
/// (every issue listed, one per line, as `file:line:column: field: problem; expected ...`).
func loadScenario(_ path: String) throws -> Scenario {
  let text = try readTextFile(path)
  do {
    return try ScenarioLoader.load(contentsOf: text, file: path)
  } catch let error as ScenarioError {
    throw Failure.dataInvalid(error.description)
  }
}

/// Builds the ledger for a scenario; problems found while projecting (a forecast that cannot be
/// fitted, an impossible calibration) are invalid data, exit 65.
func buildLedger(_ scenario: Scenario) throws -> Ledger {
  do {
    return try Ledger(scenario: scenario)
  } catch let error as ScenarioError {
    throw Failure.dataInvalid(error.description)
  }
}
