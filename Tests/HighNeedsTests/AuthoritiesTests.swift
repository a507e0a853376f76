import Foundation
import Forecasting
import Testing

@testable import HighNeeds
@testable import ScenarioFiles
@testable import Projection
@testable import Reports

/// A forecaster whose answer depends on the history: the last count grown by `rate` a year,
/// with intervals of ±5% (80%) and ±10% (95%) of the mean per year ahead. Each authority thus
/// gets its own path, and the sums can be checked by hand.
struct ProportionalTrend: TrendForecaster {
  let rate: Double

  func forecast(history: [(CensusYear, Double)], model: ForecastModel, horizon: Int) throws -> TrendForecast {
    guard let (last, count) = history.last else {
      return TrendForecast(model: "proportional", selection: "test", points: [:], notes: [])
    }
    var points: [CensusYear: DemandPoint] = [:]
    for step in 1...horizon {
      let year = last.advanced(by: step)
      let mean = count * pow(1 + rate, Double(step))
      let width = Double(step) * mean
      points[year] = DemandPoint(
        census: year, plans: mean, source: .forecast,
        intervals: [
          PlanInterval(level: 80, lower: mean - 0.05 * width, upper: mean + 0.05 * width),
          PlanInterval(level: 95, lower: mean - 0.10 * width, upper: mean + 0.10 * width),
        ])
    }
    let notes = ["shared by all", "last count \(Int(count))"]
    return TrendForecast(model: "proportional", selection: "test", points: points, notes: notes)
  }
}

/// The hand scenario with its one census replaced by three authorities' series.
let authoritiesScenarioText = handScenarioText.replacingOccurrences(
  of: """
      census:
        2018: 1000
        2020: 1200

    """,
  with: """
      authorities:
        Northshire: {2018: 300, 2020: 400}
        "Southshire, City of": {2018: 500, 2020: 560}
        Westshire: {2018: 200, 2020: 240}

    """)

@Suite("Scenarios covering several authorities")
struct AuthoritiesTests {
  @Test("the census is the authorities' counts added up, and the file order is kept")
  func censusIsTheSum() throws {
    #expect(authoritiesScenarioText.contains("Westshire"))
    let scenario = try ScenarioLoader.load(contentsOf: authoritiesScenarioText, file: "a.yaml")
    #expect(scenario.demand.authorities.map(\.name) == ["Northshire", "Southshire, City of", "Westshire"])
    #expect(scenario.demand.census == [CensusYear(2018): 1000, CensusYear(2020): 1200])
  }

  @Test("with a constant growth rate the ledger equals the one-series scenario with the summed counts")
  func growthMatchesSingleSeries() throws {
    let single = try Ledger(scenario: try ScenarioLoader.load(contentsOf: handScenarioText, file: "s.yaml"))
    let several = try Ledger(scenario: try ScenarioLoader.load(contentsOf: authoritiesScenarioText, file: "a.yaml"))
    #expect(several.demand.authorities.count == 3)
    for (one, many) in zip(single.years, several.years) {
      // 5% growth is linear in the counts: the sums agree to rounding (1e-9 plans), the money to a penny.
      #expect(abs(one.demand.plans - many.demand.plans) < 1e-9)
      #expect(one.demand.source == many.demand.source)
      #expect(abs(one.reserve.value - many.reserve.value) < 0.01)
    }
  }

  @Test("plans and interval bounds are the sums of each authority's own forecast")
  func sumsOfForecasts() throws {
    let text = authoritiesScenarioText.replacingOccurrences(
      of: "  growth: 5%\n  placements:", with: "  model: linear\n  placements:")
    let scenario = try ScenarioLoader.load(contentsOf: text, file: "a.yaml")
    let ledger = try Ledger(scenario: scenario, forecaster: ProportionalTrend(rate: 0.1))
    // By hand: the last counts 400, 560, 240 grow 10% a year from January 2020.
    for (year, steps) in [("2020-21", 1.0), ("2021-22", 2.0), ("2022-23", 3.0)] {
      let entry = try #require(ledger.years.first { $0.year.description == year })
      let growth = pow(1.1, steps)
      let means = [400 * growth, 560 * growth, 240 * growth]
      #expect(abs(entry.demand.plans - means.reduce(0, +)) < 1e-9)
      #expect(entry.demand.source == .forecast)
      let band95 = try #require(entry.demand.intervals.first { $0.level == 95 })
      let expectedLower = means.map { $0 - 0.10 * steps * $0 }.reduce(0, +)
      let expectedUpper = means.map { $0 + 0.10 * steps * $0 }.reduce(0, +)
      #expect(abs(band95.lower - expectedLower) < 1e-9)
      #expect(abs(band95.upper - expectedUpper) < 1e-9)
      let parts = ledger.demand.authorities.compactMap { $0.projection.points[entry.census]?.plans }
      #expect(parts.count == 3)
      #expect(abs(parts.reduce(0, +) - entry.demand.plans) < 1e-9)
    }
    // 2019-20 (January 2020) is counted in every authority.
    #expect(ledger.years[0].demand.source == .census)
    #expect(ledger.years[0].demand.plans == 1200)
    // Notes the authorities share appear once with a count; the others are left to the JSON.
    let notes = try #require(ledger.demand.forecast?.notes)
    #expect(notes.contains("shared by all (3 of 3 authorities)"))
    #expect(notes.contains { $0.hasPrefix("3 other notes") })
    #expect(ledger.demand.forecast?.model == "sum of 3 authorities' forecasts")
  }

  @Test("the reports list every authority: JSON with its plans by census, the table a row each")
  func reports() throws {
    let text = authoritiesScenarioText.replacingOccurrences(
      of: "  growth: 5%\n  placements:", with: "  model: linear\n  placements:")
    let ledger = try Ledger(
      scenario: try ScenarioLoader.load(contentsOf: text, file: "a.yaml"), forecaster: ProportionalTrend(rate: 0.1))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(LedgerReport(ledger).json().serialized().utf8)) as? [String: Any])
    let demand = try #require(json["demand"] as? [String: Any])
    let authorities = try #require(demand["authorities"] as? [[String: Any]])
    #expect(authorities.map { $0["authority"] as? String } == ["Northshire", "Southshire, City of", "Westshire"])
    let westPlans = try #require(authorities[2]["plans"] as? [[String: Any]])
    #expect(westPlans.map { $0["census"] as? Int } == [2020, 2021, 2022, 2023])
    #expect((westPlans[3]["plans"] as? NSNumber)?.doubleValue == 319.4)  // 240 × 1.1³ = 319.44
    #expect(westPlans[0]["source"] as? String == "census")
    #expect(authorities[2]["notes"] as? [String] == ["shared by all", "last count 240"])

    let table = render(LedgerReport(ledger), as: .table)
    #expect(table.contains("Plans by authority"))
    // Westshire: 240 in January 2020, 319 in January 2023, 10.0% a year; 95% bounds ± 30%.
    let row = try #require(table.split(separator: "\n").first { $0.hasPrefix("Westshire") })
    #expect(row.split(separator: " ").map(String.init) == ["Westshire", "240", "319", "224", "415", "10.0%"])
  }

  @Test("a one-authority scenario has no authorities section")
  func singleAuthorityUnchanged() throws {
    let ledger = try Ledger(scenario: try ScenarioLoader.load(contentsOf: handScenarioText, file: "s.yaml"))
    #expect(ledger.demand.authorities.isEmpty)
    #expect(!LedgerReport(ledger).json().serialized().contains("\"authorities\""))
    #expect(!render(LedgerReport(ledger), as: .table).contains("Plans by authority"))
  }

  @Test("the national scenario's series add up to SEN2's England row in every year 2010-2020")
  func nationalScenarioMatchesEngland() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let path = root.appendingPathComponent("scenarios/england-national-sen2.yaml").path
    let scenario = try ScenarioLoader.load(contentsOf: try String(contentsOfFile: path, encoding: .utf8), file: path)
    let csv = try String(
      contentsOf: root.deletingLastPathComponent().appendingPathComponent(
        "shared/data/sen2/ehcp_caseload_2010_2020.csv"),
      encoding: .utf8)
    // The file has CRLF line ends: split on both.
    let lines = csv.split(whereSeparator: \.isNewline).map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    let header = try #require(lines.first)
    let england = try #require(lines.first { $0.first == "National" })
    var checked = 0
    for (column, name) in header.enumerated() {
      guard let year = Int(name) else { continue }
      let published = try #require(Double(england[column]))
      #expect(scenario.demand.census[CensusYear(year)] == published, "January \(year)")
      checked += 1
    }
    #expect(checked == 11)
    #expect(scenario.demand.authorities.count == 150)
    #expect(Set(scenario.demand.authorities.map(\.name)).count == 150)
  }
}

/// Ten or more authorities with `auto`: the Forecasting module's pooled model forecasts them
/// together, and the total's interval is the total's own, not the sum of the bounds.
@Suite("Authorities forecast jointly")
struct JointAuthoritiesTests {
  /// Twelve made-up authorities growing 3-9% a year with a wobble of their own.
  static let authorities: [AuthorityCensus] = (0..<12).map { index in
    var census: [CensusYear: Double] = [:]
    var count = 500.0 + 100 * Double(index)
    for year in 2012...2020 {
      census[CensusYear(year)] = count.rounded()
      count *= 1.03 + 0.005 * Double(index) + (year % 2 == 0 ? 0.01 : -0.01) * Double(index % 3)
    }
    return AuthorityCensus(name: "Authority \(index)", census: census)
  }

  @Test("plans are the members' sum; the total's interval is narrower than their summed bounds")
  func pooledTotal() throws {
    let projection = try DemandProjection(
      authorities: Self.authorities, model: .auto, needed: CensusYear(2018)...CensusYear(2024),
      forecaster: ForecastingTrend())
    let forecast = try #require(projection.forecast)
    #expect(forecast.model == "pooled growth over 12 authorities")
    #expect(projection.authorities.count == 12)
    for year in 2021...2024 {
      let point = try #require(projection.points[CensusYear(year)])
      let parts = projection.authorities.compactMap { $0.projection.points[CensusYear(year)] }
      try #require(parts.count == 12)
      // The same figures added in the same order: equal to rounding.
      #expect(abs(point.plans - parts.map(\.plans).reduce(0, +)) <= 1e-9 * point.plans)
      let total80 = try #require(point.intervals.first { $0.level == 80 })
      let summed = parts.compactMap { $0.intervals.first { $0.level == 80 } }
      try #require(summed.count == 12)
      let summedWidth = summed.map { $0.upper - $0.lower }.reduce(0, +)
      #expect(total80.upper - total80.lower < summedWidth)
      #expect(total80.lower < point.plans && point.plans < total80.upper)
      // The quantile the simulation draws from is the total's law: its 10% and 90% are the bounds.
      let low = try #require(forecast.quantile?(0.1, CensusYear(year)))
      let high = try #require(forecast.quantile?(0.9, CensusYear(year)))
      #expect(abs(low - total80.lower) <= 1e-6 * total80.lower && abs(high - total80.upper) <= 1e-6 * total80.upper)
    }
  }

  @Test("a named model other than auto keeps each authority on its own, bounds summed")
  func namedModelStaysAlone() throws {
    let projection = try DemandProjection(
      authorities: Self.authorities, model: .linear, needed: CensusYear(2018)...CensusYear(2022),
      forecaster: ForecastingTrend())
    #expect(projection.forecast?.model == "sum of 12 authorities' forecasts")
  }
}
