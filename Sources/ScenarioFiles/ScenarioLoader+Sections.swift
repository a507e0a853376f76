import HighNeeds
import Forecasting
import Foundation

/// Reads the `demand`, `costs`, `funding` and `reserve` sections of a scenario.
struct SectionReader {
  let reader: NodeReader
  /// The ledger's years, when they could be read: keyed years must fall inside them.
  let years: ClosedRange<FinancialYear>?
  /// True when `demand.model` is `cohort` (flow levers and phase costs need it).
  var usesCohort = false

  static let demandKeys = [
    "census", "authorities", "model", "growth", "placements", "placement_trend", "needs", "phases", "authority", "population",
  ]
  static let costKeys = ["per_plan", "price_year", "inflation", "other", "per_plan_by_phase"]
  static let fundingKeys = ["high_needs_block", "growth", "block_transfers", "other_income", "dsg_total"]
  static let reserveKeys = ["opening", "outturn"]

  func costs(
    _ value: Located, placements: [Placement: Double]?, phases: [String] = [], locations: inout [String: SourceLocation]
  ) -> CostSpec? {
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
    var spec = CostSpec(perPlan: perPlan, priceYear: priceYear, inflation: inflation, other: Pounds(other))
    if let node = map.value("per_plan_by_phase") {
      spec.perPlanByPhase = costsByPhase(node, costed: perPlan.keys.map(\.name).sorted(), phases: phases)
    }
    return spec
  }

  /// Reads `costs.per_plan_by_phase`: for some costed placements, a cost per plan by phase.
  func costsByPhase(_ node: Located, costed: [String], phases: [String]) -> [Placement: [String: Pounds]] {
    let expected = "costs by placement and phase, such as maintained_special: {primary: £20,000, secondary: £26,000}"
    guard let table = reader.mapping(node, expected: expected) else { return [:] }
    guard !phases.isEmpty else {
      reader.report(
        node, "costs by phase need each placement's plans by phase, and this scenario has none",
        expected: "demand.model: cohort (plans by age band, so by phase), or demand.phases")
      return [:]
    }
    var result: [Placement: [String: Pounds]] = [:]
    for entry in table.entries {
      guard costed.contains(entry.key) else {
        reader.report(
          at: entry.keyMark, field: entry.value.path,
          "'\(entry.key)' has no cost in costs.per_plan\(Suggestion.hint(for: entry.key, among: costed))",
          expected: "a placement of costs.per_plan (its cost there is the default for phases not given here)")
        continue
      }
      guard
        let byPhase = reader.mapping(
          entry.value, expected: "the cost per plan by phase, such as {primary: £20,000, secondary: £26,000}")
      else { continue }
      var costs: [String: Pounds] = [:]
      for phase in byPhase.entries {
        guard phases.contains(phase.key) else {
          reader.report(
            at: phase.keyMark, field: phase.value.path,
            "'\(phase.key)' is not a phase of this scenario\(Suggestion.hint(for: phase.key, among: phases))",
            expected: "one of: \(phases.joined(separator: ", "))")
          continue
        }
        if let amount = money(phase.value, allowNegative: false, atLeast: 100) { costs[phase.key] = Pounds(amount) }
      }
      result[Placement(entry.key)] = costs
    }
    return result
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
        // Negative allowed: init's reconciling income (a calibration) is negative where the s251
        // lines count less spend than the block and the published deficit movement imply.
        yearMap($0, what: "income") { money($0, allowNegative: true, atLeast: 100) }
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
