/// Numbers as a finance officer reads them: `£54,000`, `£38.226m`, `2,296`, `3.7%`.
///
/// Locale-independent (always a full stop for decimals and commas for thousands, as UK
/// reports print them) and Foundation-free, so the same value prints the same on every
/// machine. Rounding is half away from zero, as `Pounds.wholePounds` rounds in JSON and CSV.
/// Negative amounts take a leading hyphen-minus (`-£5,916,000`), which Excel and a screen
/// reader both read as minus. Non-finite values print as `n/a`.
///
/// ```swift
/// NumberText.pounds(54_000)               // "£54,000"
/// NumberText.poundsMillions(38_226_000)   // "£38.226m"
/// NumberText.percent(0.0372)              // "3.7%"
/// ```
public enum NumberText {
  /// Whole pounds with thousands separators: `£54,000`, `-£5,916,000`.
  public static func pounds(_ value: Double) -> String {
    money(value, body: grouped(value, places: 0))
  }

  /// Millions of pounds with `places` decimals: `£38.226m` (three places is to the thousand pounds).
  public static func poundsMillions(_ value: Double, places: Int = 3) -> String {
    money(value, body: grouped(value / 1_000_000, places: places) + "m")
  }

  /// A count with thousands separators and `places` decimals: `2,296`, `2,296.4`.
  public static func count(_ value: Double, places: Int = 0) -> String {
    guard value.isFinite else { return notAvailable }
    let body = grouped(value, places: places)
    return isNegativeAfterRounding(value, places: places) ? "-" + body : body
  }

  /// A fraction as a percentage with `places` decimals: 0.0372 → `3.7%`.
  public static func percent(_ fraction: Double, places: Int = 1) -> String {
    guard fraction.isFinite else { return notAvailable }
    return count(fraction * 100, places: places) + "%"
  }

  /// A value already in percent (3.72 → `3.7%`), as `reservePercentOfDSG` is held.
  public static func percentPoints(_ value: Double, places: Int = 1) -> String {
    guard value.isFinite else { return notAvailable }
    return count(value, places: places) + "%"
  }

  /// What a non-finite value prints as.
  public static let notAvailable = "n/a"

  /// `£` + body, with the sign in front of the pound sign.
  static func money(_ value: Double, body: String) -> String {
    guard value.isFinite else { return notAvailable }
    let digits = body.filter { $0.isNumber }
    let negative = value < 0 && digits.contains { $0 != "0" }
    return (negative ? "-£" : "£") + body
  }

  /// True when `value` is negative and does not round to zero at `places` decimals.
  static func isNegativeAfterRounding(_ value: Double, places: Int) -> Bool {
    value < 0 && grouped(value, places: places).contains { $0.isNumber && $0 != "0" }
  }

  /// `|value|` rounded half away from zero to `places` decimals, with commas between thousands.
  static func grouped(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return notAvailable }
    let places = max(0, min(places, 9))
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    // Beyond 2^53 a Double has no fractional digits left to print: fall back to Swift's text.
    guard scaled < 9.0e15 else { return String(abs(value)) }
    let integer = UInt64(scaled)
    let whole = integer / UInt64(scale)
    let fraction = integer % UInt64(scale)
    var text = groupThousands(String(whole))
    if places > 0 {
      var fractionText = String(fraction)
      while fractionText.count < places { fractionText = "0" + fractionText }
      text += "." + fractionText
    }
    return text
  }

  /// Inserts a comma every three digits from the right: `2296000` → `2,296,000`.
  static func groupThousands(_ digits: String) -> String {
    var result: [Character] = []
    for (index, character) in digits.reversed().enumerated() {
      if index > 0 && index % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return String(result.reversed())
  }
}
