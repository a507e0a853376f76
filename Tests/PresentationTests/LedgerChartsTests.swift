import Foundation
import HighNeeds
@testable import Reports
import Projection
import ScenarioFiles
import SVGCharts
import Testing

/// Charts drawn from real scenarios: the series they must hold and the figures they must reconcile to.
@Suite struct LedgerChartsTests {
  /// `data-series` attributes in an SVG.
  static func seriesCount(_ svg: String) -> Int { svg.components(separatedBy: "data-series=\"").count - 1 }

  @Test func chartsOfTheAllOptionsScenario() throws {
    let (ledger, _) = try LedgerWorkbookTests.ledger("medway-2020-all-options.yaml")
    let levers = ledger.scenario.levers.count
    let reserve = LedgerCharts.reserve(ledger)
    #expect(reserve.series.map(\.name) == ["After mitigations", "Before mitigations"])
    #expect(Self.seriesCount(reserve.svg()) == 2)
    let waterfall = try #require(LedgerCharts.mitigations(ledger))
    #expect(Self.seriesCount(waterfall.svg()) == levers + 2)
    // The waterfall ends at the ledger's last reserve and starts there less every lever's total
    // saving (the JSON's totalSaving, summed apart from the chart's code).
    let last = try #require(ledger.years.last)
    #expect(abs(waterfall.end - last.reserve.value) < 0.01, "to the penny: sums of a few £m in Double")
    let object = try JSONSerialization.jsonObject(with: Data(LedgerReport(ledger).json().serialized().utf8)) as? [String: Any]
    let totals = (object?["levers"] as? [[String: Any]] ?? []).compactMap {
      ($0["totalSaving"] as? NSNumber)?.doubleValue
    }
    #expect(totals.count == levers)
    // JSON totals are whole pounds: one pound of rounding per lever at most.
    #expect(abs(waterfall.start - (last.reserve.value - totals.reduce(0, +))) <= Double(levers))
    let places = try #require(LedgerCharts.places(ledger))
    #expect(Self.seriesCount(places.svg()) == 2)
    #expect(places.categories.contains("Maintained special"))
    let plans = LedgerCharts.plansByPlacement(ledger)
    #expect(Self.seriesCount(plans.svg()) == ledger.placements.count)
  }

  @Test func reserveFanFromTheDemandRangeAndSimulation() throws {
    let (ledger, _) = try LedgerWorkbookTests.ledger("medway-sen2.yaml")
    let range = try ledger.demandRange()
    let simulation = try ledger.simulate(draws: 200, seed: 1)
    let chart = LedgerCharts.reserve(ledger, range: range, simulation: simulation)
    let bands = range?.bands.count ?? 0
    #expect(bands >= 1, "medway-sen2 fits a model with intervals")
    #expect(chart.bands.count == bands)
    #expect(
      chart.percentiles.map(\.name) == [
        "5th percentile of 200 runs", "Median of 200 runs", "95th percentile of 200 runs",
      ])
    #expect(Self.seriesCount(chart.svg()) == 1 + bands + 3)
    let page = HTMLPage(
      title: "Medway (SEN2 series)",
      blocks: [
        .figure(svg: chart.svg(), caption: "Reserve"),
        .figure(svg: LedgerCharts.plansByPlacement(ledger).svg(), caption: "Plans"),
      ])
    if let keep = ProcessInfo.processInfo.environment["HIGHNEEDS_KEEP_PAGE"] {
      try page.render().write(toFile: keep, atomically: true, encoding: .utf8)
    }
  }

  @Test func optionsCompared() throws {
    let (baseline, _) = try LedgerWorkbookTests.ledger("medway-2020.yaml")
    let (option, _) = try LedgerWorkbookTests.ledger("medway-2020-block-transfer.yaml")
    let chart = LedgerCharts.options(Comparison(baseline: baseline, options: [option]))
    #expect(chart.categories.count == 2)
    #expect(Self.seriesCount(chart.svg()) == 2)
    #expect(chart.series[0].values[0] == baseline.years.last?.reserve.value)
  }
}
