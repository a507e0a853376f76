/// The January of a school census (SEN2): the date at which plans are counted.
///
/// The January 2020 census falls in financial year 2019-20, so
/// `CensusYear(2020).financialYear == FinancialYear(startYear: 2019)`.
public struct CensusYear: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
  /// The calendar year of the January count.
  public let year: Int

  /// Creates the census taken in January of `year`.
  public init(_ year: Int) {
    self.year = year
  }

  /// The financial year (April to March) that contains this January.
  public var financialYear: FinancialYear { FinancialYear(startYear: year - 1) }

  /// The year as a plain number, for example `2020`.
  public var description: String { String(year) }

  /// Orders census years by calendar year.
  public static func < (lhs: CensusYear, rhs: CensusYear) -> Bool { lhs.year < rhs.year }

  /// The number of years from this census to `other`.
  public func distance(to other: CensusYear) -> Int { other.year - year }

  /// The census `n` years later (earlier when negative).
  public func advanced(by n: Int) -> CensusYear { CensusYear(year + n) }
}
