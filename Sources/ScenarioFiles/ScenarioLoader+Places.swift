import HighNeeds
extension SectionReader {
  static let placesKeys = ["overflow", "settings"]
  static let settingKeys = ["capacity", "openings", "closures", "needs", "phases"]
  static let needCapacityKeys = ["capacity", "openings", "closures"]
  static let defaultOverflow = "independent_special"

  /// Reads `places:`: the overflow placement and, per setting, capacity, openings and closures.
  func places(
    _ value: Located, placements: [Placement: Double]?, groups: [GroupDimension: [String: Double]],
    locations: inout [String: SourceLocation]
  ) -> PlacesSpec? {
    guard let map = reader.mapping(value, expected: "a mapping with overflow and settings") else { return nil }
    map.rejectUnknownKeys(allowed: Self.placesKeys)
    for entry in map.entries { locations[entry.value.path] = reader.location(entry.value.mark) }
    let known = placements.map { $0.keys.map(\.name).sorted() }

    var overflow = Placement(Self.defaultOverflow)
    if let node = map.value("overflow"), let name = reader.text(node, expected: "a placement name") {
      overflow = Placement(name)
      if let known, !known.contains(name) {
        reader.report(
          node,
          "overflow placement '\(name)' has no share in demand.placements\(Suggestion.hint(for: name, among: known))",
          expected: "one of: \(known.joined(separator: ", "))")
      }
    }

    var settings: [Placement: SettingCapacity] = [:]
    guard
      let node = map.value(
        "settings", required: true, expected: "capacity by setting, such as maintained_special: {capacity: 900}"),
      let settingMap = reader.mapping(
        node, expected: "capacity by setting, such as maintained_special: {capacity: 900}")
    else { return nil }
    if settingMap.entries.isEmpty {
      reader.report(node, "no settings given", expected: "at least one setting with its capacity")
    }
    for entry in settingMap.entries {
      if let known, !known.contains(entry.key) {
        reader.report(
          at: entry.keyMark, field: entry.value.path,
          "setting '\(entry.key)' has no share in demand.placements\(Suggestion.hint(for: entry.key, among: known))",
          expected: "one of: \(known.joined(separator: ", "))")
        continue
      }
      if entry.key == overflow.name {
        reader.report(
          at: entry.keyMark, field: entry.value.path,
          "'\(entry.key)' is the overflow placement, which takes any excess and so cannot be full",
          expected: "capacity only for other settings, or another overflow placement")
        continue
      }
      if let setting = setting(entry.value, groups: groups) { settings[Placement(entry.key)] = setting }
    }
    if !settings.isEmpty, let known, !known.contains(overflow.name), map.value("overflow") == nil {
      reader.report(
        value, "the default overflow placement '\(overflow.name)' has no share in demand.placements",
        expected: "overflow: naming the placement that takes plans beyond capacity")
    }
    return PlacesSpec(overflow: overflow, settings: settings)
  }

  /// Reads one setting's capacity, openings and closures, checking capacity never goes below zero.
  private func setting(
    _ value: Located, groups: [GroupDimension: [String: Double]], nested: Bool = false
  ) -> SettingCapacity? {
    guard let map = reader.mapping(value, expected: "a mapping with capacity, openings and closures") else {
      return nil
    }
    map.rejectUnknownKeys(allowed: nested ? Self.needCapacityKeys : Self.settingKeys)
    var byGroup: [GroupDimension: [String: SettingCapacity]] = [:]
    for dimension in GroupDimension.allCases where !nested {
      guard let node = map.value(dimension.key),
        let groupMap = reader.mapping(
          node,
          expected: "capacity by \(dimension.noun), such as \(dimension == .need ? "ASD" : "primary"): {capacity: 40}")
      else { continue }
      let known = (groups[dimension] ?? [:]).keys.sorted()
      for entry in groupMap.entries {
        guard known.contains(entry.key) else {
          reader.report(
            at: entry.keyMark, field: entry.value.path,
            "\(dimension.noun) '\(entry.key)' has no share in demand.\(dimension.key)\(Suggestion.hint(for: entry.key, among: known))",
            expected: known.isEmpty
              ? "demand.\(dimension.key) giving the share of plans by \(dimension.rawValue)"
              : "one of: \(known.joined(separator: ", "))")
          continue
        }
        if let capacity = setting(entry.value, groups: groups, nested: true) {
          byGroup[dimension, default: [:]][entry.key] = capacity
        }
      }
    }
    let capacity = map.value("capacity", required: true, expected: "places available in the first year").flatMap {
      reader.scalar($0, expected: "a whole number of places", FriendlyValues.count)
    }
    let openings = map.value("openings").flatMap { countsByYear($0, what: "openings") } ?? [:]
    let closures = map.value("closures").flatMap { countsByYear($0, what: "closures") } ?? [:]
    guard let capacity else { return nil }
    let setting = SettingCapacity(
      base: capacity, openings: openings, closures: closures, byNeed: byGroup[.need] ?? [:],
      byPhase: byGroup[.phase] ?? [:])
    if let years, let node = map.value("closures"),
      let year = Array(years.lowerBound...years.upperBound).first(where: { setting.capacity(in: $0) < 0 })
    {
      reader.report(
        node,
        "closures take capacity below zero in \(year) (\(FixedPoint.format(setting.capacity(in: year), places: 0)) places)",
        expected: "closures no larger than the places open at the time")
    }
    return setting
  }

  /// A mapping of financial year to a whole number of places, years inside the scenario.
  private func countsByYear(_ value: Located, what: String) -> [FinancialYear: Double]? {
    byFinancialYear(
      value, expected: "places by financial year, such as 2022-23: 120", twice: "\(what) for %@ are given twice"
    ) { reader.scalar($0, expected: "a whole number of places", FriendlyValues.count) }
  }
}
