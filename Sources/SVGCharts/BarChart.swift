/// Bars grouped by category, with optional lines over them: places demand against capacity by
/// setting, or options compared (bars for each option's deficit, a line for another measure).
///
/// Within a category the series' bars stand side by side, in series order. Missing values
/// leave a gap. Each bar series is one `<g data-series="…" data-kind="bar">`, each line one
/// `<g data-series="…" data-kind="line">`; values print above (or below, if negative) each bar
/// when ``labelBars`` is on.
public struct BarChart: Sendable {
  /// Title, description and value axis label.
  public var text: ChartText
  /// Category labels (settings, options, years).
  public var categories: [String]
  /// Bar series, side by side within each category.
  public var series: [ChartSeries]
  /// Line series drawn over the bars, through each category's centre.
  public var lines: [ChartSeries]
  /// How values print.
  public var format: ValueFormat
  /// Whether each bar carries its value as a label.
  public var labelBars: Bool

  /// A bar chart; no lines unless given.
  public init(
    text: ChartText, categories: [String], series: [ChartSeries], lines: [ChartSeries] = [],
    format: ValueFormat = .count, labelBars: Bool = true
  ) {
    self.text = text
    self.categories = categories
    self.series = series
    self.lines = lines
    self.format = format
    self.labelBars = labelBars
  }

  /// The chart as a standalone SVG document.
  public func svg() -> String {
    var legend: [(name: String, mark: LegendMark)] = series.enumerated().map {
      ($1.name, .swatch(colour: Palette.colour($0), opacity: 1))
    }
    legend += lines.enumerated().map {
      ($1.name, .line(colour: Palette.colour(series.count + $0), dash: Palette.dash(series.count + $0)))
    }
    var canvas = ChartCanvas(text: text, legend: legend)
    let values = (series + lines).flatMap { line in line.values.indices.compactMap(line.value(at:)) }
    let scale = ValueScale(covering: values, includeZero: true, format: format)
    let slot = categories.isEmpty ? canvas.plotWidth : canvas.plotWidth / Double(categories.count)
    let centres = categories.indices.map { canvas.plotLeft + (Double($0) + 0.5) * slot }
    let barWidth = min(56, slot * 0.8 / Double(max(1, series.count)))
    canvas.drawValueAxis(scale)
    let zero = canvas.y(0, scale)
    for (index, bars) in series.enumerated() {
      canvas.add("<g data-series=\"\(SVGText.escape(bars.name))\" data-kind=\"bar\" fill=\"\(Palette.colour(index))\">")
      for (at, centre) in centres.enumerated() {
        guard let value = bars.value(at: at) else { continue }
        let x = centre - barWidth * Double(series.count) / 2 + barWidth * Double(index)
        let y = canvas.y(value, scale)
        let label = ValueScale.label(value, format: format, step: WaterfallChart.labelStep(format))
        canvas.add(
          "<rect x=\"\(SVGText.number(x + 1))\" y=\"\(SVGText.number(min(y, zero)))\" width=\"\(SVGText.number(barWidth - 2))\" "
            + "height=\"\(SVGText.number(abs(zero - y)))\" stroke=\"#333\" stroke-width=\"0.6\"><title>"
            + "\(SVGText.escape(bars.name)), \(SVGText.escape(categories[at])): \(SVGText.escape(label))</title></rect>"
        )
        if labelBars {
          let labelY = value >= 0 ? y - 5 : y + 14
          canvas.add(
            "<text x=\"\(SVGText.number(x + barWidth / 2))\" y=\"\(SVGText.number(labelY))\" font-size=\"11\" "
              + "text-anchor=\"middle\" fill=\"#222\">\(SVGText.escape(label))</text>")
        }
      }
      canvas.add("</g>")
    }
    for (index, line) in lines.enumerated() {
      let colour = Palette.colour(series.count + index)
      let d = LineChart.linePath(line, xs: centres, y: { canvas.y($0, scale) })
      canvas.add(
        "<g data-series=\"\(SVGText.escape(line.name))\" data-kind=\"line\"><path d=\"\(d)\" fill=\"none\" "
          + "stroke=\"\(colour)\" stroke-width=\"3\"\(ChartCanvas.dashAttribute(Palette.dash(series.count + index)))/></g>"
      )
    }
    canvas.drawCategories(categories, at: centres, wrap: true)
    canvas.drawLegend()
    return canvas.svg(kind: "bar")
  }
}
