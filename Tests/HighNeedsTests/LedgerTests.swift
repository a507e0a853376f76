import Foundation
import Forecasting
import Testing
import TestSupport

@testable import HighNeeds
@testable import ScenarioFiles
@testable import Projection
@testable import Reports

/// A forecaster that returns a fixed path, so the ledger can be checked by hand.
struct FixedTrend: TrendForecaster {
  let plans: [Int: Double]

  func forecast(history: [(CensusYear, Double)], model: ForecastModel, horizon: Int) throws -> TrendForecast {
    var points: [CensusYear: DemandPoint] = [:]
    guard let last = history.last?.0 else {
      return TrendForecast(model: "fixed", selection: "test", points: [:], notes: [])
    }
    for step in 1...horizon {
      let year = last.advanced(by: step)
      let mean = plans[year.year] ?? 0
      points[year] = DemandPoint(
        census: year, plans: mean, source: .forecast,
        intervals: [
          PlanInterval(level: 80, lower: mean - 10, upper: mean + 10),
          PlanInterval(level: 95, lower: mean - 20, upper: mean + 20),
        ])
    }
    return TrendForecast(model: "fixed", selection: "test", points: points, notes: [])
  }
}

/// A small scenario whose every figure is recomputed by hand in the tests below.
let handScenarioText = """
  scenario: Hand-checked
  authority: Testshire
  years: 2019-20 to 2022-23
  demand:
    census:
      2018: 1000
      2020: 1200
    growth: 5%
    placements:
      mainstream: 40%
      special: 60%
    placement_trend:
      mainstream: -1%
      special: +1%
  costs:
    price_year: 2019-20
    per_plan:
      mainstream: £8,000
      special: £20,000
    inflation: 2%
    other: £1m
  funding:
    high_needs_block:
      2019-20: £30m
      2020-21: £31m
    growth: 3%
    block_transfers:
      2021-22: £0.5m
    other_income:
      2022-23: £250k
    dsg_total: £200m
  reserve:
    opening: £2m
    outturn:
      2019-20: £1m
  calibrate: 2019-20
  """

@Suite("Ledger, recomputed by hand")
struct LedgerTests {
  // Tolerance: £0.01 on amounts up to tens of millions is about 1e-10 relative, far above the
  // rounding of a few dozen double operations (1e-15 relative) and far below a visible penny.
  let pennies = 0.01

  /// A negative `other_income` (init's reconciling income where the s251 lines count less spend
  /// than the block and the deficit movement imply) loads and lowers that year's funding by it.
  @Test("a negative other income is read and taken off the funding")
  func negativeOtherIncome() throws {
    let text = handScenarioText.replacingOccurrences(of: "2022-23: £250k", with: "2022-23: -£250k")
    #expect(text != handScenarioText)
    let given = try Ledger(scenario: ScenarioLoader.load(contentsOf: handScenarioText, file: "hand.yaml"))
    let negative = try Ledger(scenario: ScenarioLoader.load(contentsOf: text, file: "negative.yaml"))
    let year = try #require(negative.years.last)
    #expect(year.year.description == "2022-23")
    #expect(abs(year.otherIncome.value - -250_000) < pennies)
    let before = try #require(given.years.last?.funding?.value)
    #expect(abs((year.funding?.value ?? 0) - (before - 500_000)) < pennies)
  }

  @Test("every projected figure follows the documented formulas")
  func handChecked() throws {
    let scenario = try ScenarioLoader.load(contentsOf: handScenarioText, file: "hand.yaml")
    let ledger = try Ledger(scenario: scenario)
    #expect(ledger.years.map(\.year.description) == ["2019-20", "2020-21", "2021-22", "2022-23"])

    // Calibration in 2019-20: actual spend = £30m + £1m; placement spend at given costs =
    // 1200 × (0.40 × 8000 + 0.60 × 20000) = £18.24m; other = £1m.
    let factor = (31_000_000.0 - 1_000_000) / (1200 * (0.40 * 8000 + 0.60 * 20000))
    let calibration = try #require(ledger.calibration)
    #expect(abs(calibration.factor - factor) < 1e-12)
    #expect(abs(calibration.targetSpend.value - 31_000_000) < pennies)

    var reserve = 2_000_000.0 - 1_000_000
    let first = ledger.years[0]
    #expect(first.actual)
    #expect(abs(first.inYearBalance.value - -1_000_000) < pennies)
    #expect(abs((first.spend?.value ?? 0) - 31_000_000) < pennies)
    #expect(abs(first.reserve.value - reserve) < pennies)
    #expect(abs(first.modelledSpend.value - 31_000_000) < 1e-3, "calibration makes modelled spend equal actual")

    let allocations = [31_000_000.0, 31_000_000 * 1.03, 31_000_000 * 1.03 * 1.03]
    let extras = [0.0, 500_000, 250_000]
    for step in 1...3 {
      let year = ledger.years[step]
      let plans = 1200 * pow(1.05, Double(step))
      let mainstreamShare = 0.40 - 0.01 * Double(step)
      let specialShare = 0.60 + 0.01 * Double(step)
      let index = pow(1.02, Double(step))
      let placementSpend = plans * (mainstreamShare * 8000 + specialShare * 20000) * index * factor
      let spend = placementSpend + 1_000_000 * index
      let funding = allocations[step - 1] + extras[step - 1]
      reserve += funding - spend
      #expect(!year.actual)
      #expect(abs(year.demand.plans - plans) < 1e-9)
      #expect(abs((year.shares[Placement("special")] ?? 0) - specialShare) < 1e-12)
      #expect(abs((year.unitCost[Placement("special")]?.value ?? 0) - 20000 * index * factor) < pennies)
      #expect(abs((year.spend?.value ?? 0) - spend) < pennies)
      #expect(abs((year.funding?.value ?? 0) - funding) < pennies)
      #expect(abs(year.inYearBalance.value - (funding - spend)) < pennies)
      #expect(abs(year.reserve.value - reserve) < pennies)
      #expect(abs((year.reservePercentOfDSG ?? 0) - reserve / 200_000_000 * 100) < 1e-9)
      #expect(year.recoveryPlanRequired == (reserve <= -2_000_000))
    }
    #expect(ledger.firstDeficitYear == ledger.years.first { $0.reserve.value < 0 }?.year)
  }

  @Test("an outturn year ignores the model: balance is minus the overspend, spend is funding plus it")
  func outturnOverridesModel() throws {
    let text = handScenarioText.replacingOccurrences(
      of: "    2019-20: £1m\n", with: "    2019-20: £1m\n    2020-21: -£0.4m\n")
    let ledger = try Ledger(scenario: try ScenarioLoader.load(contentsOf: text, file: "t.yaml"))
    let year = ledger.years[1]
    #expect(year.actual)
    #expect(abs(year.inYearBalance.value - 400_000) < pennies)
    #expect(abs((year.spend?.value ?? 0) - (31_000_000 - 400_000)) < pennies)
    #expect(abs(year.reserve.value - (2_000_000 - 1_000_000 + 400_000)) < pennies)
  }

  @Test("without calibration the factor is 1 and costs are as given, inflated")
  func noCalibration() throws {
    let text = handScenarioText.replacingOccurrences(of: "calibrate: 2019-20", with: "")
    let ledger = try Ledger(scenario: try ScenarioLoader.load(contentsOf: text, file: "t.yaml"))
    #expect(ledger.calibration == nil)
    #expect(abs((ledger.years[2].unitCost[Placement("mainstream")]?.value ?? 0) - 8000 * 1.02 * 1.02) < pennies)
  }

  @Test("a fitted model's path and intervals reach the ledger and its JSON")
  func forecasterSeam() throws {
    let text = handScenarioText.replacingOccurrences(
      of: "  growth: 5%\n  placements:", with: "  model: linear\n  placements:"
    )
    .replacingOccurrences(of: "    growth: 5%\n", with: "    model: linear\n")
    let scenario = try ScenarioLoader.load(contentsOf: text, file: "t.yaml")
    #expect(scenario.demand.growth == nil)
    let ledger = try Ledger(scenario: scenario, forecaster: FixedTrend(plans: [2021: 1300, 2022: 1350, 2023: 1500]))
    #expect(ledger.years.map(\.demand.plans) == [1200, 1300, 1350, 1500])
    #expect(ledger.years.map(\.demand.source) == [.census, .forecast, .forecast, .forecast])
    let json = LedgerReport(ledger).json().serialized()
    #expect(json.contains("\"lo80\": 1290"))
    #expect(json.contains("\"hi95\": 1520"))
  }

  @Test("census gaps are interpolated on a straight line; forecasts are floored at zero")
  func demandProjection() throws {
    let projection = try DemandProjection(
      census: [CensusYear(2016): 100, CensusYear(2019): 160], model: .linear,
      needed: CensusYear(2016)...CensusYear(2021), forecaster: FixedTrend(plans: [2020: 170, 2021: -5]))
    #expect(projection.points[CensusYear(2017)]?.plans == 120)
    #expect(projection.points[CensusYear(2018)]?.plans == 140)
    #expect(projection.points[CensusYear(2018)]?.source == .interpolated)
    #expect(projection.points[CensusYear(2019)]?.source == .census)
    #expect(projection.points[CensusYear(2020)]?.plans == 170)
    #expect(projection.points[CensusYear(2021)]?.plans == 0)
  }

  @Test("a trend that would push a share below zero is floored and the mix rescaled to 100%")
  func shareFloor() throws {
    let text = handScenarioText.replacingOccurrences(of: "    mainstream: -1%\n", with: "    mainstream: -15%\n")
    let scenario = try ScenarioLoader.load(contentsOf: text, file: "t.yaml")
    let costing = Costing(
      scenario: scenario,
      demand: try DemandProjection(
        census: scenario.demand.census, model: .auto, needed: CensusYear(2020)...CensusYear(2020),
        forecaster: FixedTrend(plans: [:])))
    // January 2023 is 3 years after the mix: mainstream 0.40 − 0.45 → 0; special 0.63 → rescaled to 1.
    let shares = costing.shares(FinancialYear(startYear: 2022))
    #expect(shares[Placement("mainstream")] == 0)
    #expect(abs((shares[Placement("special")] ?? 0) - 1) < 1e-12)
  }

  @Test("allocations grow from the latest one given, across gaps")
  func allocationGrowth() throws {
    let text = handScenarioText.replacingOccurrences(
      of: "    2020-21: £31m\n", with: "    2020-21: £31m\n    2022-23: £40m\n")
    let ledger = try Ledger(scenario: try ScenarioLoader.load(contentsOf: text, file: "t.yaml"))
    #expect(abs((ledger.years[2].highNeedsBlock?.value ?? 0) - 31_000_000 * 1.03) < pennies)
    #expect(ledger.years[3].highNeedsBlock == Pounds(40_000_000))
  }
}

/// Implausible figures are named before anyone presents them (issue 15).
@Suite("Plausibility warnings")
struct PlausibilityTests {
  @Test("growth above 15% a year is named with the counts, the years and the model")
  func fastGrowth() throws {
    // The Kent figures the issue quotes: 8,957 in January 2018 to 36,110 in January 2026 is
    // (36110 / 8957)^(1/8) − 1 = 19.0% a year.
    let warning = try #require(
      Plausibility.growthWarning(
        who: "Kent", from: CensusYear(2018), last: 8957, to: CensusYear(2026), forecast: 36110, model: "exponential"))
    #expect(warning.contains("Kent") && warning.contains("19.0% a year"), "\(warning)")
    #expect(warning.contains("8,957 in January 2018") && warning.contains("36,110 in January 2026"))
    // 8.9% a year (Medway's seed growth) is no warning.
    #expect(
      Plausibility.growthWarning(
        who: "Medway", from: CensusYear(2020), last: 2500, to: CensusYear(2026), forecast: 2500 * pow(1.089, 6),
        model: "growth") == nil)
  }

  @Test("a scenario growing 30% a year warns in the report, and the shipped Medway scenario does not")
  func scenarioWarning() throws {
    let fast = smallScenario(title: "Fast").replacingOccurrences(of: "growth: 10%", with: "growth: 30%")
    let ledger = try Ledger(scenario: try ScenarioLoader.load(contentsOf: fast, file: "fast.yaml"))
    #expect(ledger.plausibilityWarnings.count == 1)
    #expect(ledger.plausibilityWarnings.first?.contains("30.0% a year") == true)
    let json = LedgerReport(ledger).json().serialized()
    #expect(json.contains("\"warnings\": [\n    \"Testshire: plans are forecast to grow 30.0% a year"))
    let medway = try Ledger(
      scenario: try ScenarioLoader.load(
        contentsOf: try String(contentsOf: repositoryRoot.appendingPathComponent("scenarios/medway-2020.yaml"), encoding: .utf8),
        file: "scenarios/medway-2020.yaml", readFile: { try String(contentsOfFile: $0, encoding: .utf8) }))
    #expect(medway.plausibilityWarnings.isEmpty)
  }
}
