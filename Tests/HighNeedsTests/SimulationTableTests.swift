import Forecasting
import Foundation
import Statistics
import Testing

@testable import Projection

/// The quantile table G(z) = Q(Φ(z)) against the direct quantile.
@Suite("Simulation: quantile tables in z")
struct SimulationTableTests {
  /// Medway's SEN2 counts 2010-2020, and two more shapes from SEN2: a flat series and a
  /// steeply growing one (Barnsley, Wokingham; data/sen2/ehcp_caseload_2010_2020.csv).
  static let series: [[Double]] = [
    [1546, 1580, 1554, 1412, 1409, 1500, 1678, 1779, 1968, 2126, 2296],
    [1500, 1520, 1490, 1505, 1510, 1495, 1530, 1525, 1540, 1535, 1550],
    [700, 720, 760, 800, 900, 1000, 1200, 1500, 1800, 2100, 2500],
  ]

  @Test("measure")
  func measure() throws {
    for nodes in [65, 129, 257, 513] {
      var worst = 0.0
      var worstTail = 0.0
      for counts in Self.series {
        let s = try TimeSeries(times: Array(2010...2020), values: counts)
        for model in [ForecastModel.auto, .linear, .damped, .exponential] {
          let f = try Forecaster.forecast(s, model: model, horizon: 6, levels: [80, 95])
          for step in 0..<6 {
            let table = QuantileTable(nodes: nodes) { f.quantile($0, step: step) }
            for k in 0...2000 {
              let z = -7 + 14 * Double(k) / 2000
              let direct = f.quantile(min(max(Normal.cdf(z), 1e-12), 1 - 1e-12), step: step)!
              let piece = Int(min(max((z - table.start) * table.inverseStep, 0), Double(table.pieces) - 1e-9))
              _ = piece
              let e = abs(table.value(z) - direct) / max(direct, 0.01 * f.quantile(0.5, step: step)!)
              if abs(z) <= 4 && e > worst && nodes == 129 { print(model, step, z, table.value(z), direct) }
              if abs(z) <= 4 { worst = max(worst, e) } else { worstTail = max(worstTail, e) }
            }
          }
        }
      }
      print("nodes \(nodes): worst rel error |z|<=5 \(worst), tail \(worstTail)")
    }
  }
}
