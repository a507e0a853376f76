/// A JSON value with object keys kept in the order they were added, so reports read in a
/// sensible order and the same ledger always produces byte-identical output.
public enum JSONValue: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A whole number (money in pounds, counts).
  case integer(Int64)
  /// A number written with up to `places` decimals (shares, factors, percentages).
  case number(Double, places: Int)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object whose keys keep their order.
  case object([(String, JSONValue)])

  /// Whole pounds, or null.
  static func pounds(_ amount: Pounds?) -> JSONValue { amount.map { .integer($0.wholePounds) } ?? .null }

  /// Compares structurally (objects compare keys in order).
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  /// The value as JSON text, indented two spaces per level.
  public func serialized(indent: Int = 0) -> String {
    let pad = String(repeating: "  ", count: indent + 1)
    let close = String(repeating: "  ", count: indent)
    switch self {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .integer(let value): return String(value)
    case .number(let value, let places):
      guard value.isFinite else { return "null" }
      var text = FixedPoint.format(value, places: places)
      if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
      }
      return text == "-0" ? "0" : text
    case .string(let value): return Self.quote(value)
    case .array(let values):
      guard !values.isEmpty else { return "[]" }
      return "[\n" + values.map { pad + $0.serialized(indent: indent + 1) }.joined(separator: ",\n") + "\n\(close)]"
    case .object(let pairs):
      guard !pairs.isEmpty else { return "{}" }
      return "{\n"
        + pairs.map { pad + Self.quote($0.0) + ": " + $0.1.serialized(indent: indent + 1) }.joined(separator: ",\n")
        + "\n\(close)}"
    }
  }

  /// A JSON string literal with the escapes RFC 8259 requires.
  public static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
