import HighNeeds

/// The period a figure belongs to.
public enum FinancePeriod: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// A financial year, April to March (allocations, budgets, outturns, balances at 31 March).
  case financialYear(FinancialYear)
  /// A January census (plan counts).
  case census(CensusYear)
  /// A mid-year (30 June) population estimate or projection.
  case midYear(Int)

  /// The financial year, when the period is one.
  public var financialYear: FinancialYear? {
    if case .financialYear(let year) = self { return year }
    return nil
  }

  /// `2019-20`, `January 2021`, `mid-2021`.
  public var description: String {
    switch self {
    case .financialYear(let year): return year.description
    case .census(let year): return "January \(year.year)"
    case .midYear(let year): return "mid-\(year)"
    }
  }

  private var sortKey: (Int, Int) {
    switch self {
    case .financialYear(let year): return (0, year.startYear)
    case .census(let year): return (1, year.year)
    case .midYear(let year): return (2, year)
    }
  }

  /// Orders periods of one kind by year (financial years before censuses before mid-years).
  public static func < (lhs: FinancePeriod, rhs: FinancePeriod) -> Bool { lhs.sortKey < rhs.sortKey }
}
