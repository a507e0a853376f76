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
