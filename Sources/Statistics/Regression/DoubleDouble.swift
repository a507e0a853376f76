/// An unevaluated sum hi + lo of two doubles (about 32 significant digits), for computing
/// residuals accurately during iterative refinement.
///
/// Error-free transformations: TwoSum (Knuth) and TwoProduct with `fma` (Ogita, Rump and
/// Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26, 2005).
struct DoubleDouble {
  var hi: Double
  var lo: Double

  init(_ value: Double) {
    hi = value
    lo = 0
  }

  init(hi: Double, lo: Double) {
    self.hi = hi
    self.lo = lo
  }

  /// The nearest double.
  var value: Double { hi + lo }

  /// Exact product a·b as a double-double.
  static func product(_ a: Double, _ b: Double) -> DoubleDouble {
    let p = a * b
    return DoubleDouble(hi: p, lo: (-p).addingProduct(a, b))
  }

  static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
    let s = a + b
    let v = s - a
    return DoubleDouble(hi: s, lo: (a - (s - v)) + (b - v))
  }

  static func + (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
    let s = twoSum(x.hi, y.hi)
    let lo = s.lo + x.lo + y.lo
    let hi = s.hi + lo
    return DoubleDouble(hi: hi, lo: lo - (hi - s.hi))
  }

  static prefix func - (x: DoubleDouble) -> DoubleDouble { DoubleDouble(hi: -x.hi, lo: -x.lo) }

  static func - (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble { x + (-y) }

  /// x·b for a double b.
  static func * (x: DoubleDouble, b: Double) -> DoubleDouble {
    let p = product(x.hi, b)
    let lo = p.lo + x.lo * b
    let hi = p.hi + lo
    return DoubleDouble(hi: hi, lo: lo - (hi - p.hi))
  }
}
