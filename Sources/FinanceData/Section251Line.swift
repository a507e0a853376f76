/// The section 251 high-needs lines the benchmarking tool shows, in its column order.
///
/// Lines ending `Maintained` are top-ups to maintained schools, academies, free schools and
/// colleges (the tool's "(1)" columns); lines ending `Independent` are top-ups to non-maintained
/// and independent schools and colleges (its "(2)" columns).
public enum Section251Line: String, Hashable, Sendable, CaseIterable {
  /// "Place funding" (place funding).
  case placeFunding = "place_funding"
  /// "Early Years" (place funding).
  case placeFundingEarlyYears = "place_funding.early_years"
  /// "Primary" (place funding).
  case placeFundingPrimary = "place_funding.primary"
  /// "Secondary" (place funding).
  case placeFundingSecondary = "place_funding.secondary"
  /// "Special schools and academies" (place funding).
  case placeFundingSpecial = "place_funding.special"
  /// "PRUs and AP academies" (place funding).
  case placeFundingAlternativeProvision = "place_funding.ap"
  /// "Post School" (place funding).
  case placeFundingPostSchool = "place_funding.post_school"
  /// "Top up funding (maintained schools, academies, free schools and colleges)" (top-up, maintained schools, academies, free schools and colleges).
  case topUpMaintained = "top_up_maintained"
  /// "Early Years (1)" (top-up, maintained schools, academies, free schools and colleges).
  case topUpMaintainedEarlyYears = "top_up_maintained.early_years"
  /// "Primary (1)" (top-up, maintained schools, academies, free schools and colleges).
  case topUpMaintainedPrimary = "top_up_maintained.primary"
  /// "Secondary (1)" (top-up, maintained schools, academies, free schools and colleges).
  case topUpMaintainedSecondary = "top_up_maintained.secondary"
  /// "Special schools and academies (1)" (top-up, maintained schools, academies, free schools and colleges).
  case topUpMaintainedSpecial = "top_up_maintained.special"
  /// "PRUs and AP academies (1)" (top-up, maintained schools, academies, free schools and colleges).
  case topUpMaintainedAlternativeProvision = "top_up_maintained.ap"
  /// "Post School (1)" (top-up, maintained schools, academies, free schools and colleges).
  case topUpMaintainedPostSchool = "top_up_maintained.post_school"
  /// "Income (1)" (top-up, maintained schools, academies, free schools and colleges).
  case topUpMaintainedIncome = "top_up_maintained.income"
  /// "Top up funding (non-maintained and independent schools and colleges)" (top-up, non-maintained and independent schools and colleges).
  case topUpIndependent = "top_up_independent"
  /// "Early Years (2)" (top-up, non-maintained and independent schools and colleges).
  case topUpIndependentEarlyYears = "top_up_independent.early_years"
  /// "Primary (2)" (top-up, non-maintained and independent schools and colleges).
  case topUpIndependentPrimary = "top_up_independent.primary"
  /// "Secondary (2)" (top-up, non-maintained and independent schools and colleges).
  case topUpIndependentSecondary = "top_up_independent.secondary"
  /// "Special schools and academies (2)" (top-up, non-maintained and independent schools and colleges).
  case topUpIndependentSpecial = "top_up_independent.special"
  /// "PRUs and AP academies (2)" (top-up, non-maintained and independent schools and colleges).
  case topUpIndependentAlternativeProvision = "top_up_independent.ap"
  /// "Post School (2)" (top-up, non-maintained and independent schools and colleges).
  case topUpIndependentPostSchool = "top_up_independent.post_school"
  /// "Income (2)" (top-up, non-maintained and independent schools and colleges).
  case topUpIndependentIncome = "top_up_independent.income"
  /// "SEN support and inclusion services" (high needs services).
  case senSupport = "sen_support_and_inclusion"
  /// "Alternative provision services" (high needs services).
  case alternativeProvisionServices = "alternative_provision_services"
  /// "Hospital education services" (high needs services).
  case hospitalEducation = "hospital_education"
  /// "Therapies and other health related services" (high needs services).
  case therapies = "therapies_and_health"

  /// The column heading the benchmarking tool writes for this line (its fourth row), which the
  /// parser checks before reading a column.
  public var heading: String {
    switch self {
    case .placeFunding: return "Place funding"
    case .placeFundingEarlyYears: return "Early Years"
    case .placeFundingPrimary: return "Primary"
    case .placeFundingSecondary: return "Secondary"
    case .placeFundingSpecial: return "Special schools and academies"
    case .placeFundingAlternativeProvision: return "PRUs and AP academies"
    case .placeFundingPostSchool: return "Post School"
    case .topUpMaintained: return "Top up funding (maintained schools, academies, free schools and colleges)"
    case .topUpMaintainedEarlyYears: return "Early Years (1)"
    case .topUpMaintainedPrimary: return "Primary (1)"
    case .topUpMaintainedSecondary: return "Secondary (1)"
    case .topUpMaintainedSpecial: return "Special schools and academies (1)"
    case .topUpMaintainedAlternativeProvision: return "PRUs and AP academies (1)"
    case .topUpMaintainedPostSchool: return "Post School (1)"
    case .topUpMaintainedIncome: return "Income (1)"
    case .topUpIndependent: return "Top up funding (non-maintained and independent schools and colleges)"
    case .topUpIndependentEarlyYears: return "Early Years (2)"
    case .topUpIndependentPrimary: return "Primary (2)"
    case .topUpIndependentSecondary: return "Secondary (2)"
    case .topUpIndependentSpecial: return "Special schools and academies (2)"
    case .topUpIndependentAlternativeProvision: return "PRUs and AP academies (2)"
    case .topUpIndependentPostSchool: return "Post School (2)"
    case .topUpIndependentIncome: return "Income (2)"
    case .senSupport: return "SEN support and inclusion services"
    case .alternativeProvisionServices: return "Alternative provision services"
    case .hospitalEducation: return "Hospital education services"
    case .therapies: return "Therapies and other health related services"
    }
  }
}
