import Forecasting
import Foundation
import HighNeeds

/// Reads the `demand` section: census counts (one series or one per authority), the model or a
/// constant growth, and the shares by placement, need and phase.
extension SectionReader {

  func demand(_ value: Located, locations: inout [String: SourceLocation]) -> DemandSpec? {
    guard let map = reader.mapping(value, expected: "a mapping with census, model and placements") else { return nil }
    map.rejectUnknownKeys(allowed: Self.demandKeys)
    for entry in map.entries { locations[entry.value.path] = reader.location(entry.value.mark) }

    let usesCohort = map.value("model").map(isCohortModel) ?? false
    let censusNode = map.value("census")
    let authoritiesNode = map.value("authorities")
    var census: [CensusYear: Double]?
    var authorities: [AuthorityCensus] = []
    if censusNode != nil, let authoritiesNode {
      reader.report(
        authoritiesNode, "both census and authorities are given",
        expected:
          "either one census series (census:) or one per authority (authorities:), not both"
      )
    } else if let authoritiesNode {
      if let read = authorityCensuses(authoritiesNode, locations: &locations) {
        authorities = read
        census = Self.sumByYear(read)
      }
    } else if usesCohort {
      // The cohort model's counts come from the store; any given here are replaced by them.
      census = censusNode.flatMap(censusCounts) ?? [:]
    } else if let node = map.value(
      "census", required: true, expected: "plans at each January census, such as 2020: 2500 (or authorities:)")
    {
      census = censusCounts(node)
    }

    let model = usesCohort ? .auto : map.value("model").flatMap(forecastModel) ?? .auto
    var growth: Double?
    if let node = map.value("growth") {
      growth = rate(node, within: -0.5...0.5, what: "growth of plans")
      if let modelNode = map.value("model") {
        reader.report(
          modelNode, "both model and growth are given",
          expected: "either a fitted model (model:) or a constant growth rate (growth:), not both")
      }
    }

    if usesCohort {
      return cohortDemand(map, census: census, authorities: authorities)
    }
    if let node = map.value("population") {
      reader.report(
        node, "demand.population scales the cohort model's new plans, and demand.model is not cohort",
        expected: "demand.model: cohort, or forecast --population for a trend per head")
    }
    if let node = map.value("authority") {
      reader.report(
        node, "demand.authority names the store's authority for the cohort model, and demand.model is not cohort",
        expected: "demand.model: cohort, or no demand.authority")
    }
    let placements = map.value("placements", required: true, expected: "the share of plans in each placement").flatMap {
      shares($0)
    }
    let trend = map.value("placement_trend").map { placementTrend($0, placements: placements) } ?? [:]
    let needs = map.value("needs").flatMap { groupShares($0, dimension: .need) } ?? [:]
    let phases = map.value("phases").flatMap { groupShares($0, dimension: .phase) } ?? [:]
    guard let census, let placements else { return nil }
    return DemandSpec(
      census: census, model: model, growth: growth, placements: placements, placementTrend: trend, needs: needs,
      phases: phases, authorities: authorities)
  }

  /// True when `demand.model` names the cohort-flow model.
  func isCohortModel(_ node: Located) -> Bool {
    if case .scalar(let text, _, _) = node.node { return text.trimmingCharacters(in: .whitespaces) == "cohort" }
    return false
  }

  /// The rest of `demand` with `model: cohort`: the placement and phase mixes come from the
  /// store's SEN2 cells, so they may not be given; `authority` names the store's authority.
  func cohortDemand(_ map: MappingView, census: [CensusYear: Double]?, authorities: [AuthorityCensus]) -> DemandSpec? {
    for key in ["placements", "placement_trend", "phases", "authorities"] {
      guard let node = map.value(key) else { continue }
      reader.report(
        node, "demand.\(key) is not used with model: cohort (the cohort model takes it from the store's SEN2 plans by age and placement)",
        expected: "no demand.\(key) with model: cohort, or another model")
    }
    let authority = map.value("authority").flatMap { reader.text($0, expected: "the authority's name in the store") }
    let needs = map.value("needs").flatMap { groupShares($0, dimension: .need) } ?? [:]
    let population = map.value("population").flatMap { node in
      reader.text(node, expected: "the path of an ONS population projection CSV").map {
        ScenarioLoader.resolve($0, against: node.mark.file)
      }
    }
    guard authorities.isEmpty else { return nil }
    var spec = DemandSpec(census: census ?? [:], model: .auto, placements: [:], placementTrend: [:], needs: needs)
    spec.usesCohort = true
    spec.cohortAuthority = authority
    spec.populationFile = population
    return spec
  }

  /// Reads `demand.model`: one of the Forecasting module's models, with a "did you mean".
  func forecastModel(_ node: Located) -> ForecastModel? {
    let allowedModels = ForecastModel.allCases.map(\.rawValue) + ["cohort"]
    let expected = "one of: \(allowedModels.joined(separator: ", "))"
    guard let name = reader.text(node, expected: expected) else { return nil }
    guard let chosen = ForecastModel(rawValue: name) else {
      reader.report(
        node, "unknown forecasting model '\(name)'\(Suggestion.hint(for: name, among: allowedModels))",
        expected: expected)
      return nil
    }
    return chosen
  }

  /// Reads `demand.placement_trend`: a change in share a year for placements that have a share.
  func placementTrend(_ node: Located, placements: [Placement: Double]?) -> [Placement: Double] {
    var trend: [Placement: Double] = [:]
    guard
      let trendMap = reader.mapping(
        node, expected: "percentage points a year by placement, such as independent_special: 0.5%")
    else { return trend }
    for entry in trendMap.entries {
      guard let known = placements?.keys.map(\.name) else { continue }
      guard known.contains(entry.key) else {
        reader.report(
          at: entry.keyMark, field: entry.value.path,
          "'\(entry.key)' has no share in demand.placements\(Suggestion.hint(for: entry.key, among: known))",
          expected: "one of: \(known.sorted().joined(separator: ", "))")
        continue
      }
      if let change = reader.scalar(
        entry.value, expected: "a change a year such as 0.5% or -1%", FriendlyValues.share)
      {
        if abs(change) > 0.2 {
          reader.report(
            entry.value, "a trend of \(FixedPoint.format(change * 100, places: 1)) points a year is implausible",
            expected: "between -20% and 20% a year")
        } else {
          trend[Placement(entry.key)] = change
        }
      }
    }
    return trend
  }

  /// Reads plans at each January census (`2020: 2500`), reporting every bad year or count.
  func censusCounts(_ node: Located) -> [CensusYear: Double]? {
    let expected = "plans at each January census, such as 2020: 2500"
    guard let counts = reader.mapping(node, expected: expected) else { return nil }
    var read: [CensusYear: Double] = [:]
    for entry in counts.entries {
      guard
        let year = reader.scalar(
          Located(
            node: .scalar(entry.key, plain: true, at: entry.keyMark), path: entry.value.path, mark: entry.keyMark),
          expected: "a calendar year such as 2020", FriendlyValues.censusYear)
      else { continue }
      if let count = reader.scalar(entry.value, expected: "a whole number of plans", FriendlyValues.count) {
        read[year] = count
      }
    }
    if counts.entries.isEmpty {
      reader.report(node, "no census counts given", expected: "at least one count, such as 2020: 2500")
    }
    return read
  }

  /// Reads `demand.authorities`: each authority's census counts, in file order. Every
  /// authority must give the same census years, so that their sum is a count for the whole
  /// area in each of those years.
  func authorityCensuses(_ node: Located, locations: inout [String: SourceLocation]) -> [AuthorityCensus]? {
    guard
      let map = reader.mapping(
        node, expected: "each authority's plans at each January census, such as Medway: {2019: 2126, 2020: 2296}")
    else { return nil }
    if map.entries.isEmpty {
      reader.report(node, "no authorities given", expected: "at least one, such as Medway: {2019: 2126, 2020: 2296}")
      return nil
    }
    var read: [AuthorityCensus] = []
    var complete = true
    for entry in map.entries {
      locations[entry.value.path] = entry.keyMark
      let name = entry.key.trimmingCharacters(in: .whitespaces)
      if name.isEmpty || ["~", "null", "Null", "NULL"].contains(name) {
        reader.report(
          at: entry.keyMark, field: entry.value.path, "an authority without a name",
          expected: "the authority's name before its counts, such as Medway: {2019: 2126, 2020: 2296}")
        complete = false
        continue
      }
      let reported = reader.issues.count
      // A series with a count that could not be read is incomplete: comparing its years with
      // the others' would only restate that problem.
      guard let counts = censusCounts(entry.value), reader.issues.count == reported else {
        complete = false
        continue
      }
      read.append(AuthorityCensus(name: entry.key, census: counts))
    }
    guard complete, !read.isEmpty else { return nil }
    // The years most authorities give are the reference (on a tie, the years of the authority
    // written first); each authority that differs is reported.
    var holders: [Set<CensusYear>: [String]] = [:]
    var order: [Set<CensusYear>] = []
    for authority in read {
      let years = Set(authority.census.keys)
      if holders[years] == nil { order.append(years) }
      holders[years, default: []].append(authority.name)
    }
    var years = order[0]
    for candidate in order.dropFirst() where (holders[candidate]?.count ?? 0) > (holders[years]?.count ?? 0) {
      years = candidate
    }
    let names = holders[years] ?? []
    var consistent = true
    for (authority, entry) in zip(read, map.entries) where Set(authority.census.keys) != years {
      consistent = false
      let others = names.count == 1 ? "'\(names[0])'" : "the other \(names.count) authorities"
      reader.report(
        entry.value,
        "'\(authority.name)' has counts for \(Self.describe(authority.census.keys)) but \(others) for \(Self.describe(years))",
        expected:
          "the same census years for every authority, so that their sum counts the whole area (merge the series of reorganised authorities into one)"
      )
    }
    return consistent ? read : nil
  }

  /// Census years listed compactly: `2010-2020`, or `2014, 2016-2020`.
  static func describe<Years: Sequence>(_ years: Years) -> String where Years.Element == CensusYear {
    var runs: [(CensusYear, CensusYear)] = []
    for year in years.sorted() {
      if let last = runs.last, last.1.distance(to: year) == 1 {
        runs[runs.count - 1].1 = year
      } else {
        runs.append((year, year))
      }
    }
    return runs.map { $0 == $1 ? "\($0)" : "\($0)-\($1)" }.joined(separator: ", ")
  }

  /// The authorities' counts added up census year by census year (every authority has the same years).
  static func sumByYear(_ authorities: [AuthorityCensus]) -> [CensusYear: Double] {
    var total: [CensusYear: Double] = [:]
    for authority in authorities {
      for (year, count) in authority.census { total[year, default: 0] += count }
    }
    return total
  }

  /// Reads the placement mix: names to shares in 0...100%, adding to 100% within half a point.
  func shares(_ value: Located) -> [Placement: Double]? {
    guard let map = reader.mapping(value, expected: "the share of plans in each placement, such as mainstream: 33%")
    else { return nil }
    guard !map.entries.isEmpty else {
      reader.report(value, "no placements given", expected: "at least one placement with its share")
      return nil
    }
    var result: [Placement: Double] = [:]
    var complete = true
    for entry in map.entries {
      guard isPlacementName(entry.key) else {
        reader.report(
          at: entry.keyMark, field: entry.value.path, "'\(entry.key)' is not a usable placement name",
          expected: "lower-case letters, digits and underscores, such as maintained_special")
        complete = false
        continue
      }
      guard let share = reader.scalar(entry.value, expected: FriendlyValues.shareForms, FriendlyValues.share) else {
        complete = false
        continue
      }
      guard (0...1).contains(share) else {
        reader.report(
          entry.value, "a share of \(FixedPoint.format(share * 100, places: 1))% is out of range",
          expected: "a share between 0% and 100%")
        complete = false
        continue
      }
      result[Placement(entry.key)] = share
    }
    let total = result.sumInKeyOrder
    if complete, abs(total - 1) > 0.005 {
      reader.report(
        value, "the shares add up to \(FixedPoint.format(total * 100, places: 1))%",
        expected: "shares adding up to 100% (within 0.5%)")
    }
    return complete ? result : nil
  }

  /// Reads a need or phase mix: group names (letters, digits, underscores) to shares adding to 100%.
  func groupShares(_ value: Located, dimension: GroupDimension) -> [String: Double]? {
    guard
      let map = reader.mapping(
        value, expected: "the share of plans by \(dimension.rawValue), such as \(dimension.example)")
    else {
      return nil
    }
    var result: [String: Double] = [:]
    var complete = true
    for entry in map.entries {
      guard isNeedName(entry.key) else {
        reader.report(
          at: entry.keyMark, field: entry.value.path, "'\(entry.key)' is not a usable \(dimension.noun) name",
          expected:
            "letters, digits and underscores, such as \(dimension == .need ? "ASD or SEMH" : "primary or post16")")
        complete = false
        continue
      }
      guard let share = reader.scalar(entry.value, expected: FriendlyValues.shareForms, FriendlyValues.share),
        (0...1).contains(share)
      else {
        if reader.issues.last?.field != entry.value.path {
          reader.report(entry.value, "a share outside 0% to 100%", expected: "a share between 0% and 100%")
        }
        complete = false
        continue
      }
      result[entry.key] = share
    }
    if complete, !result.isEmpty, abs(result.sumInKeyOrder - 1) > 0.005 {
      reader.report(
        value,
        "the \(dimension.rawValue) shares add up to \(FixedPoint.format(result.sumInKeyOrder * 100, places: 1))%",
        expected: "shares adding up to 100% (within 0.5%)")
    }
    return complete ? result : nil
  }

  func isNeedName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 60
      && name.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
      }
  }

  func isPlacementName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 60
      && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
  }

  // MARK: costs
}
