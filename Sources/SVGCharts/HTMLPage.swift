/// A piece of an HTML report page.
public enum HTMLBlock: Sendable {
  /// A section heading (`level` 2 or 3).
  case heading(String, level: Int = 2)
  /// A paragraph of plain text (escaped).
  case paragraph(String)
  /// A paragraph in the muted note style.
  case note(String)
  /// Headline figures: a row of boxes, each a value (such as "£9,604,000") and what it is.
  case keyFigures([(label: String, value: String)])
  /// A table.
  case table(HTMLTable)
  /// A chart: its SVG (from a chart's `svg()`) and a caption.
  case figure(svg: String, caption: String)
  /// The collapsible "method" section that holds the statistics behind the plain-English notes.
  case method(title: String, blocks: [HTMLBlock])
  /// HTML the caller has already built and escaped.
  case raw(String)
}

/// A self-contained HTML document: inline CSS (``PageStyle``) and inline SVG, nothing fetched.
///
/// ```swift
/// let page = HTMLPage(title: "Medway high needs", subtitle: "Baseline", blocks: [
///   .keyFigures([("Deficit at March 2020", NumberText.pounds(-9_604_000))]),
///   .figure(svg: chart.svg(), caption: "Reserve at year end"),
/// ])
/// let html = page.render()
/// ```
public struct HTMLPage: Sendable {
  /// The page title and `<h1>`.
  public var title: String
  /// A line under the title (authority, scenario), or nil.
  public var subtitle: String?
  /// The page body, in order.
  public var blocks: [HTMLBlock]

  /// A page of `blocks`.
  public init(title: String, subtitle: String? = nil, blocks: [HTMLBlock]) {
    self.title = title
    self.subtitle = subtitle
    self.blocks = blocks
  }

  /// The whole document, UTF-8, `en-GB`.
  public func render() -> String {
    var parts = [
      "<!DOCTYPE html>", "<html lang=\"en-GB\">", "<head>", "<meta charset=\"utf-8\">",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
      "<title>\(HTML.escape(title))</title>", "<style>", PageStyle.css, "</style>", "</head>", "<body>",
      "<h1>\(HTML.escape(title))</h1>",
    ]
    if let subtitle { parts.append("<p class=\"subtitle\">\(HTML.escape(subtitle))</p>") }
    parts += blocks.map(Self.render)
    parts += ["</body>", "</html>", ""]
    return parts.joined(separator: "\n")
  }

  /// One block as HTML.
  public static func render(_ block: HTMLBlock) -> String {
    switch block {
    case .heading(let text, let level):
      let level = min(max(level, 2), 4)
      return "<h\(level)>\(HTML.escape(text))</h\(level)>"
    case .paragraph(let text): return "<p>\(HTML.escape(text))</p>"
    case .note(let text): return "<p class=\"note\">\(HTML.escape(text))</p>"
    case .keyFigures(let figures):
      let items = figures.map {
        "<li><span class=\"value\">\(HTML.escape($0.value))</span><span class=\"label\">\(HTML.escape($0.label))</span></li>"
      }
      return "<ul class=\"key-figures\">\n" + items.joined(separator: "\n") + "\n</ul>"
    case .table(let table): return table.render()
    case .figure(let svg, let caption):
      return "<figure>\n\(svg)\n<figcaption>\(HTML.escape(caption))</figcaption>\n</figure>"
    case .method(let title, let blocks):
      return "<details class=\"method\">\n<summary>\(HTML.escape(title))</summary>\n"
        + blocks.map(render).joined(separator: "\n") + "\n</details>"
    case .raw(let html): return html
    }
  }
}

/// HTML escaping.
public enum HTML {
  /// `text` safe in element content and attribute values (`& < > " '` as entities).
  public static func escape(_ text: String) -> String { SVGText.escape(text) }
}
