import HighNeeds

extension FinanceDerivation {
  /// The sum of the section 251 lines in `wanted` for one authority and year, as a derived figure
  /// (`other` high needs spend: the lines no placement's unit cost uses).
  ///
  /// total = Σ lines. Lines not published are left out and named in the formula, never read as 0.
  ///
  /// - Throws: ``DerivationError`` when none of the lines is published.
  public static func sum(
    _ name: String, of wanted: [Section251Line], lines: [FinanceRecord]
  ) throws -> DerivedFigure {
    let used = wanted.compactMap { line in
      lines.first { ($0.measure == .section251Outturn(line) || $0.measure == .section251Budget(line)) }
    }
    let published = used.filter { $0.value != nil }
    guard let first = published.first else {
      throw DerivationError(reason: "\(name): none of the s251 lines \(wanted.map(\.rawValue)) is published")
    }
    let total = published.reduce(0) { $0 + ($1.value ?? 0) }
    var formula = published.map { FormulaText.pounds($0.value ?? 0) + " " + lineName($0) }.joined(separator: " + ")
    formula += " = \(FormulaText.pounds(total))"
    let absent = used.filter { $0.value == nil }.map { lineName($0) }
    if !absent.isEmpty { formula += " (not published, left out: \(absent.joined(separator: ", ")))" }
    return DerivedFigure(
      name: name, area: first.area, period: first.period, value: total, formula: formula, inputs: published,
      parameters: [])
  }
}
