import Foundation

/// The F distribution with d₁ and d₂ degrees of freedom.
public enum FisherF {
  /// P(F > f): the upper tail, as used for the regression F test.
  ///
  /// P(F > f) = I_y(d₂/2, d₁/2) with y = d₂/(d₂ + d₁·f), through the same regularized
  /// incomplete beta function as `StudentT`. NaN for NaN input or non-positive degrees of freedom.
  public static func survival(_ f: Double, numeratorDegreesOfFreedom d1: Double, denominatorDegreesOfFreedom d2: Double) -> Double {
    if f.isNaN || !(d1 > 0) || !(d2 > 0) { return .nan }
    if f <= 0 { return 1 }
    if f == .infinity { return 0 }
    let y = d2 / (d2 + d1 * f)
    let x = d1 * f / (d2 + d1 * f)
    return SpecialFunctions.regularizedIncompleteBeta(x: y, y: x, a: d2 / 2, b: d1 / 2)
  }
}
