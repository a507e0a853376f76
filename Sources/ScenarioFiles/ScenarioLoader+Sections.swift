import HighNeeds
import Forecasting
import Foundation

/// Reads the `demand`, `costs`, `funding` and `reserve` sections of a scenario.
struct SectionReader {
  let reader: NodeReader
  /// The ledger's years, when they could be read: keyed years must fall inside them.
  let years: ClosedRange<FinancialYear>?

  static let demandKeys = [
    "census", "authorities", "model", "growth", "placements", "placement_trend", "needs", "phases",
  ]
  static let costKeys = ["per_plan", "price_year", "inflation", "other"]
  static let fundingKeys = ["high_needs_block", "growth", "block_transfers", "other_income", "dsg_total"]
  static let reserveKeys = ["opening", "outturn"]

  // MARK: demand

  func demand(_ value: Located, locations: inout [String: SourceLocation]) -> DemandSpec? {
    guard let map = reader.mapping(value, expected: "a mapping with census, model and placements") else { return nil }
    map.rejectUnknownKeys(allowed: Self.demandKeys)
    for entry in map.entries { locations[entry.value.path] = reader.location(entry.value.mark) }

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
    } else if let node = map.value(
      "census", required: true, expected: "plans at each January census, such as 2020: 2500 (or authorities:)")
    {
      census = censusCounts(node)
    }

    let allowedModels = ForecastModel.allCases.map(\.rawValue)
    var model = ForecastModel.auto
    if let node = map.value("model") {
      let expected = "one of: \(allowedModels.joined(separator: ", "))"
      if let name = reader.text(node, expected: expected) {
        if let chosen = ForecastModel(rawValue: name) {
          model = chosen
        } else {
          reader.report(
            node, "unknown forecasting model '\(name)'\(Suggestion.hint(for: name, among: allowedModels))",
            expected: expected)
        }
      }
    }

    var growth: Double?
    if let node = map.value("growth") {
      growth = rate(node, within: -0.5...0.5, what: "growth of plans")
      if let modelNode = map.value("model") {
        reader.report(
          modelNode, "both model and growth are given",
          expected: "either a fitted model (model:) or a constant growth rate (growth:), not both")
      }
    }

    let placements = map.value("placements", required: true, expected: "the share of plans in each placement").flatMap {
      shares($0)
    }
    var trend: [Placement: Double] = [:]
    if let node = map.value("placement_trend"),
      let trendMap = reader.mapping(
        node, expected: "percentage points a year by placement, such as independent_special: 0.5%")
    {
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
    }
    let needs = map.value("needs").flatMap { groupShares($0, dimension: .need) } ?? [:]
    let phases = map.value("phases").flatMap { groupShares($0, dimension: .phase) } ?? [:]
    guard let census, let placements else { return nil }
    return DemandSpec(
      census: census, model: model, growth: growth, placements: placements, placementTrend: trend, needs: needs,
      phases: phases, authorities: authorities)
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

  func costs(_ value: Located, placements: [Placement: Double]?, locations: inout [String: SourceLocation]) -> CostSpec?
  {
    guard let map = reader.mapping(value, expected: "a mapping with per_plan, price_year, inflation and other") else {
      return nil
    }
    map.rejectUnknownKeys(allowed: Self.costKeys)
    for entry in map.entries { locations[entry.value.path] = reader.location(entry.value.mark) }
    var perPlan: [Placement: Pounds]?
    if let node = map.value("per_plan", required: true, expected: "the annual cost per plan of each placement"),
      let costs = reader.mapping(
        node, expected: "the annual cost per plan of each placement, such as maintained_special: £21,000")
    {
      var read: [Placement: Pounds] = [:]
      let known = placements.map { $0.keys.map(\.name).sorted() }
      for entry in costs.entries {
        if let known, !known.contains(entry.key) {
          reader.report(
            at: entry.keyMark, field: entry.value.path,
            "cost given for '\(entry.key)', which has no share in demand.placements\(Suggestion.hint(for: entry.key, among: known))\(Suggestion.flowCommaHint(for: entry.key))",
            expected: "one of: \(known.joined(separator: ", "))")
          continue
        }
        if let amount = money(entry.value, allowNegative: false, atLeast: 100) {
          read[Placement(entry.key)] = Pounds(amount)
        }
      }
      if let known {
        for name in known where !costs.entries.contains(where: { $0.key == name }) {
          reader.report(
            node, "no cost for placement '\(name)'",
            expected: "a cost per plan for every placement in demand.placements")
        }
      }
      perPlan = read
    }
    let priceYear =
      map.value("price_year").flatMap {
        reader.scalar($0, expected: FriendlyValues.yearForms, FriendlyValues.financialYear)
      }
      ?? years?.lowerBound ?? FinancialYear(startYear: 2000)
    let inflation = map.value("inflation").flatMap { rate($0, within: -0.5...0.5, what: "inflation") } ?? 0
    let other = map.value("other").flatMap { money($0, allowNegative: false, atLeast: 100) } ?? 0
    guard let perPlan else { return nil }
    return CostSpec(perPlan: perPlan, priceYear: priceYear, inflation: inflation, other: Pounds(other))
  }

  // MARK: funding and reserve

  func funding(_ value: Located, locations: inout [String: SourceLocation]) -> FundingSpec? {
    guard
      let map = reader.mapping(
        value, expected: "a mapping with high_needs_block, growth, block_transfers, other_income and dsg_total")
    else { return nil }
    map.rejectUnknownKeys(allowed: Self.fundingKeys)
    for entry in map.entries { locations[entry.value.path] = reader.location(entry.value.mark) }
    let block = map.value(
      "high_needs_block", required: true, expected: "the allocation by year, such as 2019-20: £38.226m"
    ).flatMap {
      yearMap($0, what: "allocation") { money($0, allowNegative: false, positive: true, atLeast: 100_000) }
    }
    if let node = map.value("high_needs_block"), case .mapping(let given, _) = node.node, given.isEmpty {
      reader.report(node, "no allocations given", expected: "at least one year, such as 2019-20: £38.226m")
    }
    let growth = map.value("growth").flatMap { rate($0, within: -0.5...1, what: "growth") } ?? 0
    let transfers =
      map.value("block_transfers").flatMap {
        yearMap($0, what: "transfer") { money($0, allowNegative: false, atLeast: 100) }
      } ?? [:]
    let income =
      map.value("other_income").flatMap {
        yearMap($0, what: "income") { money($0, allowNegative: false, atLeast: 100) }
      } ?? [:]
    var dsg: [FinancialYear: Pounds] = [:]
    if let node = map.value("dsg_total") {
      if case .mapping = node.node {
        dsg =
          yearMap(node, what: "total DSG") { money($0, allowNegative: false, positive: true, atLeast: 100_000) } ?? [:]
      } else if let amount = money(node, allowNegative: false, positive: true, atLeast: 100_000),
        let first = years?.lowerBound
      {
        dsg = [first: Pounds(amount)]
      }
    }
    guard let block else { return nil }
    return FundingSpec(
      highNeedsBlock: block, growth: growth, blockTransfers: transfers, otherIncome: income, dsgTotal: dsg)
  }

  func reserve(_ value: Located, locations: inout [String: SourceLocation]) -> ReserveSpec {
    guard let map = reader.mapping(value, expected: "a mapping with opening and outturn") else {
      return ReserveSpec(opening: .zero, outturn: [:])
    }
    map.rejectUnknownKeys(allowed: Self.reserveKeys)
    for entry in map.entries { locations[entry.value.path] = reader.location(entry.value.mark) }
    let opening = map.value("opening").flatMap { money($0, allowNegative: true) } ?? 0
    let outturn =
      map.value("outturn").flatMap { yearMap($0, what: "outturn") { money($0, allowNegative: true, atLeast: 100) } }
      ?? [:]
    return ReserveSpec(opening: Pounds(opening), outturn: outturn)
  }

  // MARK: values

  /// Reads money, refusing negatives unless allowed and zero when `positive`.
  ///
  /// `atLeast` catches a missing unit: an amount that is not zero but smaller than it in size
  /// (a High Needs Block of £38.226, a cost per plan of £21) is reported as probably meaning
  /// millions or thousands.
  func money(_ value: Located, allowNegative: Bool, positive: Bool = false, atLeast: Double? = nil) -> Double? {
    guard let amount = reader.scalar(value, expected: FriendlyValues.moneyForms, FriendlyValues.money) else {
      return nil
    }
    if !allowNegative, amount < 0 {
      reader.report(value, "the amount is negative", expected: "an amount of zero or more")
      return nil
    }
    if positive, amount <= 0 {
      reader.report(value, "the amount is zero", expected: "an amount greater than zero")
      return nil
    }
    if let atLeast, amount != 0, abs(amount) < atLeast {
      let text = value.scalarText ?? ""
      reader.report(
        value, "'\(text)' is only £\(FixedPoint.format(abs(amount), places: 2)): a unit seems to be missing",
        expected:
          "the unit written out, such as £\(text.trimmingCharacters(in: CharacterSet(charactersIn: "£-+ ")))m or £\(text.trimmingCharacters(in: CharacterSet(charactersIn: "£-+ ")))k"
      )
      return nil
    }
    return amount
  }

  /// Reads a rate (growth, inflation) and checks it is plausible.
  func rate(_ value: Located, within range: ClosedRange<Double>, what: String) -> Double? {
    guard let rate = reader.scalar(value, expected: FriendlyValues.shareForms, FriendlyValues.share) else { return nil }
    guard range.contains(rate) else {
      reader.report(
        value, "\(what) of \(FixedPoint.format(rate * 100, places: 1))% a year is out of range",
        expected:
          "between \(FixedPoint.format(range.lowerBound * 100, places: 0))% and \(FixedPoint.format(range.upperBound * 100, places: 0))% a year"
      )
      return nil
    }
    return rate
  }

  /// Reads a mapping of money keyed by financial year (see `byFinancialYear`).
  func yearMap(_ value: Located, what: String, _ amount: (Located) -> Double?) -> [FinancialYear: Pounds]? {
    byFinancialYear(
      value, expected: "amounts by financial year, such as 2019-20: £38.226m", twice: "\(what) for %@ is given twice"
    ) { amount($0).map(Pounds.init) }
  }

  /// Reads a mapping keyed by financial year, checking each year is inside the ledger and
  /// given once; `twice` is the message for a repeated year, `%@` standing for the year.
  func byFinancialYear<Value>(
    _ value: Located, expected: String, twice: String, _ read: (Located) -> Value?
  ) -> [FinancialYear: Value]? {
    guard let map = reader.mapping(value, expected: expected) else { return nil }
    var result: [FinancialYear: Value] = [:]
    for entry in map.entries {
      let keyNode = Located(
        node: .scalar(entry.key, plain: true, at: entry.keyMark), path: entry.value.path, mark: entry.keyMark)
      guard let year = reader.scalar(keyNode, expected: FriendlyValues.yearForms, FriendlyValues.financialYear) else {
        continue
      }
      if let years, !years.contains(year) {
        reader.report(
          keyNode, "\(year) is outside the scenario's years \(years.lowerBound) to \(years.upperBound)",
          expected: "a year from \(years.lowerBound) to \(years.upperBound)")
        continue
      }
      if result[year] != nil {
        reader.report(keyNode, twice.replacingOccurrences(of: "%@", with: "\(year)"), expected: "each year once")
        continue
      }
      if let parsed = read(entry.value) { result[year] = parsed }
    }
    return result
  }
}
