import Foundation
import Testing

@testable import Statistics

/// The Nelder–Mead minimiser on textbook functions with known minima.
struct NelderMeadTests {
  /// A convex quadratic with its minimum at (3, −2): found to 1e-6 (the default tolerance
  /// 1e-10 on the simplex size bounds the error well below that).
  @Test func quadraticBowl() {
    let r = NelderMead.minimize(start: [0, 0]) { x in (x[0] - 3) * (x[0] - 3) + 10 * (x[1] + 2) * (x[1] + 2) }
    #expect(abs(r.point[0] - 3) < 1e-6)
    #expect(abs(r.point[1] + 2) < 1e-6)
    #expect(r.converged)
  }

  /// Rosenbrock's banana from (−1.2, 1), the classic hard start: minimum (1, 1), to 1e-4.
  @Test func rosenbrock() {
    let r = NelderMead.minimize(start: [-1.2, 1], maxIterations: 5000) { x in
      100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0])
    }
    #expect(abs(r.point[0] - 1) < 1e-4)
    #expect(abs(r.point[1] - 1) < 1e-4)
    #expect(r.value < 1e-8)
  }

  /// A one-dimensional problem and a domain guard: returning +∞ (or NaN) outside x > 0
  /// keeps the search inside; the minimum of x − log x is at x = 1.
  @Test func respectsInfiniteWalls() {
    let r = NelderMead.minimize(start: [5]) { x in x[0] > 0 ? x[0] - log(x[0]) : .nan }
    #expect(abs(r.point[0] - 1) < 1e-5)
    #expect(r.value.isFinite)
  }

  /// The iteration limit is honoured and reported.
  @Test func iterationLimit() {
    let r = NelderMead.minimize(start: [-1.2, 1], maxIterations: 3) { x in
      100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0])
    }
    #expect(r.iterations == 3)
    #expect(!r.converged)
  }

  /// Zero dimensions: nothing to search.
  @Test func empty() {
    let r = NelderMead.minimize(start: []) { _ in 7 }
    #expect(r.point.isEmpty && r.value == 7 && r.converged)
  }
}
