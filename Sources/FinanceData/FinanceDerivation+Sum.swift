import HighNeeds

extension FinanceDerivation {
  /// The sum of the section 251 lines in `wanted`, less the lines in `less` (the top-ups'
  /// income from other authorities), plus the place deductions in `deductions` read from
  /// `deductionRecords`, for one authority and year, as a derived figure (`other` high needs
  /// spend: what no placement's unit cost uses).
  ///
  /// total = Σ wanted − Σ less + Σ deductions. Lines not published are left out and named in the
  /// formula, never read as 0; so are deductions when no deductions sheet is published that year.
  ///
  /// - Throws: ``DerivationError`` when none of the lines in `wanted` is published.
  public static func sum(
    _ name: String, of wanted: [Section251Line], less: [Section251Line] = [], deductions: [HighNeedsDeduction] = [],
    lines: [FinanceRecord], deductionRecords: [FinanceRecord] = []
  ) throws -> DerivedFigure {
    func find(_ line: Section251Line) -> FinanceRecord? {
      lines.first { ($0.measure == .section251Outturn(line) || $0.measure == .section251Budget(line)) }
    }
    let used = wanted.compactMap(find)
    let subtracted = less.compactMap(find).filter { $0.value != nil }
    let published = used.filter { $0.value != nil }
    guard let first = published.first else {
      throw DerivationError(reason: "\(name): none of the s251 lines \(wanted.map(\.rawValue)) is published")
    }
    var (places, note) = ([FinanceRecord](), "")
    if !deductions.isEmpty {
      let sameYear = deductionRecords.filter {
        $0.period == first.period && FinanceDataset.areaKey($0.area) == FinanceDataset.areaKey(first.area)
      }
      places = deductions.compactMap { deduction in
        sameYear.first { $0.measure == .placeDeduction(deduction) && $0.value != nil }
      }
      if sameYear.isEmpty {
        note = " (ESFA place funding not included: no High_needs_deductions sheet for \(first.period) in the files)"
      }
    }
    let total =
      (published + places).reduce(0) { $0 + ($1.value ?? 0) } - subtracted.reduce(0) { $0 + ($1.value ?? 0) }
    var formula = published.map { FormulaText.pounds($0.value ?? 0) + " " + lineName($0) }.joined(separator: " + ")
    for record in subtracted { formula += " − " + FormulaText.pounds(record.value ?? 0) + " " + lineName(record) }
    for record in places { formula += " + " + FormulaText.pounds(record.value ?? 0) + " " + lineName(record) }
    formula += " = \(FormulaText.pounds(total))" + note
    let absent = used.filter { $0.value == nil }.map { lineName($0) }
    if !absent.isEmpty { formula += " (not published, left out: \(absent.joined(separator: ", ")))" }
    return DerivedFigure(
      name: name, area: first.area, period: first.period, value: total, formula: formula,
      inputs: published + subtracted + places, parameters: [])
  }
}
