import Forecasting
import Foundation
import Statistics
import Testing

@testable import Projection

/// The quantile table G(z) = Q(Φ(z)) against the forecast's direct quantile.
@Suite("Simulation: quantile tables in z")
struct SimulationTableTests {
  /// Medway's SEN2 counts 2010-2020 (data/sen2/ehcp_caseload_2010_2020.csv), a flat series
  /// and a steeply growing one: laws on the log and count scales, narrow and wide, and count-scale
  /// laws whose lower tail reaches the clamp at zero.
  static let series: [[Double]] = [
    [1546, 1580, 1554, 1412, 1409, 1500, 1678, 1779, 1968, 2126, 2296],
    [1500, 1520, 1490, 1505, 1510, 1495, 1530, 1525, 1540, 1535, 1550],
    [700, 720, 760, 800, 900, 1000, 1200, 1500, 1800, 2100, 2500],
  ]

  /// Every (forecast, step) of the series above under four models.
  static func laws() throws -> [(name: String, forecast: Forecast, step: Int)] {
    var laws: [(String, Forecast, Int)] = []
    for (index, counts) in series.enumerated() {
      let s = try TimeSeries(times: Array(2010...2020), values: counts)
      for model in [ForecastModel.auto, .linear, .damped, .exponential] {
        let forecast = try Forecaster.forecast(s, model: model, horizon: 6, levels: [80, 95])
        for step in 0..<6 { laws.append(("series \(index) \(model) step \(step)", forecast, step)) }
      }
    }
    return laws
  }

  @Test("error against the direct quantile for |z| ≤ 4: 1e-5 relative, 0.1% of the median next to the clamp at zero")
  func accuracy() throws {
    // Measured with the default 97 nodes (h = 0.147) over these 72 laws: 2.7e-6 relative at
    // worst where the quantile is smooth, and 1.8e-4 of the median next to the clamp at zero.
    // Tolerances: cubic Hermite pieces with fourth-order slopes err by O(h⁴), so 1e-5 leaves a
    // margin of about 4 without hiding a real fault (a wrong coefficient errs by 1e-3 or more).
    // Within two pieces of a node clamped at zero (a count-scale law's lower tail) the law has a
    // kink the cubic cannot follow; there the error is bounded by 1e-3 of the median (0.1%,
    // far below the Monte Carlo error of a percentile of 100,000 draws, about 1% of the spread).
    // |z| ≤ 4 is probability 0.99994; beyond, the next test checks that the table stays
    // monotone and non-negative.
    var smoothWorst = 0.0
    var clampWorst = 0.0
    for law in try Self.laws() {
      let table = QuantileTable { law.forecast.quantile($0, step: law.step) }
      let median = try #require(law.forecast.quantile(0.5, step: law.step))
      for k in 0...1600 {
        let z = -4 + 8 * Double(k) / 1600
        let direct = try #require(law.forecast.quantile(Normal.cdf(z), step: law.step))
        let error = abs(table.value(z) - direct)
        let piece = Int(min(max((z - table.start) * table.inverseStep, 0), Double(table.pieces) - 1e-9))
        let nearClamp = (max(0, piece - 2)...min(table.pieces - 1, piece + 2)).contains {
          table.coefficients[4 * $0] <= 0  // a piece at zero, or the one leaving zero
        }
        if nearClamp {
          clampWorst = max(clampWorst, error / median)
          #expect(error <= 1e-3 * median, "\(law.name) at z = \(z), next to the clamp")
        } else {
          smoothWorst = max(smoothWorst, error / direct)
          #expect(error <= 1e-5 * direct, "\(law.name) at z = \(z)")
        }
      }
    }
    #expect(smoothWorst > 0 && smoothWorst < 1e-5)
    #expect(clampWorst < 1e-3)
  }

  @Test("the table is monotone over its whole range and clamps z outside it")
  func monotone() throws {
    for law in try Self.laws() {
      let table = QuantileTable { law.forecast.quantile($0, step: law.step) }
      var previous = -Double.infinity
      for k in 0...6000 {
        let value = table.value(-7.5 + 15 * Double(k) / 6000)
        #expect(value >= previous, "\(law.name) at step \(k)")
        #expect(value >= 0)
        previous = value
      }
      #expect(table.value(-50) == table.value(-QuantileTable.zLimit))
      #expect(table.value(50) == table.value(QuantileTable.zLimit))
    }
  }

  @Test("a quantile that is nil at a node makes its pieces infinite, which the caller reports")
  func missingQuantile() {
    let table = QuantileTable { p in p > 0.999 ? nil : 1000 + 100 * Normal.quantile(p) }
    #expect(table.value(0).isFinite)
    #expect(table.value(6) == .infinity)
  }
}
