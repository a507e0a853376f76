/// Lines over categories, with optional shaded ranges (a fan) and thin percentile lines: the
/// DSG reserve by year with its 80% and 95% range and Monte Carlo percentiles, or options
/// compared year by year.
///
/// Bands are drawn first (widest first, lighter), then percentile lines (thin, grey, dotted),
/// then the main series (thick, coloured, dashed by series). Each drawn series is one SVG
/// `<g>` with `data-series` (its name) and `data-kind` (`line`, `band` or `percentile`).
///
/// ```swift
/// let chart = LineChart(
///   text: ChartText(title: "DSG reserve", description: "Deficit grows to £31m by 2025-26"),
///   categories: ["2019-20", "2020-21"], series: [ChartSeries(name: "Reserve", values: [-9.6e6, -15.2e6])])
/// let svg = chart.svg()
/// ```
public struct LineChart: Sendable {
  /// Title, description and value axis label.
  public var text: ChartText
  /// Category labels along the bottom (years).
  public var categories: [String]
  /// The main lines.
  public var series: [ChartSeries]
  /// Shaded ranges, widest first (95% then 80%), drawn in the first series' colour.
  public var bands: [ChartBand]
  /// Thin lines such as Monte Carlo percentiles.
  public var percentiles: [ChartSeries]
  /// How values print.
  public var format: ValueFormat
  /// Whether the value axis must reach zero (true for money: a deficit reads against zero).
  public var includeZero: Bool

  /// A line chart; bands and percentiles empty unless given.
  public init(
    text: ChartText, categories: [String], series: [ChartSeries], bands: [ChartBand] = [],
    percentiles: [ChartSeries] = [], format: ValueFormat = .poundsMillions, includeZero: Bool = true
  ) {
    self.text = text
    self.categories = categories
    self.series = series
    self.bands = bands
    self.percentiles = percentiles
    self.format = format
    self.includeZero = includeZero
  }

  /// The chart as a standalone SVG document (embed it in HTML as it is).
  public func svg() -> String {
    var legend: [(name: String, mark: LegendMark)] = series.enumerated().map {
      ($1.name, .line(colour: Palette.colour($0), dash: Palette.dash($0)))
    }
    legend += bands.enumerated().map { ($1.name, .swatch(colour: Palette.colour(0), opacity: bandOpacity($0))) }
    legend += percentiles.enumerated().map { ($1.name, .line(colour: "#666", dash: Self.percentileDash($0))) }
    var canvas = ChartCanvas(text: text, legend: legend)
    let scale = ValueScale(covering: allValues, includeZero: includeZero, format: format)
    let xs = positions(canvas)
    canvas.drawValueAxis(scale)
    for (index, band) in bands.enumerated() {
      canvas.add("<g data-series=\"\(SVGText.escape(band.name))\" data-kind=\"band\">")
      for path in Self.bandPaths(band, xs: xs, y: { canvas.y($0, scale) }) {
        canvas.add(
          "<path d=\"\(path)\" fill=\"\(Palette.colour(0))\" fill-opacity=\"\(SVGText.number(bandOpacity(index)))\"/>")
      }
      canvas.add("</g>")
    }
    for (index, line) in percentiles.enumerated() {
      let d = Self.linePath(line, xs: xs, y: { canvas.y($0, scale) })
      canvas.add(
        "<g data-series=\"\(SVGText.escape(line.name))\" data-kind=\"percentile\"><path d=\"\(d)\" fill=\"none\" "
          + "stroke=\"#666\" stroke-width=\"1.4\" stroke-dasharray=\"\(Self.percentileDash(index))\"/></g>")
    }
    for (index, line) in series.enumerated() {
      let d = Self.linePath(line, xs: xs, y: { canvas.y($0, scale) })
      canvas.add("<g data-series=\"\(SVGText.escape(line.name))\" data-kind=\"line\">")
      canvas.add(
        "<path d=\"\(d)\" fill=\"none\" stroke=\"\(Palette.colour(index))\" stroke-width=\"3\" "
          + "stroke-linejoin=\"round\"\(ChartCanvas.dashAttribute(Palette.dash(index)))/>")
      for (at, x) in xs.enumerated() {
        guard let value = line.value(at: at) else { continue }
        canvas.add(
          "<circle cx=\"\(SVGText.number(x))\" cy=\"\(SVGText.number(canvas.y(value, scale)))\" r=\"3.5\" "
            + "fill=\"\(Palette.colour(index))\"><title>\(SVGText.escape(line.name)), "
            + "\(SVGText.escape(categories[at])): \(SVGText.escape(ValueScale.label(value, format: format, step: format == .poundsMillions ? 1_000 : 1)))"
            + "</title></circle>")
      }
      canvas.add("</g>")
    }
    canvas.drawCategories(categories, at: xs)
    canvas.drawLegend()
    return canvas.svg(kind: "line")
  }

  /// Thin dashes for percentile lines, one pattern each (dots, dashes, dash-dot, ...).
  static func percentileDash(_ index: Int) -> String { ["2 3", "6 3", "1 4", "8 2 2 2"][index % 4] }

  /// Outer bands lighter, inner darker.
  func bandOpacity(_ index: Int) -> Double { 0.14 + 0.14 * Double(index) }

  /// Every finite value the chart draws (for the scale).
  var allValues: [Double] {
    let lines = (series + percentiles).flatMap { $0.values.indices.compactMap($0.value(at:)) }
    let ranges = bands.flatMap { $0.lower + $0.upper }.compactMap { $0 }.filter(\.isFinite)
    return lines + ranges
  }

  /// Evenly spaced x positions, first and last category at the plot's edges (inset a little).
  func positions(_ canvas: ChartCanvas) -> [Double] {
    let count = categories.count
    guard count > 1 else { return count == 1 ? [canvas.plotLeft + canvas.plotWidth / 2] : [] }
    let inset = 24.0
    let step = (canvas.plotWidth - 2 * inset) / Double(count - 1)
    return (0..<count).map { canvas.plotLeft + inset + Double($0) * step }
  }

  /// `M x y L x y …`, starting a new segment after each gap.
  static func linePath(_ series: ChartSeries, xs: [Double], y: (Double) -> Double) -> String {
    var parts: [String] = []
    var drawing = false
    for (index, x) in xs.enumerated() {
      guard let value = series.value(at: index) else {
        drawing = false
        continue
      }
      parts.append("\(drawing ? "L" : "M")\(SVGText.number(x)) \(SVGText.number(y(value)))")
      drawing = true
    }
    return parts.joined(separator: " ")
  }

  /// One closed path per run of categories where both bounds are present.
  static func bandPaths(_ band: ChartBand, xs: [Double], y: (Double) -> Double) -> [String] {
    func bound(_ values: [Double?], _ index: Int) -> Double? {
      guard values.indices.contains(index), let value = values[index], value.isFinite else { return nil }
      return value
    }
    var runs: [[Int]] = [[]]
    for index in xs.indices {
      if bound(band.lower, index) != nil && bound(band.upper, index) != nil {
        runs[runs.count - 1].append(index)
      } else if !(runs.last?.isEmpty ?? true) {
        runs.append([])
      }
    }
    return runs.filter { !$0.isEmpty }.map { run in
      let upper = run.map { "\(SVGText.number(xs[$0])) \(SVGText.number(y(bound(band.upper, $0) ?? 0)))" }
      let lower = run.reversed().map { "\(SVGText.number(xs[$0])) \(SVGText.number(y(bound(band.lower, $0) ?? 0)))" }
      return "M" + (upper + lower).joined(separator: " L") + " Z"
    }
  }
}
