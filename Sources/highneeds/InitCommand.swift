import ArgumentParser
import Foundation
import HighNeeds
import ScenarioFiles
import OfficialData

/// `highneeds init --authority NAME --output FILE.yaml`: a scenario for one authority from the store.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a scenario for an authority from the official-data store.",
    discussion: """
      Demand comes from the store (every January count with its release, file and line; the \
      placement mix of the latest census). Money comes from the DfE finance files in the store \
      (`data import` them): the High Needs Block before deductions and total DSG by year, each \
      citing file:sheet:row:column; the opening reserve derived from the DSG balance %; unit \
      costs derived as (section 251 outturn lines + the ESFA place funding deducted from the block) \
      over SEN2 placements (formula and inputs in the comment), with a check beside a cost far \
      from the DfE's published average and an outturn-year check of spend against the block and \
      the deficit's growth; growth and inflation marked as assumptions. With no finance files every \
      amount is a visible PLACEHOLDER. With --combine-lineage, a reorganised authority's group: \
      its members' money summed year by year (predecessors before the change, successors after), \
      each sum shown with its cells. The file passes `highneeds validate`. \
      An existing file is not replaced unless --force is given.

      Example: highneeds init --authority Kent --output kent.yaml
      """)

  @OptionGroup var official: AuthorityOptions

  @Option(name: .shortAndLong, help: "The scenario file to write.")
  var output: String

  @Option(help: "Financial years to project after the latest census's year.")
  var horizon: Int = InitCommand.defaultHorizon

  /// Financial years projected after the latest census's year when not given (also `run
  /// --authority` without a scenario file).
  static let defaultHorizon = 5

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  func validate() throws {
    guard official.authority != nil else { throw ValidationError("give --authority NAME") }
    guard (1...30).contains(horizon) else { throw ValidationError("--horizon must be from 1 to 30, got \(horizon)") }
  }

  func run() throws {
    try runReportingFailures {
      if !force, FileManager.default.fileExists(atPath: output) {
        throw Failure.outputUnwritable("\(output) exists; give --force to replace it")
      }
      guard let (draft, store) = try ScenarioDraft.fromStore(official, horizon: horizon) else { return }
      let name = draft.name
      let census = draft.census
      let text = try draft.text()
      // Never write a file that would not load: check it as `validate` would.
      do {
        _ = try ScenarioLoader.load(contentsOf: text, file: output, readFile: readBaseScenario)
      } catch let error as ScenarioError {
        throw Failure.dataInvalid("the scenario written for \(name) does not validate (a bug): \(error.description)")
      }
      try writeOutput(text, to: output, protecting: [store.path])
      try writeStandardOutput(
        "wrote \(output): \(name), census \(census.keys.min() ?? 0)-\(census.keys.max() ?? 0); "
          + (text.contains("PLACEHOLDER") ? "money placeholders to replace\n" : "money from the DfE finance files\n")
      )
    }
  }
}
