import Foundation

/// The content of one spreadsheet cell, as the file stores it.
///
/// Numbers stored as text stay ``text(_:)``: ``number`` reads either, so a parser that wants
/// a number accepts `"202"` as well as `202` and says which it found only when neither works.
///
/// ```swift
/// CellValue.text(" 887 ").number   // 887.0
/// CellValue.number(38.22).text      // nil
/// ```
public enum CellValue: Hashable, Sendable, CustomStringConvertible {
  /// No content (a blank cell, or a cell past the end of its row).
  case empty
  /// Text, as written (ODS `text:p` paragraphs joined by a newline; XLSX shared or inline strings).
  case text(String)
  /// A number (ODS `float`, `percentage`, `currency`; XLSX `n` cells not formatted as dates).
  case number(Double)
  /// A calendar date (ODS `date` cells; XLSX numbers whose number format is a date format).
  case date(SpreadsheetDate)
  /// A boolean (ODS `boolean`; XLSX `b`).
  case boolean(Bool)
  /// A formula error the application cached in the cell, such as `#REF!` or `#N/A`.
  case error(String)

  /// True when the cell has no content or only white space.
  public var isBlank: Bool {
    switch self {
    case .empty: return true
    case .text(let text): return text.allSatisfy(\.isWhitespace)
    default: return false
    }
  }

  /// The cell as a number: a number cell, or text that is a plain decimal number once white
  /// space and thousands separators are removed (`"1,234.5"`, `" 887"`). Nil otherwise.
  public var number: Double? {
    switch self {
    case .number(let value): return value
    case .text(let text): return CellValue.parseNumber(text)
    default: return nil
    }
  }

  /// The cell's text with surrounding white space removed, or nil for a non-text cell.
  public var text: String? {
    if case .text(let text) = self { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
    return nil
  }

  /// The value written as a person would read it in a message (`"887"`, `38.22`, `#REF!`).
  public var description: String {
    switch self {
    case .empty: return "(empty)"
    case .text(let text): return "\"\(text)\""
    case .number(let value): return value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    case .date(let date): return date.description
    case .boolean(let value): return value ? "TRUE" : "FALSE"
    case .error(let code): return code
    }
  }

  /// Parses a plain decimal number: optional sign, digits with optional `,` thousands
  /// separators, optional fraction and exponent. Rejects anything else (`"12a"`, `"£5"`, `""`).
  static func parseNumber(_ raw: String) -> Double? {
    let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return nil }
    let withoutSeparators = trimmed.replacingOccurrences(of: ",", with: "")
    let allowed = Set("0123456789+-.eE")
    guard withoutSeparators.allSatisfy({ allowed.contains($0) }),
      withoutSeparators.contains(where: \.isNumber)
    else { return nil }
    guard let value = Double(withoutSeparators), value.isFinite else { return nil }
    return value
  }
}
