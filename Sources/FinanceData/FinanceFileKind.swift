import Foundation
import Spreadsheet

/// The DfE finance files this module reads, told apart by their sheets and headings (not by
/// file name).
public enum FinanceFileKind: String, Hashable, Sendable, CaseIterable {
  /// DSG allocation tables (`dedicated-schools-grant*.ods`): ``DSGAllocationTable``.
  case dsgAllocations = "DSG allocations"
  /// Total DSG by year (`DSG_by_year_dr.xlsx`): ``DSGTotalsExtract``.
  case dsgTotalsByYear = "DSG totals by year"
  /// High needs benchmarking extract: ``HighNeedsBenchmarking``.
  case highNeedsBenchmarking = "high needs benchmarking"
  /// DSG cumulative balance as % of income: ``DSGBalanceTable``.
  case dsgBalance = "DSG balance"

  /// The kind of `workbook`, or nil when it is none of them.
  public static func of(_ workbook: Workbook) -> FinanceFileKind? {
    if DSGAllocationTable.recognises(workbook) { return .dsgAllocations }
    if DSGTotalsExtract.recognises(workbook) { return .dsgTotalsByYear }
    if HighNeedsBenchmarking.recognises(workbook) { return .highNeedsBenchmarking }
    if DSGBalanceTable.recognises(workbook) { return .dsgBalance }
    return nil
  }

  /// The records of `workbook`, read as this kind of file.
  public func records(in workbook: Workbook) throws -> [FinanceRecord] {
    switch self {
    case .dsgAllocations: return try DSGAllocationTable.records(in: workbook)
    case .dsgTotalsByYear: return try DSGTotalsExtract.records(in: workbook)
    case .highNeedsBenchmarking: return try HighNeedsBenchmarking.records(in: workbook)
    case .dsgBalance: return try DSGBalanceTable.records(in: workbook)
    }
  }
}

/// Reading one finance file from disk or memory into its records.
public enum FinanceFile {
  /// Reads the workbook at `url` and its records, telling its kind from its content.
  ///
  /// - Throws: ``FinanceDataError``: `.spreadsheet` when the file cannot be read as ODS/XLSX
  ///   (``FinanceDataError/isUnreadable`` when it cannot be opened at all), `.unrecognisedFile`
  ///   when it is none of the known files, and the parsers' located errors.
  public static func read(url: URL) throws -> (kind: FinanceFileKind, records: [FinanceRecord]) {
    let workbook: Workbook
    do { workbook = try SpreadsheetReader.read(url: url) } catch let error as SpreadsheetError {
      throw FinanceDataError(error)
    }
    return try read(workbook)
  }

  /// Reads a workbook held in memory, named `name` in every location.
  public static func read(data: Data, name: String) throws -> (kind: FinanceFileKind, records: [FinanceRecord]) {
    let workbook: Workbook
    do { workbook = try SpreadsheetReader.read(data: data, name: name) } catch let error as SpreadsheetError {
      throw FinanceDataError(error)
    }
    return try read(workbook)
  }

  /// The records of an already-read workbook.
  public static func read(_ workbook: Workbook) throws -> (kind: FinanceFileKind, records: [FinanceRecord]) {
    guard let kind = FinanceFileKind.of(workbook) else {
      throw FinanceDataError(
        .unrecognisedFile, file: workbook.file,
        expected: "a DfE DSG allocation table (Allocations_* sheets), DSG totals by year (la_code, "
          + "Total DSG allocation (£s)), high needs benchmarking (Section 251 budget) or DSG balance "
          + "(\(DSGBalanceTable.balanceHeading)) file",
        found: "sheets " + workbook.sheetNames.map { "\"\($0)\"" }.joined(separator: ", "))
    }
    return (kind, try kind.records(in: workbook))
  }
}
