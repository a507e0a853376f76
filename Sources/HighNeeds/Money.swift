/// An amount of money in pounds sterling.
///
/// Held as a `Double` number of pounds: the ledger multiplies plan counts (which a
/// forecast makes fractional) by unit costs, so amounts are not whole pounds until they are
/// reported. Reports round to whole pounds (``wholePounds``) in JSON and CSV and show
/// millions to three decimals (thousands of pounds) in tables. A `Double` holds every whole
/// pound exactly up to 2^53 (about £9 million billion), far beyond any council budget.
///
/// ```swift
/// let hnb = Pounds(38_226_000)
/// (hnb + Pounds(5_916_000)).millions   // 44.142
/// ```
public struct Pounds: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The amount in pounds; negative for a deficit or a saving shown as a reduction.
  public let value: Double

  /// Creates an amount of `value` pounds.
  public init(_ value: Double) {
    self.value = value
  }

  /// Zero pounds.
  public static let zero = Pounds(0)

  /// The amount in millions of pounds.
  public var millions: Double { value / 1_000_000 }

  /// The amount rounded to the nearest whole pound (halves away from zero), as reports show it.
  ///
  /// Amounts beyond ±2^53 are clamped, which no validated scenario can produce.
  public var wholePounds: Int64 {
    let rounded = value.rounded(.toNearestOrAwayFromZero)
    let limit = 9_007_199_254_740_992.0
    guard rounded.isFinite else { return rounded > 0 ? Int64(limit) : -Int64(limit) }
    return Int64(max(-limit, min(limit, rounded)))
  }

  /// `£38.226m` style: millions to three decimals, with a leading minus for negatives.
  public var description: String {
    let sign = value < 0 ? "-" : ""
    return "\(sign)£\(FixedPoint.format(abs(millions), places: 3))m"
  }

  /// Orders amounts by value.
  public static func < (lhs: Pounds, rhs: Pounds) -> Bool { lhs.value < rhs.value }
  /// The sum of two amounts.
  public static func + (lhs: Pounds, rhs: Pounds) -> Pounds { Pounds(lhs.value + rhs.value) }
  /// The difference of two amounts.
  public static func - (lhs: Pounds, rhs: Pounds) -> Pounds { Pounds(lhs.value - rhs.value) }
  /// The amount negated.
  public static prefix func - (amount: Pounds) -> Pounds { Pounds(-amount.value) }
  /// The amount scaled by a dimensionless factor (a count, a share, an inflation index).
  public static func * (lhs: Pounds, rhs: Double) -> Pounds { Pounds(lhs.value * rhs) }
  /// The amount scaled by a dimensionless factor.
  public static func * (lhs: Double, rhs: Pounds) -> Pounds { Pounds(lhs * rhs.value) }
  /// The ratio of two amounts (dimensionless).
  public static func / (lhs: Pounds, rhs: Pounds) -> Double { lhs.value / rhs.value }
  /// Adds `rhs` to `lhs`.
  public static func += (lhs: inout Pounds, rhs: Pounds) { lhs = lhs + rhs }
}

/// Fixed-point formatting without Foundation's locale-dependent formatters.
public enum FixedPoint {
  /// Formats a finite `value` with exactly `places` decimals, rounding half away from zero.
  public static func format(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9.0e15 else { return String(value) }
    let integer = Int64(scaled)
    let whole = integer / Int64(scale)
    let fraction = integer % Int64(scale)
    let sign = value < 0 && integer != 0 ? "-" : ""
    guard places > 0 else { return "\(sign)\(whole)" }
    var fractionText = String(fraction)
    while fractionText.count < places { fractionText = "0" + fractionText }
    return "\(sign)\(whole).\(fractionText)"
  }
}
