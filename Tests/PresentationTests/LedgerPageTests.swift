import Foundation
import HighNeeds
@testable import Reports
import Projection
import ScenarioFiles
import Testing

/// The HTML run report of real scenarios: what a reader sees before the method section.
@Suite struct LedgerPageTests {
  /// The page up to its method section (the statistics may name keys and models as they are).
  static func readable(_ html: String) -> String { html.components(separatedBy: "<details class=\"method\">")[0] }

  @Test func allOptionsPage() throws {
    let (ledger, _) = try LedgerWorkbookTests.ledger("medway-2020-all-options.yaml")
    let html = LedgerPage.html(ledger)
    // Seed 10.4: the reserve at the end of 2019-20 (the last outturn) is -£9.604m.
    #expect(html.contains("<span class=\"value\">-£9,604,000</span>"))
    #expect(html.components(separatedBy: "<figure>").count - 1 == 4, "reserve, plans, mitigations, places")
    #expect(html.contains("<details class=\"method\">"))
    // Seed 10.2 and 10.4: 2019-20 spend is the allocation plus the overspend, £38.226m + £5.916m.
    #expect(html.contains("High needs spending goes from £44.1m in 2019-20"))
    let readable = Self.readable(html)
    for placement in ledger.placements where placement.name.contains("_") {
      #expect(!readable.contains(placement.name), "\(placement.name) shown as a key")
    }
    #expect(readable.contains("Independent special"))
    let last = try #require(ledger.years.last)
    #expect(readable.contains(">\(expectedPounds(last.reserve.value))</td>"), "the last reserve in the year table")
    #expect(
      html.components(separatedBy: "<td class=\"num").count > ledger.years.count * 5, "numbers carry the nowrap class")
    if let keep = ProcessInfo.processInfo.environment["HIGHNEEDS_KEEP_LEDGER_PAGE"] {
      try html.write(toFile: keep, atomically: true, encoding: .utf8)
    }
  }

  /// Whole pounds written out digit by digit with commas, apart from NumberText.
  func expectedPounds(_ value: Double) -> String {
    let whole = Int64(value.rounded(.toNearestOrAwayFromZero))
    var digits = Array(String(abs(whole)))
    var index = digits.count - 3
    while index > 0 {
      digits.insert(",", at: index)
      index -= 3
    }
    return (whole < 0 ? "-£" : "£") + String(digits)
  }

  @Test func comparisonPage() throws {
    let (baseline, _) = try LedgerWorkbookTests.ledger("medway-2020.yaml")
    let (option, _) = try LedgerWorkbookTests.ledger("medway-2020-block-transfer.yaml")
    let html = LedgerPage.html(Comparison(baseline: baseline, options: [option]))
    #expect(html.contains(option.scenario.name) && html.contains(baseline.scenario.name))
    #expect(html.components(separatedBy: "data-series=\"").count - 1 == 2)
  }
}
