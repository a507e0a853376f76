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
    // The simplex is stored flat, vertex i in simplex[i*n ..< (i+1)*n], and every trial point
    // is built in one reused buffer: the arithmetic is that of the textbook loop, without
    // allocating an array per step (the damped trend's backtests run this thousands of times).
    var simplex = [Double](repeating: 0, count: (n + 1) * n)
    var values = [Double](repeating: 0, count: n + 1)
    var trial = start
    for i in 0...n {
      for j in 0..<n { trial[j] = start[j] }
      if i > 0 {
        let h = step?[i - 1] ?? (start[i - 1] != 0 ? 0.05 * start[i - 1] : 0.00025)
        trial[i - 1] += h
      }
      for j in 0..<n { simplex[i * n + j] = trial[j] }
      values[i] = f(trial)
    }
    var centroid = [Double](repeating: 0, count: n)
    var reflected = [Double](repeating: 0, count: n)
    var iterations = 0
    var converged = false
    while iterations < maxIterations {
      // Order vertices best to worst (a stable insertion sort: ties keep their order).
      for i in 1..<(n + 1) {
        var k = i
        while k > 0 && values[k] < values[k - 1] {
          values.swapAt(k, k - 1)
          for j in 0..<n { simplex.swapAt(k * n + j, (k - 1) * n + j) }
          k -= 1
        }
      }
      let best = values[0]
      let worst = values[n]
      let spread = worst - best
      let flat = spread.isFinite && spread <= tolerance * (abs(best) + tolerance)
      // The simplex's size matters only when its values are flat or not all finite.
      if flat || !spread.isFinite {
        var size = 0.0
        for i in 1...n {
          for j in 0..<n { size = max(size, abs(simplex[i * n + j] - simplex[j]) / (1 + abs(simplex[j]))) }
        }
        if size <= tolerance {
          converged = flat || best.isFinite
          break
        }
      }
      iterations += 1
      // Centroid of all but the worst.
      for j in 0..<n { centroid[j] = 0 }
      for i in 0..<n { for j in 0..<n { centroid[j] += simplex[i * n + j] / Double(n) } }
      func along(_ t: Double, into x: inout [Double]) {
        for j in 0..<n { x[j] = centroid[j] + t * (simplex[n * n + j] - centroid[j]) }
      }
      func replaceWorst(with x: [Double], value: Double) {
        for j in 0..<n { simplex[n * n + j] = x[j] }
        values[n] = value
      }
      along(-1, into: &reflected)
      let fr = f(reflected)
      if fr < values[0] {
        along(-2, into: &trial)
        let fe = f(trial)
        if fe < fr {
          replaceWorst(with: trial, value: fe)
        } else {
          replaceWorst(with: reflected, value: fr)
        }
        continue
      }
      if fr < values[n - 1] {
        replaceWorst(with: reflected, value: fr)
        continue
      }
      // Contraction: outside when the reflection improved on the worst, inside otherwise.
      let outside = fr < values[n]
      along(outside ? -0.5 : 0.5, into: &trial)
      let fc = f(trial)
      if fc < (outside ? fr : values[n]) {
        replaceWorst(with: trial, value: fc)
        continue
      }
      // Shrink towards the best vertex.
      for i in 1...n {
        for j in 0..<n {
          simplex[i * n + j] = simplex[j] + 0.5 * (simplex[i * n + j] - simplex[j])
          trial[j] = simplex[i * n + j]
        }
        values[i] = f(trial)
      }
    }
    let bestIndex = values.indices.min { values[$0] < values[$1] } ?? 0
    return Result(
      point: Array(simplex[(bestIndex * n)..<((bestIndex + 1) * n)]), value: values[bestIndex],
      iterations: iterations, converged: converged)
  }
}
