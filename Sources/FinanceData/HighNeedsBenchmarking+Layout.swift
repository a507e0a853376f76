import Foundation
import HighNeeds
import Spreadsheet

extension HighNeedsBenchmarking {
  /// Where each block of the benchmarking sheet is, found and checked from its headings.
  struct Layout {
    let budgetYear: FinancialYear
    let outturnYear: FinancialYear
    let populationYear: Int
    let codeColumn: Int
    let nameColumn: Int
    let populationColumn: Int
    let plansColumn: Int
    let placementColumn: Int
    let placementRow: Int
    let budgetColumn: Int
    let outturnColumn: Int

    init(_ sheet: Sheet) throws {
      let budget = try Self.require("Section 251 budget", in: sheet)
      let outturn = try Self.require("Section 251 outturn", in: sheet)
      budgetYear = try Self.budgetYear(sheet)
      outturnYear = try Self.outturnYear(sheet, heading: outturn)
      for (block, start) in [(budget, budget.columnIndex), (outturn, outturn.columnIndex)] {
        try Self.checkLines(sheet, row: block.row + 1, from: start)
      }
      budgetColumn = budget.columnIndex
      outturnColumn = outturn.columnIndex
      guard let headings = TableHeadings.find("LA code", in: sheet) else {
        throw FinanceDataError(.missingColumn, file: sheet.file, sheet: sheet.name, expected: "a column \"LA code\"")
      }
      codeColumn = try headings.column("LA code")
      nameColumn = try headings.column("LA name")
      plansColumn = try headings.column("No. aged up to 25 with SEN statement or EHCP")
      placementColumn = try headings.column("of these, placements in:")
      placementRow = headings.row.number + 1
      guard
        let population = headings.row.cells.firstIndex(where: { CellReading.heading($0).hasPrefix("2-18 Population") })
      else {
        throw FinanceDataError(
          .missingColumn, file: sheet.file, sheet: sheet.name, row: headings.row.number,
          expected: "a column \"2-18 Population (ONS mid-YYYY projection)\"")
      }
      populationColumn = population
      populationYear = try Self.populationYear(sheet, row: headings.row.number, column: population)
      for (offset, (_, heading)) in HighNeedsBenchmarking.placementHeadings.enumerated() {
        try Self.expect(heading, sheet, row: placementRow, column: placementColumn + offset)
      }
    }

    static func require(_ heading: String, in sheet: Sheet) throws -> CellLocation {
      guard let location = HighNeedsBenchmarking.find(heading, in: sheet) else {
        throw FinanceDataError(
          .missingColumn, file: sheet.file, sheet: sheet.name, expected: "a heading \"\(heading)\" in the first rows")
      }
      return location
    }

    static func expect(_ heading: String, _ sheet: Sheet, row: Int, column: Int) throws {
      let found = CellReading.heading(sheet.cell(row: row, column: column))
      guard found == heading else {
        throw FinanceDataError(
          .missingColumn, at: sheet.location(row: row, column: column), expected: "the heading \"\(heading)\"",
          found: found.isEmpty ? "an empty cell" : "\"\(found)\"")
      }
    }

    /// Each block's 27 line headings in ``Section251Line`` order.
    static func checkLines(_ sheet: Sheet, row: Int, from column: Int) throws {
      for (offset, line) in Section251Line.allCases.enumerated() {
        try expect(line.heading, sheet, row: row, column: column + offset)
      }
    }

    /// The cell right of the first `Year` label.
    static func budgetYear(_ sheet: Sheet) throws -> FinancialYear {
      let label = try require("Year", in: sheet)
      let cell = sheet.cell(row: label.row, column: label.columnIndex + 1)
      guard let year = CellReading.financialYears(in: cell.text ?? "").first else {
        throw FinanceDataError(
          .badValue, at: sheet.location(row: label.row, column: label.columnIndex + 1),
          expected: "the budget year (\"2021-22\")", found: cell.description)
      }
      return year
    }

    /// The latest year named in the note above the outturn block (`... and 2020-21 currently`).
    static func outturnYear(_ sheet: Sheet, heading: CellLocation) throws -> FinancialYear {
      let note = sheet.cell(row: heading.row - 1, column: heading.columnIndex)
      guard let year = CellReading.financialYears(in: note.text ?? "").max() else {
        throw FinanceDataError(
          .badValue, at: sheet.location(row: heading.row - 1, column: heading.columnIndex),
          expected: "a note naming the outturn years (\"values for 2016-17, ... and 2020-21\")",
          found: note.description)
      }
      return year
    }

    /// The year in `2-18 Population (ONS mid-2021 projection)`.
    static func populationYear(_ sheet: Sheet, row: Int, column: Int) throws -> Int {
      let heading = CellReading.heading(sheet.cell(row: row, column: column))
      guard let range = heading.range(of: #"mid-(\d{4})"#, options: .regularExpression),
        let year = Int(heading[range].dropFirst(4))
      else {
        throw FinanceDataError(
          .badValue, at: sheet.location(row: row, column: column),
          expected: "a heading naming the mid-year (\"mid-2021\")",
          found: heading)
      }
      return year
    }
  }
}
