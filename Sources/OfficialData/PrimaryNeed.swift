/// Primary type of need named in a plan (`sen_needs_all_plans`, 2025 layout).
///
/// ASD autistic spectrum disorder; SEMH social, emotional and mental health; SLCN speech,
/// language and communication needs; MLD, SLD, PMLD moderate, severe, profound and multiple
/// learning difficulty; SpLD specific learning difficulty; HI, VI, MSI hearing, visual and
/// multi-sensory impairment; PD physical disability; OTH other; unknown: not recorded.
public enum PrimaryNeed: String, Sendable, CaseIterable, Comparable {
  // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
  case asd = "ASD"
  case semh = "SEMH"
  case slcn = "SLCN"
  case mld = "MLD"
  case sld = "SLD"
  case pmld = "PMLD"
  case spld = "SpLD"
  // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
  case hi = "HI"
  case vi = "VI"
  case msi = "MSI"
  case pd = "PD"
  case other = "OTH"
  case unknown = "unknown"

  /// The need a `number_*` column counts, or nil for another column.
  public init?(column: String) {
    let table: [String: PrimaryNeed] = [
      "number_asd": .asd, "number_semh": .semh, "number_slcn": .slcn, "number_mld": .mld, "number_sld": .sld,
      "number_pmld": .pmld, "number_spld": .spld, "number_hi": .hi, "number_vi": .vi, "number_msi": .msi,
      "number_pd": .pd, "number_oth": .other, "number_need_unknown": .unknown,
    ]
    guard let need = table[column] else { return nil }
    self = need
  }

  /// Orders needs as declared.
  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// Why a plan ceased, grouped across layouts. 2022 layout (`sen2_mi`, statements and EHC plans):
/// transferred to another LA, needs met without a plan, left education (end of schooling or
/// after), other. 2025 layout (`ceased_plans`): the ten published reasons, of which
/// `max_age`, `he`, `employ` and `no_engage` count as leaving education.
public enum CeasedReason: String, Sendable, CaseIterable, Comparable {
  /// Needs met without a plan.
  case needsMet = "needs met"
  /// Transferred to another local authority.
  case transferred = "moved to another LA"
  /// Left education or training (end of schooling, maximum age, higher education, employment, no engagement).
  case leftEducation = "left education"
  /// Moved outside England.
  case movedOutsideEngland = "moved outside England"
  /// Died.
  case deceased
  /// Any other reason, or not recorded.
  case other

  /// The reason a published column counts, or nil for a column that is not a reason.
  public init?(column: String) {
    switch column {
    case "DismetEHC", "Dismet", "needs_met": self = .needsMet
    case "DisleaEHC", "Dislea", "transfer": self = .transferred
    case "DisleftEHC", "Disleft", "max_age", "he", "employ", "no_engage": self = .leftEducation
    case "moved_outside_eng": self = .movedOutsideEngland
    case "deceased": self = .deceased
    case "DisothEHC", "Disoth", "other", "not_rec": self = .other
    default: return nil
    }
  }

  /// Orders reasons as declared.
  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
