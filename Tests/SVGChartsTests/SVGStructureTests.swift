import Foundation
import SVGCharts
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What an SVG document holds, read with Foundation's XMLParser (so it must be well-formed XML).
final class SVGOutline: NSObject, XMLParserDelegate {
  var root: (name: String, attributes: [String: String])?
  var childrenOfRoot: [String] = []
  var series: [(name: String, kind: String)] = []
  var ids: Set<String> = []
  var texts: [String] = []
  var titleText = ""
  var descText = ""
  private var depth = 0
  private var current: String?
  private var buffer = ""

  static func parse(_ svg: String) throws -> SVGOutline {
    let outline = SVGOutline()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = outline
    guard parser.parse() else {
      throw NSError(
        domain: "SVG", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(parser.parserError.map { "\($0)" } ?? "?")"])
    }
    return outline
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    if depth == 0 { root = (name, attributes) }
    if depth == 1 { childrenOfRoot.append(name) }
    if let id = attributes["id"] { ids.insert(id) }
    if let series = attributes["data-series"] { self.series.append((series, attributes["data-kind"] ?? "")) }
    flush()
    current = name
    depth += 1
  }

  /// XMLParser hands text over in pieces: gather them, and file the whole at the next tag.
  private func flush() {
    defer { buffer = "" }
    guard !buffer.isEmpty else { return }
    switch current {
    case "title" where depth == 2: titleText += buffer
    case "desc" where depth == 2: descText += buffer
    case "text", "tspan": texts.append(buffer)
    default: break
    }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    flush()
    depth -= 1
    current = nil
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }
}

@Suite struct SVGStructureTests {
  @Test(arguments: SampleCharts.all.map { ($0.name, $0.svg, $0.series) })
  func wellFormedAccessibleAndCountable(name: String, svg: String, series: Int) throws {
    let outline = try SVGOutline.parse(svg)
    #expect(outline.root?.name == "svg", "\(name)")
    #expect(outline.root?.attributes["role"] == "img")
    #expect(outline.root?.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(Array(outline.childrenOfRoot.prefix(2)) == ["title", "desc"], "\(name): title and desc come first")
    #expect(!outline.titleText.isEmpty && !outline.descText.isEmpty)
    let labelled = (outline.root?.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
    #expect(labelled.count == 2 && labelled.allSatisfy(outline.ids.contains), "\(name): aria-labelledby names real ids")
    #expect(outline.series.count == series, "\(name): \(outline.series.map(\.name))")
    #expect(Set(outline.series.map(\.name)).count == series, "\(name): series names are distinct")
  }

  @Test func reserveFanKindsAndAxis() throws {
    let outline = try SVGOutline.parse(SampleCharts.reserveFan.svg())
    let kinds = Dictionary(grouping: outline.series, by: \.kind).mapValues(\.count)
    #expect(kinds == ["line": 2, "band": 2, "percentile": 3])
    // Lowest value drawn: 2025-26's 95% bound, -£46.3m − 1.96 × 6 × £1.6m = -£65.1m; ticks of a
    // range of £65.1m in about five steps are £20m apart (the next of 1, 2, 2.5, 5 × 10^k
    // above £13.0m), so the axis runs from -£80m to £0m.
    for label in ["-£80m", "-£60m", "-£40m", "-£20m", "£0m"] { #expect(outline.texts.contains(label), "\(label)") }
    for year in SampleCharts.years { #expect(outline.texts.contains(year)) }
  }

  @Test func namesAreEscapedAndSurviveParsing() throws {
    let chart = BarChart(
      text: ChartText(title: "Costs <&> \"quotes\"", description: "It's <b>not</b> markup"),
      categories: ["A & B"], series: [ChartSeries(name: "Tom & Jerry's <place>", values: [1])])
    let outline = try SVGOutline.parse(chart.svg())
    #expect(outline.series.first?.name == "Tom & Jerry's <place>")
    #expect(outline.titleText == "Costs <&> \"quotes\"")
    #expect(outline.descText == "It's <b>not</b> markup")
  }

  @Test func gapsBreakTheLineAndBadValuesAreGaps() {
    let chart = LineChart(
      text: ChartText(title: "Gaps", description: "A gap in 2020-21"),
      categories: ["2019-20", "2020-21", "2021-22", "2022-23"],
      series: [ChartSeries(name: "Reserve", values: [-1e6, nil, -2e6, .nan])])
    let svg = chart.svg()
    let path =
      svg.components(separatedBy: "\n").first { $0.hasPrefix("<path") && $0.contains("stroke-width=\"3\"") } ?? ""
    #expect(path.components(separatedBy: "M").count - 1 == 2, "\(path)")
    #expect(!svg.contains("nan") && !svg.contains("inf"))
  }

  @Test func emptyChartsStillDraw() throws {
    let empty = [
      LineChart(text: ChartText(title: "None", description: "No data"), categories: [], series: []).svg(),
      StackedAreaChart(text: ChartText(title: "None", description: "No data"), categories: [], series: []).svg(),
      BarChart(text: ChartText(title: "None", description: "No data"), categories: [], series: []).svg(),
      WaterfallChart(
        text: ChartText(title: "None", description: "No data"), startLabel: "a", start: 0, steps: [], endLabel: "b"
      ).svg(),
    ]
    for svg in empty { #expect(try SVGOutline.parse(svg).root?.name == "svg") }
  }

  @Test func waterfallReconciles() {
    #expect(SampleCharts.mitigations.end == -61_200_000 + 6_400_000 + 9_000_000 - 500_000)
    #expect(SampleCharts.mitigations.svg().contains(">-£46.3m<"))
  }

  @Test func stackedAreaTopIsTheTotal() throws {
    // 2018-19 layers 760 + 90 + 1,030 + 185 + 310 = 2,375 plans; 2025-26 is 1.42 times that,
    // 3,372.5: the axis must reach 4,000 (the next 500-step above), so the top tick is 4,000.
    let outline = try SVGOutline.parse(SampleCharts.plansByPlacement.svg())
    #expect(outline.texts.contains("4,000") && !outline.texts.contains("4,500"))
  }

  @Test func greyscalePalette() {
    let luminances = Palette.colours.map(Palette.luminance)
    for i in luminances.indices {
      for j in luminances.indices where j > i {
        #expect(abs(luminances[i] - luminances[j]) >= 0.05, "colours \(i) and \(j) print as nearly the same grey")
      }
      if i > 0 { #expect(abs(luminances[i] - luminances[i - 1]) >= 0.1, "neighbours \(i - 1), \(i)") }
    }
    // WCAG reference points: white is 1, black 0, mid grey #777777 is 0.184.
    #expect(abs(Palette.luminance("#ffffff") - 1) < 1e-12)
    #expect(Palette.luminance("#000000") == 0)
    #expect(abs(Palette.luminance("#777777") - 0.184) < 0.001)
  }

  @Test func pageFetchesNothing() {
    let html = SamplePage.html
    // The only URL in the page is the SVG namespace name, which is an identifier, not a fetch.
    let urls = html.components(separatedBy: "http").count - 1
    let namespaces = html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1
    #expect(urls == namespaces && namespaces == SampleCharts.all.count)
    for fetch in ["<script", "<link", "<img", "src=", "@import", "url(http"] {
      #expect(!html.contains(fetch), "\(fetch)")
    }
    #expect(html.contains("@page { size: A4"))
    #expect(html.contains("white-space: nowrap"))
  }
}
