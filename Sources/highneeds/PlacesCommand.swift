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

  func run() throws {
    try runReportingFailures {
      let ledger = try buildLedger(try official.apply(to: try loadScenario(report.scenario), file: report.scenario))
      guard ledger.scenario.places != nil else {
        throw Failure.dataInvalid("\(report.scenario): no places section; add places: with capacity by setting")
      }
      try writeOutput(render(ledger), to: report.output)
    }
  }

  func render(_ ledger: Ledger) -> String {
    switch report.format {
    case .json: return ledger.placesReportJSON.serialized() + "\n"
    case .csv: return ledger.placesCSV
    case .table: return ledger.placesTable(style: .aligned)
    case .markdown: return ledger.placesTable(style: .markdown)
    case .html: return ledger.placesHTMLDocument
    }
  }
}
