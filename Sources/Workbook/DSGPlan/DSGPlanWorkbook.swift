import ReportFormatting

/// Builds the DSG management plan workbook from a ``DSGPlanInput``.
///
/// Sheets, laid out as the DfE's DSG management plan template is: ``summarySheet`` (end-of-year
/// positions and the 1% rule, with a native line chart of the reserve), ``financialPlanSheet``
/// (high needs lines down the side, years across), ``childrenSheet`` (plans by year ×
/// placement, by age band when given, with a stacked area chart), ``mitigationsSheet`` (one
/// row per lever: type, start, savings by year), ``placesSheet`` (capacity against demand) and
/// ``assumptionsSheet`` (every input, its value and source). When levers exist, unmitigated
/// and mitigated figures stand side by side. Money cells hold whole pounds (rounded half away
/// from zero) with a `£#,##0` format; years are text; header rows are frozen.
///
/// ```swift
/// let workbook = DSGPlanWorkbook.build(input)
/// try workbook.write(to: "medway-dsg-plan.xlsx")
/// ```
public enum DSGPlanWorkbook {
  /// Tab name of the summary.
  public static let summarySheet = "Summary"
  /// Tab name of the high needs lines by year.
  public static let financialPlanSheet = "High needs financial plan"
  /// Tab name of plans by year and placement.
  public static let childrenSheet = "Children and young people"
  /// Tab name of the levers.
  public static let mitigationsSheet = "Mitigations"
  /// Tab name of place sufficiency.
  public static let placesSheet = "Places"
  /// Tab name of the inputs.
  public static let assumptionsSheet = "Assumptions"

  /// Rows above a sheet's table header: title, subtitle, a blank row.
  static let headerRow = 3

  /// The workbook for `input`: all six sheets, in the order above.
  public static func build(_ input: DSGPlanInput) -> Workbook {
    Workbook(sheets: [
      summary(input), financialPlan(input), children(input), mitigations(input), places(input),
      assumptions(input),
    ])
  }

  /// A sheet with the title block every sheet opens with.
  static func titled(_ name: String, _ input: DSGPlanInput) -> Worksheet {
    var sheet = Worksheet(name: name)
    sheet.append([
      .text("\(input.authority): \(name.lowercased() == "summary" ? "DSG management plan" : name)", bold: true)
    ])
    sheet.append([.text(input.scenario, italic: true)])
    sheet.appendBlankRow()
    return sheet
  }

  /// Money rounded to whole pounds, half away from zero (as `Pounds.wholePounds`).
  static func wholePounds(_ value: Double) -> Double { value.rounded(.toNearestOrAwayFromZero) }

  /// A money cell of whole pounds; empty for nil. A non-finite amount is kept as it is, so that
  /// writing the workbook fails with ``WorkbookError/Code/nonFiniteNumber`` naming the cell
  /// (a NaN in a ledger is a fault to report, not a blank to print).
  static func money(_ value: Double?, bold: Bool = false) -> Cell {
    guard let value else { return .empty }
    return .pounds(wholePounds(value), bold: bold)
  }

  /// `Outturn` for an actual year, else `Forecast`.
  static func status(_ year: DSGPlanYear) -> String { year.actual ? "Outturn" : "Forecast" }

  /// `Yes` or `No`.
  static func yesNo(_ flag: Bool) -> Cell { .text(flag ? "Yes" : "No", alignRight: true) }

  /// The readable name of a key.
  static func name(_ key: String) -> String { DisplayName.of(key) }
}
