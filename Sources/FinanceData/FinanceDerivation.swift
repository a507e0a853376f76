import HighNeeds

/// Figures derived from the published ones, as pure functions of the records they use.
public enum FinanceDerivation {
  /// The DSG reserve at the start of the year after `balance`'s: the cumulative balance at
  /// 31 March as a share of income, times that year's income.
  ///
  /// reserve(start of Y+1) = balance%(Y) / 100 × income(Y). The balance file gives the
  /// percentage of the s251 "total income"; the allocation tables give no such line, so the
  /// caller passes total DSG before deductions as the income (``FinanceDataset/openingReserve(for:in:)``
  /// does): an approximation, marked derived, with both inputs shown. Negative is a deficit.
  ///
  /// - Throws: ``DerivationError`` when the records are not a balance percentage and an amount
  ///   in pounds for the same authority and financial year, or either value is missing.
  public static func openingReserve(balance: FinanceRecord, income: FinanceRecord) throws -> DerivedFigure {
    guard balance.measure == .dsgBalancePercentOfIncome else {
      throw DerivationError(reason: "expected a DSG balance % record, got \(balance.measure)")
    }
    guard income.measure.unit == .pounds else {
      throw DerivationError(reason: "expected income in pounds, got \(income.measure)")
    }
    guard FinanceDataset.areaKey(balance.area) == FinanceDataset.areaKey(income.area) else {
      throw DerivationError(reason: "balance is for \(balance.area) but income is for \(income.area)")
    }
    guard let year = balance.period.financialYear, balance.period == income.period else {
      throw DerivationError(reason: "balance is for \(balance.period) but income is for \(income.period)")
    }
    guard let percent = balance.value, let amount = income.value else {
      throw DerivationError(
        reason: "\(balance.area) \(year): " + (balance.value == nil ? "the balance %" : "the income")
          + " is not published")
    }
    let value = percent / 100 * amount
    let formula =
      "\(percent)% × \(FormulaText.input(income)) = \(FormulaText.pounds(value))"
      + " (balance at 31 March \(year.startYear + 1), \(balance.source.location))"
    return DerivedFigure(
      name: "opening DSG reserve", area: balance.area, period: .financialYear(year.advanced(by: 1)), value: value,
      formula: formula, inputs: [balance, income], parameters: [])
  }

  /// Average cost per placement: the sum of the section 251 lines `recipe` names and the
  /// place funding deducted for its providers (``UnitCostRecipe/deductions``, read from
  /// `deductions`, the `High_needs_deductions` records of the same authority and year), divided
  /// by the number of plans in that placement (from SEN2, passed as a parameter).
  ///
  /// cost = (Σ s251 lines + Σ ESFA place deductions) / placements. The lines must all be budget
  /// or all outturn, for one authority and one year. When `deductions` holds no record for that
  /// year (no deductions sheet published: 2019-20) the cost is of the s251 lines alone and the
  /// formula says so.
  ///
  /// - Throws: ``DerivationError`` when a line the recipe needs is absent or not published, a
  ///   deduction is given but not published, records mix areas, years or budget and outturn, or
  ///   `placements` is not positive.
  public static func unitCost(
    _ recipe: UnitCostRecipe, lines: [FinanceRecord], deductions: [FinanceRecord] = [],
    placements: DerivationParameter
  ) throws -> DerivedFigure {
    guard placements.value > 0, placements.value.isFinite else {
      throw DerivationError(reason: "\(recipe.placement): placements must be positive, got \(placements.value)")
    }
    guard let first = lines.first else {
      throw DerivationError(reason: "\(recipe.placement): no section 251 lines given")
    }
    var used: [FinanceRecord] = []
    for line in recipe.lines {
      let matching = lines.filter { $0.measure == .section251Outturn(line) || $0.measure == .section251Budget(line) }
      guard let record = matching.first, matching.count == 1 else {
        throw DerivationError(
          reason: "\(recipe.placement): expected one record of s251 line \(line.rawValue), got \(matching.count)")
      }
      guard record.value != nil else {
        throw DerivationError(
          reason: "\(recipe.placement): s251 line \(line.rawValue) is not published for \(record.area) "
            + "(\(record.missing?.description ?? "missing"), \(record.source.location))")
      }
      used.append(record)
    }
    let sameKind = used.allSatisfy { isOutturn($0) == isOutturn(first) }
    guard sameKind,
      used.allSatisfy({
        $0.period == first.period && FinanceDataset.areaKey($0.area) == FinanceDataset.areaKey(first.area)
      })
    else { throw DerivationError(reason: "\(recipe.placement): lines mix areas, years, or budget and outturn") }
    let (places, note) = try placeFunding(
      recipe.deductions, from: deductions, like: first, for: recipe.placement)
    let total = (used + places).reduce(0) { $0 + ($1.value ?? 0) }
    let value = total / placements.value
    let terms = (used + places).map { FormulaText.pounds($0.value ?? 0) + " " + lineName($0) }.joined(separator: " + ")
    let formula =
      "(\(terms)) / \(placements.value) \(placements.name) = \(FormulaText.pounds(value)) per placement" + note
    return DerivedFigure(
      name: "unit cost \(recipe.placement)", area: first.area, period: first.period, value: value, formula: formula,
      inputs: used + places, parameters: [placements])
  }

  /// The deduction records `wanted` for `like`'s area and year, and a note for the formula when
  /// none is published for that year.
  static func placeFunding(
    _ wanted: [HighNeedsDeduction], from records: [FinanceRecord], like first: FinanceRecord, for name: String
  ) throws -> ([FinanceRecord], String) {
    guard !wanted.isEmpty else { return ([], "") }
    let sameYear = records.filter {
      $0.period == first.period && FinanceDataset.areaKey($0.area) == FinanceDataset.areaKey(first.area)
    }
    guard !sameYear.isEmpty else {
      return ([], "; ESFA place funding not included: no High_needs_deductions sheet for \(first.period) in the files")
    }
    return try (
      wanted.map { deduction in
        guard let record = sameYear.first(where: { $0.measure == .placeDeduction(deduction) }) else {
          throw DerivationError(reason: "\(name): no deduction \(deduction.rawValue) for \(first.area) \(first.period)")
        }
        guard record.value != nil else {
          throw DerivationError(
            reason: "\(name): deduction \(deduction.rawValue) is not published for \(record.area) "
              + "(\(record.missing?.description ?? "missing"), \(record.source.location))")
        }
        return record
      }, ""
    )
  }

  private static func isOutturn(_ record: FinanceRecord) -> Bool {
    if case .section251Outturn = record.measure { return true }
    return false
  }

  static func lineName(_ record: FinanceRecord) -> String {
    switch record.measure {
    case .section251Budget(let line), .section251Outturn(let line): return line.rawValue
    case .placeDeduction(let deduction): return "hnb_deduction." + deduction.rawValue
    default: return record.measure.code
    }
  }
}
