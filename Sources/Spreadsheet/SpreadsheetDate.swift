/// A calendar date in a cell, with the time of day when the cell has one.
public struct SpreadsheetDate: Hashable, Sendable, CustomStringConvertible {
  /// The year (for example 2021).
  public let year: Int
  /// The month, 1 to 12.
  public let month: Int
  /// The day of the month, 1 to 31.
  public let day: Int
  /// Seconds after midnight (0 for a date without a time).
  public let secondsIntoDay: Double

  /// Creates the date `year`-`month`-`day`, `secondsIntoDay` after midnight.
  public init(year: Int, month: Int, day: Int, secondsIntoDay: Double = 0) {
    self.year = year
    self.month = month
    self.day = day
    self.secondsIntoDay = secondsIntoDay
  }

  /// ISO 8601: `2021-11-18`, with `T12:30:00` when there is a time of day.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    guard secondsIntoDay > 0 else { return date }
    let seconds = Int(secondsIntoDay.rounded())
    return date + "T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
  }

  /// Parses ISO 8601 `YYYY-MM-DD` optionally followed by `THH:MM[:SS[.fff]]` (as ODS writes
  /// `office:date-value`). Nil when the text is not of that form or the date does not exist.
  public init?(iso8601 text: String) {
    let parts = text.split(separator: "T", maxSplits: 1)
    guard let datePart = parts.first else { return nil }
    let fields = datePart.split(separator: "-").map { Int($0) }
    guard fields.count == 3, let year = fields[0], let month = fields[1], let day = fields[2],
      SpreadsheetDate.isValid(year: year, month: month, day: day)
    else { return nil }
    var seconds = 0.0
    if parts.count == 2 {
      let time = parts[1].split(separator: ":").map { Double($0.prefix { $0 != "Z" && $0 != "+" }) }
      guard time.count >= 2, time.allSatisfy({ $0 != nil }) else { return nil }
      seconds = (time[0] ?? 0) * 3600 + (time[1] ?? 0) * 60 + (time.count > 2 ? time[2] ?? 0 : 0)
    }
    self.init(year: year, month: month, day: day, secondsIntoDay: seconds)
  }

  /// The date an Excel serial number stands for: days since 1899-12-30 in the 1900 system
  /// for serials from 61, and since 1899-12-31 below that (Excel counts a 29 February 1900 that
  /// never was: its serial 60 reads here as 1 March 1900), or since 1904-01-01 in the 1904 system. Nil for serials outside 0 to 2,958,465 (year 9999).
  public init?(excelSerial serial: Double, uses1904System: Bool = false) {
    guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    var days = Int(serial.rounded(.down))
    let seconds = ((serial - Double(days)) * 86_400).rounded()
    if uses1904System {
      days += 1462
    } else if days < 61 {
      days += 1  // serials 1-60 count the non-existent 1900-02-29 that Excel keeps
    }
    // Days since 1899-12-30 to a civil date (Howard Hinnant's days_from_civil, inverted).
    let z = days - 25_569 + 719_468  // 1899-12-30 is 25,569 days before 1970-01-01
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shifted = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shifted + 2) / 5 + 1
    let month = shifted < 10 ? shifted + 3 : shifted - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.init(year: year, month: month, day: day, secondsIntoDay: seconds)
  }

  /// True when the date exists in the proleptic Gregorian calendar.
  static func isValid(year: Int, month: Int, day: Int) -> Bool {
    guard (1...12).contains(month), day >= 1 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= lengths[month - 1]
  }
}
