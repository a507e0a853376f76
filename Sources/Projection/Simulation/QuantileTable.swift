import Statistics

/// A forecast year's predictive quantile as a function of a standard normal deviate,
/// G(z) = Q(Φ(z)), tabulated once and read by monotone cubic interpolation.
///
/// Method. G is evaluated at `nodes` points equally spaced in z over [−``zLimit``, ``zLimit``]
/// (Φ(±zLimit) = 1e-12 and 1 − 1e-12, the probabilities the simulation has always been clamped
/// to). Slopes at the nodes come from fourth-order central differences of the node values
/// (second order next to the ends), then the Fritsch–Carlson limiter (SIAM J. Numer. Anal. 17,
/// 1980) makes each cubic Hermite piece monotone, so the table never reverses the order of two
/// draws and never leaves the range of its node values (a quantile clamped at zero stays at
/// zero). Each piece is stored as the four coefficients of a cubic in the fraction t ∈ [0, 1),
/// so a look-up is one multiply-add to find the piece and three to evaluate it. The piece in
/// which a law clamped at zero leaves zero is instead the line of the law beyond the kink,
/// clamped at zero (a cubic through the kink erred by up to 0.4% of the median there).
///
/// Accuracy: `SimulationTableTests` measures the table against the direct quantile on a dense
/// grid of |z| ≤ 4 over 72 of the forecasting module's laws; with the default 97 nodes (spacing
/// 0.147) the relative error is 2.7e-6 at worst (the test allows 1e-5), and within two pieces of
/// a quantile clamped at zero (a count-scale law's far lower tail) 1.8e-4 of the median (the
/// test allows 1e-3). 97 nodes, not more: building a table costs one quantile evaluation a node
/// (about 3.5 µs for `auto`'s combination), and the national scenario needs 900 of them. A node
/// whose quantile is nil or not finite (an exploding tail) makes its pieces return +∞, which the
/// caller reports.
struct QuantileTable: Sendable {
  /// The table's edge in z: Φ(zLimit) = 1 − 1e-12.
  static let zLimit = -Normal.quantile(1e-12)
  /// Nodes in a table unless asked otherwise.
  static let defaultNodes = 97

  /// Coefficients of piece k at 4k ..< 4k + 4: G = c0 + t(c1 + t(c2 + t·c3)).
  let coefficients: [Double]
  /// The first node's z.
  let start: Double
  /// 1 / node spacing.
  let inverseStep: Double
  /// Number of pieces (nodes − 1).
  let pieces: Int

  /// Tabulates `quantile` (probability → value, nil where it has none) at `nodes` points.
  init(nodes: Int = QuantileTable.defaultNodes, quantile: (Double) -> Double?) {
    let step = 2 * Self.zLimit / Double(nodes - 1)
    let z = (0..<nodes).map { -Self.zLimit + Double($0) * step }
    let values = z.map { z -> Double in
      guard let q = quantile(min(max(Normal.cdf(z), 1e-12), 1 - 1e-12)), q.isFinite else { return .infinity }
      return max(0, q)
    }
    self.init(values: values, start: -Self.zLimit, step: step)
  }

  /// The table through node `values` at z = start + k·step.
  init(values: [Double], start: Double, step: Double) {
    let n = values.count
    precondition(n >= 5, "a quantile table needs at least 5 nodes")
    // Stencils never reach across the clamp at zero: a node at zero has slope 0, and a
    // positive node whose stencil would include a zero uses the one-sided difference.
    func positive(_ range: ClosedRange<Int>) -> Bool {
      range.lowerBound >= 0 && range.upperBound < n && range.allSatisfy { values[$0] > 0 }
    }
    var slopes = [Double](repeating: 0, count: n)
    for k in 0..<n where values[k] > 0 {
      if positive((k - 2)...(k + 2)) {
        slopes[k] = (values[k - 2] - 8 * values[k - 1] + 8 * values[k + 1] - values[k + 2]) / (12 * step)
      } else if positive((k - 1)...(k + 1)) {
        slopes[k] = (values[k + 1] - values[k - 1]) / (2 * step)
      } else if positive(k...(k + 2)) {
        slopes[k] = (-3 * values[k] + 4 * values[k + 1] - values[k + 2]) / (2 * step)
      } else if positive((k - 2)...k) {
        slopes[k] = (3 * values[k] - 4 * values[k - 1] + values[k - 2]) / (2 * step)
      }
    }
    let unlimited = slopes
    // Fritsch–Carlson: no slope against the data, and (α, β) inside the circle of radius 3.
    for k in 0..<(n - 1) {
      let secant = (values[k + 1] - values[k]) / step
      if secant == 0 || !secant.isFinite {
        slopes[k] = 0
        slopes[k + 1] = 0
        continue
      }
      if slopes[k] / secant < 0 { slopes[k] = 0 }
      if slopes[k + 1] / secant < 0 { slopes[k + 1] = 0 }
      let alpha = slopes[k] / secant
      let beta = slopes[k + 1] / secant
      let radius = alpha * alpha + beta * beta
      if radius > 9 {
        let tau = 3 / radius.squareRoot()
        slopes[k] = tau * alpha * secant
        slopes[k + 1] = tau * beta * secant
      }
    }
    var coefficients = [Double](repeating: 0, count: 4 * (n - 1))
    for k in 0..<(n - 1) {
      let y0 = values[k]
      let y1 = values[k + 1]
      guard y0.isFinite, y1.isFinite else {
        coefficients[4 * k] = .infinity
        continue
      }
      let m0 = slopes[k] * step
      let m1 = slopes[k + 1] * step
      // The piece where a law clamped at zero leaves zero: its kink is inside the piece, which
      // a cubic cannot follow. The law beyond the kink is smooth, so the piece is the line
      // through the positive node with that node's slope, extended below zero, and `value`
      // clamps it at zero: exact for a normal law (linear in z), and monotone either way.
      if y0 == 0, y1 > 0, unlimited[k + 1] > 0 {
        let slope = unlimited[k + 1] * step
        if y1 - slope < 0 {
          coefficients[4 * k] = y1 - slope
          coefficients[4 * k + 1] = slope
          continue
        }
      }
      coefficients[4 * k] = y0
      coefficients[4 * k + 1] = m0
      coefficients[4 * k + 2] = 3 * (y1 - y0) - 2 * m0 - m1
      coefficients[4 * k + 3] = 2 * (y0 - y1) + m0 + m1
    }
    self.coefficients = coefficients
    self.start = start
    self.inverseStep = 1 / step
    self.pieces = n - 1
  }

  /// G(z), with z clamped to the table's range.
  @inline(__always)
  func value(_ z: Double) -> Double {
    coefficients.withUnsafeBufferPointer { value(z, coefficients: $0.baseAddress!) }
  }

  /// G(z) reading the coefficients through `pointer` (the caller holds the array).
  @inline(__always)
  func value(_ z: Double, coefficients pointer: UnsafePointer<Double>) -> Double {
    Self.value(z, pointer, start, inverseStep, Double(pieces) - 0x1p-40)
  }

  /// G(z) for a table at `c` (start, 1/step, and `last` = pieces less a hair).
  @inline(__always)
  static func value(
    _ z: Double, _ c: UnsafePointer<Double>, _ start: Double, _ inverseStep: Double, _ last: Double
  ) -> Double {
    let position = min(max((z - start) * inverseStep, 0), last)
    let piece = Int(position)
    let t = position - Double(piece)
    let p = c + 4 * piece
    if p[0] == .infinity { return .infinity }
    // Only the piece leaving a clamp at zero goes below zero (see `init(values:start:step:)`).
    return max(0, p[0] + t * (p[1] + t * (p[2] + t * p[3])))
  }
}
