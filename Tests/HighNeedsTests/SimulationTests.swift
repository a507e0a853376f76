import Forecasting
import Statistics
import Foundation
import LinearAlgebra
import Testing

@testable import HighNeeds
@testable import ScenarioFiles
@testable import Projection
@testable import Reports

/// A forecaster with a known predictive law: plans in year h after the last count are normal
/// with mean last + 100·h and standard deviation 20·h (so its 80% interval is mean ± 25.6·h).
struct NormalTrend: TrendForecaster {
  static func mean(_ last: Double, _ h: Int) -> Double { last + 100 * Double(h) }
  static func sd(_ h: Int) -> Double { 20 * Double(h) }

  func forecast(history: [(CensusYear, Double)], model: ForecastModel, horizon: Int) throws -> TrendForecast {
    guard let (last, count) = history.last else {
      return TrendForecast(model: "normal", selection: "test", points: [:], notes: [])
    }
    var points: [CensusYear: DemandPoint] = [:]
    for h in 1...horizon {
      let year = last.advanced(by: h)
      let mean = Self.mean(count, h)
      let half = Normal.quantile(0.9) * Self.sd(h)
      points[year] = DemandPoint(
        census: year, plans: mean, source: .forecast,
        intervals: [PlanInterval(level: 80, lower: mean - half, upper: mean + half)])
    }
    return TrendForecast(
      model: "normal", selection: "test", points: points, notes: [],
      quantile: { p, year in
        let h = last.distance(to: year)
        return Self.mean(count, h) + Normal.quantile(p) * Self.sd(h)
      })
  }
}

/// The hand scenario with a fitted model instead of a constant growth rate.
let modelScenarioText = handScenarioText.replacingOccurrences(
  of: "  growth: 5%\n  placements:", with: "  model: linear\n  placements:")

@Suite("Monte Carlo over demand paths")
struct SimulationTests {
  @Test("each forecast year's plans follow its predictive law: the 10th, 50th and 90th percentiles")
  func marginals() throws {
    let scenario = try ScenarioLoader.load(contentsOf: modelScenarioText, file: "m.yaml")
    let ledger = try Ledger(scenario: scenario, forecaster: NormalTrend())
    let draws = 20_000
    let simulation = try ledger.simulate(draws: draws, seed: 7)
    #expect(simulation.years.map(\.year.description) == ["2019-20", "2020-21", "2021-22", "2022-23"])
    // The last census (January 2020, 1,200 plans) is counted: the same in every draw.
    #expect(simulation.years[0].plans.p5 == 1200 && simulation.years[0].plans.p95 == 1200)
    for h in 1...3 {
      let year = simulation.years[h]
      let mean = NormalTrend.mean(1200, h)
      let sd = NormalTrend.sd(h)
      // A sample percentile's standard error is √(p(1 − p)/N)/density: 0.012·sd at the 10th,
      // 0.009·sd at the median for N = 20,000. Four standard errors: 0.05·sd.
      #expect(abs(year.plans.p10 - (mean + Normal.quantile(0.1) * sd)) < 0.05 * sd, "year \(h)")
      #expect(abs(year.plans.p50 - mean) < 0.04 * sd, "year \(h)")
      #expect(abs(year.plans.p90 - (mean + Normal.quantile(0.9) * sd)) < 0.05 * sd, "year \(h)")
    }
  }

  @Test("the copula's links: the path's normals have correlation ρ between successive years")
  func copula() {
    #expect(DemandSimulation.links(widths: [0.1, 0.2, 0.2, 0]) == [0, 0.5, 1, 1])
    let links = [0, 0.5, 1]
    var random = SplitMix64(seed: 11, stream: 0)
    let n = 20_000
    // Z = L·ε for n columns of ziggurat deviates, the product the simulation forms with DGEMM.
    let deviates = Matrix(rows: 3, columns: n, storage: (0..<(3 * n)).map { _ in ZigguratNormal.next(&random) })
    let z = DemandSampler.factor(links: links).multiplied(by: deviates)
    let paths: [[Double]] = (0..<n).map { z.column($0) }
    func correlation(_ i: Int, _ j: Int) -> Double {
      let x = paths.map { $0[i] }
      let y = paths.map { $0[j] }
      let mx = x.reduce(0, +) / Double(n)
      let my = y.reduce(0, +) / Double(n)
      let sxy = zip(x, y).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
      let sxx = x.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
      let syy = y.map { ($0 - my) * ($0 - my) }.reduce(0, +)
      return sxy / (sxx * syy).squareRoot()
    }
    // Standard error of a sample correlation near ρ: (1 − ρ²)/√N ≤ 0.0071; tolerance 0.03.
    #expect(abs(correlation(0, 1) - 0.5) < 0.03)
    #expect(abs(correlation(1, 2) - 1) < 1e-9)
    #expect(abs(correlation(0, 2) - 0.5) < 0.03)
    // Each year's normal is standard: mean 0 and variance 1 within sampling error.
    for year in 0..<3 {
      let values = paths.map { $0[year] }
      let mean = values.reduce(0, +) / Double(n)
      let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
      #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.04)
    }
  }

  @Test("the same seed and draws give the same summary; another seed gives another")
  func reproducible() throws {
    let scenario = try ScenarioLoader.load(contentsOf: modelScenarioText, file: "m.yaml")
    let ledger = try Ledger(scenario: scenario, forecaster: NormalTrend())
    let first = try ledger.simulate(draws: 500, seed: 42).json.serialized()
    let again = try ledger.simulate(draws: 500, seed: 42).json.serialized()
    let other = try ledger.simulate(draws: 500, seed: 43).json.serialized()
    #expect(first == again)
    #expect(first != other)
  }

  @Test("probabilities agree with the reserve's percentiles, and outturn years are certain")
  func consistency() throws {
    let scenario = try ScenarioLoader.load(contentsOf: modelScenarioText, file: "m.yaml")
    let ledger = try Ledger(scenario: scenario, forecaster: NormalTrend())
    let simulation = try ledger.simulate(draws: 4_000, seed: 3)
    for year in simulation.years {
      let r = year.reserve
      #expect(r.p5 <= r.p10 && r.p10 <= r.p50 && r.p50 <= r.p90 && r.p90 <= r.p95)
      // If the median reserve is in deficit, at least half the draws are.
      if r.p50 < .zero { #expect(year.probabilityDeficit >= 0.5) }
      if r.p50 > .zero { #expect(year.probabilityDeficit <= 0.5) }
      if r.p95 < .zero { #expect(year.probabilityDeficit >= 0.95) }
    }
    // 2019-20 is an outturn year: every draw has its figures.
    let outturn = simulation.years[0]
    #expect(outturn.actual)
    #expect(outturn.reserve.p5 == outturn.reserve.p95)
    #expect(outturn.reserve.p50 == ledger.years[0].reserve)
  }

  @Test("a constant growth rate or a bad number of draws cannot be simulated")
  func refusals() throws {
    let fixed = try Ledger(scenario: try ScenarioLoader.load(contentsOf: handScenarioText, file: "h.yaml"))
    #expect(throws: SimulationUnavailable.self) { try fixed.simulate(draws: 100, seed: 1) }
    let scenario = try ScenarioLoader.load(contentsOf: modelScenarioText, file: "m.yaml")
    let ledger = try Ledger(scenario: scenario, forecaster: NormalTrend())
    #expect(throws: SimulationUnavailable.self) { try ledger.simulate(draws: 1, seed: 1) }
    #expect(throws: SimulationUnavailable.self) {
      try ledger.simulate(draws: DemandSimulation.maximumDraws + 1, seed: 1)
    }
  }

  @Test("the forecasting module's quantile reproduces its own interval bounds")
  func forecastQuantiles() throws {
    // Medway's SEN2 counts 2010-2020 (data/sen2/ehcp_caseload_2010_2020.csv).
    let counts: [Double] = [1546, 1580, 1554, 1412, 1409, 1500, 1678, 1779, 1968, 2126, 2296]
    let series = try TimeSeries(times: Array(2010...2020), values: counts)
    for model in [ForecastModel.auto, .linear, .damped] {
      let forecast = try Forecaster.forecast(series, model: model, horizon: 4, levels: [80, 95])
      for (step, point) in forecast.points.enumerated() {
        let lower80 = try #require(forecast.quantile(0.1, step: step))
        let upper95 = try #require(forecast.quantile(0.975, step: step))
        // The bounds are these quantiles (clamped to the mean, which they never cross here).
        #expect(abs(lower80 - point.lower[0]) <= 1e-9 * point.mean, "\(model) step \(step)")
        #expect(abs(upper95 - point.upper[1]) <= 1e-9 * point.mean, "\(model) step \(step)")
      }
      #expect(forecast.quantile(0, step: 0) == nil)
      #expect(forecast.quantile(0.5, step: forecast.points.count) == nil)
    }
  }

  @Test("an outturn year whose census is forecast keeps its central plans: calibration never moves")
  func outturnYearsStayCentral() throws {
    // The last count is January 2019; 2019-20 (January 2020) is an outturn year and the
    // calibration year, so its plans are a forecast that the draws and the range must not move.
    let text =
      modelScenarioText
      .replacingOccurrences(of: "    2018: 1000\n    2020: 1200\n", with: "    2017: 900\n    2019: 1100\n")
    #expect(text.contains("2019: 1100"))
    let scenario = try ScenarioLoader.load(contentsOf: text, file: "c.yaml")
    let ledger = try Ledger(scenario: scenario, forecaster: NormalTrend())
    #expect(ledger.years[0].actual && ledger.years[0].demand.source == .forecast)
    let central = try #require(ledger.calibration).factor
    let simulation = try ledger.simulate(draws: 2_000, seed: 9)
    let outturn = simulation.years[0]
    #expect(outturn.plans.p5 == ledger.years[0].demand.plans && outturn.plans.p95 == ledger.years[0].demand.plans)
    #expect(outturn.reserve.p5 == outturn.reserve.p95)
    // The later years do vary.
    #expect(simulation.years[3].plans.p95 - simulation.years[3].plans.p5 > 100)
    let range = try #require(try ledger.demandRange())
    for band in range.bands {
      #expect(band.lowDemand.calibration?.factor == central)
      #expect(band.highDemand.calibration?.factor == central)
      #expect(band.highDemand.years[0].demand.plans == ledger.years[0].demand.plans)
    }
  }

  @Test("several authorities: each draw puts every authority at the same quantile")
  func severalAuthorities() throws {
    let text = authoritiesScenarioText.replacingOccurrences(
      of: "  growth: 5%\n  placements:", with: "  model: linear\n  placements:")
    let ledger = try Ledger(
      scenario: try ScenarioLoader.load(contentsOf: text, file: "a.yaml"), forecaster: NormalTrend())
    let simulation = try ledger.simulate(draws: 20_000, seed: 12)
    // January 2023 (2022-23), 3 years after the last counts 400, 560 and 240: each authority
    // is normal with mean last + 300 and sd 60, all at one quantile, so the total is normal
    // with mean 1,200 + 900 and sd 180. Tolerances as in the marginals test: 0.05 sd.
    let year = simulation.years[3]
    let mean = 1_200.0 + 3 * 300
    let sd = 3 * 60.0
    #expect(abs(year.plans.p50 - mean) < 0.05 * sd)
    #expect(abs(year.plans.p10 - (mean + Normal.quantile(0.1) * sd)) < 0.05 * sd)
    #expect(abs(year.plans.p90 - (mean + Normal.quantile(0.9) * sd)) < 0.05 * sd)
  }

  @Test("an exploding exponential tail is refused at demand.model, never printed as a figure")
  func explodingTail() throws {
    let text =
      handScenarioText
      .replacingOccurrences(
        of: "    2018: 1000\n    2020: 1200\n", with: "    2018: 10\n    2019: 5000\n    2020: 20\n"
      )
      .replacingOccurrences(of: "  growth: 5%\n  placements:", with: "  model: exponential\n  placements:")
    let ledger = try Ledger(scenario: try ScenarioLoader.load(contentsOf: text, file: "x.yaml"))
    do {
      let simulation = try ledger.simulate(draws: 20_000, seed: 1)
      for year in simulation.years {
        #expect(year.reserve.p5.value.isFinite && abs(year.reserve.p5.value) < 0x1p53)
        #expect(year.reserveMean.value.isFinite && abs(year.reserveMean.value) < 0x1p53)
      }
    } catch let error as ScenarioError {
      #expect(error.issues.map(\.field) == ["demand.model"])
    }
  }
}
