import SVGCharts

/// How blocks are laid out for people: aligned text, Markdown or HTML.
public enum TableStyle: Sendable {
  /// Columns aligned with spaces, for a terminal or a printout.
  case aligned
  /// GitHub-flavoured Markdown tables.
  case markdown
  /// HTML fragments (``BlockRenderer/document(title:body:)`` wraps them in a page).
  case html
}

/// Writes report blocks (headings, paragraphs, bullet lists, tables) in one ``TableStyle``.
///
/// Text and Markdown share their layout; HTML escapes every cell and wraps blocks in tags.
/// ``document(title:body:)`` makes a whole HTML page that prints well.
struct BlockRenderer {
  let style: TableStyle

  /// All the blocks, one after the other.
  func render(_ blocks: [ReportBlock]) -> String {
    var out = ""
    for block in blocks {
      switch block {
      case .heading(let text): out += heading(text)
      case .figure(let svg, let caption):
        if style == .html { out += HTMLPage.render(HTMLBlock.figure(svg: svg, caption: caption)) + "\n" }
      case .paragraph(let text): out += paragraph(text)
      case .bullets(let items): out += bullets(items)
      case .table(let table): out += self.table(table)
      case .preformatted(let text): out += preformatted(text)
      case .gap: out += "\n"
      }
    }
    return out
  }

  /// A section heading.
  func heading(_ text: String) -> String {
    switch style {
    case .aligned: return text + "\n\n"
    case .markdown: return "## " + text + "\n\n"
    case .html: return "<h2>" + Self.escape(text) + "</h2>\n"
    }
  }

  /// A paragraph.
  func paragraph(_ text: String) -> String {
    style == .html ? "<p>" + Self.escape(text) + "</p>\n" : text + "\n\n"
  }

  /// A bullet list.
  func bullets(_ items: [String]) -> String {
    guard !items.isEmpty else { return "" }
    if style == .html { return "<ul>\n" + items.map { "<li>" + Self.escape($0) + "</li>\n" }.joined() + "</ul>\n" }
    return items.map { "- " + $0 }.joined(separator: "\n") + "\n"
  }

  /// Text as the report laid it out.
  func preformatted(_ text: String) -> String {
    switch style {
    case .aligned: return text
    case .markdown: return "```\n" + text + (text.hasSuffix("\n") ? "" : "\n") + "```\n"
    case .html: return "<pre>" + Self.escape(text) + "</pre>\n"
    }
  }

  /// A table, followed by a blank line in text forms when the table has a rule under its header.
  func table(_ table: TextTable) -> String {
    switch style {
    case .aligned: return table.aligned() + (table.rule ? "\n" : "")
    case .markdown: return table.markdown() + "\n"
    case .html:
      // The page kit's table: numbers right-aligned and never wrapped, negatives marked.
      let rows = table.rows.map { row in
        row.indices.map { column -> HTMLCell in
          let text = row[column]
          guard table.rightAligned.contains(column) else { return .text(text) }
          return HTMLCell(text, numeric: true, negative: text.hasPrefix("-") || text.hasPrefix("−"))
        }
      }
      return HTMLTable(columns: table.header, rows: rows).render() + "\n"
    }
  }

  /// Text escaped for HTML: the page kit's escaping (`& < > " '` as entities), the one HTML escape.
  static func escape(_ text: String) -> String { HTML.escape(text) }

  /// A complete HTML page around `body`: the page kit's document (inline CSS that prints on A4).
  static func document(title: String, body: String) -> String {
    HTMLPage(title: title, blocks: [.raw(body)]).render()
  }
}
