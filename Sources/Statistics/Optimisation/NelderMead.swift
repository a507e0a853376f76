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
  ///     largest coordinate distance from the best vertex is at most `sizeTolerance · (1 + |x|)`.
  ///   - sizeTolerance: the simplex size test's tolerance (default: `tolerance`). A larger one
  ///     stops sooner where the objective is flat along a coordinate that runs off (an optimum
  ///     on the edge of a region mapped to the whole line).
  ///   - maxIterations: iteration limit.
  public static func minimize(
    start: [Double], step: [Double]? = nil, tolerance: Double = 1e-10, sizeTolerance: Double? = nil,
    maxIterations: Int = 2000, objective: ([Double]) -> Double
  ) -> Result {
    let n = start.count
    func f(_ x: [Double]) -> Double {
      let v = objective(x)
      return v.isNaN ? .infinity : v
    }
    guard n > 0 else { return Result(point: [], value: f([]), iterations: 0, converged: true) }
    // The simplex is stored flat, vertex v in simplex[v*n ..< (v+1)*n], ranked best to worst
    // by `order` (vertex numbers), and every trial point is built in a reused buffer: the
    // arithmetic is that of the textbook loop, without allocating or moving arrays at each
    // step (the damped trend's backtests run this loop hundreds of thousands of times). The
    // simplex, its values, the order and the centroid live in one scratch allocation read
    // through pointers: as arrays, their uniqueness and bounds checks cost as much as the
    // arithmetic. Only the points handed to `objective` are arrays.
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: (n + 1) * n + (n + 1) + n) { scratch in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: n + 1) { order in
        let simplex = scratch.baseAddress!, values = simplex + (n + 1) * n, centroid = values + (n + 1)
        var trial = start
        for i in 0...n {
          trial.withUnsafeMutableBufferPointer { trial in
            for j in 0..<n { trial[j] = start[j] }
            if i > 0 {
              let h = step?[i - 1] ?? (start[i - 1] != 0 ? 0.05 * start[i - 1] : 0.00025)
              trial[i - 1] += h
            }
            for j in 0..<n { simplex[i * n + j] = trial[j] }
          }
          values[i] = f(trial)
          order[i] = i
        }
        let (iterations, converged) = iterate(
          Workspace(n: n, simplex: simplex, values: values, centroid: centroid, order: order.baseAddress!),
          trial: &trial, tolerance: tolerance, sizeTolerance: sizeTolerance ?? tolerance, maxIterations: maxIterations,
          f: f)
        // The best vertex, the first in rank order among equals.
        var bestRank = 0
        for k in 1...n where values[order[k]] < values[order[bestRank]] { bestRank = k }
        let bestVertex = order[bestRank]
        return Result(
          point: Array(UnsafeBufferPointer(start: simplex + bestVertex * n, count: n)), value: values[bestVertex],
          iterations: iterations, converged: converged)
      }
    }
  }

  /// The search's state: n + 1 vertices of n coordinates, their values, their ranking, the
  /// centroid; pointers into `minimize`'s scratch space.
  private struct Workspace {
    let n: Int
    let simplex: UnsafeMutablePointer<Double>
    let values: UnsafeMutablePointer<Double>
    let centroid: UnsafeMutablePointer<Double>
    let order: UnsafeMutablePointer<Int>
  }

  /// The Nelder–Mead iterations from the initial simplex in `w` until convergence or the
  /// limit; returns the iterations taken and whether the tolerance was met.
  private static func iterate(
    _ w: Workspace, trial: inout [Double], tolerance: Double, sizeTolerance: Double, maxIterations: Int,
    f: ([Double]) -> Double
  ) -> (iterations: Int, converged: Bool) {
    let n = w.n, simplex = w.simplex, values = w.values, centroid = w.centroid, order = w.order
    var reflected = trial
    var iterations = 0
    var converged = false
    while iterations < maxIterations {
      // Rank vertices best to worst (a stable insertion sort: ties keep their rank).
      for i in 1...n {
        var k = i
        while k > 0 && values[order[k]] < values[order[k - 1]] {
          (order[k], order[k - 1]) = (order[k - 1], order[k])
          k -= 1
        }
      }
      let bestStart = order[0] * n
      let best = values[order[0]]
      let spread = values[order[n]] - best
      let flat = spread.isFinite && spread <= tolerance * (abs(best) + tolerance)
      // The simplex's size matters only when its values are flat or not all finite, and
      // only whether it exceeds the tolerance.
      if flat || !spread.isFinite {
        var size = 0.0
        sizing: for i in 1...n {
          let vertexStart = order[i] * n
          for j in 0..<n {
            size = max(size, abs(simplex[vertexStart + j] - simplex[bestStart + j]) / (1 + abs(simplex[bestStart + j])))
            if size > sizeTolerance { break sizing }
          }
        }
        if size <= sizeTolerance {
          converged = flat || best.isFinite
          break
        }
      }
      iterations += 1
      // Centroid of all but the worst.
      for j in 0..<n { centroid[j] = 0 }
      for i in 0..<n {
        let vertexStart = order[i] * n
        for j in 0..<n { centroid[j] += simplex[vertexStart + j] / Double(n) }
      }
      let worst = order[n]
      let worstVertex = simplex + worst * n
      reflected.withUnsafeMutableBufferPointer { r in
        for j in 0..<n { r[j] = centroid[j] + -1 * (worstVertex[j] - centroid[j]) }
      }
      let fr = f(reflected)
      if fr < best {
        trial.withUnsafeMutableBufferPointer { t in
          for j in 0..<n { t[j] = centroid[j] + -2 * (worstVertex[j] - centroid[j]) }
        }
        let fe = f(trial)
        let accepted = fe < fr ? trial : reflected
        for j in 0..<n { worstVertex[j] = accepted[j] }
        values[worst] = fe < fr ? fe : fr
        continue
      }
      if fr < values[order[n - 1]] {
        for j in 0..<n { worstVertex[j] = reflected[j] }
        values[worst] = fr
        continue
      }
      // Contraction: outside when the reflection improved on the worst, inside otherwise.
      let outside = fr < values[worst]
      let t = outside ? -0.5 : 0.5
      trial.withUnsafeMutableBufferPointer { trial in
        for j in 0..<n { trial[j] = centroid[j] + t * (worstVertex[j] - centroid[j]) }
      }
      let fc = f(trial)
      if fc < (outside ? fr : values[worst]) {
        for j in 0..<n { worstVertex[j] = trial[j] }
        values[worst] = fc
        continue
      }
      // Shrink towards the best vertex.
      for i in 1...n {
        let vertexStart = order[i] * n
        trial.withUnsafeMutableBufferPointer { trial in
          for j in 0..<n {
            simplex[vertexStart + j] = simplex[bestStart + j] + 0.5 * (simplex[vertexStart + j] - simplex[bestStart + j])
            trial[j] = simplex[vertexStart + j]
          }
        }
        values[order[i]] = f(trial)
      }
    }
    return (iterations, converged)
  }
}
