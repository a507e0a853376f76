import Forecasting
import HighNeeds

/// Reads the levers that change the cohort model's flows: `new_plans`, `new_placement_share`
/// and `ceasing_rate`.
extension SectionReader {
  /// The placement a `new_placement_share` lever changes when none is named.
  static let defaultSharePlacement = "independent_special"
  /// The band a `ceasing_rate` lever changes when none is named: the 16-19 band, which holds
  /// plans ending at 16 (after Year 11) and at 19.
  static let defaultCeasingBand = CohortBand.age16to19

  /// A flow lever's kind from its keys; nil (with the problems reported) when they cannot be read.
  func flowLever(
    _ type: LeverType, _ map: MappingView, costed: [String]?, sizeLocation: inout SourceLocation?
  ) -> LeverKind? {
    let node = map.value("change", required: true, expected: Self.changeExample(type))
    sizeLocation = node?.mark
    let change = node.flatMap { flowChange($0, type: type) }
    switch type {
    case .newPlans:
      return change.map { .newPlans(change: $0) }
    case .newPlacementShare:
      let placement =
        map.value("placement").map { costedPlacement($0, costed: costed) }
        ?? Placement(Self.defaultSharePlacement)
      guard let placement, let change else { return nil }
      return .newPlacementShare(placement: placement, change: change)
    default:
      var band: CohortBand? = Self.defaultCeasingBand
      if let bandNode = map.value("band") {
        let names = CohortBand.allCases.map(\.scenarioName)
        band = reader.text(bandNode, expected: "an age band: \(names.joined(separator: ", "))").flatMap { name in
          guard let found = CohortBand(scenarioName: name) else {
            reader.report(
              bandNode, "'\(name)' is not an SEN2 age band\(Suggestion.hint(for: name, among: names))",
              expected: "one of: \(names.joined(separator: ", "))")
            return nil
          }
          return found
        }
      }
      guard let band, let change else { return nil }
      return .ceasingRate(band: band, change: change)
    }
  }

  /// An example of the `change:` a flow lever takes.
  static func changeExample(_ type: LeverType) -> String {
    switch type {
    case .newPlans: return "the change in new plans, such as -20% (20% fewer new EHCPs)"
    case .newPlacementShare: return "the change in the placement's share of new plans, such as -20%"
    default: return "the change in the band's ceasing rate, such as 10%"
    }
  }

  /// A flow lever's change: a fraction from −100% (none) to +200% (three times as many).
  func flowChange(_ node: Located, type: LeverType) -> Double? {
    guard let change = reader.scalar(node, expected: FriendlyValues.shareForms, FriendlyValues.share) else {
      return nil
    }
    guard (-1...2).contains(change) else {
      reader.report(
        node, "a change of \(FixedPoint.format(change * 100, places: 1))% is out of range",
        expected: "from -100% (none) to 200% (three times as many): \(Self.changeExample(type))")
      return nil
    }
    return change
  }
}
