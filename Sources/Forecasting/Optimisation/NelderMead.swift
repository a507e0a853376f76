/// Derivative-free minimisation by the Nelder–Mead simplex method.
///
/// The standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½) of
/// Nelder & Mead (1965), "A simplex method for function minimization", Computer Journal 7,
/// with the ordering and tie rules of Lagarias et al. (1998), SIAM J. Optim. 9(1).
/// Non-finite objective values are treated as +∞, so a caller can reject points outside
/// its domain by returning `.infinity`.
///
/// ```swift
/// let r = NelderMead.minimize(start: [-1.2, 1]) { x in
///   100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0])
/// }   // r.point ≈ [1, 1]
/// ```
///
/// Complexity: one or two objective evaluations per iteration, n + 1 on a shrink.
public enum NelderMead {
  /// The result of a minimisation.
  public struct Result: Sendable {
    /// The best point found.
    public let point: [Double]
    /// The objective at `point`.
    public let value: Double
    /// Iterations taken.
    public let iterations: Int
    /// True when the simplex met the tolerance before the iteration limit.
    public let converged: Bool
  }

  /// Minimises `objective` from `start`.
  ///
  /// - Parameters:
  ///   - start: the first vertex; the others are `start` plus `step[i]` along axis i
  ///     (default: 5% of the coordinate, or 0.00025 when it is zero, as in MATLAB's fminsearch).
  ///   - step: initial simplex edge along each axis.
  ///   - tolerance: stop when the spread of objective values across the simplex,
  ///     max f − min f, is at most `tolerance · (|min f| + tolerance)`, and the simplex's
  ///     largest coordinate distance from the best vertex is at most `tolerance · (1 + |x|)`.
  ///   - maxIterations: iteration limit.
  public static func minimize(
    start: [Double], step: [Double]? = nil, tolerance: Double = 1e-10, maxIterations: Int = 2000,
    objective: ([Double]) -> Double
  ) -> Result {
    let n = start.count
    func f(_ x: [Double]) -> Double {
      let v = objective(x)
      return v.isNaN ? .infinity : v
    }
    guard n > 0 else { return Result(point: [], value: f([]), iterations: 0, converged: true) }
    var simplex = [start]
    for i in 0..<n {
      var v = start
      let h = step?[i] ?? (start[i] != 0 ? 0.05 * start[i] : 0.00025)
      v[i] += h
      simplex.append(v)
    }
    var values = simplex.map(f)
    var iterations = 0
    var converged = false
    while iterations < maxIterations {
      // Order vertices best to worst.
      let order = values.indices.sorted { values[$0] < values[$1] }
      simplex = order.map { simplex[$0] }
      values = order.map { values[$0] }
      let best = values[0]
      let worst = values[n]
      let spread = worst - best
      var size = 0.0
      for v in simplex.dropFirst() {
        for j in 0..<n { size = max(size, abs(v[j] - simplex[0][j]) / (1 + abs(simplex[0][j]))) }
      }
      if (spread.isFinite && spread <= tolerance * (abs(best) + tolerance)) && size <= tolerance {
        converged = true
        break
      }
      if !spread.isFinite && size <= tolerance {
        converged = best.isFinite
        break
      }
      iterations += 1
      // Centroid of all but the worst.
      var centroid = [Double](repeating: 0, count: n)
      for v in simplex.prefix(n) { for j in 0..<n { centroid[j] += v[j] / Double(n) } }
      func along(_ t: Double) -> [Double] {
        (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) }
      }
      let reflected = along(-1)
      let fr = f(reflected)
      if fr < values[0] {
        let expanded = along(-2)
        let fe = f(expanded)
        if fe < fr {
          simplex[n] = expanded
          values[n] = fe
        } else {
          simplex[n] = reflected
          values[n] = fr
        }
        continue
      }
      if fr < values[n - 1] {
        simplex[n] = reflected
        values[n] = fr
        continue
      }
      // Contraction: outside when the reflection improved on the worst, inside otherwise.
      let outside = fr < values[n]
      let contracted = along(outside ? -0.5 : 0.5)
      let fc = f(contracted)
      if fc < (outside ? fr : values[n]) {
        simplex[n] = contracted
        values[n] = fc
        continue
      }
      // Shrink towards the best vertex.
      for i in 1...n {
        simplex[i] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
        values[i] = f(simplex[i])
      }
    }
    let bestIndex = values.indices.min { values[$0] < values[$1] } ?? 0
    return Result(point: simplex[bestIndex], value: values[bestIndex], iterations: iterations, converged: converged)
  }
}
