import FinanceData
import HighNeeds

/// The DfE finance figures the store holds for one authority, and what is derived from them:
/// what `data show --authority` prints beside the plans and what `init --authority` writes.
///
/// Every figure is a ``FinanceRecord`` (file, sheet, row, column, edition) or a
/// ``DerivedFigure`` (formula and inputs). Years no file gives are absent, never zero.
public struct AuthorityMoney: Sendable {
  /// The finance files' name and LA code for the authority (nil when no file names it).
  public let financeAuthority: FinanceData.Authority?
  /// The High Needs Block before deductions by financial year (the figure councils quote:
  /// Medway's £38.22m for 2019-20; the seed's £38.226m is this, not the after-deductions figure).
  public let highNeedsBlock: [FinancialYear: FinanceRecord]
  /// The High Needs Block after deductions (academy recoupment, places funded directly).
  public let highNeedsBlockAfterDeductions: [FinancialYear: FinanceRecord]
  /// Total DSG before deductions by financial year (the 1% test's denominator here).
  public let totalDSG: [FinancialYear: FinanceRecord]
  /// The DSG cumulative balance as % of income at the end of each financial year.
  public let balancePercent: [FinancialYear: FinanceRecord]
  /// Opening reserves derived from the balance % and total DSG, by the year they open.
  public let openingReserves: [FinancialYear: DerivedFigure]
  /// The financial year of the section 251 outturn used, if any.
  public let outturnYear: FinancialYear?
  /// Unit costs per placement (scenario placement names) from the s251 outturn lines divided by
  /// SEN2 plans at the January census in the outturn year.
  public let unitCosts: [String: DerivedFigure]
  /// Placements whose unit cost could not be derived, with why.
  public let unitCostFailures: [String: String]
  /// High needs spend not tied to a placement: the s251 outturn's central lines, less the
  /// top-ups' income, plus the AP and hospital academies' place funding paid by the ESFA.
  public let otherSpend: DerivedFigure?
  /// The outturn year's s251 spend against the block and the published deficit movement, nil
  /// when a figure it needs is not published.
  public let outturnCheck: OutturnCheck?
  /// England only: the national-row checks of the High Needs Block (every edition and year).
  public let nationalChecks: [NationalTotalCheck]

  /// The s251 lines that pay for no placement of a plan: SEN support and inclusion, AP services,
  /// hospital education, therapies and health, and the AP place funding and top-ups (PRUs and AP
  /// academies teach mostly pupils without plans: divided by SEN2's few plans in AP they give
  /// millions per plan, so they are counted here and AP plans get the assumption cost).
  public static let centralLines: [Section251Line] = [
    .senSupport, .alternativeProvisionServices, .hospitalEducation, .therapies, .placeFundingAlternativeProvision,
    .topUpMaintainedAlternativeProvision, .topUpIndependentAlternativeProvision,
  ]

  /// The s251 central service lines (the tool's last four columns).
  public static let serviceLines: [Section251Line] = [
    .senSupport, .alternativeProvisionServices, .hospitalEducation, .therapies,
  ]

  /// The s251 top-up income lines (from other authorities), which the tool's top-up totals
  /// subtract: taken off `other` so that all lines together are the tool's net total.
  public static let incomeLines: [Section251Line] = [.topUpMaintainedIncome, .topUpIndependentIncome]

  /// SEN2 placement groups counted for each unit-cost recipe (scenario placement names).
  public static let recipeGroups: [String: [PlacementGroup]] = [
    "mainstream": [.mainstream, .resourcedProvision], "maintained_special": [.maintainedSpecial],
    "independent_special": [.independentSpecial], "post16": [.post16],
  ]

  /// The money for `authority` from `dataset`, with unit costs over `placements` (SEN2 plans by
  /// placement group at each census, as ``AuthorityFigures/placements``).
  public init(
    dataset: FinanceDataset, authority: OfficialData.Authority, placements: [Int: [PlacementGroup: OfficialCount]]
  ) {
    let key: String
    if authority.level == .national {
      key = "England"
    } else if let code = authority.oldCode, let number = Int(code), dataset.authority(String(number)) != nil {
      key = String(number)
    } else {
      key = authority.name
    }
    financeAuthority = authority.level == .national ? nil : dataset.authority(key)
    let found = authority.level == .national || financeAuthority != nil
    func series(_ measure: FinanceMeasure) -> [FinancialYear: FinanceRecord] {
      found ? dataset.series(measure, for: key) : [:]
    }
    highNeedsBlock = series(.highNeedsBlock)
    highNeedsBlockAfterDeductions = series(.block(.highNeeds, .afterDeductions))
    totalDSG = series(.totalDSG)
    balancePercent = series(.dsgBalancePercentOfIncome)
    openingReserves = found ? dataset.openingReserves(for: key) : [:]
    nationalChecks = authority.level == .national ? dataset.nationalChecks(.highNeedsBlock) : []
    let lines = found && authority.level != .national ? dataset.section251(for: key, outturn: true) : []
    let year = lines.compactMap(\.period.financialYear).max()
    outturnYear = year
    var costs: [String: DerivedFigure] = [:]
    var failures: [String: String] = [:]
    var other: DerivedFigure?
    if let year {
      let census = year.startYear + 1
      let counts = Self.parameters(placements[census] ?? [:], census: census)
      let derived = dataset.unitCosts(for: key, outturn: true, placements: counts)
      costs = derived.costs
      failures = derived.failures.mapValues(\.description)
      for placement in Self.recipeGroups.keys where counts[placement] == nil && costs[placement] == nil {
        failures[placement] = "no SEN2 plans in \(placement) at January \(census)"
      }
      other = try? FinanceDerivation.sum(
        "other high needs spend", of: Self.centralLines, less: Self.incomeLines, deductions: UnitCostRecipe.centralDeductions,
        lines: lines, deductionRecords: dataset.placeDeductions(for: key))
    }
    unitCosts = costs
    unitCostFailures = failures
    otherSpend = other
    let (blocks, reserves) = (highNeedsBlock, openingReserves)
    outturnCheck = year.flatMap { year in
      OutturnCheck(
        year: year, lines: lines, deductions: found ? dataset.placeDeductions(for: key) : [], block: blocks[year],
        opening: reserves[year], closing: reserves[year.advanced(by: 1)])
    }
  }

  /// SEN2 plans in each recipe's groups at January `census`, with where they were read.
  static func parameters(_ groups: [PlacementGroup: OfficialCount], census: Int) -> [String: DerivationParameter] {
    var result: [String: DerivationParameter] = [:]
    for (placement, members) in recipeGroups {
      let counts = members.compactMap { groups[$0] }
      guard counts.count == members.count, counts.allSatisfy({ $0.value != nil }) else { continue }
      let total = counts.reduce(0) { $0 + ($1.value ?? 0) }
      guard total > 0 else { continue }
      var seen: Set<String> = []
      let sources = counts.map { "\($0.source)" }.filter { seen.insert($0).inserted }.joined(separator: " + ")
      let names = members.map(\.rawValue).joined(separator: " + ")
      result[placement] = DerivationParameter(
        name: "SEN2 plans in \(names) at January \(census)", value: Double(total), source: sources)
    }
    return result
  }
}

/// What a finance officer checks first: in the outturn year, did the spend the files give go
/// over the block by about what the DSG deficit grew? The rest was met from something these
/// files do not show (a transfer from the schools block, other blocks' balances, other income),
/// or the lines count spend the block does not fund.
///
/// spend = Σ s251 outturn totals (place funding, both top-ups net of income, the four central
/// lines) + the ESFA place funding deducted (the deductions sheet's total); over = spend − High
/// Needs Block before deductions; deficit growth = reserve at the start of the year − reserve at
/// its end (both derived from the balance %); unexplained = over − deficit growth.
public struct OutturnCheck: Sendable {
  /// The outturn year.
  public let year: FinancialYear
  /// The year's high needs spend (derived).
  public let spend: DerivedFigure
  /// The High Needs Block before deductions that year.
  public let block: FinanceRecord
  /// The reserve at the start and at the end of the year (derived).
  public let opening: DerivedFigure
  public let closing: DerivedFigure

  /// spend − block.
  public var over: Double { spend.value - (block.value ?? 0) }
  /// How much the DSG deficit grew in the year (negative when it shrank).
  public var deficitGrowth: Double { opening.value - closing.value }
  /// over − deficit growth: spend met from elsewhere (positive) or funding left unspent.
  public var unexplained: Double { over - deficitGrowth }
  /// The funding line that makes the year's in-year balance equal the published movement
  /// (derived: ``FinanceDerivation/reconcilingIncome(spend:block:opening:closing:)``; the same
  /// amount as ``unexplained``, with its equation and cells).
  public let reconcilingIncome: DerivedFigure

  init?(
    year: FinancialYear, lines: [FinanceRecord], deductions: [FinanceRecord], block: FinanceRecord?,
    opening: DerivedFigure?, closing: DerivedFigure?
  ) {
    guard let block, block.value != nil, let opening, let closing,
      deductions.contains(where: { $0.measure == .placeDeduction(.total) && $0.period == .financialYear(year) }),
      let spend = try? FinanceDerivation.sum(
        "high needs spend", of: [.placeFunding, .topUpMaintained, .topUpIndependent] + AuthorityMoney.serviceLines,
        deductions: [.total], lines: lines.filter { $0.period == .financialYear(year) }, deductionRecords: deductions),
      let reconciling = try? FinanceDerivation.reconcilingIncome(
        spend: spend, block: block, opening: opening, closing: closing)
    else { return nil }
    self.year = year
    self.spend = spend
    self.block = block
    self.opening = opening
    self.closing = closing
    reconcilingIncome = reconciling
  }
}

extension OfficialStore {
  /// The finance figures for `authority`, with unit costs over `placements`.
  ///
  /// - Throws: `.store` when the store cannot be read.
  public func money(
    of authority: Authority, placements: [Int: [PlacementGroup: OfficialCount]]
  ) throws -> AuthorityMoney {
    // A local authority's money reads only its own rows; England's checks need every authority's.
    let dataset = try read { db in
      try financeDataset(db, authorityIDs: authority.level == .national ? nil : try financeNamesakes(of: authority, db))
    }
    return AuthorityMoney(dataset: dataset, authority: authority, placements: placements)
  }
}
