import Reports
import Projection
import ScenarioFiles
import ArgumentParser
import HighNeeds

/// `highneeds run SCENARIO.yaml`: the year-by-year ledger of plans, spend, funding and reserve.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Project plans, spend, funding, in-year balance and the DSG reserve for a scenario.",
    discussion: """
      Money is in whole pounds in JSON and CSV, and in £m to three decimals in tables. \
      With --output the report is written to a temporary file and renamed when complete, so a \
      failure never leaves a half-written file. Exit codes: 64 bad options, 65 invalid \
      scenario, 66 unreadable scenario, 73 unwritable output.

      --simulate N draws N demand paths from the forecast's predictive distributions (each \
      year exactly as its intervals say, years linked so that a high path tends to stay \
      high), rebuilds the ledger on each, and reports the reserve's percentiles and the \
      probability of a deficit, an overspend and the 1% rule by year. Same seed and N, same \
      results. It needs a fitted demand model (demand.model), not a fixed demand.growth.
      """)

  @OptionGroup var report: ScenarioReportOptions

  @OptionGroup var official: ScenarioAuthorityOptions

  @Option(help: "Monte Carlo: draw this many demand paths (2 to 100,000) and report the reserve's spread.")
  var simulate: Int?

  @Option(help: "Seed for --simulate, a whole number from 0 to 18446744073709551615 (default 20200407).")
  var seed: UInt64?

  func validate() throws {
    try requireFormat(report.format, for: LedgerReport.self)
    if seed != nil, simulate == nil {
      throw ValidationError("--seed is used only with --simulate N")
    }
    if let simulate, !(2...DemandSimulation.maximumDraws).contains(simulate) {
      throw ValidationError(
        "--simulate must be from 2 to \(DemandSimulation.maximumDraws) draws, got \(simulate)")
    }
  }

  func run() throws {
    try runReportingFailures {
      let scenario = try official.apply(
          to: try loadScenario(report.scenario, store: official.store, authority: official.authority),
          file: report.scenario)
      let ledger = try buildLedger(scenario)
      let range: DemandRange?
      var simulation: DemandSimulation?
      do {
        range = try ledger.demandRange()
        if let simulate {
          let line = ProgressLine("--simulate \(simulate)")
          defer { line.finish() }
          simulation = try ledger.simulate(draws: simulate, seed: seed ?? 20_200_407, progress: line.update)
        }
      } catch let error as ScenarioError {
        throw Failure.dataInvalid(error.description)
      } catch let error as SimulationUnavailable {
        throw Failure(kind: .usage, message: "--simulate: \(error.description)")
      }
      let sources = report.format == .xlsx ? scenarioSources(scenario) : [:]
      try emit(
        LedgerReport(ledger, range: range, simulation: simulation, sources: sources), as: report.format, to: report.output, protecting: [report.scenario])
    }
  }
}
