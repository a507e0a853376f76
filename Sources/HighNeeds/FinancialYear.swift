import Foundation

/// An English local-government financial year, April to March, written `2019-20`.
///
/// Financial years and census years are different types so that the one-year offset
/// between them is never applied by accident: the January 2020 census falls in
/// financial year 2019-20 (see ``CensusYear/financialYear``).
///
/// ```swift
/// let year = FinancialYear(startYear: 2019)   // 2019-20
/// year.census                                 // CensusYear(2020): January 2020
/// year.advanced(by: 1).description            // "2020-21"
/// ```
public struct FinancialYear: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
  /// The calendar year in which the financial year starts (April).
  public let startYear: Int

  /// Creates the financial year that starts in April of `startYear`.
  public init(startYear: Int) {
    self.startYear = startYear
  }

  /// The January census that falls inside this financial year (January of `startYear + 1`).
  public var census: CensusYear { CensusYear(startYear + 1) }

  /// The year written as finance officers write it: `2019-20`.
  public var description: String {
    let next = (startYear + 1) % 100
    return "\(startYear)-\(next < 10 ? "0" : "")\(next)"
  }

  /// The range of start years accepted from scenario files.
  public static let plausibleStartYears: ClosedRange<Int> = 1900...2200

  /// Parses `2019-20`, `2019/20`, `2019-2020` or `2019/2020`.
  ///
  /// Returns nil when the text is not one of those forms, when the second year does not
  /// follow the first, or when the start year is outside ``plausibleStartYears``.
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let separators: Set<Character> = ["-", "/"]
    guard let separatorIndex = trimmed.firstIndex(where: { separators.contains($0) }) else { return nil }
    let first = trimmed[..<separatorIndex]
    let second = trimmed[trimmed.index(after: separatorIndex)...]
    guard first.count == 4, second.count == 2 || second.count == 4,
      first.allSatisfy(\.isASCIIDigit), second.allSatisfy(\.isASCIIDigit),
      let start = Int(first), let end = Int(second),
      Self.plausibleStartYears.contains(start)
    else { return nil }
    let expectedEnd = second.count == 2 ? (start + 1) % 100 : start + 1
    guard end == expectedEnd else { return nil }
    self.startYear = start
  }

  /// Orders financial years by their start.
  public static func < (lhs: FinancialYear, rhs: FinancialYear) -> Bool { lhs.startYear < rhs.startYear }

  /// The number of years from this one to `other`.
  public func distance(to other: FinancialYear) -> Int { other.startYear - startYear }

  /// The financial year `n` years later (earlier when negative).
  public func advanced(by n: Int) -> FinancialYear { FinancialYear(startYear: startYear + n) }
}

extension Character {
  /// True for the ten ASCII digits only (not other Unicode numerals).
  var isASCIIDigit: Bool { isASCII && isNumber }
}
