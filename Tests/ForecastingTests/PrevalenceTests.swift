import Foundation
import Testing

@testable import Forecasting

/// The prevalence model: rate per 10,000 forecast, times the projected population.
struct PrevalenceTests {
  /// A constant rate of 150 per 10,000 and a growing population: the linear model on the
  /// rate is exact, so the forecast is 150 × population / 10,000 (1e-9 relative).
  @Test func constantRateFollowsPopulation() throws {
    let years = Array(2010...2016)
    let people = (0..<10).map { 100_000 + 2_000 * Double($0) }
    let population = try TimeSeries(times: Array(2010...2019), values: people)
    let plans = try TimeSeries(times: years, values: years.indices.map { 150 * people[$0] / 10_000 })
    let f = try Forecaster.forecast(plans, population: population, model: .linear, horizon: 3)
    #expect(f.model == "prevalence(linear)")
    for (k, p) in f.points.enumerated() {
      let expected = 150 * people[7 + k] / 10_000
      #expect(abs(p.mean - expected) < 1e-9 * expected)
    }
    for (i, q) in f.fitted.enumerated() { #expect(abs(q.fitted - plans.values[i]) < 1e-9 * plans.values[i]) }
  }

  /// auto on the rate: bounds ordered and scaled, notes say the population is taken as known.
  @Test func autoOnRates() throws {
    let population = try TimeSeries(times: Array(2010...2024), values: (0..<15).map { 60_000 + 500 * Double($0) })
    let f = try Forecaster.forecast(ForecasterTests.medway, population: population, horizon: 4)
    #expect(f.model.hasPrefix("prevalence(combination("))
    #expect(f.notes.contains { $0.contains("population is taken as known") })
    for p in f.points {
      #expect(p.lower[1] <= p.lower[0] && p.lower[0] <= p.mean && p.mean <= p.upper[0] && p.upper[0] <= p.upper[1])
    }
  }

  @Test func populationMustCoverEveryYear() throws {
    let population = try TimeSeries(times: Array(2010...2021), values: [Double](repeating: 50_000, count: 12))
    #expect(throws: ForecastingError.populationMissing(time: 2022)) {
      try Forecaster.forecast(ForecasterTests.medway, population: population, horizon: 2)
    }
    let early = try TimeSeries(times: Array(2011...2030), values: [Double](repeating: 50_000, count: 20))
    #expect(throws: ForecastingError.populationMissing(time: 2010)) {
      try Forecaster.forecast(ForecasterTests.medway, population: early, horizon: 2)
    }
    let zero = try TimeSeries(times: Array(2010...2030), values: [0] + [Double](repeating: 50_000, count: 20))
    #expect(throws: ForecastingError.populationZero(time: 2010)) {
      try Forecaster.forecast(ForecasterTests.medway, population: zero, horizon: 2)
    }
  }
}
