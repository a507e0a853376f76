import HighNeeds
import Spreadsheet

/// One published figure: for whom, for when, what, how much, and exactly where it was read.
///
/// A figure a file leaves blank or suppresses has a nil ``value`` and a ``missing`` reason:
/// it is never read as zero.
///
/// ```swift
/// let hnb = dataset.record(.highNeedsBlock, for: "Medway", in: FinancialYear(startYear: 2019))
/// hnb?.pounds                     // £38.220m
/// hnb?.source.location            // dedicated-schools-grant.ods:Allocations_1920:130:E
/// ```
public struct FinanceRecord: Hashable, Sendable, CustomStringConvertible {
  /// England or the authority.
  public let area: FinanceArea
  /// The year the figure is for.
  public let period: FinancePeriod
  /// What it measures (its unit is `measure.unit`).
  public let measure: FinanceMeasure
  /// The value in `measure.unit` (pounds, people, percent), or nil when not published.
  public let value: Double?
  /// Why ``value`` is nil; nil when there is a value.
  public let missing: MissingValue?
  /// Where the figure was read and in which edition.
  public let source: FinanceSource

  /// Creates a record.
  public init(
    area: FinanceArea, period: FinancePeriod, measure: FinanceMeasure, value: Double?, missing: MissingValue?,
    source: FinanceSource
  ) {
    self.area = area
    self.period = period
    self.measure = measure
    self.value = value
    self.missing = missing
    self.source = source
  }

  /// The value as money, when the measure is in pounds and a value was published.
  public var pounds: Pounds? {
    guard measure.unit == .pounds, let value else { return nil }
    return Pounds(value)
  }

  /// `Medway (887) 2019-20 hnb.before_deductions = 38220067.6 [file:sheet:row:column]`.
  public var description: String {
    let shown = value.map { String($0) } ?? "missing (\(missing?.description ?? "?"))"
    return "\(area) \(period) \(measure) = \(shown) [\(source.location)]"
  }
}

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

/// Why a figure has no value.
public enum MissingValue: Hashable, Sendable, CustomStringConvertible {
  /// The cell is empty.
  case blank
  /// The cell holds a suppression mark or other text instead of a number (`x`, `c`, `..`).
  case suppressed(String)
  /// The cell holds a formula error cached by the application (`#REF!`, `#N/A`).
  case formulaError(String)

  /// `blank`, `suppressed ("x")`, `formula error #N/A`.
  public var description: String {
    switch self {
    case .blank: return "blank"
    case .suppressed(let text): return "suppressed (\"\(text)\")"
    case .formulaError(let code): return "formula error \(code)"
    }
  }
}

/// Where a figure was read: the cell, the edition, and the unit the file printed it in.
public struct FinanceSource: Hashable, Sendable {
  /// File, sheet, row and column of the cell.
  public let location: CellLocation
  /// The edition the figure belongs to.
  public let edition: Edition
  /// The money unit of the column in the file (nil for counts and percentages).
  public let unitInFile: MoneyUnit?

  /// Creates a source.
  public init(location: CellLocation, edition: Edition, unitInFile: MoneyUnit?) {
    self.location = location
    self.edition = edition
    self.unitInFile = unitInFile
  }
}

/// The money unit a column is printed in; values are converted to pounds on reading.
public enum MoneyUnit: String, Hashable, Sendable {
  /// Pounds (`(£s)`, `£`).
  case pounds = "£"
  /// Thousands of pounds (`(£k)`, `(£000s)`).
  case thousands = "£k"
  /// Millions of pounds (`(£ million)`, `(£m)`).
  case millions = "£m"

  /// Pounds per unit.
  public var factor: Double {
    switch self {
    case .pounds: return 1
    case .thousands: return 1_000
    case .millions: return 1_000_000
    }
  }
}
