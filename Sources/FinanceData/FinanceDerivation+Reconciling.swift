import HighNeeds

extension FinanceDerivation {
  /// The reconciling income of an outturn year: the funding the files do not show that makes
  /// the year's in-year balance equal the published movement of the DSG balance. A calibration
  /// to the outturn (in-sample by construction), not a published figure.
  ///
  /// reconciling income = movement − (block − spend), movement = closing − opening reserve
  /// (both derived from the balance %; negative when the deficit grew), block the High Needs
  /// Block before deductions, spend the s251 outturn totals + the ESFA place funding deducted.
  /// So block + reconciling income − spend = movement. Positive: spend was met from something
  /// the files do not show (a schools block transfer, other blocks' balances, other income);
  /// negative: the lines count less spend than the block and the movement imply.
  ///
  /// - Throws: ``DerivationError`` when the block is not published or the figures are not of
  ///   one authority and year (the reserves of its start and end).
  public static func reconcilingIncome(
    spend: DerivedFigure, block: FinanceRecord, opening: DerivedFigure, closing: DerivedFigure
  ) throws -> DerivedFigure {
    guard let year = block.period.financialYear, let amount = block.value else {
      throw DerivationError(reason: "reconciling income: the High Needs Block is not published (\(block.source.location))")
    }
    guard spend.period == block.period, opening.period == block.period,
      closing.period == .financialYear(year.advanced(by: 1)),
      [spend.area, opening.area, closing.area].allSatisfy({ FinanceDataset.areaKey($0) == FinanceDataset.areaKey(block.area) })
    else {
      throw DerivationError(reason: "reconciling income: the figures are not all of \(block.area) \(year)")
    }
    let movement = closing.value - opening.value
    let value = movement - (amount - spend.value)
    let formula =
      "published deficit movement \(year) (reserve \(FormulaText.pounds(closing.value)) at 31 March \(year.startYear + 1)"
      + " − \(FormulaText.pounds(opening.value)) at 1 April \(year.startYear) = \(FormulaText.pounds(movement))) − "
      + "(High Needs Block \(FormulaText.pounds(amount)) − spend \(FormulaText.pounds(spend.value)) [s251 outturn + "
      + "ESFA place funding]) = \(FormulaText.pounds(value)); so block + reconciling income − spend = the movement"
    var seen: Set<String> = []
    let inputs = ([block] + spend.inputs + opening.inputs + closing.inputs).filter {
      seen.insert($0.source.location.description).inserted
    }
    return DerivedFigure(
      name: "reconciling income", area: block.area, period: block.period, value: value, formula: formula,
      inputs: inputs, parameters: [])
  }
}
