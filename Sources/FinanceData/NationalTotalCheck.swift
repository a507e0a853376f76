/// Whether a table's England row equals the sum of its authorities, for one edition, year and
/// measure.
///
/// Tolerance: half a pound per authority summed, since each published figure is at most
/// rounded to the nearest pound (the 2019-20 table in £ million carries about 15 significant
/// digits, far finer). On the files here every difference measured is below a penny.
public struct NationalTotalCheck: Hashable, Sendable, CustomStringConvertible {
  /// The edition (file and sheet) checked.
  public let edition: Edition
  /// The year.
  public let period: FinancePeriod
  /// The measure.
  public let measure: FinanceMeasure
  /// The table's England value.
  public let national: Double
  /// The sum over the table's authorities that have a value.
  public let sumOfAuthorities: Double
  /// How many authorities were summed.
  public let authorities: Int
  /// Authorities whose value is missing (their absence makes the sum short).
  public let missing: Int
  /// The tolerance applied: 0.5 × authorities, in the measure's unit.
  public let tolerance: Double

  /// sum − national.
  public var difference: Double { sumOfAuthorities - national }
  /// True when |difference| ≤ tolerance and no authority is missing.
  public var passes: Bool { abs(difference) <= tolerance && missing == 0 }

  /// `2019-20 hnb.before_deductions file:sheet: 149 authorities sum to ..., England row ..., difference ...`.
  public var description: String {
    "\(period) \(measure) \(edition.file):\(edition.sheet): \(authorities) authorities sum to \(FormulaText.pounds(sumOfAuthorities)), "
      + "England row \(FormulaText.pounds(national)), difference \(difference) (tolerance \(tolerance))"
      + (missing > 0 ? ", \(missing) missing" : "")
  }

  /// The checks for `measure` in every edition and period of `records` that has an England row.
  public static func checks(_ records: [FinanceRecord], measure: FinanceMeasure) -> [NationalTotalCheck] {
    struct Group: Hashable {
      let edition: Edition
      let period: FinancePeriod
    }
    var national: [Group: Double] = [:]
    var sums: [Group: (sum: Double, count: Int, missing: Int)] = [:]
    for record in records where record.measure == measure {
      let group = Group(edition: record.source.edition, period: record.period)
      if case .england = record.area {
        if let value = record.value { national[group] = value }
        continue
      }
      var entry = sums[group] ?? (0, 0, 0)
      if let value = record.value {
        entry.sum += value
        entry.count += 1
      } else {
        entry.missing += 1
      }
      sums[group] = entry
    }
    return national.compactMap { group, value in
      guard let entry = sums[group] else { return nil }
      return NationalTotalCheck(
        edition: group.edition, period: group.period, measure: measure, national: value, sumOfAuthorities: entry.sum,
        authorities: entry.count, missing: entry.missing, tolerance: 0.5 * Double(entry.count))
    }.sorted { ($0.period, $0.edition) < ($1.period, $1.edition) }
  }
}
