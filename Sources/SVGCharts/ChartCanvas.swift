/// What a legend entry draws: a line (with its dash) or a filled swatch.
enum LegendMark {
  case line(colour: String, dash: String)
  case swatch(colour: String, opacity: Double)
}

/// The drawing surface every chart shares: size, plot area, title, axes, legend, and the SVG.
///
/// Layout (in SVG user units, drawn at any size through `viewBox`): the title across the top,
/// the value axis labels on the left, category labels under the plot, the legend in rows
/// under those. The height grows with the legend's rows.
struct ChartCanvas {
  static let width = 760.0
  static let plotHeight = 300.0
  static let top = 56.0
  static let left = 92.0
  static let right = 24.0
  static let characterWidth = 6.6  // average width of a 12-unit sans-serif character

  let text: ChartText
  let legend: [(name: String, mark: LegendMark)]
  let legendRows: [[Int]]
  var body: [String] = []
  /// Lines the category labels take (more than one when long labels wrap).
  var categoryLines = 1

  init(text: ChartText, legend: [(name: String, mark: LegendMark)]) {
    self.text = text
    self.legend = legend
    self.legendRows = Self.layoutLegend(legend.map(\.name), width: Self.width - Self.left - Self.right)
  }

  var plotLeft: Double { Self.left }
  var plotRight: Double { Self.width - Self.right }
  var plotTop: Double { Self.top }
  var plotBottom: Double { Self.top + Self.plotHeight }
  var plotWidth: Double { plotRight - plotLeft }
  var height: Double { legendTop + Double(legendRows.count) * 22 + 8 }
  /// Where the legend's first row sits, below the category labels.
  var legendTop: Double { plotBottom + 48 + Double(categoryLines - 1) * 14 }

  /// The y coordinate of `value` on `scale`.
  func y(_ value: Double, _ scale: ValueScale) -> Double { plotBottom - scale.fraction(value) * Self.plotHeight }

  /// Width of an entry: mark, gap, text, spacing.
  static func entryWidth(_ name: String) -> Double { 30 + Double(name.count) * characterWidth + 18 }

  /// Legend entries split into rows that fit `width`.
  static func layoutLegend(_ names: [String], width: Double) -> [[Int]] {
    var rows: [[Int]] = []
    var current: [Int] = []
    var used = 0.0
    for (index, name) in names.enumerated() {
      let needed = entryWidth(name)
      if !current.isEmpty && used + needed > width {
        rows.append(current)
        current = []
        used = 0
      }
      current.append(index)
      used += needed
    }
    if !current.isEmpty { rows.append(current) }
    return rows
  }

  /// Appends raw SVG.
  mutating func add(_ svg: String) { body.append(svg) }

  /// Gridlines and labels of the value axis, a darker line at zero, and the axis title.
  mutating func drawValueAxis(_ scale: ValueScale) {
    add("<g class=\"value-axis\" font-size=\"12\" fill=\"#333\">")
    for tick in scale.ticks {
      let y = SVGText.number(self.y(tick, scale))
      let zero = abs(tick) < scale.step * 1e-9
      add(
        "<line x1=\"\(SVGText.number(plotLeft))\" x2=\"\(SVGText.number(plotRight))\" y1=\"\(y)\" y2=\"\(y)\" "
          + "stroke=\"\(zero ? "#555" : "#ddd")\" stroke-width=\"\(zero ? 1.2 : 1)\"/>")
      add(
        "<text x=\"\(SVGText.number(plotLeft - 8))\" y=\"\(y)\" dy=\"0.32em\" text-anchor=\"end\">"
          + "\(SVGText.escape(scale.label(tick)))</text>")
    }
    if let title = text.valueAxis {
      let middle = SVGText.number((plotTop + plotBottom) / 2)
      add(
        "<text transform=\"translate(16 \(middle)) rotate(-90)\" text-anchor=\"middle\">\(SVGText.escape(title))</text>"
      )
    }
    add("</g>")
  }

  /// Category labels under the plot at `positions`: wrapped onto up to three lines when
  /// `wrap` (names of settings, levers), else thinned to every k-th label (years).
  mutating func drawCategories(_ labels: [String], at positions: [Double], wrap: Bool = false) {
    guard !labels.isEmpty else { return }
    let widest = Double(labels.map(\.count).max() ?? 1) * Self.characterWidth + 10
    let room = labels.count > 1 ? abs(positions[1] - positions[0]) : plotWidth
    if wrap {
      drawWrapped(labels, at: positions, room: room)
      return
    }
    let every = max(1, Int((widest / max(room, 1)).rounded(.up)))
    add("<g class=\"category-axis\" font-size=\"12\" fill=\"#333\" text-anchor=\"middle\">")
    add(
      "<line x1=\"\(SVGText.number(plotLeft))\" x2=\"\(SVGText.number(plotRight))\" y1=\"\(SVGText.number(plotBottom))\" "
        + "y2=\"\(SVGText.number(plotBottom))\" stroke=\"#555\"/>")
    for (index, label) in labels.enumerated() where index % every == 0 && index < positions.count {
      add(
        "<text x=\"\(SVGText.number(positions[index]))\" y=\"\(SVGText.number(plotBottom + 20))\">"
          + "\(SVGText.escape(label))</text>")
    }
    add("</g>")
  }

  /// Labels broken at spaces into lines that fit `room`, at most three (the last one may overrun).
  mutating func drawWrapped(_ labels: [String], at positions: [Double], room: Double) {
    let perLine = max(4, Int((room - 8) / Self.characterWidth))
    let wrapped = labels.map { Self.wrap($0, perLine: perLine) }
    categoryLines = wrapped.map(\.count).max() ?? 1
    add("<g class=\"category-axis\" font-size=\"12\" fill=\"#333\" text-anchor=\"middle\">")
    add(
      "<line x1=\"\(SVGText.number(plotLeft))\" x2=\"\(SVGText.number(plotRight))\" y1=\"\(SVGText.number(plotBottom))\" "
        + "y2=\"\(SVGText.number(plotBottom))\" stroke=\"#555\"/>")
    for (index, lines) in wrapped.enumerated() where index < positions.count {
      let x = SVGText.number(positions[index])
      let spans = lines.enumerated().map { line, text in
        "<tspan x=\"\(x)\" dy=\"\(line == 0 ? 0 : 14)\">\(SVGText.escape(text))</tspan>"
      }
      add("<text x=\"\(x)\" y=\"\(SVGText.number(plotBottom + 20))\">\(spans.joined())</text>")
    }
    add("</g>")
  }

  /// `text` split at spaces into lines of at most `perLine` characters (three lines at most).
  static func wrap(_ text: String, perLine: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= perLine || lines.count == 2 {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines.isEmpty ? [""] : lines
  }

  /// The legend rows under the category labels.
  mutating func drawLegend() {
    guard !legend.isEmpty else { return }
    add("<g class=\"legend\" font-size=\"12\" fill=\"#222\">")
    for (rowIndex, row) in legendRows.enumerated() {
      let y = legendTop + Double(rowIndex) * 22
      var x = plotLeft
      for index in row {
        let entry = legend[index]
        add("<g data-legend=\"\(SVGText.escape(entry.name))\">")
        switch entry.mark {
        case .line(let colour, let dash):
          add(
            "<line x1=\"\(SVGText.number(x))\" x2=\"\(SVGText.number(x + 24))\" y1=\"\(SVGText.number(y))\" "
              + "y2=\"\(SVGText.number(y))\" stroke=\"\(colour)\" stroke-width=\"3\"\(Self.dashAttribute(dash))/>")
        case .swatch(let colour, let opacity):
          add(
            "<rect x=\"\(SVGText.number(x + 2))\" y=\"\(SVGText.number(y - 7))\" width=\"20\" height=\"14\" "
              + "fill=\"\(colour)\" fill-opacity=\"\(SVGText.number(opacity))\" stroke=\"#555\" stroke-width=\"0.5\"/>")
        }
        add(
          "<text x=\"\(SVGText.number(x + 30))\" y=\"\(SVGText.number(y))\" dy=\"0.32em\">\(SVGText.escape(entry.name))</text>"
        )
        add("</g>")
        x += Self.entryWidth(entry.name)
      }
    }
    add("</g>")
  }

  /// ` stroke-dasharray="…"` for a dash, or nothing for a solid line.
  static func dashAttribute(_ dash: String) -> String { dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"" }

  /// The finished SVG document: accessible title and description first, then the drawing.
  func svg(kind: String) -> String {
    let id = "chart-" + String(UInt32(truncatingIfNeeded: Self.stableHash(text.title + text.description)), radix: 16)
    let header =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"\(kind)\" role=\"img\" "
      + "viewBox=\"0 0 \(SVGText.number(Self.width)) \(SVGText.number(height))\" "
      + "aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, "
      + "'Helvetica Neue', Arial, sans-serif\">"
    let accessible =
      "<title id=\"\(id)-title\">\(SVGText.escape(text.title))</title>"
      + "<desc id=\"\(id)-desc\">\(SVGText.escape(text.description))</desc>"
    let heading =
      "<text class=\"chart-title\" x=\"\(SVGText.number(plotLeft))\" y=\"26\" font-size=\"16\" font-weight=\"600\" "
      + "fill=\"#111\">\(SVGText.escape(text.title))</text>"
    return ([header, accessible, heading] + body + ["</svg>"]).joined(separator: "\n")
  }

  /// FNV-1a over the UTF-8 bytes: the same id for the same chart on every run.
  static func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }
}
