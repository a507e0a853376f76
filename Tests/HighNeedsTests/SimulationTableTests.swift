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

  @Test("error against the direct quantile: below 1e-6 relative for |z| ≤ 4 (measured about 5e-8)")
  func accuracy() throws {
    // Tolerance: cubic Hermite pieces with fourth-order slopes err by O(h⁴) with h = 0.055;
    // measured 5.4e-8 at worst over these laws, so 1e-6 leaves a margin without hiding a
    // real fault (a wrong coefficient errs by 1e-3 or more). Relative to max(Q, 1% of the
    // median): next to the clamp at zero a count-scale law's quantile is near 0 and a relative
    // error of it means nothing. Beyond |z| = 4 (probability 6e-5 each side) the clamp's kink can
    // fall inside a piece; there the check is that the table stays monotone (next test).
    for law in try Self.laws() {
      let table = QuantileTable { law.forecast.quantile($0, step: law.step) }
      let median = try #require(law.forecast.quantile(0.5, step: law.step))
      var worst = 0.0
      for k in 0...1600 {
        let z = -4 + 8 * Double(k) / 1600
        let direct = try #require(law.forecast.quantile(Normal.cdf(z), step: law.step))
        worst = max(worst, abs(table.value(z) - direct) / max(direct, 0.01 * median))
      }
      #expect(worst < 1e-6, "\(law.name): \(worst)")
    }
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
