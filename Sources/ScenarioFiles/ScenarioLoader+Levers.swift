import HighNeeds
import Foundation

extension SectionReader {
  static let commonLeverKeys = ["name", "type", "start", "end", "ramp"]
  static let leverKeys: [LeverType: [String]] = [
    .movePlacements: ["from", "to", "plans_per_year", "capped_by_places"],
    .demandGrowth: ["change"],
    .unitCost: ["placement", "change"],
    .blockTransfer: ["amount", "percent", "schools_block"],
    .extraFunding: ["amounts"],
    .oneOffSaving: ["amounts"],
    .newPlans: ["change"],
    .newPlacementShare: ["placement", "change"],
    .ceasingRate: ["band", "change"],
  ]

  /// Reads `levers:`, a list of levers; each is checked against the placements that have costs.
  func levers(_ value: Located, costed: [String]?) -> [Lever] {
    guard case .sequence(let items, _) = value.node else {
      reader.report(value, "found \(value.kindDescription)", expected: "a list of levers, each starting with '- name:'")
      return []
    }
    var levers: [Lever] = []
    var names: Set<String> = []
    for (index, item) in items.enumerated() {
      let located = Located(node: item, path: "levers[\(index)]")
      guard let lever = lever(located, costed: costed) else { continue }
      if names.contains(lever.name) {
        reader.report(located, "a second lever is called '\(lever.name)'", expected: "a unique name for each lever")
        continue
      }
      names.insert(lever.name)
      levers.append(lever)
    }
    return levers
  }

  private func lever(_ value: Located, costed: [String]?) -> Lever? {
    guard let map = reader.mapping(value, expected: "a lever: name, type, start and its settings") else { return nil }
    let type = map.value("type", required: true, expected: "one of: \(LeverType.names.joined(separator: ", "))")
      .flatMap(leverType)
    guard let type, let specific = Self.leverKeys[type] else { return nil }
    map.rejectUnknownKeys(allowed: Self.commonLeverKeys + specific)
    let name = map.value("name").flatMap { reader.text($0, expected: "a name for the lever") } ?? type.rawValue
    let amountsOnly = type == .extraFunding || type == .oneOffSaving
    let start = map.value("start", required: !amountsOnly, expected: "the first financial year the lever acts in")
      .flatMap {
        yearInRange($0)
      }
    let end = map.value("end").flatMap { yearInRange($0) }
    if let start, let end, end < start, let node = map.value("end") {
      reader.report(
        node, "the lever ends (\(end)) before it starts (\(start))", expected: "an end year of \(start) or later")
    }
    let ramp = map.value("ramp").flatMap(rampFractions) ?? [1]

    var sizeLocation: SourceLocation?
    let kind = leverKind(type, map, costed: costed, sizeLocation: &sizeLocation)
    guard let kind else { return nil }
    if kind.isFlowLever, !usesCohort, let node = map.value("type") {
      reader.report(
        node, "a \(type.rawValue) lever changes the cohort model's flows, and demand.model is not cohort",
        expected: "demand.model: cohort, or a demand_growth lever for the trend models")
      return nil
    }
    let firstYear: FinancialYear? = {
      if case .extraFunding(let amounts) = kind { return amounts.keys.min() }
      if case .oneOffSaving(let amounts) = kind { return amounts.keys.min() }
      return nil
    }()
    guard let begins = start ?? firstYear ?? years?.lowerBound else { return nil }
    return Lever(name: name, kind: kind, start: begins, end: end, ramp: ramp, sizeLocation: sizeLocation)
  }

  /// Reads a lever's `type:`, with a "did you mean" for an unknown one.
  private func leverType(_ node: Located) -> LeverType? {
    guard let name = reader.text(node, expected: "a lever type") else { return nil }
    guard let type = LeverType(rawValue: name) else {
      reader.report(
        node, "unknown lever type '\(name)'\(Suggestion.hint(for: name, among: LeverType.names))",
        expected: "one of: \(LeverType.names.joined(separator: ", "))")
      return nil
    }
    return type
  }

  /// Reads a lever's `ramp:`, fractions of full size in successive active years.
  private func rampFractions(_ node: Located) -> [Double]? {
    if case .sequence(let steps, _) = node.node, !steps.isEmpty {
      return steps.enumerated().compactMap { offset, step in
        let located = Located(node: step, path: "\(node.path)[\(offset)]")
        guard let fraction = reader.scalar(located, expected: FriendlyValues.shareForms, FriendlyValues.share) else {
          return nil
        }
        guard (0...1).contains(fraction) else {
          reader.report(
            located, "a ramp step of \(FixedPoint.format(fraction * 100, places: 1))% is out of range",
            expected: "between 0% and 100% of the lever's size")
          return nil
        }
        return fraction
      }
    } else {
      reader.report(
        node, "found \(node.kindDescription)",
        expected: "a list of fractions of full size by year, such as [50%, 100%]")
      return nil
    }
  }

  /// What a lever of `type` does, from its own keys; nil (with the problems reported) when they
  /// cannot be read.
  private func leverKind(
    _ type: LeverType, _ map: MappingView, costed: [String]?, sizeLocation: inout SourceLocation?
  ) -> LeverKind? {
    switch type {
    case .movePlacements:
      return movePlacements(map, costed: costed, sizeLocation: &sizeLocation)
    case .demandGrowth:
      let node = map.value("change", required: true, expected: "the change in growth a year, such as -2%")
      sizeLocation = node?.mark
      return node.flatMap { rate($0, within: -0.5...0.5, what: "a change in growth") }.map { .demandGrowth(change: $0) }
    case .unitCost:
      return unitCost(map, costed: costed, sizeLocation: &sizeLocation)
    case .blockTransfer:
      return blockTransfer(map, sizeLocation: &sizeLocation).map { .blockTransfer($0) }
    case .newPlans, .newPlacementShare, .ceasingRate:
      return flowLever(type, map, costed: costed, sizeLocation: &sizeLocation)
    case .extraFunding, .oneOffSaving:
      let amounts = map.value("amounts", required: true, expected: "amounts by financial year, such as 2021-22: £1m")
        .flatMap {
          yearMap($0, what: "amount") { money($0, allowNegative: false, atLeast: 100) }
        }
      return amounts.map { type == .extraFunding ? .extraFunding($0) : .oneOffSaving($0) }
    }
  }

  /// `move_placements`: from, to, plans_per_year and capped_by_places.
  private func movePlacements(_ map: MappingView, costed: [String]?, sizeLocation: inout SourceLocation?) -> LeverKind? {
    let from = map.value("from", required: true, expected: "the placement plans move from").flatMap {
      costedPlacement($0, costed: costed)
    }
    let to = map.value("to", required: true, expected: "the placement plans move to").flatMap {
      costedPlacement($0, costed: costed)
    }
    if let from, let to, from == to, let node = map.value("to") {
      reader.report(node, "plans move from and to the same placement", expected: "two different placements")
    }
    let plansNode = map.value("plans_per_year", required: true, expected: "the number of plans moved each year")
    sizeLocation = plansNode?.mark
    let plans = plansNode.flatMap { node -> Double? in
      reader.scalar(node, expected: "a number of plans a year, zero or more") { text in
        guard let number = FriendlyValues.plainNumber(text.trimmingCharacters(in: .whitespaces)) else {
          if text.trimmingCharacters(in: .whitespaces).hasPrefix("-") {
            throw ValueProblem(problem: "'\(text)' is negative", expected: "a number of plans a year, zero or more")
          }
          throw ValueProblem(problem: "'\(text)' is not a number", expected: "a number of plans a year, zero or more")
        }
        guard number <= FriendlyValues.countLimit else {
          throw ValueProblem(problem: "'\(text)' is too large", expected: "fewer than 10,000,000 plans")
        }
        return number
      }
    }
    let capped =
      map.value("capped_by_places").flatMap { node in
        reader.scalar(node, expected: "true or false") { text -> Bool in
          switch text.lowercased() {
          case "true", "yes", "on": return true
          case "false", "no", "off": return false
          default: throw ValueProblem(problem: "'\(text)' is not true or false", expected: "true or false")
          }
        }
      } ?? true
    guard let from, let to, let plans else { return nil }
    return .movePlacements(from: from, to: to, plansPerYear: plans, cappedByPlaces: capped)
  }

  /// `unit_cost`: the placement and a change in percent or pounds.
  private func unitCost(_ map: MappingView, costed: [String]?, sizeLocation: inout SourceLocation?) -> LeverKind? {
    let target = map.value("placement", required: true, expected: "the placement whose cost changes").flatMap {
      costedPlacement($0, costed: costed)
    }
    let node = map.value("change", required: true, expected: "a change such as -5% or -£2,000")
    sizeLocation = node?.mark
    let change = node.flatMap { node in
      reader.scalar(node, expected: "a change such as -5% or -£2,000") { text -> (Double, Bool) in
        if text.contains("%") { return (try FriendlyValues.share(text), true) }
        if text.contains("£") || text.lowercased().hasSuffix("k") || text.lowercased().hasSuffix("m") {
          return (try FriendlyValues.money(text), false)
        }
        throw ValueProblem(
          problem: "'\(text)' is neither a percentage nor an amount", expected: "a change such as -5% or -£2,000")
      }
    }
    if let (value, isPercent) = change, isPercent, value < -1, let node {
      reader.report(node, "a cut of more than 100% leaves a negative cost", expected: "a change of -100% or more")
    }
    guard let target, let (value, isPercent) = change else { return nil }
    return .unitCost(placement: target, change: value, isPercent: isPercent)
  }

  private func blockTransfer(_ map: MappingView, sizeLocation: inout SourceLocation?) -> BlockTransfer? {
    let amountNode = map.value("amount")
    let percentNode = map.value("percent")
    let block = map.value("schools_block").flatMap { money($0, allowNegative: false, positive: true, atLeast: 100_000) }
    switch (amountNode, percentNode) {
    case (let amount?, nil):
      sizeLocation = amount.mark
      return money(amount, allowNegative: false, atLeast: 100).map {
        BlockTransfer(size: $0, isPercent: false, schoolsBlock: block.map(Pounds.init))
      }
    case (nil, let percent?):
      sizeLocation = percent.mark
      guard let fraction = rate(percent, within: 0...0.1, what: "a transfer") else { return nil }
      guard let block else {
        reader.report(
          percent, "a percentage transfer needs the Schools Block it is taken from",
          expected: "schools_block: the Schools Block allocation, such as £180m")
        return nil
      }
      return BlockTransfer(size: fraction, isPercent: true, schoolsBlock: Pounds(block))
    case (_?, let percent?):
      reader.report(percent, "both amount and percent are given", expected: "either amount or percent")
      return nil
    case (nil, nil):
      reader.report(
        map.owner, "a block transfer needs its size",
        expected: "amount: (such as £1m) or percent: (such as 0.5%) with schools_block:")
      return nil
    }
  }

  /// A financial year inside the scenario's years.
  private func yearInRange(_ node: Located) -> FinancialYear? {
    guard let year = reader.scalar(node, expected: FriendlyValues.yearForms, FriendlyValues.financialYear) else {
      return nil
    }
    if let years, !years.contains(year) {
      reader.report(
        node, "\(year) is outside the scenario's years \(years.lowerBound) to \(years.upperBound)",
        expected: "a year from \(years.lowerBound) to \(years.upperBound)")
      return nil
    }
    return year
  }

  /// A placement that has a cost in `costs.per_plan`.
  func costedPlacement(_ node: Located, costed: [String]?) -> Placement? {
    guard let name = reader.text(node, expected: "a placement name") else { return nil }
    if let costed, !costed.contains(name) {
      reader.report(
        node, "placement '\(name)' has no cost in costs.per_plan\(Suggestion.hint(for: name, among: costed))",
        expected: "one of: \(costed.joined(separator: ", "))")
      return nil
    }
    return Placement(name)
  }
}
