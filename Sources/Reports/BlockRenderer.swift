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
      var out = "<table>\n<thead><tr>"
      out += table.header.indices.map { "<th\(align($0, table))>" + Self.escape(table.header[$0]) + "</th>" }.joined()
      out += "</tr></thead>\n<tbody>\n"
      for row in table.rows {
        out +=
          "<tr>" + row.indices.map { "<td\(align($0, table))>" + Self.escape(row[$0]) + "</td>" }.joined() + "</tr>\n"
      }
      return out + "</tbody>\n</table>\n"
    }
  }

  private func align(_ column: Int, _ table: TextTable) -> String {
    table.rightAligned.contains(column) ? " class=\"num\"" : ""
  }

  /// Text with `&`, `<`, `>` and `"` escaped for HTML.
  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }

  /// A complete HTML page around `body`, with a print-friendly stylesheet.
  static func document(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>\(escape(title))</title>
    <style>
    body { font-family: system-ui, sans-serif; margin: 2em; }
    table { border-collapse: collapse; margin-bottom: 1.5em; }
    th, td { border: 1px solid #999; padding: 0.2em 0.6em; }
    th { background: #eee; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    </style>
    </head>
    <body>
    \(body)</body>
    </html>

    """
  }
}
