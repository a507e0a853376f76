import Foundation
import Testing

@testable import Forecasting

/// Seeded random series of every awkward kind — zeros, spikes, steps, huge and tiny counts,
/// gaps, one to twenty points — through every model: nothing traps, and every number that
/// comes back is finite with bounds ordered and not negative.
struct RobustnessTests {
  static func randomSeries(_ rng: inout SplitMix64) throws -> TimeSeries {
    let n = 1 + Int(rng.uniform() * 20)
    let kind = Int(rng.uniform() * 6)
    let scale = [1.0, 10, 1_000, 1e6, 1e12, 0.01][Int(rng.uniform() * 6)]
    var times: [Int] = []
    var year = 1990 + Int(rng.uniform() * 20)
    var values: [Double] = []
    for i in 0..<n {
      times.append(year)
      year += rng.uniform() < 0.1 ? 2 : 1  // occasional gaps
      let base: Double
      switch kind {
      case 0: base = 0  // all zeros
      case 1: base = rng.uniform() < 0.3 ? 0 : rng.uniform()  // sparse
      case 2: base = i < n / 2 ? 1 : 5  // a step
      case 3: base = rng.uniform() < 0.1 ? 50 : 1  // spikes
      case 4: base = pow(1.2, Double(i))  // growth
      default: base = max(0, 10 - Double(i))  // decline to zero
      }
      values.append((base * scale * (0.9 + 0.2 * rng.uniform())).rounded(.toNearestOrEven))
    }
    return try TimeSeries(times: times, values: values)
  }

  @Test func randomSeriesNeverProduceNonFiniteOutput() throws {
    var rng = SplitMix64(seed: 20_200_407)
    var forecasts = 0
    for _ in 0..<30 {
      let series = try Self.randomSeries(&rng)
      let horizon = 1 + Int(rng.uniform() * 12)
      for model in ForecastModel.allCases {
        let f: Forecast
        do {
          f = try Forecaster.forecast(series, model: model, horizon: horizon, levels: [50, 80, 95, 99])
        } catch is ForecastingError {
          continue  // refused with a message: allowed
        }
        forecasts += 1
        #expect(f.points.count == horizon)
        for p in f.points {
          #expect(p.mean.isFinite && p.mean >= 0, "\(model) \(series.values)")
          for i in 0..<4 {
            #expect(p.lower[i].isFinite && p.upper[i].isFinite && p.lower[i] >= 0, "\(model) \(series.values)")
            #expect(p.lower[i] <= p.mean && p.mean <= p.upper[i], "\(model) \(series.values)")
          }
          for i in 1..<4 { #expect(p.lower[i] <= p.lower[i - 1] && p.upper[i] >= p.upper[i - 1]) }
        }
        #expect(f.fitted.allSatisfy { $0.fitted.isFinite })
        #expect(f.candidates.allSatisfy { ($0.aicc?.isFinite ?? true) && ($0.backtestMAPE?.isFinite ?? true) })
      }
    }
    #expect(forecasts > 100)  // most combinations are fitted, not refused
  }
}
