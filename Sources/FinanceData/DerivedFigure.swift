import HighNeeds

/// A figure computed from published ones, never read: its value, the formula written out with
/// its numbers, the records it used and any parameters given from elsewhere (SEN2 counts).
///
/// ```swift
/// let reserve = try FinanceDerivation.openingReserve(balance: balance, income: income)
/// reserve.formula   // "-3.96% × £235,998,483 (dsg.total.before_deductions 2019-20) = -£9,345,540"
/// ```
public struct DerivedFigure: Sendable, CustomStringConvertible {
  /// What the figure is (`opening DSG reserve`, `unit cost independent_special`).
  public let name: String
  /// For whom.
  public let area: FinanceArea
  /// For when (the opening reserve of 2020-21 is the balance at the end of 2019-20).
  public let period: FinancePeriod
  /// The value in pounds.
  public let value: Double
  /// The computation with its numbers, for a ledger note.
  public let formula: String
  /// The published records it used, each with its file, sheet, row and column.
  public let inputs: [FinanceRecord]
  /// Numbers given to the derivation that no finance record holds (placement counts).
  public let parameters: [DerivationParameter]

  /// Always true: a derived figure is marked as such wherever it goes.
  public var isDerived: Bool { true }

  /// The value as money.
  public var pounds: Pounds { Pounds(value) }

  /// `name area period = value: formula`.
  public var description: String { "\(name) \(area) \(period): \(formula)" }
}

/// A number a derivation was given from outside the finance files, and where it came from.
public struct DerivationParameter: Hashable, Sendable {
  /// What it is (`plans in independent_special`).
  public let name: String
  /// Its value.
  public let value: Double
  /// Where it came from (`SEN2 2021, sen2/ehcp_caseload_2010_2025.csv row 153`).
  public let source: String

  /// Creates a parameter.
  public init(name: String, value: Double, source: String) {
    self.name = name
    self.value = value
    self.source = source
  }
}

/// Why a derivation could not be made from the records it was given.
public struct DerivationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, in words.
  public let reason: String

  /// The reason.
  public var description: String { reason }
}

/// Writing money and percentages in formulas.
public enum FormulaText {
  /// `£9,345,540` or `-£9,345,540` (whole pounds, thousands separated).
  public static func pounds(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e15 else { return "£\(value)" }
    let whole = Int64(abs(value).rounded())
    var digits = String(whole)
    var grouped = ""
    while digits.count > 3 {
      grouped = "," + digits.suffix(3) + grouped
      digits = String(digits.dropLast(3))
    }
    return (value < 0 && whole != 0 ? "-" : "") + "£" + digits + grouped
  }

  /// A record's value with its measure and period: `£235,998,483 (dsg.total.before_deductions 2019-20)`.
  static func input(_ record: FinanceRecord) -> String {
    let value = record.value ?? .nan
    let shown = record.measure.unit == .pounds ? pounds(value) : "\(value)"
    return "\(shown) (\(record.measure) \(record.period))"
  }
}
