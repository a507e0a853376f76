import HighNeeds

extension FinanceDataset {
  /// The opening DSG reserve of `year` for `authority`, derived from the balance % at the end
  /// of the year before and that year's total DSG before deductions; nil when either is not
  /// published (the reserve is then an assumption).
  public func openingReserve(for authority: String, in year: FinancialYear) -> DerivedFigure? {
    let previous = year.advanced(by: -1)
    guard let balance = record(.dsgBalancePercentOfIncome, for: authority, in: previous),
      let income = record(.totalDSG, for: authority, in: previous)
    else { return nil }
    return try? FinanceDerivation.openingReserve(balance: balance, income: income)
  }

  /// Every opening reserve that can be derived for `authority`, by the year it opens.
  public func openingReserves(for authority: String) -> [FinancialYear: DerivedFigure] {
    var reserves: [FinancialYear: DerivedFigure] = [:]
    for year in series(.dsgBalancePercentOfIncome, for: authority).keys {
      if let reserve = openingReserve(for: authority, in: year.advanced(by: 1)) {
        reserves[year.advanced(by: 1)] = reserve
      }
    }
    return reserves
  }

  /// The section 251 records of `authority`: the budget lines or the outturn lines.
  public func section251(for authority: String, outturn: Bool) -> [FinanceRecord] {
    records(for: authority).filter {
      switch $0.measure {
      case .section251Budget: return !outturn
      case .section251Outturn: return outturn
      default: return false
      }
    }
  }

  /// The `High_needs_deductions` records of `authority` (every year published).
  public func placeDeductions(for authority: String) -> [FinanceRecord] {
    records(for: authority).filter {
      if case .placeDeduction = $0.measure { return true } else { return false }
    }
  }

  /// Unit costs for `authority` from its s251 outturn (or budget) lines, the place funding
  /// deducted for direct payment in the same year, and the placement counts given, one per recipe that has a count (keyed by the recipe's placement name). A recipe
  /// whose lines are not published gives an error in `failures` instead of a figure.
  public func unitCosts(
    for authority: String, outturn: Bool = true, placements: [String: DerivationParameter],
    recipes: [UnitCostRecipe] = UnitCostRecipe.standard
  ) -> (costs: [String: DerivedFigure], failures: [String: DerivationError]) {
    let lines = section251(for: authority, outturn: outturn)
    let deductions = placeDeductions(for: authority)
    var costs: [String: DerivedFigure] = [:]
    var failures: [String: DerivationError] = [:]
    for recipe in recipes {
      guard let count = placements[recipe.placement] else { continue }
      do { costs[recipe.placement] = try FinanceDerivation.unitCost(recipe, lines: lines, deductions: deductions, placements: count) } catch {
        failures[recipe.placement] = error as? DerivationError ?? DerivationError(reason: "\(error)")
      }
    }
    return (costs, failures)
  }

  /// The benchmarking tool's own plan counts for `authority` in a recipe's categories, as
  /// parameters for ``unitCosts(for:outturn:placements:recipes:)`` when SEN2 counts are not at hand.
  public func benchmarkingPlacements(
    for authority: String, recipes: [UnitCostRecipe] = UnitCostRecipe.standard
  ) -> [String: DerivationParameter] {
    var result: [String: DerivationParameter] = [:]
    let plans = records(for: authority).filter {
      if case .plans(.some) = $0.measure { return true } else { return false }
    }
    for recipe in recipes {
      let matching = plans.filter { record in recipe.categories.contains { record.measure == .plans($0) } }
      guard matching.count == recipe.categories.count, matching.allSatisfy({ $0.value != nil }) else { continue }
      let total = matching.reduce(0) { $0 + ($1.value ?? 0) }
      let cells = matching.map { $0.source.location.description }.joined(separator: " + ")
      result[recipe.placement] = DerivationParameter(
        name: "plans in \(recipe.placement) (\(matching[0].period))", value: total, source: cells)
    }
    return result
  }

  /// England-row checks of `measure` over every edition read, superseded ones included.
  public func nationalChecks(_ measure: FinanceMeasure = .highNeedsBlock) -> [NationalTotalCheck] {
    NationalTotalCheck.checks(records + superseded, measure: measure)
  }
}
