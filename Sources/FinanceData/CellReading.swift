import Foundation
import HighNeeds
import Spreadsheet

/// Reading the cells of DfE tables: values or missing, headings, years, units and dates.
enum CellReading {
  /// A value cell as (value in pounds or the measure's unit, why missing): numbers (also
  /// numbers stored as text) are scaled by `factor`; blanks, suppression marks and formula
  /// errors are missing, never zero.
  static func value(_ cell: CellValue, factor: Double = 1) -> (Double?, MissingValue?) {
    switch cell {
    case .error(let code): return (nil, .formulaError(code))
    case .empty: return (nil, .blank)
    default:
      if let number = cell.number { return (number * factor, nil) }
      if cell.isBlank { return (nil, .blank) }
      let shown = cell.text ?? cell.description
      if shown.hasPrefix("#") { return (nil, .formulaError(shown)) }
      return (nil, .suppressed(shown))
    }
  }

  /// A heading with runs of white space and line breaks collapsed to one space.
  static func heading(_ cell: CellValue) -> String {
    guard let text = cell.text else { return "" }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The financial years written in `text`: `2019-20`, `2019/20`, `2019 to 2020`, or the
  /// six-digit `201920` of DfE's `time_period` columns, in the order they appear.
  static func financialYears(in text: String) -> [FinancialYear] {
    let patterns = [#"(\d{4})\s*(?:-|/|to)\s*(\d{4}|\d{2})(?!\d)"#, #"(?<!\d)(\d{4})(\d{2})(?!\d)"#]
    var found: [(offset: Int, year: FinancialYear)] = []
    for pattern in patterns {
      guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
      let range = NSRange(text.startIndex..., in: text)
      for match in regex.matches(in: text, range: range) {
        guard let startRange = Range(match.range(at: 1), in: text), let endRange = Range(match.range(at: 2), in: text),
          let start = Int(text[startRange]), let end = Int(text[endRange])
        else { continue }
        let expectedEnd = text[endRange].count == 2 ? (start + 1) % 100 : start + 1
        guard end == expectedEnd, FinancialYear.plausibleStartYears.contains(start) else { continue }
        found.append((match.range.location, FinancialYear(startYear: start)))
      }
      if !found.isEmpty { break }
    }
    return found.sorted { $0.offset < $1.offset }.map(\.year)
  }

  /// The money unit a heading names in brackets or after a `£`: `(£s)`, `(£)`, `(£ million)`,
  /// `(£m)`, `(£000s)`, `(£k)`, `(£ thousand)`. Nil when it names none.
  static func moneyUnit(in heading: String) -> MoneyUnit? {
    let lower = heading.lowercased().replacingOccurrences(of: " ", with: "")
    if lower.contains("(£million") || lower.contains("(£m)") || lower.contains("£millions") { return .millions }
    if lower.contains("(£000") || lower.contains("(£k)") || lower.contains("(£thousand") { return .thousands }
    if lower.contains("(£s)") || lower.contains("(£)") || lower.contains("(£/") { return .pounds }
    return nil
  }

  /// A date written as DfE's Information sheets write it: `Thursday, 18 Nov, 2021`,
  /// `18 November 2021`, or ISO `2021-11-18`.
  static func writtenDate(_ text: String) -> SpreadsheetDate? {
    if let iso = SpreadsheetDate(iso8601: text.trimmingCharacters(in: .whitespaces)) { return iso }
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
    var day: Int?
    var month: Int?
    var year: Int?
    for word in words {
      if let number = Int(word) {
        if number > 31 { year = number } else if day == nil { day = number }
      } else if let index = months.firstIndex(where: { word.hasPrefix($0) }), word.count >= 3 {
        month = index + 1
      }
    }
    guard let day, let month, let year else { return nil }
    let date = SpreadsheetDate(year: year, month: month, day: day)
    return SpreadsheetDate(iso8601: date.description)
  }

  /// A three-digit LA code from a number cell (`887`) or text (`"887"`); nil otherwise.
  static func laCode(_ cell: CellValue) -> Int? {
    guard let number = cell.number, number.rounded() == number, (100...999).contains(number) else { return nil }
    if let text = cell.text, !text.allSatisfy(\.isNumber) { return nil }
    return Int(number)
  }
}
