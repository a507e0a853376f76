import Spreadsheet

/// Where a figure was read: the cell, the edition, and the unit the file printed it in.
public struct FinanceSource: Hashable, Sendable {
  /// File, sheet, row and column of the cell.
  public let location: CellLocation
  /// The edition the figure belongs to.
  public let edition: Edition
  /// The money unit of the column in the file (nil for counts and percentages).
  public let unitInFile: MoneyUnit?

  /// Creates a source.
  public init(location: CellLocation, edition: Edition, unitInFile: MoneyUnit?) {
    self.location = location
    self.edition = edition
    self.unitInFile = unitInFile
  }
}

/// The money unit a column is printed in; values are converted to pounds on reading.
public enum MoneyUnit: String, Hashable, Sendable {
  /// Pounds (`(£s)`, `£`).
  case pounds = "£"
  /// Thousands of pounds (`(£k)`, `(£000s)`).
  case thousands = "£k"
  /// Millions of pounds (`(£ million)`, `(£m)`).
  case millions = "£m"

  /// Pounds per unit.
  public var factor: Double {
    switch self {
    case .pounds: return 1
    case .thousands: return 1_000
    case .millions: return 1_000_000
    }
  }
}
