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
