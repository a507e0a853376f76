import Reports
import Projection
import ScenarioFiles
import ArgumentParser
import HighNeeds

/// `highneeds compare BASELINE OPTION...`: options side by side against a baseline.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare option scenarios with a baseline by year: spend, in-year balance, reserve, savings.",
    discussion: """
      An option's saving is its in-year balance minus the baseline's. It is split into the \
      option's levers (attributed in the order listed) and other changes; the parts add up \
      to the total.
      """)

  @Argument(help: "The baseline scenario file.")
  var baseline: String

  @Argument(help: "One or more option scenario files (usually 'extends:' the baseline).")
  var options: [String]

  @OptionGroup(title: "With demand.model: cohort (fitted from the official-data store)") var store: StoreOptions

  @Option(help: "Output format: table, csv, json, markdown or html.")
  var format: ReportFormat = .table

  @Option(help: "Write the report to this file instead of standard output.")
  var output: String?

  func validate() throws {
    try requireFormat(format, for: ComparisonReport.self)
    guard !options.isEmpty else { throw ValidationError("give at least one option scenario after the baseline") }
  }

  func run() throws {
    try runReportingFailures {
      let base = try buildLedger(try loadScenario(baseline, store: store))
      let ledgers = try options.map { try buildLedger(try loadScenario($0, store: store)) }
      let comparison = Comparison(baseline: base, options: ledgers)
      try emit(ComparisonReport(comparison), as: format, to: output, protecting: [baseline] + options)
    }
  }
}
