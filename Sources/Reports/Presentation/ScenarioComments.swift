/// The comment a scenario file writes beside a value: where the figure came from.
///
/// For a value on line n, the comment is the text after `#` on that line (outside quotes),
/// joined with the comment-only lines right below it whose `#` starts in the same column or
/// further right (continuations, as `scenarios/medway-2020.yaml` writes them). Without a
/// trailing comment, it is the block of comment-only lines right above line n whose `#` lines
/// up with line n's key. Pure text
/// work: the caller reads the file.
///
/// ```swift
/// let text = "growth: 8%   # assumption: allocation growth a year\n"
/// ScenarioComments.comment(atLine: 1, in: text)   // "assumption: allocation growth a year"
/// ```
public enum ScenarioComments {
  /// The comment for the value on `line` (1-based) of `text`, or nil when there is none.
  public static func comment(atLine line: Int, in text: String) -> String? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard line >= 1, line <= lines.count else { return nil }
    let index = line - 1
    if let (column, first) = trailingComment(lines[index]) {
      var parts = [first]
      var next = index + 1
      while next < lines.count, let (nextColumn, more) = commentOnly(lines[next]), nextColumn >= column {
        parts.append(more)
        next += 1
      }
      return joined(parts)
    }
    // Comment lines above count when their `#` lines up with the key: further right, they are
    // the continuation of a comment beside an earlier value.
    let keyColumn = lines[index].prefix { $0 == " " || $0 == "\t" }.count
    var above: [String] = []
    var previous = index - 1
    while previous >= 0, let (column, text) = commentOnly(lines[previous]), column == keyColumn {
      above.insert(text, at: 0)
      previous -= 1
    }
    return above.isEmpty ? nil : joined(above)
  }

  /// The line (1-based) where `key:` is written at or below `line` in `text`, within the same
  /// top-level section: the loader records where sections and their entries are, not every
  /// year or placement inside them, so the adapter finds those by their key. Nil when absent.
  public static func line(ofKey keys: [String], from line: Int, in text: String) -> Int? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard line >= 1 else { return nil }
    var index = line - 1
    while index < lines.count {
      let current = lines[index]
      let indent = current.prefix { $0 == " " }.count
      let body = current.dropFirst(indent)
      if index > line - 1, indent == 0, !body.isEmpty, !body.hasPrefix("#") { return nil }
      for key in keys {
        for spelling in [key, "\"\(key)\"", "'\(key)'"] where body.hasPrefix(spelling) {
          let after = body.dropFirst(spelling.count).drop { $0 == " " }
          if after.hasPrefix(":") { return index + 1 }
        }
      }
      index += 1
    }
    return nil
  }

  /// Parts joined with single spaces, empty parts dropped.
  static func joined(_ parts: [String]) -> String? {
    let kept = parts.filter { !$0.isEmpty }
    return kept.isEmpty ? nil : kept.joined(separator: " ")
  }

  /// The column of `#` and the text after it, when the line has a value and then a comment.
  static func trailingComment(_ line: String) -> (Int, String)? {
    var quote: Character?
    var sawValue = false
    var previous: Character = " "
    for (column, character) in line.enumerated() {
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
        sawValue = true
      } else if character == "#" && (previous == " " || previous == "\t") {
        guard sawValue else { return nil }
        return (column, clean(String(line.dropFirst(column + 1))))
      } else if character != " " && character != "\t" {
        sawValue = true
      }
      previous = character
    }
    return nil
  }

  /// The column of `#` and the text after it, when the line is only a comment.
  static func commentOnly(_ line: String) -> (Int, String)? {
    let indent = line.prefix { $0 == " " || $0 == "\t" }.count
    let rest = line.dropFirst(indent)
    guard rest.first == "#" else { return nil }
    return (indent, clean(String(rest.dropFirst())))
  }

  /// Comment text without surrounding spaces.
  static func clean(_ text: String) -> String {
    String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
  }
}
