import FinanceData
import HighNeeds

/// An amount a scenario line is written with, and what it was read or derived from: one DfE
/// cell (``formula`` nil), or a derivation (formula with its numbers, the cells it used and any
/// counts from SEN2).
public struct MoneyAmount: Sendable {
  /// The amount in pounds.
  public let value: Double
  /// The published cells used.
  public let cells: [FinanceRecord]
  /// The computation written out, nil for a figure read from one cell.
  public let formula: String?
  /// Counts from outside the finance files (SEN2 plans), with where they were read.
  public let parameters: [DerivationParameter]

  /// A figure read from one cell; nil when the cell has no value.
  public init?(_ record: FinanceRecord) {
    guard let value = record.value else { return nil }
    self.init(value: value, cells: [record], formula: nil, parameters: [])
  }

  /// A derived figure.
  public init(_ figure: DerivedFigure) {
    self.init(value: figure.value, cells: figure.inputs, formula: figure.formula, parameters: figure.parameters)
  }

  init(value: Double, cells: [FinanceRecord], formula: String?, parameters: [DerivationParameter]) {
    self.value = value
    self.cells = cells
    self.formula = formula
    self.parameters = parameters
  }
}

/// The money `init` writes into a scenario: for one authority, its ``AuthorityMoney``; for a
/// reorganised authority's group (`--combine-lineage`), the members' money added up year by year
/// (predecessors before the change, successors after), each sum derived from the members' cells.
public struct ScenarioMoney: Sendable {
  /// The High Needs Block before deductions by financial year.
  public let highNeedsBlock: [FinancialYear: MoneyAmount]
  /// Total DSG before deductions by financial year.
  public let totalDSG: [FinancialYear: MoneyAmount]
  /// Opening reserves (derived), by the year they open.
  public let openingReserves: [FinancialYear: MoneyAmount]
  /// The year of the section 251 outturn the costs come from.
  public let outturnYear: FinancialYear?
  /// Cost per plan by scenario placement name (derived).
  public let unitCosts: [String: MoneyAmount]
  /// Placements whose cost could not be derived, with why.
  public let unitCostFailures: [String: String]
  /// Spend not tied to a placement (derived), nil when there is no outturn.
  public let otherSpend: MoneyAmount?
  /// Why some years or figures are absent for a group (a member the files do not give).
  public let notes: [String]
  /// The outturn year's spend against the block and the deficit movement (one authority only).
  public let outturnCheck: OutturnCheck?
  /// The outturn year's reconciling income (derived: ``OutturnCheck/reconcilingIncome``; for a
  /// group, the members' summed), nil when the balance table lacks the year's opening or closing
  /// balance (or the block or place funding): ``reconcilingNote`` then says why.
  public let reconcilingIncome: MoneyAmount?
  /// Why there is no reconciling income, when there is none.
  public let reconcilingNote: String?

  /// One authority's money.
  public init(_ money: AuthorityMoney) {
    highNeedsBlock = money.highNeedsBlock.compactMapValues(MoneyAmount.init)
    totalDSG = money.totalDSG.compactMapValues(MoneyAmount.init)
    openingReserves = money.openingReserves.mapValues(MoneyAmount.init)
    outturnYear = money.outturnYear
    unitCosts = money.unitCosts.mapValues(MoneyAmount.init)
    unitCostFailures = money.unitCostFailures
    otherSpend = money.otherSpend.map(MoneyAmount.init)
    notes = []
    outturnCheck = money.outturnCheck
    reconcilingIncome = money.outturnCheck.map { MoneyAmount($0.reconcilingIncome) }
    reconcilingNote = reconcilingIncome != nil ? nil : Self.noReconciling(money.outturnYear)
  }

  /// Why an outturn year has no reconciling income.
  static func noReconciling(_ year: FinancialYear?) -> String {
    guard let year else { return "no s251 outturn in the store" }
    return "the files do not give every figure of \(year) it needs (the DSG balance % at 31 March "
      + "\(year.startYear) and \(year.startYear + 1), the High Needs Block and the place deductions of \(year))"
  }

  /// A reorganisation group's money: for each financial year, the sum over the members that
  /// existed that year (predecessors before the April of `change`, successors from it) when
  /// every one of them has the figure; otherwise the year is absent (an assumption in the
  /// scenario) and ``notes`` says which member is missing. A unit cost is the members' summed
  /// s251 lines and place funding over their summed SEN2 plans.
  ///
  /// - Parameter members: each member's name, GSS code and money.
  public init(combining members: [(name: String, code: String, money: AuthorityMoney)], change: Reorganisation) {
    let changeYear = change.firstSuccessorCensus - 1
    func present(in year: FinancialYear) -> [(name: String, code: String, money: AuthorityMoney)] {
      let codes = year.startYear < changeYear ? change.predecessors : change.successors
      return members.filter { codes.contains($0.code) }
    }
    var notes: [String] = []
    func combine(_ label: String, _ pick: (AuthorityMoney) -> [FinancialYear: MoneyAmount]) -> [FinancialYear: MoneyAmount] {
      let years = Set(members.flatMap { pick($0.money).keys })
      var result: [FinancialYear: MoneyAmount] = [:]
      for year in years {
        let group = present(in: year)
        let amounts = group.map { (name: $0.name, amount: pick($0.money)[year]) }
        let missing = amounts.filter { $0.amount == nil }.map(\.name)
        guard missing.isEmpty, !group.isEmpty else {
          notes.append("\(label) \(year): not given for \(missing.joined(separator: ", ")), so not summed")
          continue
        }
        result[year] = Self.sum(amounts.map { ($0.name, $0.amount!) })
      }
      return result
    }
    highNeedsBlock = combine("High Needs Block") { $0.highNeedsBlock.compactMapValues(MoneyAmount.init) }
    totalDSG = combine("total DSG") { $0.totalDSG.compactMapValues(MoneyAmount.init) }
    openingReserves = combine("opening reserve") { $0.openingReserves.mapValues(MoneyAmount.init) }
    let outturn = members.compactMap(\.money.outturnYear).max()
    outturnYear = outturn
    var costs: [String: MoneyAmount] = [:]
    var failures: [String: String] = [:]
    var other: MoneyAmount?
    if let outturn {
      let group = present(in: outturn)
      let placements = Set(group.flatMap { Array($0.money.unitCosts.keys) + Array($0.money.unitCostFailures.keys) })
      for placement in placements {
        let failed = group.compactMap { member in
          member.money.unitCosts[placement] == nil
            ? "\(member.name): \(member.money.unitCostFailures[placement] ?? "no cost derived")" : nil
        }
        if !failed.isEmpty {
          failures[placement] = failed.joined(separator: "; ")
          continue
        }
        costs[placement] = Self.pooledCost(group.map { ($0.name, $0.money.unitCosts[placement]!) })
      }
      let others = group.map { ($0.name, $0.money.otherSpend) }
      if others.allSatisfy({ $0.1 != nil }), !others.isEmpty {
        other = Self.sum(others.map { ($0.0, MoneyAmount($0.1!)) })
      } else {
        notes.append("other spend \(outturn): no s251 outturn for every member")
      }
    }
    unitCosts = costs
    unitCostFailures = failures
    otherSpend = other
    self.notes = notes.sorted()
    outturnCheck = nil
    let reconciling = outturn.map { year in present(in: year).map { ($0.name, $0.money.outturnCheck) } } ?? []
    if !reconciling.isEmpty, reconciling.allSatisfy({ $0.1 != nil }) {
      reconcilingIncome = Self.sum(reconciling.map { ($0.0, MoneyAmount($0.1!.reconcilingIncome)) })
      reconcilingNote = nil
    } else {
      reconcilingIncome = nil
      let lacking = reconciling.filter { $0.1 == nil }.map(\.0).joined(separator: ", ")
      reconcilingNote = Self.noReconciling(outturn) + (lacking.isEmpty ? "" : " for \(lacking)")
    }
  }

  /// The sum of the members' amounts, with each member's figure named (`£a BCP + £b Dorset = £T`).
  static func sum(_ parts: [(String, MoneyAmount)]) -> MoneyAmount {
    if parts.count == 1 { return parts[0].1 }
    let total = parts.reduce(0) { $0 + $1.1.value }
    let terms = parts.map { "\(FormulaText.pounds($0.1.value)) \($0.0)" }.joined(separator: " + ")
    let inner = parts.compactMap { part in part.1.formula.map { "\(part.0): \($0)" } }
    let formula = "\(terms) = \(FormulaText.pounds(total))" + (inner.isEmpty ? "" : "; " + inner.joined(separator: "; "))
    return MoneyAmount(
      value: total, cells: parts.flatMap(\.1.cells), formula: formula, parameters: parts.flatMap(\.1.parameters))
  }

  /// A cost per plan over several members: Σ (cost × plans) / Σ plans, each member's cost and
  /// plan count its own derivation's.
  static func pooledCost(_ parts: [(String, DerivedFigure)]) -> MoneyAmount {
    if parts.count == 1 { return MoneyAmount(parts[0].1) }
    let plans = parts.map { $0.1.parameters.first?.value ?? 0 }
    let spend = zip(parts, plans).map { $0.0.1.value * $0.1 }
    let value = spend.reduce(0, +) / plans.reduce(0, +)
    let terms = zip(parts, spend).map { "\(FormulaText.pounds($0.1)) \($0.0.0)" }.joined(separator: " + ")
    let counts = zip(parts, plans).map { "\(Int($0.1.rounded())) \($0.0.0)" }.joined(separator: " + ")
    let formula =
      "(\(terms)) / (\(counts)) plans = \(FormulaText.pounds(value)) per placement; "
      + parts.map { "\($0.0): \($0.1.formula)" }.joined(separator: "; ")
    return MoneyAmount(
      value: value, cells: parts.flatMap(\.1.inputs), formula: formula, parameters: parts.flatMap(\.1.parameters))
  }
}
