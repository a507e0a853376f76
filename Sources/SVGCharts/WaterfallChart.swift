/// One step of a waterfall: a lever and what it adds (a saving is positive: it lifts the balance).
public struct WaterfallStep: Sendable, Hashable {
  /// The lever's name.
  public var name: String
  /// Its effect, in the chart's units (positive improves the position).
  public var value: Double

  /// A step named `name` of `value`.
  public init(name: String, value: Double) {
    self.name = name
    self.value = value
  }
}

/// From the unmitigated to the mitigated position, one floating bar per lever: the deficit
/// before mitigations, each lever's saving stacked on it, and the deficit after.
///
/// The end bar is `start + Σ steps`, so the bars always reconcile. Totals are drawn in navy,
/// savings in light blue, steps that worsen the position in orange with a diagonal hatch
/// (told apart in greyscale). Each bar is one `<g data-series="…">` with `data-kind` `total`
/// or `step`: a chart of n levers has n + 2 series.
public struct WaterfallChart: Sendable {
  /// Title, description and value axis label.
  public var text: ChartText
  /// The first bar's label ("Deficit before mitigations").
  public var startLabel: String
  /// The first bar's value.
  public var start: Double
  /// One step per lever, in order.
  public var steps: [WaterfallStep]
  /// The last bar's label ("Deficit after mitigations").
  public var endLabel: String
  /// How values print.
  public var format: ValueFormat

  /// A waterfall from `start` through `steps`.
  public init(
    text: ChartText, startLabel: String, start: Double, steps: [WaterfallStep], endLabel: String,
    format: ValueFormat = .poundsMillions
  ) {
    self.text = text
    self.startLabel = startLabel
    self.start = start
    self.steps = steps
    self.endLabel = endLabel
    self.format = format
  }

  /// The end value: start plus every (finite) step.
  public var end: Double { steps.map(\.value).filter(\.isFinite).reduce(start.isFinite ? start : 0, +) }

  /// Each bar's label, its bottom and top value, and its kind.
  var bars: [(name: String, from: Double, to: Double, kind: String)] {
    var running = start.isFinite ? start : 0
    var result = [(startLabel, 0.0, running, "total")]
    for step in steps {
      let value = step.value.isFinite ? step.value : 0
      result.append((step.name, running, running + value, "step"))
      running += value
    }
    result.append((endLabel, 0, running, "total"))
    return result
  }

  /// Bar labels to £0.1m for millions (a chart's resolution; the tables carry the pounds).
  static func labelStep(_ format: ValueFormat) -> Double { format == .poundsMillions ? 100_000 : 1 }

  /// The chart as a standalone SVG document.
  public func svg() -> String {
    let legend: [(name: String, mark: LegendMark)] = [
      ("Position", .swatch(colour: Palette.colour(0), opacity: 1)),
      ("Saving", .swatch(colour: Palette.colour(3), opacity: 1)),
      ("Cost", .swatch(colour: "url(#waterfall-hatch)", opacity: 1)),
    ]
    var canvas = ChartCanvas(text: text, legend: legend)
    let bars = self.bars
    let scale = ValueScale(covering: bars.flatMap { [$0.from, $0.to] }, includeZero: true, format: format)
    let slot = canvas.plotWidth / Double(bars.count)
    let width = min(64, slot * 0.7)
    canvas.add(
      "<defs><pattern id=\"waterfall-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"\(Palette.colour(1))\"/>"
        + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#000\" stroke-width=\"1.5\"/></pattern></defs>")
    canvas.drawValueAxis(scale)
    var centres: [Double] = []
    for (index, bar) in bars.enumerated() {
      let centre = canvas.plotLeft + (Double(index) + 0.5) * slot
      centres.append(centre)
      let top = canvas.y(max(bar.from, bar.to), scale)
      let bottom = canvas.y(min(bar.from, bar.to), scale)
      let change = bar.to - bar.from
      let fill = bar.kind == "total" ? Palette.colour(0) : (change >= 0 ? Palette.colour(3) : "url(#waterfall-hatch)")
      let amount = bar.kind == "total" ? bar.to : change
      let label =
        (bar.kind == "step" && change > 0 ? "+" : "")
        + ValueScale.label(amount, format: format, step: Self.labelStep(format))
      canvas.add("<g data-series=\"\(SVGText.escape(bar.name))\" data-kind=\"\(bar.kind)\">")
      canvas.add(
        "<rect x=\"\(SVGText.number(centre - width / 2))\" y=\"\(SVGText.number(top))\" width=\"\(SVGText.number(width))\" "
          + "height=\"\(SVGText.number(max(1, bottom - top)))\" fill=\"\(fill)\" stroke=\"#333\" stroke-width=\"0.6\">"
          + "<title>\(SVGText.escape(bar.name)): \(SVGText.escape(label))</title></rect>")
      // Negative totals hang from zero: their label goes under the bar, every other label over it.
      let labelY = bar.kind == "total" && bar.to < 0 ? bottom + 14 : top - 5
      canvas.add(
        "<text x=\"\(SVGText.number(centre))\" y=\"\(SVGText.number(labelY))\" font-size=\"11\" text-anchor=\"middle\" "
          + "fill=\"#222\">\(SVGText.escape(label))</text>")
      canvas.add("</g>")
      if index + 1 < bars.count {
        let y = SVGText.number(canvas.y(bar.to, scale))
        canvas.add(
          "<line x1=\"\(SVGText.number(centre + width / 2))\" x2=\"\(SVGText.number(centre + slot - width / 2))\" "
            + "y1=\"\(y)\" y2=\"\(y)\" stroke=\"#777\" stroke-dasharray=\"3 3\"/>")
      }
    }
    canvas.drawCategories(bars.map(\.name), at: centres, wrap: true)
    canvas.drawLegend()
    return canvas.svg(kind: "waterfall")
  }
}
