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
    if report.scenario == nil, official.authority == nil {
      throw ValidationError(
        "give the scenario file, or --authority NAME to run the scenario `init --authority NAME` would write")
    }
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
      let (scenario, written, inputs) = try loadOrDraft()
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
      var sources = report.format == .xlsx ? scenarioSources(scenario) : [:]
      if let written { sources[written.label] = written.text }
      try emit(
        LedgerReport(ledger, range: range, simulation: simulation, sources: sources), as: report.format,
        to: report.output, protecting: inputs)
    }
  }

  /// The scenario file with --authority's census, or with no file the scenario `init` would
  /// write for --authority (and its text, under the label its locations name).
  private func loadOrDraft() throws -> (Scenario, (label: String, text: String)?, inputs: [String]) {
    if let file = report.scenario {
      let scenario = try loadScenario(file, store: official.store, authority: official.authority)
      return (try official.apply(to: scenario, file: file), nil, [file])
    }
    let options = AuthorityOptions(
      authority: official.authority, combineLineage: official.combineLineage, store: official.store)
    guard let (draft, store) = try ScenarioDraft.fromStore(options, horizon: InitCommand.defaultHorizon) else {
      throw Failure(kind: .usage, message: "give the scenario file, or --authority NAME")
    }
    let text = try draft.text()
    guard !text.contains("PLACEHOLDER") else {
      throw Failure.dataInvalid(
        "run --authority \(official.authority ?? ""): the store has no DfE finance files for \(draft.name), so the "
          + "money would be placeholders; import them (`highneeds data import ../shared/data/finance/*`) or write "
          + "the scenario with `highneeds init --authority \(official.authority ?? "NAME") --output FILE.yaml`, "
          + "replace its placeholders and run that file")
    }
    let label = "init --authority \(official.authority ?? "")" + (official.combineLineage ? " --combine-lineage" : "")
    do {
      return (
        try ScenarioLoader.load(contentsOf: text, file: label, readFile: readBaseScenario), (label, text), [store.path])
    } catch let error as ScenarioError {
      throw Failure.dataInvalid("the scenario drafted for \(draft.name) does not validate (a bug): \(error.description)")
    }
  }
}
