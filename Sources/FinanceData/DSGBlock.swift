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
