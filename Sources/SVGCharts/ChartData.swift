/// One named series of values, one per category (year, setting, option).
///
/// A nil or non-finite value is a gap: a line breaks there, a stack or a bar counts it as zero.
/// Values beyond the chart's categories are ignored; missing ones are gaps.
public struct ChartSeries: Sendable, Hashable {
  /// The legend entry and the `data-series` attribute of the series' SVG group.
  public var name: String
  /// The values, in category order.
  public var values: [Double?]

  /// A series named `name`.
  public init(name: String, values: [Double?]) {
    self.name = name
    self.values = values
  }

  /// The value at `index`, nil when missing or not finite.
  func value(at index: Int) -> Double? {
    guard values.indices.contains(index), let value = values[index], value.isFinite else { return nil }
    return value
  }
}

/// A shaded range between a lower and an upper bound per category: a forecast interval.
public struct ChartBand: Sendable, Hashable {
  /// The legend entry, such as "95% range".
  public var name: String
  /// Lower bounds, in category order.
  public var lower: [Double?]
  /// Upper bounds, in category order.
  public var upper: [Double?]

  /// A band named `name` from `lower` to `upper`.
  public init(name: String, lower: [Double?], upper: [Double?]) {
    self.name = name
    self.lower = lower
    self.upper = upper
  }
}

/// How values print on the value axis and in labels.
public enum ValueFormat: Sendable, Hashable {
  /// Millions of pounds: `£10m`, `-£2.5m` (decimals as the tick step needs).
  case poundsMillions
  /// Whole pounds: `£54,000`.
  case pounds
  /// Counts: `2,500`.
  case count
  /// Fractions as percentages: 0.05 → `5%`.
  case percent
}

/// The common text of every chart: its heading and its accessible description.
public struct ChartText: Sendable, Hashable {
  /// The heading drawn above the chart and its SVG `<title>`.
  public var title: String
  /// What the chart shows, in a sentence or two, for screen readers (the SVG `<desc>`).
  public var description: String
  /// The value axis label, such as "Reserve at year end (£m)"; nil for none.
  public var valueAxis: String?

  /// Chart text.
  public init(title: String, description: String, valueAxis: String? = nil) {
    self.title = title
    self.description = description
    self.valueAxis = valueAxis
  }
}
