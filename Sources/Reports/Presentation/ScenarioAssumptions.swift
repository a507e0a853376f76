import HighNeeds
import Forecasting
import Projection
import ReportFormatting
import Workbook

/// The scenario's inputs as rows of the Assumptions sheet: input, value, source.
enum ScenarioAssumptions {
  /// Every input the ledger used, in the scenario's order of sections.
  static func rows(_ scenario: Scenario, calibration: Calibration?, sources: [String: String]) -> [Assumption] {
    var rows: [Assumption] = []
    func add(_ input: String, _ value: AssumptionValue, _ fields: [String]) {
      rows.append(Assumption(input: input, value: value, source: source(scenario, fields, sources)))
    }
    let demand = scenario.demand
    for census in demand.census.keys.sorted() {
      add(
        "Plans at the January \(census.year) census", .count(demand.census[census] ?? 0),
        ["demand.census.\(census.year)"])
    }
    if let growth = demand.growth {
      add("Growth in plans a year", .percent(growth), ["demand.growth"])
    } else {
      add("Demand model", .text(demand.model.rawValue), ["demand.model"])
    }
    for placement in demand.placementOrder {
      add(
        "Share of plans: \(name(placement))", .percent(demand.placements[placement] ?? 0),
        ["demand.placements.\(placement.name)"])
    }
    let costs = scenario.costs
    for placement in costs.perPlan.keys.sorted() {
      add(
        "Cost per plan: \(name(placement)) (\(costs.priceYear) prices)", .pounds(costs.perPlan[placement]?.value ?? 0),
        ["costs.per_plan.\(placement.name)"])
    }
    add("Cost inflation a year", .percent(costs.inflation), ["costs.inflation"])
    add("High needs spend not tied to a plan", .pounds(costs.other.value), ["costs.other"])
    let funding = scenario.funding
    for year in funding.highNeedsBlock.keys.sorted() {
      add(
        "High Needs Block allocation \(year)", .pounds(funding.highNeedsBlock[year]?.value ?? 0),
        yearFields("funding.high_needs_block", year))
    }
    add("Allocation growth a year after the last given", .percent(funding.growth), ["funding.growth"])
    for (label, key, amounts) in [
      ("Block transfer", "funding.block_transfers", funding.blockTransfers),
      ("Other income", "funding.other_income", funding.otherIncome),
      ("Total DSG", "funding.dsg_total", funding.dsgTotal),
    ] {
      for year in amounts.keys.sorted() {
        add("\(label) \(year)", .pounds(amounts[year]?.value ?? 0), yearFields(key, year))
      }
    }
    add(
      "DSG reserve at the start of \(scenario.years.lowerBound)", .pounds(scenario.reserve.opening.value),
      ["reserve.opening"])
    for year in scenario.reserve.outturn.keys.sorted() {
      add(
        "Outturn over (under) spend \(year)", .pounds(scenario.reserve.outturn[year]?.value ?? 0),
        yearFields("reserve.outturn", year))
    }
    if let calibration {
      add("Unit costs scaled to the \(calibration.year) outturn by", .count(calibration.factor), ["calibrate"])
    }
    for (setting, capacity) in (scenario.places?.settings ?? [:]).sorted(by: { $0.key < $1.key }) {
      add("Places: \(name(setting))", .count(capacity.base), ["places.settings.\(setting.name).capacity"])
    }
    for (index, lever) in scenario.levers.enumerated() {
      add(
        "Mitigation: \(lever.name) (\(DisplayName.of(lever.kind.type.rawValue)), from \(lever.start))",
        lever.size.map { .count($0) } ?? .text("as written"), ["levers.\(index)", "levers"])
    }
    return rows
  }

  /// The readable name of a placement.
  static func name(_ placement: Placement) -> String { DisplayName.of(placement.name) }

  /// A year key as `2019-20` and as `2019/20`: the file may spell it either way.
  static func yearFields(_ prefix: String, _ year: FinancialYear) -> [String] {
    let slash = String(year.description.map { $0 == "-" ? "/" : $0 })
    return ["\(prefix).\(year)", "\(prefix).\(slash)"]
  }

  /// The comment beside the first of `fields` found, with its file and line: a field the
  /// loader located, or a key (the last part of a field) found under its located parent.
  static func source(_ scenario: Scenario, _ fields: [String], _ sources: [String: String]) -> String {
    guard let location = fields.lazy.compactMap({ locate($0, scenario, sources) }).first else { return "scenario" }
    let file = location.file.split(separator: "/").last.map(String.init) ?? location.file
    let place = "\(file):\(location.line)"
    guard let text = sources[location.file], let comment = ScenarioComments.comment(atLine: location.line, in: text)
    else { return place }
    return "\(comment) (\(place))"
  }

  /// Where `field` is written: the loader's location, else its key's line under the parent's.
  static func locate(_ field: String, _ scenario: Scenario, _ sources: [String: String]) -> (file: String, line: Int)? {
    if let exact = scenario.locations[field] { return (exact.file, exact.line) }
    guard let dot = field.lastIndex(of: "."), let parent = scenario.locations[String(field[..<dot])],
      let text = sources[parent.file]
    else { return nil }
    let key = String(field[field.index(after: dot)...])
    return ScenarioComments.line(ofKey: [key], from: parent.line, in: text).map { (parent.file, $0) }
  }
}
