/// Areas stacked over categories: plans by placement, year by year.
///
/// The first series sits on the axis, each next one on top of those before. Negative and
/// missing values count as zero (a stack of counts has no negative layer). Each layer is one
/// `<g data-series="…" data-kind="area">`, outlined in white so neighbours stay apart in print.
public struct StackedAreaChart: Sendable {
  /// Title, description and value axis label.
  public var text: ChartText
  /// Category labels along the bottom (years).
  public var categories: [String]
  /// The layers, bottom first.
  public var series: [ChartSeries]
  /// How values print.
  public var format: ValueFormat

  /// A stacked area chart.
  public init(text: ChartText, categories: [String], series: [ChartSeries], format: ValueFormat = .count) {
    self.text = text
    self.categories = categories
    self.series = series
    self.format = format
  }

  /// The cumulative tops of each layer: `tops[layer][category]`.
  var tops: [[Double]] {
    var running = Array(repeating: 0.0, count: categories.count)
    return series.map { layer in
      for index in running.indices { running[index] += max(0, layer.value(at: index) ?? 0) }
      return running
    }
  }

  /// The chart as a standalone SVG document.
  public func svg() -> String {
    let legend: [(name: String, mark: LegendMark)] = series.enumerated().map {
      ($1.name, .swatch(colour: Palette.colour($0), opacity: 1))
    }
    var canvas = ChartCanvas(text: text, legend: legend)
    let tops = self.tops
    let scale = ValueScale(covering: tops.last ?? [0], includeZero: true, format: format)
    let xs = LineChart(text: text, categories: categories, series: []).positions(canvas)
    canvas.drawValueAxis(scale)
    var bottoms = Array(repeating: 0.0, count: categories.count)
    for (index, layer) in series.enumerated() {
      let top = tops[index]
      let upper = xs.indices.map { "\(SVGText.number(xs[$0])) \(SVGText.number(canvas.y(top[$0], scale)))" }
      let lower = xs.indices.reversed().map {
        "\(SVGText.number(xs[$0])) \(SVGText.number(canvas.y(bottoms[$0], scale)))"
      }
      canvas.add("<g data-series=\"\(SVGText.escape(layer.name))\" data-kind=\"area\">")
      if !xs.isEmpty {
        canvas.add(
          "<path d=\"M\((upper + lower).joined(separator: " L")) Z\" fill=\"\(Palette.colour(index))\" "
            + "stroke=\"#fff\" stroke-width=\"1.5\"><title>\(SVGText.escape(layer.name))</title></path>")
      }
      canvas.add("</g>")
      bottoms = top
    }
    canvas.drawCategories(categories, at: xs)
    canvas.drawLegend()
    return canvas.svg(kind: "stacked-area")
  }
}
