/// What a finance figure measures, with the unit its value is in.
///
/// ``code`` is a stable name for storage (`hnb.before_deductions`, `s251.budget.place_funding`):
/// the names are an interface, extended and never changed.
public enum FinanceMeasure: Hashable, Sendable, CustomStringConvertible {
  /// A DSG block allocation, before or after the deductions (academy recoupment, high needs
  /// places funded directly by ESFA, and from 2022-23 national non-domestic rates).
  case block(DSGBlock, DeductionBasis)
  /// A section 251 high-needs budget line (the benchmarking tool's budget year).
  case section251Budget(Section251Line)
  /// A section 251 high-needs outturn line (the benchmarking tool's outturn year).
  case section251Outturn(Section251Line)
  /// Children and young people up to 25 with a statement or EHCP: all (nil) or in one placement.
  case plans(PlacementCategory?)
  /// The ONS 2-18 population projection the benchmarking tool divides by.
  case population2to18
  /// The DSG cumulative balance as a percentage of total income (s251 line 1.9.3); negative
  /// is a deficit. `-3.96` means a deficit of 3.96% of income.
  case dsgBalancePercentOfIncome
  /// Place funding deducted from the High Needs Block for direct payment by the ESFA
  /// (`High_needs_deductions` sheet), by provider and kind of place.
  case placeDeduction(HighNeedsDeduction)

  /// The unit of ``FinanceRecord/value``.
  public var unit: FinanceUnit {
    switch self {
    case .block, .section251Budget, .section251Outturn, .placeDeduction: return .pounds
    case .plans, .population2to18: return .count
    case .dsgBalancePercentOfIncome: return .percent
    }
  }

  /// The stable storage name.
  public var code: String {
    switch self {
    case .block(let block, let basis): return "\(block.rawValue).\(basis.rawValue)"
    case .section251Budget(let line): return "s251.budget.\(line.rawValue)"
    case .section251Outturn(let line): return "s251.outturn.\(line.rawValue)"
    case .plans(let placement): return "plans." + (placement?.rawValue ?? "all")
    case .population2to18: return "population.age_2_18"
    case .dsgBalancePercentOfIncome: return "dsg.balance_percent_of_income"
    case .placeDeduction(let deduction): return "hnb_deduction.\(deduction.rawValue)"
    }
  }

  /// The storage name.
  public var description: String { code }

  /// The High Needs Block before deductions: the figure councils quote as their allocation.
  public static let highNeedsBlock = FinanceMeasure.block(.highNeeds, .beforeDeductions)
  /// Total DSG before deductions: the gross grant the 1% deficit test is read against here.
  public static let totalDSG = FinanceMeasure.block(.total, .beforeDeductions)
}
