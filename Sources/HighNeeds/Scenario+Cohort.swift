import Forecasting

extension Scenario {
  /// The placement group of plans whose placement SEN2 does not record.
  public static let unknownPlacement = "unknown"

  /// This scenario with its cohort model attached (`demand.model: cohort`), its census replaced
  /// by `census` (the store's January counts) and its placement mix set to the model's start
  /// census; every placement group holding plans must have a cost, and every costed or planned
  /// setting must be one of the model's groups.
  ///
  /// - Throws: ``ScenarioError`` pointing at `costs.per_plan` (a group without a cost, a cost
  ///   for a name that is not a group), `places` (a setting or overflow that is not a group) or
  ///   `years` (a first year before the store's first count).
  public func attachingCohort(_ cohort: CohortDemand, census: [CensusYear: Double]) throws -> Scenario {
    var copy = self
    let model = cohort.model
    var held: [Placement: Double] = [:]
    for (p, placement) in cohort.placements.enumerated() {
      let stock = model.start.map { $0[p] }.reduce(0, +)
      let made = model.newPlanMix.map { $0[p] }.reduce(0, +)
      // Plans with no placement recorded have no cost of their own: without one they are left
      // out of the mix (placed as the others are, as `init` does).
      if placement.name == Self.unknownPlacement, costs.perPlan[placement] == nil { continue }
      if stock > 0 || made > 0 { held[placement] = stock }
    }
    let total = held.sumInKeyOrder
    var issues: [ScenarioIssue] = []
    let groups = cohort.placements.map(\.name)
    for placement in held.keys.sorted() where costs.perPlan[placement] == nil {
      issues.append(
        ScenarioIssue(
          location: location(of: "costs.per_plan"), field: "costs.per_plan",
          problem:
            "no cost for placement '\(placement)', which holds \(Int(held[placement]!.rounded())) plans at the January \(model.startYear) census or takes new plans in the cohort model",
          expected:
            "a cost per plan for every SEN2 placement group with plans: \(held.keys.sorted().map(\.name).joined(separator: ", "))"
        ))
    }
    for placement in costs.perPlan.keys.sorted() where !groups.contains(placement.name) {
      let field = "costs.per_plan.\(placement)"
      issues.append(
        ScenarioIssue(
          location: location(of: field), field: field,
          problem:
            "'\(placement)' is not an SEN2 placement group\(Suggestion.hint(for: placement.name, among: groups))",
          expected: "one of: \(groups.joined(separator: ", "))"))
    }
    if let places {
      for setting in places.settingOrder + [places.overflow] where costs.perPlan[setting] == nil {
        issues.append(
          ScenarioIssue(
            location: location(of: "places"), field: "places",
            problem: "setting '\(setting)' has no cost in costs.per_plan",
            expected: "settings and overflow among the costed placement groups"))
      }
    }
    if let first = census.keys.min(), years.lowerBound.census < first {
      issues.append(
        ScenarioIssue(
          location: location(of: "years"), field: "years",
          problem:
            "\(years.lowerBound) uses the January \(years.lowerBound.census) census, earlier than the store's first count for \(demand.cohortAuthority ?? authority) (\(first))",
          expected: "a first year of \(first.financialYear) or later"))
    }
    guard issues.isEmpty else { throw ScenarioError(issues: issues) }
    copy.demand.census = census
    copy.demand.placements = held.mapValues { total > 0 ? $0 / total : 1 / Double(held.count) }
    copy.demand.placementTrend = [:]
    copy.demand.cohort = cohort
    return copy
  }
}
