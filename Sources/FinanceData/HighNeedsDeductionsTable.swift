import HighNeeds
import Spreadsheet

/// Reads the `High_needs_deductions` sheet of a DSG allocation table (the 2021 to 2024
/// editions; the 2019-20 multi-year table has none): per authority and for England, the place
/// funding deducted from the High Needs Block for direct payment by the ESFA, by provider and
/// kind of place (``HighNeedsDeduction``).
///
/// Layout, found from the headings: the title in A1 names the year (`2020 to 2021 high needs
/// block deductions`); row 1 names the provider over its columns, row 2 the kind of place, row
/// 3 the two counts of places and the deduction in `(£s)`. Only the `(£s)` columns are read.
/// Rows whose first cell is an LA code are authorities; `ENGLAND` is the national row.
public enum HighNeedsDeductionsTable {
  static let sheetPrefix = "High_needs_deductions"

  /// The records of the deductions sheet of `workbook`, or none when it has no such sheet.
  ///
  /// - Throws: ``FinanceDataError`` naming the sheet, row and column when the title names no
  ///   year, a column ``HighNeedsDeduction`` expects is missing, or a heading names no unit.
  static func records(in workbook: Workbook, edition: (Sheet) -> Edition) throws -> [FinanceRecord] {
    try workbook.sheets.filter { $0.name.hasPrefix(sheetPrefix) }.flatMap { try records(in: $0, edition: edition($0)) }
  }

  static func records(in sheet: Sheet, edition: Edition) throws -> [FinanceRecord] {
    let year = try DSGAllocationTable.year(of: sheet)
    let columns = try self.columns(sheet)
    var records: [FinanceRecord] = []
    for row in sheet.rows where row.number > 3 {
      guard let area = try DSGAllocationTable.area(of: row, in: sheet) else { continue }
      for (deduction, index) in columns {
        let (value, missing) = CellReading.value(row[index])
        records.append(
          FinanceRecord(
            area: area, period: .financialYear(year), measure: .placeDeduction(deduction), value: value,
            missing: missing,
            source: FinanceSource(
              location: sheet.location(row: row.number, column: index), edition: edition, unitInFile: .pounds)))
      }
    }
    return records
  }

  /// The column of each deduction: the `(£s)` column under its provider and place headings
  /// (headings written once over several columns are carried to the right, merged or not).
  private static func columns(_ sheet: Sheet) throws -> [(HighNeedsDeduction, Int)] {
    let width = (1...3).map { sheet.row($0)?.cells.count ?? 0 }.max() ?? 0
    func carried(_ row: Int) -> [String] {
      var last = ""
      return (0..<width).map { column in
        let text = CellReading.heading(sheet.cellFillingMerges(row: row, column: column)).lowercased()
        if !text.isEmpty { last = text }
        return last
      }
    }
    let providers = carried(1)
    let places = carried(2)
    var found: [(HighNeedsDeduction, Int)] = []
    for deduction in HighNeedsDeduction.allCases {
      let (provider, place) = deduction.headings
      let index = (2..<width).first { column in
        let unit = CellReading.heading(sheet.cell(row: place == nil ? 1 : 3, column: column))
        guard providers[column].hasPrefix(provider), CellReading.moneyUnit(in: unit) == .pounds else { return false }
        guard let place else { return true }
        return places[column].hasPrefix(place) && unit.lowercased().contains("deduction")
      }
      guard let index else {
        throw FinanceDataError(
          .missingColumn, file: sheet.file, sheet: sheet.name, row: place == nil ? 1 : 3,
          expected: "a deduction column in (£s) under \"\(provider)\"" + (place.map { " / \"\($0)\"" } ?? ""))
      }
      found.append((deduction, index))
    }
    return found
  }
}
