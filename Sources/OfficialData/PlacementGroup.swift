/// Where plans are educated, grouped across both release layouts. Each published setting
/// belongs to exactly one group (`group(of:)`); a group's count is the sum of its settings.
///
/// | group | 2025 layout columns | 2022 layout establishment types |
/// |---|---|---|
/// | mainstream | `mainstream_{la_maintained,academy,free_school,independent}` | Mainstream - LA maintained, Academy, Free school, Independent |
/// | resourced provision / SEN unit | `mainstream_*_resourced_provision`, `mainstream_*_senunit` | Mainstream - ... - Resourced provision, SEN unit |
/// | maintained / academy special | `special_la_maintained`, `special_academy_free` | Special - LA maintained, Academy, Free school, Academy/free; Hospital School |
/// | independent / non-maintained special | `special_independent`, `special_non_maintained` | Special - Independent, Non-maintained |
/// | AP/PRU | `ap_pru_*` | AP/PRU - * |
/// | FE / post-16 | `general_fe_tertiary_colleges`, `specialist_post_16_institutions`, `ukrlp_provider` | Further education group; apprenticeships, traineeships, supported internships, work-based learning (the DfE files these under "Unknown") |
/// | educated elsewhere | elective home education, other arrangements (LA, parents), online, Welsh, other schools, awaiting provision, permanently excluded | Educated elsewhere group |
/// | NEET / other | `neet*`, `other_placement_settings`, `nm_early_years` | NEET, Other, Non-maintained early years |
/// | unknown | `placement_unknown` | (none) |
public enum PlacementGroup: String, Sendable, CaseIterable, Comparable {
  /// Mainstream schools (LA maintained, academies, free schools, independent).
  case mainstream
  /// Resourced provision and SEN units in mainstream schools.
  case resourcedProvision = "resourced_provision"
  /// LA maintained special schools, special academies and free schools (and hospital schools).
  case maintainedSpecial = "maintained_special"
  /// Independent and non-maintained special schools.
  case independentSpecial = "independent_special"
  /// Alternative provision and pupil referral units.
  case alternativeProvision = "alternative_provision"
  /// FE colleges, sixth forms, specialist post-16 institutions, work-based learning.
  case post16
  /// Home education, other arrangements, awaiting provision, permanently excluded.
  case elsewhere = "educated_elsewhere"
  /// Not in education, employment or training; non-maintained early years; other settings.
  case neetOther = "neet_other"
  /// Placement not recorded (2023 on).
  case unknown

  /// A label for tables (`independent / non-maintained special`).
  public var label: String {
    switch self {
    case .mainstream: return "mainstream"
    case .resourcedProvision: return "resourced provision / SEN unit"
    case .maintainedSpecial: return "maintained / academy special"
    case .independentSpecial: return "independent / non-maintained special"
    case .alternativeProvision: return "AP / PRU"
    case .post16: return "FE / post-16"
    case .elsewhere: return "educated elsewhere"
    case .neetOther: return "NEET / other"
    case .unknown: return "unknown"
    }
  }

  /// Orders groups as declared.
  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }

  /// The group of a published setting (a 2025 column name, or a 2022 `group|type`), or nil
  /// for a label that is not a setting.
  public static func group(of setting: String) -> PlacementGroup? {
    if let group = columns2025[setting] { return group }
    guard let bar = setting.firstIndex(of: "|") else { return nil }
    let group = String(setting[..<bar])
    let type = String(setting[setting.index(after: bar)...])
    switch group {
    case "Mainstream school":
      return type.contains("SEN unit") || type.lowercased().contains("resourced provision")
        ? .resourcedProvision : .mainstream
    case "Special school":
      return type == "Special - Independent" || type == "Special - Non-maintained"
        ? .independentSpecial : .maintainedSpecial
    case "Alternative provision/Pupil referral unit": return .alternativeProvision
    case "Further education", "Unknown": return .post16
    case "Educated elsewhere": return .elsewhere
    case "NEET", "Other", "Non-maintained early years": return .neetOther
    default: return nil
    }
  }

  private static let columns2025: [String: PlacementGroup] = {
    var map: [String: PlacementGroup] = [:]
    for column in ReleaseSchema2025.settingColumns {
      let group: PlacementGroup
      if column.hasPrefix("mainstream_") {
        group =
          column.hasSuffix("resourced_provision") || column.hasSuffix("senunit") ? .resourcedProvision : .mainstream
      } else if column.hasPrefix("special_") {
        group =
          column == "special_independent" || column == "special_non_maintained"
          ? .independentSpecial : .maintainedSpecial
      } else if column.hasPrefix("ap_pru_") {
        group = .alternativeProvision
      } else if ["general_fe_tertiary_colleges", "specialist_post_16_institutions", "ukrlp_provider"].contains(column) {
        group = .post16
      } else if column.hasPrefix("neet") || column == "other_placement_settings" || column == "nm_early_years" {
        group = .neetOther
      } else if column == "placement_unknown" {
        group = .unknown
      } else {
        group = .elsewhere
      }
      map[column] = group
    }
    return map
  }()

  /// The 2022 layout gives awaiting provision both as a total and, from 2019, in six parts:
  /// when any part is there the total is left out, so no plan is counted twice.
  static func withoutDoubleCounting(_ settings: [String]) -> Set<String> {
    let total = "Educated elsewhere|Awaiting provision - total"
    let hasParts = settings.contains { $0.hasPrefix("Educated elsewhere|Awaiting provision - ") && $0 != total }
    return hasParts ? [total] : []
  }
}

/// Age bands common to both layouts (the 2022 layout's bands; single years of age in the 2025
/// layout are added up into them).
public enum AgeBand: String, Sendable, CaseIterable, Comparable {
  /// Under 5 (the 2025 layout's under 3, 3 and 4; new and ceased plans' "2 and under").
  case under5 = "under 5"
  /// 5 to 10.
  case age5to10 = "5 to 10"
  /// 11 to 15.
  case age11to15 = "11 to 15"
  /// 16 to 19.
  case age16to19 = "16 to 19"
  /// 20 to 25 ("20 and over" for new and ceased plans).
  case age20to25 = "20 to 25"
  /// Age not recorded (ceased plans).
  case unknown = "unknown"

  /// Orders bands youngest first.
  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }

  /// The band of a published age label (`Age 5 to 10`, `age 12`, `under 3`, `age 2 and under`,
  /// `age 20 and over`, `Age unknown`), or nil for `Total` and labels that are not ages.
  public static func band(of label: String) -> AgeBand? {
    if let known = published[label] { return known }
    return parse(label)
  }

  /// Every age label the two layouts publish, mapped once (reads look labels up per value).
  private static let published: [String: AgeBand] = {
    var labels = [
      "Under 5", "Age 5 to 10", "Age 11 to 15", "Age 16 to 19", "Age 20 to 25", "under 3",
      "age 2 and under", "age 20 and over", "Age unknown",
    ]
    labels += (0...30).map { "age \($0)" }
    var map: [String: AgeBand] = [:]
    for label in labels { map[label] = parse(label) }
    return map
  }()

  private static func parse(_ label: String) -> AgeBand? {
    let lower = label.lowercased()
    switch lower {
    case "under 5", "under 3", "age 2 and under": return .under5
    case "age 5 to 10": return .age5to10
    case "age 11 to 15": return .age11to15
    case "age 16 to 19": return .age16to19
    case "age 20 to 25", "age 20 and over": return .age20to25
    case "age unknown": return .unknown
    default: break
    }
    guard lower.hasPrefix("age "), let years = Int(lower.dropFirst(4)) else { return nil }
    switch years {
    case ..<5: return .under5
    case 5...10: return .age5to10
    case 11...15: return .age11to15
    case 16...19: return .age16to19
    default: return .age20to25
    }
  }
}
