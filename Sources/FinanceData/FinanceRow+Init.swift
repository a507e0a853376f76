extension FinanceRow {
  /// A row from its columns (a store reading its table back; the memberwise initialiser is
  /// internal to this module).
  public static func columns(
    areaKind: String, authorityName: String?, laCode: Int?, onsCode: String?, periodKind: String, periodYear: Int,
    measure: String, unit: String, value: Double?, missing: String?, file: String, sheet: String, row: Int,
    column: String, unitInFile: String?, editionKind: String, editionDate: String?, editionDateBasis: String
  ) -> FinanceRow {
    FinanceRow(
      areaKind: areaKind, authorityName: authorityName, laCode: laCode, onsCode: onsCode, periodKind: periodKind,
      periodYear: periodYear, measure: measure, unit: unit, value: value, missing: missing, file: file, sheet: sheet,
      row: row, column: column, unitInFile: unitInFile, editionKind: editionKind, editionDate: editionDate,
      editionDateBasis: editionDateBasis)
  }
}
