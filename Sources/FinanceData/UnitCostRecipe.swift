/// Which section 251 lines pay for a placement, for ``FinanceDerivation/unitCost(_:lines:placements:)``.
///
/// The ``standard`` recipes are this module's reading of the s251 lines against the scenario's
/// placements, stated so a finance officer can check and change them:
/// - `mainstream` (SEN2 mainstream and resourced provision/SEN units): place funding and
///   maintained top-ups for early years, primary and secondary;
/// - `maintained_special`: special schools' place funding and maintained top-ups;
/// - `independent_special` (NMSS and independent schools): independent top-ups for early years,
///   primary, secondary and special schools (not post-school);
/// - `post16`: post-school place funding and both kinds of post-school top-up;
/// - `alternative_provision`: PRU/AP place funding and both kinds of AP top-up.
/// Central services (SEN support, hospital education, therapies) are not tied to a placement.
public struct UnitCostRecipe: Hashable, Sendable {
  /// The scenario's placement name (`independent_special`).
  public let placement: String
  /// The s251 lines added together.
  public let lines: [Section251Line]
  /// The benchmarking tool's placement categories whose plans the cost is spread over.
  public let categories: [PlacementCategory]

  /// Creates a recipe.
  public init(placement: String, lines: [Section251Line], categories: [PlacementCategory]) {
    self.placement = placement
    self.lines = lines
    self.categories = categories
  }

  /// The recipes for the scenario's five placements.
  public static let standard: [UnitCostRecipe] = [
    UnitCostRecipe(
      placement: "mainstream",
      lines: [
        .placeFundingEarlyYears, .placeFundingPrimary, .placeFundingSecondary, .topUpMaintainedEarlyYears,
        .topUpMaintainedPrimary, .topUpMaintainedSecondary,
      ], categories: [.mainstream, .resourcedProvision]),
    UnitCostRecipe(
      placement: "maintained_special", lines: [.placeFundingSpecial, .topUpMaintainedSpecial],
      categories: [.maintainedSpecial]),
    UnitCostRecipe(
      placement: "independent_special",
      lines: [
        .topUpIndependentEarlyYears, .topUpIndependentPrimary, .topUpIndependentSecondary, .topUpIndependentSpecial,
      ],
      categories: [.independentSpecial]),
    UnitCostRecipe(
      placement: "post16", lines: [.placeFundingPostSchool, .topUpMaintainedPostSchool, .topUpIndependentPostSchool],
      categories: [.post16]),
    UnitCostRecipe(
      placement: "alternative_provision",
      lines: [
        .placeFundingAlternativeProvision, .topUpMaintainedAlternativeProvision, .topUpIndependentAlternativeProvision,
      ], categories: [.alternativeProvision]),
  ]
}
