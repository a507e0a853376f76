import Foundation

/// Why a scalar could not be read as the value a field wants.
public struct ValueProblem: Error {
  /// What was wrong with the text.
  public let problem: String
  /// What would have been accepted.
  public let expected: String

  /// A problem and what would have been accepted.
  public init(problem: String, expected: String) {
    self.problem = problem
    self.expected = expected
  }
}

/// Parsers for the value forms a finance officer writes: `£38.226m`, `£41,740k`, `8%`, `2019/20`.
///
/// Each returns the value or throws ``ValueProblem``; none traps on any input (no force
/// unwraps, no integer conversion of unchecked doubles).
public enum FriendlyValues {
  /// The largest amount of money accepted: £1,000bn. Anything larger is a typo.
  public static let moneyLimit = 1e12
  /// The largest plan count accepted.
  public static let countLimit = 10_000_000.0

  public static let moneyForms = "an amount such as £38.226m, £41,740k, £8,000 or 38226000"
  public static let shareForms = "a percentage such as 8% or a fraction such as 0.08"
  public static let yearForms = "a financial year such as 2019-20 or 2019/20"

  /// Reads money: optional sign, optional `£`, digits with optional thousands commas and
  /// decimals, optional suffix `k` (thousands), `m` (millions) or `bn` (billions).
  public static func money(_ raw: String) throws -> Double {
    var text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
    var negative = false
    if let first = text.first, first == "-" || first == "−" || first == "+" {
      negative = first != "+"
      text.removeFirst()
    }
    if text.hasPrefix("£") { text.removeFirst() }
    if !negative, let first = text.first, first == "-" || first == "−" {
      negative = true
      text.removeFirst()
    }
    var multiplier = 1.0
    let lower = text.lowercased()
    for (suffix, factor) in [("bn", 1e9), ("m", 1e6), ("k", 1e3)] where lower.hasSuffix(suffix) {
      multiplier = factor
      text.removeLast(suffix.count)
      break
    }
    guard let number = plainNumber(text) else {
      throw ValueProblem(problem: "'\(raw)' is not an amount of money", expected: moneyForms)
    }
    let amount = number * multiplier
    guard amount.isFinite, amount <= moneyLimit else {
      throw ValueProblem(problem: "'\(raw)' is too large", expected: "an amount under £1,000bn")
    }
    return negative ? -amount : amount
  }

  /// Reads a share or rate: `8%`, `-1.5%`, `0.08`. A bare number outside -1...1 is refused as
  /// ambiguous (is `8` meant as 8% or 800%?).
  public static func share(_ raw: String) throws -> Double {
    var text = raw.trimmingCharacters(in: .whitespaces)
    var negative = false
    if let first = text.first, first == "-" || first == "−" || first == "+" {
      negative = first != "+"
      text.removeFirst()
    }
    let percent = text.hasSuffix("%")
    if percent { text.removeLast() }
    guard let number = plainNumber(text.trimmingCharacters(in: .whitespaces)) else {
      throw ValueProblem(problem: "'\(raw)' is not a percentage", expected: shareForms)
    }
    let value = (negative ? -number : number) / (percent ? 100 : 1)
    guard percent || abs(value) <= 1 else {
      throw ValueProblem(
        problem: "'\(raw)' is ambiguous as a bare number",
        expected: "\(raw)% written with a percent sign, or a fraction between -1 and 1")
    }
    guard abs(value) <= 100 else {
      throw ValueProblem(problem: "'\(raw)' is too large", expected: "a percentage under 10,000%")
    }
    return value
  }

  /// Reads a financial year (`2019-20`, `2019/20`, `2019-2020`).
  public static func financialYear(_ raw: String) throws -> FinancialYear {
    guard let year = FinancialYear(parsing: raw) else {
      throw ValueProblem(problem: "'\(raw)' is not a financial year", expected: yearForms)
    }
    return year
  }

  /// Reads a census year: a four-digit calendar year (the January of the count).
  public static func censusYear(_ raw: String) throws -> CensusYear {
    let text = raw.trimmingCharacters(in: .whitespaces)
    guard text.count == 4, text.allSatisfy(\.isASCIIDigit), let year = Int(text),
      FinancialYear.plausibleStartYears.contains(year)
    else {
      throw ValueProblem(
        problem: "'\(raw)' is not a census year", expected: "a calendar year such as 2020 (the January count)")
    }
    return CensusYear(year)
  }

  /// Reads a count of plans: a whole number, commas allowed (`2,500`), zero or more.
  public static func count(_ raw: String) throws -> Double {
    // The common case, plain digits (`2296`), without the general parser's work.
    if raw.utf8.count <= 7, !raw.isEmpty, raw.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      let whole = Int(raw)
    {
      return Double(whole)
    }
    let text = raw.trimmingCharacters(in: .whitespaces)
    let expected = "a whole number of plans, zero or more, such as 2500 or 2,500"
    if text.hasPrefix("-") || text.hasPrefix("−") {
      throw ValueProblem(problem: "'\(raw)' is negative", expected: expected)
    }
    guard let number = plainNumber(text) else {
      throw ValueProblem(problem: "'\(raw)' is not a number", expected: expected)
    }
    guard number == number.rounded() else {
      throw ValueProblem(problem: "'\(raw)' is not a whole number", expected: expected)
    }
    guard number <= countLimit else {
      throw ValueProblem(problem: "'\(raw)' is too large", expected: "a count under 10,000,000")
    }
    return number
  }

  /// An unsigned decimal: `38226000`, `38.226`, `41,740` (commas only in groups of three).
  /// Refuses exponents, `inf`, `nan` and anything else `Double(_:)` would accept.
  public static func plainNumber(_ text: String) -> Double? {
    guard !text.isEmpty, text.count <= 40 else { return nil }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let integerPart = parts.first else { return nil }
    if parts.count == 2 {
      guard let fraction = parts.last, !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
    }
    if integerPart.contains(",") {
      let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
      guard let head = groups.first, (1...3).contains(head.count),
        groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
        groups.dropFirst().allSatisfy({ $0.count == 3 })
      else { return nil }
    } else {
      guard !integerPart.isEmpty || parts.count == 2, integerPart.allSatisfy(\.isASCIIDigit) else { return nil }
    }
    return Double(text.replacingOccurrences(of: ",", with: ""))
  }
}
