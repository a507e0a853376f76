import Forecasting
import HighNeeds
/// Options side by side against a baseline: spend, in-year balance, reserve and savings by year.
///
/// An option's saving in a year is its in-year balance minus the baseline's (positive is
/// better). It splits into the option's own levers (attributed in their listed order, see
/// ``LeverSaving``) and `otherChanges`: everything else the option changes (places, funding,
/// costs), measured as the option without its levers against the baseline. The parts add up
/// exactly to the total.
public struct Comparison: Sendable {
  /// The baseline's ledger.
  public let baseline: Ledger
  /// Each option's ledger, in the order given.
  public let options: [Ledger]

  /// Compares `options` with `baseline`.
  public init(baseline: Ledger, options: [Ledger]) {
    self.baseline = baseline
    self.options = options
  }

  /// The option's saving against the baseline in `year` (nil when either lacks the year).
  public func saving(_ option: Ledger, in year: FinancialYear) -> Pounds? {
    guard let mine = option.years.first(where: { $0.year == year }),
      let theirs = baseline.years.first(where: { $0.year == year })
    else { return nil }
    return mine.inYearBalance - theirs.inYearBalance
  }

  /// The part of the saving in `year` that the option's levers do not explain.
  public func otherChanges(_ option: Ledger, in year: FinancialYear) -> Pounds? {
    guard let total = saving(option, in: year) else { return nil }
    let levers = option.leverSavings.map { $0.byYear[year] ?? .zero }.reduce(.zero, +)
    return total - levers
  }

  /// The option's total saving over the years both share.
  public func totalSaving(_ option: Ledger) -> Pounds {
    option.years.compactMap { saving(option, in: $0.year) }.reduce(.zero, +)
  }

  /// Every financial year in any of the ledgers, in order.
  public var allYears: [FinancialYear] {
    Array(Set(([baseline] + options).flatMap { $0.years.map(\.year) })).sorted()
  }
}

extension Ledger {
  /// The reserve at the end of the last year.
  public var reserveAtHorizon: Pounds? { years.last?.reserve }

  /// The ledger entry for `year`, if the scenario covers it.
  public func entry(_ year: FinancialYear) -> LedgerYear? { years.first { $0.year == year } }
}
