import Foundation
import ReportFormatting

/// A value axis: a range rounded out to "nice" ticks (1, 2 or 5 × 10^k apart) and how to print them.
struct ValueScale {
  /// The lowest tick.
  let low: Double
  /// The highest tick.
  let high: Double
  /// The distance between ticks.
  let step: Double
  /// How tick labels print.
  let format: ValueFormat

  /// A scale covering `values` (and zero when `includeZero`), with about `ticks` ticks.
  init(covering values: [Double], includeZero: Bool = true, ticks: Int = 6, format: ValueFormat) {
    var low = values.min() ?? 0
    var high = values.max() ?? 1
    if includeZero {
      low = Swift.min(low, 0)
      high = Swift.max(high, 0)
    }
    if high - low < 1e-9 * Swift.max(1, abs(high)) {
      let pad = Swift.max(1, abs(high) * 0.1)
      low -= low == 0 && includeZero ? 0 : pad
      high += pad
    }
    let step = Self.niceStep((high - low) / Double(Swift.max(1, ticks - 1)))
    self.low = (low / step).rounded(.down) * step
    self.high = (high / step).rounded(.up) * step
    self.step = step
    self.format = format
  }

  /// The smallest of 1, 2, 2.5, 5, 10 × 10^k at least `raw`.
  static func niceStep(_ raw: Double) -> Double {
    guard raw.isFinite, raw > 0 else { return 1 }
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    for factor in [1, 2, 2.5, 5, 10] where factor * magnitude >= raw * (1 - 1e-12) { return factor * magnitude }
    return 10 * magnitude
  }

  /// The ticks from low to high.
  var ticks: [Double] {
    let count = Int(((high - low) / step).rounded()) + 1
    return (0..<Swift.min(count, 50)).map { low + Double($0) * step }
  }

  /// `value`'s position from 0 (low) to 1 (high).
  func fraction(_ value: Double) -> Double { high > low ? (value - low) / (high - low) : 0.5 }

  /// A tick or data label: `£10m`, `£2.5m`, `£54,000`, `2,500`, `5%`.
  func label(_ value: Double) -> String { Self.label(value, format: format, step: step) }

  /// `value` printed in `format`, with as many decimals as a tick `step` needs.
  static func label(_ value: Double, format: ValueFormat, step: Double) -> String {
    let value = abs(value) < step * 1e-9 ? 0 : value
    switch format {
    case .poundsMillions:
      return NumberText.poundsMillions(value, places: decimals(forStep: step / 1_000_000))
    case .pounds:
      return NumberText.pounds(value)
    case .count:
      return NumberText.count(value, places: decimals(forStep: step))
    case .percent:
      return NumberText.percent(value, places: decimals(forStep: step * 100))
    }
  }

  /// Decimals that tell ticks `step` apart: 0 for 1 or more, 1 for 0.5, 2 for 0.25 (at most 3).
  static func decimals(forStep step: Double) -> Int {
    guard step.isFinite, step > 0 else { return 0 }
    for places in 0...3 {
      let scaled = step * pow(10, Double(places))
      if abs(scaled - scaled.rounded()) < 1e-6 { return places }
    }
    return 3
  }
}
