import Reports
import Projection
import ScenarioFiles
import ArgumentParser
import HighNeeds

/// `highneeds places SCENARIO.yaml`: only the place sufficiency part of a run.
struct PlacesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "places",
    abstract: "Show projected demand against specialist place capacity by setting and year.",
    discussion: """
      Demand is the plans the placement mix puts in each setting; surplus is capacity minus \
      demand (negative for a shortfall). JSON: {"places": [{"year", "setting", "demand", \
      "capacity", "surplus", "utilisation", ...}], "placesSummary": [...]}.
      """)

  @OptionGroup var report: ScenarioReportOptions

  @OptionGroup var official: ScenarioAuthorityOptions

  func validate() throws {
    try requireFormat(report.format, for: PlacesReport.self)
    _ = try report.requiredScenario()
  }

  func run() throws {
    try runReportingFailures {
      let file = try report.requiredScenario()
      let ledger = try buildLedger(
        try official.apply(to: try loadScenario(file, store: official.store, authority: official.authority), file: file))
      guard ledger.scenario.places != nil else {
        throw Failure.dataInvalid("\(file): no places section; add places: with capacity by setting")
      }
      try emit(PlacesReport(ledger), as: report.format, to: report.output, protecting: [file])
    }
  }
}
