import HighNeeds

extension FinanceDataset {
  /// The authority called `name` (matched by ``AuthorityName/key(_:)``) or with LA code
  /// `name` (`"887"`), as the last file read names it; nil when no file has it.
  public func authority(_ name: String) -> Authority? {
    if let code = Int(name.trimmingCharacters(in: .whitespaces)) { return namedByCode[code] }
    return namedByKey[AuthorityName.key(name)]
  }

  /// The area that `name` stands for: `England` or an authority.
  func area(_ name: String) -> FinanceArea? {
    if AuthorityName.key(name) == "england" { return .england }
    return authority(name).map(FinanceArea.authority)
  }

  /// The record of `measure` for `area` (an authority's name or code, or `England`) in `period`.
  public func record(_ measure: FinanceMeasure, for area: String, in period: FinancePeriod) -> FinanceRecord? {
    guard let resolved = self.area(area) else { return nil }
    let key = Key(area: FinanceDataset.areaKey(resolved), period: period, measure: measure)
    return index[key].map { records[$0] }
  }

  /// The record of `measure` for `area` in financial year `year`.
  public func record(_ measure: FinanceMeasure, for area: String, in year: FinancialYear) -> FinanceRecord? {
    record(measure, for: area, in: .financialYear(year))
  }

  /// Every financial year's record of `measure` for `area`, by year (for example the High
  /// Needs Block 2019-20 to 2023-24). Years no file gives are absent: they are assumptions.
  public func series(_ measure: FinanceMeasure, for area: String) -> [FinancialYear: FinanceRecord] {
    var series: [FinancialYear: FinanceRecord] = [:]
    for record in records(for: area) where record.measure == measure {
      if let year = record.period.financialYear { series[year] = record }
    }
    return series
  }

  /// Every record for `area`, in file order.
  public func records(for area: String) -> [FinanceRecord] {
    guard let resolved = self.area(area) else { return [] }
    return (byArea[FinanceDataset.areaKey(resolved)] ?? []).map { records[$0] }
  }
}
