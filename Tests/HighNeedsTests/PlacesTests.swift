import Foundation
import Testing
import TestSupport

@testable import HighNeeds
@testable import ScenarioFiles
@testable import Projection
@testable import Reports

/// A scenario small enough to follow on paper (``smallScenarioBody``), 40% of the plans in
/// special schools with `capacity` places, 50 more opening in 2021-22; overflow to independent
/// places at £50,000 instead of £20,000. No inflation, no calibration.
func placesScenario(capacity: String, openings: String = "      openings:\n        2021-22: 50\n") -> String {
  """
  scenario: Places by hand
  \(smallScenarioBody)
  places:
    overflow: independent
    settings:
      special:
        capacity: \(capacity)

  """ + openings
}

@Suite("Place sufficiency, recomputed by hand")
struct PlacesTests {
  // Demand is plans × share: exact decimal arithmetic up to 1e-9 relative error from the
  // growth powers; money is compared to a penny.
  let tolerance = 1e-6

  @Test("demand, capacity, surplus and overflow cost, with an opening mid-horizon")
  func handChecked() throws {
    let ledger = try Ledger(
      scenario: try ScenarioLoader.load(contentsOf: placesScenario(capacity: "420"), file: "p.yaml"))
    let plans = [1000.0, 1100, 1210, 1331]
    let capacity = [420.0, 420, 470, 470]
    #expect(ledger.places.count == 4)
    for (index, row) in ledger.places.enumerated() {
      let demand = plans[index] * 0.40
      #expect(row.setting == Placement("special"))
      #expect(abs(row.demand - demand) < tolerance)
      #expect(row.capacity == capacity[index])
      #expect(abs(row.surplus - (capacity[index] - demand)) < tolerance)
      #expect(abs((row.utilisation ?? 0) - demand / capacity[index]) < tolerance)
      #expect(abs(row.overflowed - max(0, demand - capacity[index])) < tolerance)

      // Overflow flows into the ledger: excess plans cost £50,000 instead of £20,000.
      let year = ledger.years[index]
      let spend =
        plans[index] * (0.5 * 5000 + 0.4 * 20000 + 0.1 * 50000) + max(0, demand - capacity[index]) * (50000 - 20000)
      #expect(abs((year.spend?.value ?? 0) - spend) < 0.01)
      #expect(abs((year.plansByPlacement[Placement("special")] ?? 0) - min(demand, capacity[index])) < tolerance)
    }
    let summary = try #require(ledger.placeSummaries.first)
    #expect(summary.firstShortfallYear == FinancialYear(startYear: 2020))
    #expect(summary.peakShortfall?.year == FinancialYear(startYear: 2022))
    #expect(abs((summary.peakShortfall?.places ?? 0) - (1331 * 0.4 - 470)) < tolerance)
    #expect(summary.explanation.contains("short from 2020-21"))
  }

  @Test("capacity that never runs short is said so, and nothing overflows")
  func neverShort() throws {
    let ledger = try Ledger(
      scenario: try ScenarioLoader.load(contentsOf: placesScenario(capacity: "1000"), file: "p.yaml"))
    #expect(ledger.places.allSatisfy { $0.surplus > 0 && $0.overflowed == 0 })
    let summary = try #require(ledger.placeSummaries.first)
    #expect(summary.firstShortfallYear == nil)
    #expect(summary.peakShortfall == nil)
    // The tightest year is 2022-23: 1,050 places (1,000 + 50) less 532.4 demanded.
    #expect(summary.explanation == "special: capacity is never short; the smallest surplus is 518 places in 2022-23.")
  }

  @Test("demand above capacity from the first year is said so; the first (actual-free) year overflows too")
  func shortFromTheStart() throws {
    let ledger = try Ledger(
      scenario: try ScenarioLoader.load(contentsOf: placesScenario(capacity: "100", openings: ""), file: "p.yaml"))
    let summary = try #require(ledger.placeSummaries.first)
    #expect(summary.firstShortfallYear == FinancialYear(startYear: 2019))
    #expect(summary.explanation.hasPrefix("special: demand exceeds capacity from the first year (2019-20)"))
    #expect(abs((ledger.years[0].overflowed[Placement("special")] ?? 0) - 300) < tolerance)
    #expect(render(PlacesReport(ledger), as: .table).contains("demand exceeds capacity from the first year"))
  }

  @Test("places JSON carries the contract fields")
  func json() throws {
    let ledger = try Ledger(
      scenario: try ScenarioLoader.load(contentsOf: placesScenario(capacity: "420"), file: "p.yaml"))
    let text = LedgerReport(ledger).json().serialized()
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let places = try #require(object["places"] as? [[String: Any]])
    try #require(!places.isEmpty)
    for row in places {
      for key in ["year", "setting", "demand", "capacity", "surplus", "utilisation"] {
        #expect(row[key] != nil, "a places row lacks \(key)")
      }
    }
    let summary = try #require(object["placesSummary"] as? [[String: Any]])
    #expect(!summary.isEmpty)
    #expect(places.contains { ($0["surplus"] as? Double) == -20 })
  }
}

@Suite("Place sufficiency by need group")
struct PlacesByNeedTests {
  @Test("need rows: setting demand × need share against the need's own places; overflow unchanged")
  func byNeed() throws {
    let text =
      placesScenario(capacity: "420")
      .replacingOccurrences(
        of: "    independent: 10%\n",
        with: "    independent: 10%\n  needs:\n    ASD: 30%\n    SEMH: 20%\n    other: 50%\n")
      + "      needs:\n        ASD:\n          capacity: 100\n          openings:\n            2021-22: 20\n"
    let ledger = try Ledger(scenario: try ScenarioLoader.load(contentsOf: text, file: "p.yaml"))
    let asd = ledger.places.filter { $0.need == "ASD" }
    #expect(asd.count == 4)
    let plans = [1000.0, 1100, 1210, 1331]
    let capacity = [100.0, 100, 120, 120]
    for (index, row) in asd.enumerated() {
      // Special demand is 40% of plans; ASD is 30% of it.
      #expect(abs(row.demand - plans[index] * 0.4 * 0.3) < 1e-9)
      #expect(row.capacity == capacity[index])
      #expect(row.overflowed == 0)
    }
    // The setting-level rows and the ledger's overflow are as without need groups.
    let plain = try Ledger(
      scenario: try ScenarioLoader.load(contentsOf: placesScenario(capacity: "420"), file: "p.yaml"))
    #expect(ledger.years.map { $0.spend?.value ?? 0 } == plain.years.map { $0.spend?.value ?? 0 })
    let summary = try #require(ledger.placeSummaries.first { $0.need == "ASD" })
    // ASD demand 120, 132, 145.2, 159.72 against 100, 100, 120, 120: short from the first year.
    #expect(summary.firstShortfallYear == FinancialYear(startYear: 2019))
    #expect(summary.explanation.hasPrefix("special (ASD): demand exceeds capacity from the first year"))
  }

  @Test("phase rows work the same way, beside need rows")
  func byPhase() throws {
    let text =
      placesScenario(capacity: "420")
      .replacingOccurrences(
        of: "    independent: 10%\n",
        with: "    independent: 10%\n  phases:\n    primary: 25%\n    secondary: 75%\n")
      + "      phases:\n        secondary:\n          capacity: 350\n"
    let ledger = try Ledger(scenario: try ScenarioLoader.load(contentsOf: text, file: "p.yaml"))
    let secondary = ledger.places.filter { $0.phase == "secondary" }
    #expect(secondary.count == 4)
    // 2022-23: 1,331 plans × 40% special × 75% secondary = 399.3 against 350 places.
    let last = try #require(secondary.last)
    #expect(abs(last.demand - 1331 * 0.4 * 0.75) < 1e-9)
    #expect(abs(last.surplus - (350 - 399.3)) < 1e-9)
    let summary = try #require(ledger.placeSummaries.first { $0.phase == "secondary" })
    #expect(summary.explanation.hasPrefix("special (secondary): capacity is enough until 2020-21; short from 2021-22"))
  }
}
