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
///
/// Place funding the ESFA pays academies, free schools and colleges directly is deducted from
/// the High Needs Block and is not in the s251 lines (they are the authority's own spend), so
/// each recipe adds back the deductions for its providers from the DSG tables'
/// `High_needs_deductions` sheet of the same year (``deductions``): the cost per plan is then the
/// place (£6,000 or £10,000) plus the top-up, as the DfE's published averages are, and it is
/// comparable with the High Needs Block **before** deductions, which includes that funding:
/// - `mainstream`: mainstream academies' SEN unit and resourced provision places (pre-16 at
///   £6,000 and £10,000, and post-16: SEN2 counts sixth forms as mainstream);
/// - `maintained_special`: special academies' and special free schools' SEN places, pre- and
///   post-16;
/// - `post16`: 16-19 academies' SEN places and FE colleges and independent learning providers;
/// - `independent_special`: none (non-maintained and independent schools are paid by top-up).
/// The AP and hospital academies' deductions go with the central lines (``centralDeductions``).
public struct UnitCostRecipe: Hashable, Sendable {
  /// The scenario's placement name (`independent_special`).
  public let placement: String
  /// The s251 lines added together.
  public let lines: [Section251Line]
  /// The benchmarking tool's placement categories whose plans the cost is spread over.
  public let categories: [PlacementCategory]
  /// The place funding paid directly by the ESFA (deducted from the block) added to the lines.
  public let deductions: [HighNeedsDeduction]

  /// Creates a recipe.
  public init(
    placement: String, lines: [Section251Line], categories: [PlacementCategory], deductions: [HighNeedsDeduction] = []
  ) {
    self.placement = placement
    self.lines = lines
    self.categories = categories
    self.deductions = deductions
  }

  /// The deductions tied to no placement's recipe: AP places (PRUs and AP academies teach mostly
  /// pupils without plans) and hospital academies. With the ``standard`` recipes' deductions they
  /// are every part of ``HighNeedsDeduction/total``.
  public static let centralDeductions: [HighNeedsDeduction] = [
    .mainstreamPre16AP, .specialAcademiesPre16AP, .specialFreePre16AP, .apAcademiesPre16SEN, .apAcademiesPost16SEN,
    .apAcademiesPre16AP, .hospitalAcademies,
  ]

  /// The recipes for the scenario's five placements.
  public static let standard: [UnitCostRecipe] = [
    UnitCostRecipe(
      placement: "mainstream",
      lines: [
        .placeFundingEarlyYears, .placeFundingPrimary, .placeFundingSecondary, .topUpMaintainedEarlyYears,
        .topUpMaintainedPrimary, .topUpMaintainedSecondary,
      ], categories: [.mainstream, .resourcedProvision],
      deductions: [.mainstreamPre16SEN6000, .mainstreamPre16SEN10000, .mainstreamPost16SEN]),
    UnitCostRecipe(
      placement: "maintained_special", lines: [.placeFundingSpecial, .topUpMaintainedSpecial],
      categories: [.maintainedSpecial],
      deductions: [.specialAcademiesPre16SEN, .specialAcademiesPost16SEN, .specialFreePre16SEN, .specialFreePost16SEN]),
    UnitCostRecipe(
      placement: "independent_special",
      lines: [
        .topUpIndependentEarlyYears, .topUpIndependentPrimary, .topUpIndependentSecondary, .topUpIndependentSpecial,
      ],
      categories: [.independentSpecial]),
    UnitCostRecipe(
      placement: "post16", lines: [.placeFundingPostSchool, .topUpMaintainedPostSchool, .topUpIndependentPostSchool],
      categories: [.post16], deductions: [.academies16to19Post16SEN, .furtherEducation]),
    UnitCostRecipe(
      placement: "alternative_provision",
      lines: [
        .placeFundingAlternativeProvision, .topUpMaintainedAlternativeProvision, .topUpIndependentAlternativeProvision,
      ], categories: [.alternativeProvision]),
  ]
}
