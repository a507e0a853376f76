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

  /// The unit of ``FinanceRecord/value``.
  public var unit: FinanceUnit {
    switch self {
    case .block, .section251Budget, .section251Outturn: return .pounds
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
    }
  }

  /// The storage name.
  public var description: String { code }

  /// The High Needs Block before deductions: the figure councils quote as their allocation.
  public static let highNeedsBlock = FinanceMeasure.block(.highNeeds, .beforeDeductions)
  /// Total DSG before deductions: the gross grant the 1% deficit test is read against here.
  public static let totalDSG = FinanceMeasure.block(.total, .beforeDeductions)
}

/// The blocks of the Dedicated Schools Grant, and the total.
public enum DSGBlock: String, Hashable, Sendable, CaseIterable {
  /// Schools block.
  case schools = "dsg.schools_block"
  /// Central school services block.
  case centralSchoolServices = "dsg.central_school_services_block"
  /// High needs block.
  case highNeeds = "hnb"
  /// Early years block.
  case earlyYears = "dsg.early_years_block"
  /// Total DSG allocation.
  case total = "dsg.total"
}

/// Whether an allocation is before or after the deductions the DfE tables show separately.
public enum DeductionBasis: String, Hashable, Sendable, CaseIterable {
  /// Before recoupment and deductions: the authority's whole allocation.
  case beforeDeductions = "before_deductions"
  /// After recoupment and deductions: what is paid to the authority itself.
  case afterDeductions = "after_deductions"
}

/// The seven placement categories of the high needs benchmarking tool (SEN2 groupings).
public enum PlacementCategory: String, Hashable, Sendable, CaseIterable {
  /// Mainstream schools or academies.
  case mainstream
  /// Resourced provision or SEN units.
  case resourcedProvision = "resourced_provision"
  /// Maintained special schools or special academies.
  case maintainedSpecial = "maintained_special"
  /// Non-maintained special schools (NMSS) or independent schools.
  case independentSpecial = "independent_special"
  /// Hospital schools or alternative provision.
  case alternativeProvision = "alternative_provision"
  /// Post 16.
  case post16
  /// Other.
  case other
}

/// The unit a record's value is in.
public enum FinanceUnit: String, Hashable, Sendable {
  /// Pounds sterling (converted from £m or £k where the file used those).
  case pounds
  /// A count of people.
  case count
  /// A percentage (3.96 is 3.96%).
  case percent
}
