import ArgumentParser
import HighNeeds

/// `highneeds run SCENARIO.yaml`: the year-by-year ledger of plans, spend, funding and reserve.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Project plans, spend, funding, in-year balance and the DSG reserve for a scenario.",
    discussion: """
      Money is in whole pounds in JSON and CSV, and in £m to three decimals in tables.
      With --output the report is written to a temporary file and renamed when complete, so a
      failure never leaves a half-written file. Exit codes: 65 invalid scenario, 66 unreadable
      scenario, 73 unwritable output.
      """)

  @Argument(help: "The scenario file (YAML).")
  var scenario: String

  @Option(help: "Output format: table, csv, json, markdown or html.")
  var format: ReportFormat = .table

  @Option(help: "Write the report to this file instead of standard output.")
  var output: String?

  func run() throws {
    try runReportingFailures {
      let ledger = try buildLedger(try loadScenario(scenario))
      let range: DemandRange?
      do {
        range = try ledger.demandRange()
      } catch let error as ScenarioError {
        throw Failure.dataInvalid(error.description)
      }
      try writeOutput(render(ledger, range: range), to: output)
    }
  }

  func render(_ ledger: Ledger, range: DemandRange?) -> String {
    switch format {
    case .json: return ledger.json(range: range).serialized() + "\n"
    case .csv: return ledger.csv
    case .table: return ledger.table(style: .aligned, range: range)
    case .markdown: return ledger.table(style: .markdown, range: range)
    case .html: return ledger.htmlDocument(range: range)
    }
  }
}
