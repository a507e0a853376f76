/// Where a cell is: file, sheet, row and column, for messages that a person can follow.
///
/// Rows count from 1 and columns are letters, as a spreadsheet application shows them:
/// `dsg.ods:Allocations_1920:130:E`.
public struct CellLocation: Hashable, Sendable, CustomStringConvertible {
  /// The file's name as given to the reader (usually its last path component).
  public let file: String
  /// The sheet's name.
  public let sheet: String
  /// The row, counting from 1.
  public let row: Int
  /// The column, counting from 0 (column A is 0).
  public let columnIndex: Int

  /// Creates the location of the cell at `row` (from 1) and `columnIndex` (from 0).
  public init(file: String, sheet: String, row: Int, columnIndex: Int) {
    self.file = file
    self.sheet = sheet
    self.row = row
    self.columnIndex = columnIndex
  }

  /// The column's letters (`A`, `Z`, `AA`, `CI`).
  public var column: String { ColumnName.letters(columnIndex) }

  /// `file:sheet:row:column`, such as `dsg.ods:Allocations_1920:130:E`.
  public var description: String { "\(file):\(sheet):\(row):\(column)" }
}

/// Conversion between spreadsheet column letters and zero-based column indexes.
public enum ColumnName {
  /// The letters of the column at zero-based `index`: 0 is `A`, 25 is `Z`, 26 is `AA`.
  public static func letters(_ index: Int) -> String {
    guard index >= 0 else { return "?" }
    var remaining = index + 1
    var letters: [Character] = []
    while remaining > 0 {
      let digit = (remaining - 1) % 26
      letters.append(Character(UnicodeScalar(UInt8(65 + digit))))
      remaining = (remaining - 1) / 26
    }
    return String(letters.reversed())
  }

  /// The zero-based index of the column `letters` (case-insensitive). Nil for anything but
  /// one to three ASCII letters.
  public static func index(_ letters: Substring) -> Int? {
    guard (1...3).contains(letters.count) else { return nil }
    var value = 0
    for scalar in letters.unicodeScalars {
      let upper = scalar.value >= 97 ? scalar.value - 32 : scalar.value
      guard (65...90).contains(upper) else { return nil }
      value = value * 26 + Int(upper - 64)
    }
    return value - 1
  }

  /// Splits an A1-style reference (`CI104`) into a zero-based column and a row from 1.
  public static func parseReference(_ reference: String) -> (column: Int, row: Int)? {
    let letters = reference.prefix { $0.isLetter }
    let digits = reference.dropFirst(letters.count)
    guard let column = index(letters), !digits.isEmpty, digits.allSatisfy(\.isASCII),
      let row = Int(digits), row >= 1
    else { return nil }
    return (column, row)
  }
}
